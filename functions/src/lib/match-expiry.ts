import { paths, planExpiryCount } from "@mentormatch/shared";
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import { planExpiry } from "../planners/match.js";
import { db as defaultDb } from "./app.js";
import { readMatch, readProfile } from "./documents.js";
import { expiredMessages } from "./match-messages.js";
import { prepareNotifications } from "./notify.js";

export interface ExpiryResult {
  /** Pending requests the query found due. */
  examined: number;
  /** Those this run expired (the others were answered, or expired by another run, in the meantime). */
  expired: number;
  /** Whether the query hit its limit: more may be due, and the next run takes them. */
  more: boolean;
}

/**
 * Expires pending requests whose `expiresAt` is at or before `now` and tells both people. The query touches only due
 * requests (`status == pending && expiresAt <= now`, oldest first, at most `limit`); each expiry is its own
 * transaction that re-reads the match and asks planExpiry, so a request answered meanwhile is left alone, and a
 * second run (or two at once) finds nothing more to do: notifications dedupe on the transition's key. The expiry
 * also enters the mentor's responsiveness as an answer after the whole window (planExpiryCount), in the same
 * transaction that sets the match's `responseCounted`, so it is counted once.
 * The scheduled `expireMatchRequests` calls it every hour; tests call it with an injected `now`.
 */
export async function expireMatchRequests(options: { now: Date; limit?: number; db?: Firestore }): Promise<ExpiryResult> {
  const firestore = options.db ?? defaultDb();
  const limit = options.limit ?? 200;
  const due = await firestore
    .collection(paths.matches())
    .where("status", "==", "pending")
    .where("expiresAt", "<=", Timestamp.fromDate(options.now))
    .orderBy("expiresAt")
    .limit(limit)
    .select()
    .get();
  let expired = 0;
  for (const doc of due.docs) {
    const done = await firestore.runTransaction(async (tx) => {
      const match = readMatch(await tx.get(doc.ref));
      const plan = planExpiry({ match, now: options.now });
      if (plan.action === "skip" || !match) return false;
      // The expiry enters the mentor's responsiveness in this transaction, once (responseCounted).
      const mentorRef = firestore.doc(paths.user(match.mentorId));
      const count = planExpiryCount({ responseCounted: match.responseCounted, mentor: readProfile(await tx.get(mentorRef)) });
      const messages = expiredMessages(match);
      const notifications = await prepareNotifications(
        tx,
        [
          { uid: match.menteeId, input: messages.mentee },
          { uid: match.mentorId, input: messages.mentor },
        ],
        { db: firestore },
      );
      tx.update(doc.ref, { ...plan.matchUpdate, ...(count.action === "count" ? { responseCounted: true } : {}) });
      if (count.action === "count") tx.update(mentorRef, { ...count.mentorUpdate });
      notifications.write();
      return true;
    });
    if (done) expired += 1;
  }
  return { examined: due.size, expired, more: due.size === limit };
}
