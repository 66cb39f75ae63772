import { paths } from "@mentormatch/shared";
import { db } from "../lib/app.js";
import { defineCallable, fail } from "../lib/callable.js";
import { chatSyncPending, syncMatchChat } from "../lib/chat-sync.js";
import { readMatch, readProfile } from "../lib/documents.js";
import { acceptedMessageToMentee, acceptedMessageToMentor } from "../lib/match-messages.js";
import { prepareNotifications } from "../lib/notify.js";
import { planAccept } from "../planners/match.js";

/**
 * The mentor accepts a pending request. A callable because capacity needs a consistent read: one transaction reads
 * the match and the mentor's profile (the `activeMenteeCount` it increments), so of two accepts racing for the last
 * place exactly one commits and the other, retried by Firestore, finds the place taken. Both people are told in the
 * same transaction, which also marks the chat for syncing (the outbox); the chat opens in the Realtime Database after
 * it commits, and the sweep retries it if that write fails.
 */
export const acceptMatch = defineCallable("acceptMatch", async ({ uid, data }) => {
  const firestore = db();
  const matchRef = firestore.doc(paths.match(data.matchId));
  const mentorRef = firestore.doc(paths.user(uid));

  const result = await firestore.runTransaction(
    async (tx) => {
      const [matchSnap, mentorSnap] = await tx.getAll(matchRef, mentorRef);
      const match = readMatch(matchSnap);
      const now = new Date();
      const menteeSnap = match ? await tx.get(firestore.doc(paths.user(match.menteeId))) : undefined;
      const plan = planAccept({
        callerUid: uid,
        match,
        mentor: readProfile(mentorSnap),
        menteeExists: !!menteeSnap?.exists,
        message: data.message ?? "",
        now,
      });
      if (plan.action !== "accept" || !match) return { plan, match, now };
      const accepted = { ...match, responseMessage: plan.matchUpdate.responseMessage };
      const notifications = await prepareNotifications(
        tx,
        [
          { uid: match.menteeId, input: acceptedMessageToMentee(accepted) },
          { uid: match.mentorId, input: acceptedMessageToMentor(accepted, plan.mentorUpdate.activeMenteeCount, plan.capacity) },
        ],
        { db: firestore },
      );
      tx.update(matchRef, { ...plan.matchUpdate, ...chatSyncPending(now) });
      tx.update(mentorRef, plan.mentorUpdate);
      notifications.write();
      return { plan, match, now };
    },
    // Many accepts for one mentor at once all contend for the same profile; give the losers room to retry and
    // read the final count rather than fail with "aborted".
    { maxAttempts: 20 },
  );
  const { plan, match, now } = result;
  if (plan.action === "refuse") throw fail(plan.code, plan.message);
  // A retry (already accepted) writes the chat again: the first attempt may have died before it did.
  if (match) await syncMatchChat(data.matchId, plan.action === "accept" ? { ...match, ...chatSyncPending(now), status: "accepted" } : match);
  return plan.action === "accept"
    ? { matchId: data.matchId, status: "accepted", changed: true, activeMenteeCount: plan.mentorUpdate.activeMenteeCount, capacity: plan.capacity }
    : { matchId: data.matchId, status: "accepted", changed: false, activeMenteeCount: plan.activeMenteeCount, capacity: plan.capacity };
});
