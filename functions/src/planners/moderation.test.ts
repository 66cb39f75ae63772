import { MATCHING, type MatchDoc, type ReportDoc, type TimestampLike } from "@mentormatch/shared";
import { describe, expect, it } from "vitest";
import {
  planBlock,
  planBlockedWords,
  planReport,
  planResolve,
  reportFiledText,
  reportResolvedText,
  type BlockPlan,
  type BlockPlanInput,
  type ReportPlan,
  type ReportPlanInput,
  type ResolvePlan,
} from "./moderation.js";

const H = 3_600_000;
const T0 = Date.UTC(2025, 0, 1, 9);
const now = new Date(T0 + 5 * H);
const ts = (millis: number): TimestampLike => ({ seconds: Math.floor(millis / 1000), nanoseconds: 0, toMillis: () => millis, toDate: () => new Date(millis) });
const SENT = T0 + H;

// ---- planReport -------------------------------------------------------------------------------------------------

const members = { sam: true, ada: true };
const adaMessage = { from: "ada", text: "buy my course", sentAt: SENT };

function storedReport(overrides: Partial<ReportDoc> = {}): ReportDoc {
  return {
    chatId: "ada_sam",
    messageId: "m1",
    reporterUid: "sam",
    reporterName: "Sam Okafor",
    authorUid: "ada",
    authorName: "Ada Lovelace",
    messageText: "buy my course",
    messageSentAt: ts(SENT),
    reason: "spam",
    details: "",
    status: "open",
    createdAt: ts(T0 + 2 * H),
    resolvedAt: null,
    resolvedBy: null,
    resolvedByName: null,
    action: null,
    note: "",
    ...overrides,
  };
}

describe("planReport", () => {
  const input = (overrides: Partial<ReportPlanInput> = {}): ReportPlanInput => ({
    reporterUid: "sam",
    members,
    message: adaMessage,
    existing: null,
    reporterName: "Sam Okafor",
    authorName: "Ada Lovelace",
    chatId: "ada_sam",
    messageId: "m1",
    reason: "spam",
    details: "third time today",
    now,
    ...overrides,
  });

  it.each<[string, Partial<ReportPlanInput>, ReportPlan]>([
    [
      "a member reports the other member's message: an open report with a snapshot",
      {},
      {
        action: "create",
        doc: {
          chatId: "ada_sam",
          messageId: "m1",
          reporterUid: "sam",
          reporterName: "Sam Okafor",
          authorUid: "ada",
          authorName: "Ada Lovelace",
          messageText: "buy my course",
          messageSentAt: new Date(SENT),
          reason: "spam",
          details: "third time today",
          status: "open",
          createdAt: now,
          resolvedAt: null,
          resolvedBy: null,
          resolvedByName: null,
          action: null,
          note: "",
        },
      },
    ],
    ["reported before: nothing new", { existing: storedReport() }, { action: "noop" }],
    ["no such chat", { members: null }, { action: "refuse", code: "not-found", message: "We could not find that conversation." }],
    ["not a member of the chat", { reporterUid: "eve" }, { action: "refuse", code: "not-found", message: "We could not find that conversation." }],
    ["a member flagged false is no member", { members: { sam: false, ada: true } }, { action: "refuse", code: "not-found", message: "We could not find that conversation." }],
    ["no such message", { message: null }, { action: "refuse", code: "not-found", message: "We could not find that message. It may have been removed." }],
    ["one's own message", { message: { ...adaMessage, from: "sam" } }, { action: "refuse", code: "failed-precondition", message: "You cannot report your own message." }],
    ["a message from someone not in the chat", { message: { ...adaMessage, from: "eve" } }, { action: "refuse", code: "not-found", message: "We could not find that message." }],
    ["a message already removed", { message: { ...adaMessage, removed: true, text: "" } }, { action: "refuse", code: "failed-precondition", message: "A moderator already removed this message." }],
  ])("%s", (_name, overrides, expected) => {
    expect(planReport(input(overrides))).toEqual(expected);
  });

  it("the admins' notification names both people and the reason, not the message", () => {
    expect(reportFiledText(storedReport({ reason: "harassment" }))).toBe("Sam Okafor reported a message from Ada Lovelace: harassment or bullying.");
  });
});

