import { paths } from "@mentormatch/shared";
import { db } from "../lib/app.js";
import { defineCallable, fail } from "../lib/callable.js";
import { chatSyncPending, syncMatchChat } from "../lib/chat-sync.js";
import { readMatch, readProfile } from "../lib/documents.js";
import { endedMessages } from "../lib/match-messages.js";
import { prepareNotifications } from "../lib/notify.js";
import { planEnd } from "../planners/match.js";

/**
 * Either person ends an accepted match. A callable because the mentor's `activeMenteeCount` (another document) must
 * drop in the same transaction as the status changes. Both people are told; the chat then becomes read-only in the
 * Realtime Database (members stay, so the history remains), through the outbox the transaction marks (chat-sync.ts).
 */
export const endMatch = defineCallable("endMatch", async ({ uid, data }) => {
  const firestore = db();
  const matchRef = firestore.doc(paths.match(data.matchId));

  const { plan, match, now } = await firestore.runTransaction(
    async (tx) => {
      const match = readMatch(await tx.get(matchRef));
      const mentorRef = match ? firestore.doc(paths.user(match.mentorId)) : null;
      const mentor = mentorRef ? readProfile(await tx.get(mentorRef)) : null;
      const now = new Date();
      const plan = planEnd({ callerUid: uid, match, mentor, message: data.message ?? "", now });
      if (plan.action !== "end" || !match) return { plan, match, now };
      const messages = endedMessages({ ...match, endMessage: plan.matchUpdate.endMessage }, uid);
      const notifications = await prepareNotifications(
        tx,
        [
          { uid: match.menteeId, input: messages.mentee },
          { uid: match.mentorId, input: messages.mentor },
        ],
        { db: firestore },
      );
      tx.update(matchRef, { ...plan.matchUpdate, ...chatSyncPending(now) });
      if (plan.mentorUpdate && mentorRef) tx.update(mentorRef, { ...plan.mentorUpdate });
      notifications.write();
      return { plan, match, now };
    },
    { maxAttempts: 10 },
  );
  if (plan.action === "refuse") throw fail(plan.code, plan.message);
  if (match) await syncMatchChat(data.matchId, plan.action === "end" ? { ...match, ...chatSyncPending(now), status: "ended" } : match);
  return { matchId: data.matchId, status: "ended", changed: plan.action === "end" };
});
