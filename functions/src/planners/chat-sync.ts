import type { MatchDoc, MatchStatus, TimestampLike } from "@mentormatch/shared";

/**
 * The chat-membership outbox's decisions, pure. The match in Firestore is the truth; its chat in the Realtime
 * Database follows it: both people are members, and the chat is open while the match is accepted and read-only
 * (`meta/closed`) in every other state. A match that never had a chat is left alone.
 */

export type ChatMatch = Pick<MatchDoc, "status" | "mentorId" | "menteeId"> & {
  chatSync?: MatchDoc["chatSync"];
  /** The outbox's version: written with every pending mark (a Date when just written, a Timestamp when read). */
  chatSyncAt?: TimestampLike | Date;
};

const millis = (at: TimestampLike | Date | undefined): number | null => (at === undefined ? null : at instanceof Date ? at.getTime() : at.toMillis());

export interface ChatTarget {
  members: [string, string];
  closed: boolean;
}

/** Statuses only reached through an acceptance: the pair has a chat. */
const CHAT_STATUSES: readonly MatchStatus[] = ["accepted", "ended"];

/**
 * What the chat must hold for this match, or null when it has none: it was never accepted (no `chatSync` was ever
 * written and it is neither accepted nor ended), or it does not exist.
 */
export function planChatTarget(match: ChatMatch | null): ChatTarget | null {
  if (!match) return null;
  if (!CHAT_STATUSES.includes(match.status) && match.chatSync === undefined) return null;
  return { members: [match.mentorId, match.menteeId], closed: match.status !== "accepted" };
}

/**
 * After a chat write succeeded, what the outbox says now, decided in a transaction on the match as it is now.
 * `wrote` is the state written and `version` the `chatSyncAt` of the match it was written for.
 * - The match now wants another state (it was accepted, then ended, meanwhile): this write may have landed after the
 *   newer one and undone it, so the sync is marked pending again with a new version. The newer attempt then no
 *   longer matches its version and leaves it pending, and the sweep writes the state the match calls for.
 * - The same state, and the outbox still pending at this write's version: done.
 * - The same state at another version: left alone; whoever set that version settles it, or the sweep does.
 */
export function planChatSyncDone(input: {
  current: ChatMatch | null;
  wrote: ChatTarget;
  version: TimestampLike | Date | undefined;
}): { action: "none" } | { action: "done" } | { action: "pending" } {
  const target = planChatTarget(input.current);
  if (!target) return { action: "none" };
  if (target.closed !== input.wrote.closed) return { action: "pending" };
  const version = millis(input.version);
  return input.current!.chatSync === "pending" && version !== null && millis(input.current!.chatSyncAt) === version
    ? { action: "done" }
    : { action: "none" };
}