// ---- planResolve ------------------------------------------------------------------------------------------------

describe("planResolve", () => {
  const base = { action: "dismiss" as const, note: "not spam", adminUid: "root", adminName: "Morgan Admin", now };
  it.each<[string, Parameters<typeof planResolve>[0], ResolvePlan]>([
    [
      "dismiss an open report",
      { ...base, report: storedReport() },
      {
        action: "resolve",
        decided: "dismiss",
        reportUpdate: { status: "resolved", resolvedAt: now, resolvedBy: "root", resolvedByName: "Morgan Admin", action: "dismiss", note: "not spam" },
        audit: "report_dismissed",
      },
    ],
    [
      "remove the message",
      { ...base, action: "remove_message", note: "", report: storedReport() },
      {
        action: "resolve",
        decided: "remove_message",
        reportUpdate: { status: "resolved", resolvedAt: now, resolvedBy: "root", resolvedByName: "Morgan Admin", action: "remove_message", note: "" },
        audit: "message_removed",
      },
    ],
    ["no such report", { ...base, report: null }, { action: "refuse", code: "not-found", message: "We could not find that report." }],
    [
      "already resolved: the first decision stands, whatever is asked now",
      { ...base, report: storedReport({ status: "resolved", action: "remove_message", resolvedAt: ts(T0), resolvedBy: "root" }) },
      { action: "noop", decided: "remove_message" },
    ],
  ])("%s", (_name, input, expected) => {
    expect(planResolve(input)).toEqual(expected);
  });

  it("tells the reporter the outcome in plain words", () => {
    expect(reportResolvedText("remove_message", "Ada")).toBe("Thanks for your report. A moderator removed the message from Ada.");
    expect(reportResolvedText("dismiss", "Ada")).toBe("Thanks for your report. A moderator reviewed the message from Ada and left it in place.");
  });
});

// ---- planBlock --------------------------------------------------------------------------------------------------

function match(status: MatchDoc["status"], overrides: Partial<MatchDoc> = {}): MatchDoc {
  return {
    mentorId: "ada",
    menteeId: "sam",
    participants: ["ada", "sam"],
    status,
    round: 1,
    message: "Could you help me?",
    goals: [],
    mentorName: "Ada Lovelace",
    mentorTitle: "",
    menteeName: "Sam Okafor",
    menteeTitle: "",
    menteeDepartment: "",
    responseMessage: "",
    requestedAt: ts(T0),
    expiresAt: ts(T0 + MATCHING.requestDays * 24 * H),
    respondedAt: null,
    endedAt: null,
    endedBy: null,
    endMessage: "",
    responseCounted: false,
    createdAt: ts(T0),
    updatedAt: ts(T0),
    ...overrides,
  };
}

// One instance each, so toEqual compares their timestamps (which carry functions) by identity.
const ACCEPTED = match("accepted");
const PENDING = match("pending");

