import { paths } from "@mentormatch/shared";
import { FieldValue } from "firebase-admin/firestore";
import { db } from "../lib/app.js";
import { defineCallable, fail } from "../lib/callable.js";
import { completedMessage } from "../lib/completion-messages.js";
import { prepareNotifications } from "../lib/notify.js";
import { readSession, readTimeZone, sessionFacts } from "../lib/sessions.js";
import { planComplete } from "../planners/session.js";

/**
 * After the end, the mentor (or either person once SESSIONS.completeByMentorHours have passed) records the session:
 * completed with notes, topics and action items, or a no-show of the other person. A callable because both profiles'
 * fn-only `sessionCount` goes up in the same transaction; the status change is the marker, so a retry (or the other
 * person completing a moment later) finds it completed and changes nothing.
 */
export const completeSession = defineCallable("completeSession", async ({ uid, data }) => {
  const firestore = db();
  const sessionRef = firestore.doc(paths.session(data.sessionId));

  const plan = await firestore.runTransaction(async (tx) => {
    const session = readSession(await tx.get(sessionRef));
    const facts = session ? sessionFacts(session) : null;
    const plan = planComplete({ callerUid: uid, session: facts, nowMs: Date.now(), ...data });
    if (plan.action !== "complete" || !session || !facts) return plan;
    const [otherSnap] = await tx.getAll(firestore.doc(paths.user(plan.otherUid)));
    const notifications = await prepareNotifications(
      tx,
      [
        {
          uid: plan.otherUid,
          input: completedMessage({
            sessionId: sessionRef.id,
            actorName: uid === session.mentorId ? session.mentorName : session.menteeName,
            startMs: facts.startMs,
            recipientTimeZone: readTimeZone(otherSnap),
            status: plan.status,
          }),
        },
      ],
      { db: firestore },
    );
    tx.update(sessionRef, plan.update);
    if (plan.countSessions) {
      for (const person of [session.mentorId, session.menteeId]) {
        tx.update(firestore.doc(paths.user(person)), { sessionCount: FieldValue.increment(1) });
      }
    }
    notifications.write();
    return plan;
  });
  if (plan.action === "refuse") throw fail(plan.code, plan.message, plan.fields);
  return { sessionId: data.sessionId, status: plan.status, changed: plan.action === "complete" };
});
