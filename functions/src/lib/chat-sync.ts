import { paths } from "@mentormatch/shared";
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions";
import { planChatSyncDone, planChatTarget, type ChatMatch, type ChatTarget } from "../planners/chat-sync.js";
import { db as defaultDb } from "./app.js";
import { syncChat, type ChatSyncResult } from "./chat-membership.js";
import { readMatch } from "./documents.js";

/**
 * The chat-membership outbox. A transition that changes a match's chat (accept, end, a role change ending matches)
 * writes `chatSyncPending(now)` onto the match in its own transaction, so the need to sync commits with the change;
 * after the commit it calls syncMatchChat, which writes the Realtime Database and then marks the match `done`. If
 * the write fails (or the function dies first), the match stays `pending` and the sweep (syncDueChats, scheduled
 * every 5 minutes) retries it from the match. No Realtime Database trigger is involved.
 */

/** A pending sync this old is taken by the sweep: long past any callable still finishing its own. */
export const CHAT_SYNC_DELAY_MS = 60_000;

/** The fields a transition writes onto the match, in its transaction, to say the chat must follow. */
export const chatSyncPending = (now: Date) => ({ chatSync: "pending" as const, chatSyncAt: now });

/**
 * Writes the chat state `match` calls for (members, open or closed) and, once written, settles the outbox in a
 * transaction on the match as it is now (planChatSyncDone): `done` when the match still wants that state at the
 * same outbox version (`match.chatSyncAt`), `pending` again when it changed meanwhile. Never throws: a failure leaves
 * the sync pending for the sweep. Answers "none" for a match that has no chat (never accepted).
 */
export async function syncMatchChat(
  matchId: string,
  match: ChatMatch,
  options: { db?: Firestore; timeoutMs?: number } = {},
): Promise<ChatSyncResult | "none"> {
  const target = planChatTarget(match);
  if (!target) return "none";
  const result = await syncChat(matchId, target, { timeoutMs: options.timeoutMs });
  if (result === "written") await settle(options.db ?? defaultDb(), matchId, target, match.chatSyncAt);
  return result;
}

async function settle(firestore: Firestore, matchId: string, wrote: ChatTarget, version: ChatMatch["chatSyncAt"]): Promise<void> {
  const ref = firestore.doc(paths.match(matchId));
  try {
    await firestore.runTransaction(async (tx) => {
      const plan = planChatSyncDone({ current: readMatch(await tx.get(ref)), wrote, version });
      if (plan.action === "done") tx.update(ref, { chatSync: "done" });
      else if (plan.action === "pending") tx.update(ref, chatSyncPending(new Date()));
    });
  } catch (err) {
    logger.warn(`chat ${matchId}: written, but the outbox was not settled; the sweep re-syncs it`, err);
  }
}

export interface ChatSweepResult {
  /** Matches whose pending sync was due. */
  examined: number;
  /** Those whose chat this run wrote. */
  written: number;
  /** Those still pending (the database did not answer, or the match did not parse); the next run retries. */
  failed: number;
  /** Whether the query hit its limit: more may be due, and the next run takes them. */
  more: boolean;
}

/**
 * Retries the chat syncs still pending CHAT_SYNC_DELAY_MS after they were asked for: the query touches only those
 * (`chatSync == pending && chatSyncAt <= now − delay`, oldest first, at most `limit`), and each is written from the
 * match as read now, so a second run (or two at once) writes the same thing and finds nothing more to do.
 * The scheduled `syncChatMembership` calls it; tests call it with an injected `now`.
 */
export async function syncDueChats(options: { now: Date; limit?: number; db?: Firestore; timeoutMs?: number }): Promise<ChatSweepResult> {
  const firestore = options.db ?? defaultDb();
  const limit = options.limit ?? 100;
  const due = await firestore
    .collection(paths.matches())
    .where("chatSync", "==", "pending")
    .where("chatSyncAt", "<=", Timestamp.fromMillis(options.now.getTime() - CHAT_SYNC_DELAY_MS))
    .orderBy("chatSyncAt")
    .limit(limit)
    .get();
  let written = 0;
  let failed = 0;
  for (const doc of due.docs) {
    let match;
    try {
      match = readMatch(doc);
    } catch (err) {
      logger.error(`chat ${doc.id}: match does not parse; chat not synced`, err);
      failed += 1;
      continue;
    }
    const result = match ? await syncMatchChat(doc.id, match, { db: firestore, timeoutMs: options.timeoutMs }) : "none";
    if (result === "written") written += 1;
    else if (result !== "none") failed += 1;
  }
  return { examined: due.size, written, failed, more: due.size === limit };
}