describe("planBlock", () => {
  const input = (overrides: Partial<BlockPlanInput> = {}): BlockPlanInput => ({
    blockerUid: "sam",
    blockedUid: "ada",
    blockedExists: true,
    alreadyBlocked: false,
    matches: [],
    profiles: { ada: { activeMenteeCount: 2 }, sam: { activeMenteeCount: 0 } },
    now,
    ...overrides,
  });

  it.each<[string, Partial<BlockPlanInput>, BlockPlan]>([
    ["nothing between them: only the block", {}, { action: "block", createBlock: true, matchChanges: [] }],
    ["blocked already, nothing open: a retry writes nothing", { alreadyBlocked: true }, { action: "block", createBlock: false, matchChanges: [] }],
    ["oneself", { blockedUid: "sam" }, { action: "refuse", code: "invalid-argument", message: "You cannot block yourself." }],
    ["nobody with that id", { blockedExists: false }, { action: "refuse", code: "not-found", message: "There is no one with that id on MentorMatch." }],
    [
      "the mentee blocks their mentor: the match ends as endMatch ends it, the count drops by one",
      { matches: [ACCEPTED] },
      {
        action: "block",
        createBlock: true,
        matchChanges: [
          {
            kind: "end",
            match: ACCEPTED,
            matchUpdate: { status: "ended", endedAt: now, endedBy: "sam", endMessage: "", updatedAt: now },
            mentorUpdate: { activeMenteeCount: 1 },
          },
        ],
      },
    ],
    [
      "the mentor blocks their mentee: ended, count − 1, and the mentor was active now",
      { blockerUid: "ada", blockedUid: "sam", matches: [ACCEPTED] },
      {
        action: "block",
        createBlock: true,
        matchChanges: [
          {
            kind: "end",
            match: ACCEPTED,
            matchUpdate: { status: "ended", endedAt: now, endedBy: "ada", endMessage: "", updatedAt: now },
            mentorUpdate: { activeMenteeCount: 1, lastActiveAt: now },
          },
        ],
      },
    ],
    [
      "the count never goes below zero",
      { matches: [ACCEPTED], profiles: { ada: { activeMenteeCount: 0 }, sam: null } },
      {
        action: "block",
        createBlock: true,
        matchChanges: [
          { kind: "end", match: ACCEPTED, matchUpdate: { status: "ended", endedAt: now, endedBy: "sam", endMessage: "", updatedAt: now }, mentorUpdate: { activeMenteeCount: 0 } },
        ],
      },
    ],
    [
      "the mentee blocks while their request waits: it is cancelled",
      { matches: [PENDING] },
      { action: "block", createBlock: true, matchChanges: [{ kind: "cancel", match: PENDING, matchUpdate: { status: "cancelled", updatedAt: now } }] },
    ],
    [
      "the mentor blocks a waiting request: declined, and not counted as an answer",
      { blockerUid: "ada", blockedUid: "sam", matches: [PENDING] },
      {
        action: "block",
        createBlock: true,
        matchChanges: [
          { kind: "decline", match: PENDING, matchUpdate: { status: "declined", responseMessage: "", respondedAt: now, updatedAt: now, responseCounted: true } },
        ],
      },
    ],
    [
      "closed matches are left as they are",
      { matches: [match("ended"), match("declined", { mentorId: "sam", menteeId: "ada" })] },
      { action: "block", createBlock: true, matchChanges: [] },
    ],
    [
      "blocked already, but a match is open (blocked before this rule existed): it still ends",
      { alreadyBlocked: true, matches: [ACCEPTED] },
      {
        action: "block",
        createBlock: false,
        matchChanges: [
          { kind: "end", match: ACCEPTED, matchUpdate: { status: "ended", endedAt: now, endedBy: "sam", endMessage: "", updatedAt: now }, mentorUpdate: { activeMenteeCount: 1 } },
        ],
      },
    ],
  ])("%s", (_name, overrides, expected) => {
    expect(planBlock(input(overrides))).toEqual(expected);
  });
});

// ---- planBlockedWords -------------------------------------------------------------------------------------------

describe("planBlockedWords", () => {
  it.each<[string, string[] | null, string[], ReturnType<typeof planBlockedWords>]>([
    ["the first list", null, ["spam"], { changed: true, countBefore: 0, countAfter: 1 }],
    ["a word added", ["spam"], ["spam", "scam"], { changed: true, countBefore: 1, countAfter: 2 }],
    ["the list emptied", ["spam", "scam"], [], { changed: true, countBefore: 2, countAfter: 0 }],
    ["the same list: nothing to write", ["spam", "scam"], ["spam", "scam"], { changed: false, countBefore: 2, countAfter: 2 }],
    ["the same words reordered is a change (the admin's order is kept)", ["spam", "scam"], ["scam", "spam"], { changed: true, countBefore: 2, countAfter: 2 }],
    ["an empty list where there was none is still written", null, [], { changed: true, countBefore: 0, countAfter: 0 }],
  ])("%s", (_name, before, after, expected) => {
    expect(planBlockedWords(before, after)).toEqual(expected);
  });
});
