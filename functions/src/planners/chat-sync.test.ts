import type { MatchStatus } from "@mentormatch/shared";
import { describe, expect, it } from "vitest";
import { planChatSyncDone, planChatTarget, type ChatMatch, type ChatTarget } from "./chat-sync.js";

const match = (status: MatchStatus, chatSync?: ChatMatch["chatSync"]): ChatMatch => ({
  status,
  mentorId: "ada",
  menteeId: "sam",
  ...(chatSync ? { chatSync } : {}),
});
const OPEN: ChatTarget = { members: ["ada", "sam"], closed: false };
const CLOSED: ChatTarget = { members: ["ada", "sam"], closed: true };

describe("planChatTarget: the chat follows the match", () => {
  it.each<[string, ChatMatch | null, ChatTarget | null]>([
    ["accepted: both members, open", match("accepted", "pending"), OPEN],
    ["accepted before the outbox existed (no chatSync): open", match("accepted"), OPEN],
    ["ended: both members, read-only", match("ended", "pending"), CLOSED],
    ["ended before the outbox existed: read-only", match("ended"), CLOSED],
    ["re-requested after an end (pending, outbox present): read-only", match("pending", "pending"), CLOSED],
    ["declined after an earlier round's chat: read-only", match("declined", "done"), CLOSED],
    ["a request never accepted: no chat", match("pending"), null],
    ["declined, never accepted: no chat", match("declined"), null],
    ["expired, never accepted: no chat", match("expired"), null],
    ["cancelled, never accepted: no chat", match("cancelled"), null],
    ["no match: no chat", null, null],
  ])("%s", (_name, input, expected) => expect(planChatTarget(input)).toEqual(expected));
});

describe("planChatSyncDone: settling the outbox after a write", () => {
  const V1 = new Date(Date.UTC(2025, 0, 1, 9));
  const V2 = new Date(V1.getTime() + 5_000);
  const at = (m: ChatMatch, version: Date): ChatMatch => ({ ...m, chatSyncAt: { seconds: version.getTime() / 1000, nanoseconds: 0, toMillis: () => version.getTime(), toDate: () => version } });
  it.each<[string, ChatMatch | null, ChatTarget, Date | undefined, ReturnType<typeof planChatSyncDone>["action"]]>([
    ["wrote open for this version, still accepted and pending: done", at(match("accepted", "pending"), V1), OPEN, V1, "done"],
    ["wrote closed for this version, still ended and pending: done", at(match("ended", "pending"), V1), CLOSED, V1, "done"],
    ["wrote open, already done (a retry): nothing", at(match("accepted", "done"), V1), OPEN, V1, "none"],
    ["wrote open for a legacy accepted match (no outbox): nothing", match("accepted"), OPEN, undefined, "none"],
    ["the same state but a newer version is pending: left to its writer or the sweep", at(match("accepted", "pending"), V2), OPEN, V1, "none"],
    ["a write made without a version never marks done", at(match("accepted", "pending"), V1), OPEN, undefined, "none"],
    // An accept's write that lands after the end's close may have re-opened the chat: sweep it again.
    ["wrote open, the match ended and was settled meanwhile: pending again", at(match("ended", "done"), V2), OPEN, V1, "pending"],
    ["wrote open, the match ended and its close is still pending: pending again (a new version)", at(match("ended", "pending"), V2), OPEN, V1, "pending"],
    ["wrote closed, the match was accepted again: pending again", at(match("accepted", "done"), V2), CLOSED, V1, "pending"],
    ["the match is gone: nothing", null, OPEN, V1, "none"],
  ])("%s", (_name, current, wrote, version, expected) => expect(planChatSyncDone({ current, wrote, version }).action).toBe(expected));
});
