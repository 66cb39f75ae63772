import { MATCHING, blockIdOf, matchIdOf, paths } from "@mentormatch/shared";
import { db } from "../lib/app.js";
import { defineCallable, fail } from "../lib/callable.js";
import { readMatch, readProfile } from "../lib/documents.js";
import { requestedMessage } from "../lib/match-messages.js";
import { prepareNotifications } from "../lib/notify.js";
import { planRequest } from "../planners/match.js";

/**
 * A mentee asks a mentor. A callable, not a client write, because two of the checks are beyond rules: the mentee's
 * number of pending requests (a count) and the mentor's open places (a consistent read of another document). One
 * transaction reads the mentor's and the mentee's profiles, the pair's match and the mentee's pending requests,
 * asks planRequest, writes the match and tells the mentor.
 */
export const requestMatch = defineCallable("requestMatch", async ({ uid, data }) => {
  const firestore = db();
  const matchId = matchIdOf(data.mentorId, uid);
  const matchRef = firestore.doc(paths.match(matchId));
  const mentorRef = firestore.doc(paths.user(data.mentorId));
  const menteeRef = firestore.doc(paths.user(uid));
  // A block either way refuses the request (blocks/ ids are {blocker}_{blocked}).
  const blockRefs = [firestore.doc(paths.block(blockIdOf(uid, data.mentorId))), firestore.doc(paths.block(blockIdOf(data.mentorId, uid)))];
  const pendingQuery = firestore
    .collection(paths.matches())
    .where("menteeId", "==", uid)
    .where("status", "==", "pending")
    .limit(MATCHING.maxPendingRequests);

  const plan = await firestore.runTransaction(async (tx) => {
    const [mentorSnap, menteeSnap, matchSnap, ...blockSnaps] = await tx.getAll(mentorRef, menteeRef, matchRef, ...blockRefs);
    const pending = await tx.get(pendingQuery);
    const plan = planRequest({
      menteeId: uid,
      mentee: readProfile(menteeSnap),
      mentorId: data.mentorId,
      mentor: readProfile(mentorSnap),
      match: readMatch(matchSnap),
      pendingCount: pending.size,
      message: data.message,
      goals: data.goals,
      blocked: blockSnaps.some((snap) => snap.exists),
      now: new Date(),
    });
    if (plan.action === "refuse") return plan;
    const notifications = await prepareNotifications(tx, [{ uid: data.mentorId, input: requestedMessage(plan.doc) }], { db: firestore });
    // Merge: a re-opened match keeps its chat outbox (chatSync), so a close still pending from the last round is retried.
    tx.set(matchRef, plan.doc, { merge: true });
    notifications.write();
    return plan;
  });
  if (plan.action === "refuse") throw fail(plan.code, plan.message);
  const expiresAt = plan.doc.expiresAt instanceof Date ? plan.doc.expiresAt : plan.doc.expiresAt.toDate();
  return { matchId, status: "pending", round: plan.doc.round, expiresAt: expiresAt.toISOString() };
});
