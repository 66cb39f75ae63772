import { miniRequestFacts, paths } from "@mentormatch/shared";
import { FieldValue } from "firebase-admin/firestore";
import { db } from "../lib/app.js";
import { defineCallable, fail } from "../lib/callable.js";
import { completedMessage } from "../lib/completion-messages.js";
import { readMiniRequest } from "../lib/mini-requests.js";
import { miniFollowUpMessage } from "../lib/mini-session-messages.js";
import { prepareNotifications, type NotifyItem } from "../lib/notify.js";
import { readSession, readTimeZone, sessionFacts } from "../lib/sessions.js";
import { planMiniOnComplete } from "../planners/mini-schedule.js";
import { planComplete } from "../planners/session.js";

/**
 * After the end, the mentor (or either person once SESSIONS.completeByMentorHours have passed) records the session:
 * completed with notes, topics and action items, or a no-show of the other person. A callable because both profiles'
 * fn-only `sessionCount` goes up in the same transaction; the status change is the marker, so a retry (or the other
 * person completing a moment later) finds it completed and changes nothing. A mini session's request is completed in
 * the same transaction, and after a session that took place both people are asked to rate it (`mini_follow_up`, once
 * per request) instead of the usual note to the other person.
 */
export const completeSession = defineCallable("completeSession", async ({ uid, data }) => {
  const firestore = db();
  const sessionRef = firestore.doc(paths.session(data.sessionId));

  const plan = await firestore.runTransaction(async (tx) => {
    const session = readSession(await tx.get(sessionRef));
    const facts = session ? sessionFacts(session) : null;
    const nowMs = Date.now();
    const plan = planComplete({ callerUid: uid, session: facts, nowMs, ...data });
    if (plan.action !== "complete" || !session || !facts) return plan;
    const requestRef = session.kind === "mini" ? firestore.doc(paths.miniRequest(session.matchId)) : null;
    const [otherSnap, requestSnap] = await tx.getAll(firestore.doc(paths.user(plan.otherUid)), ...(requestRef ? [requestRef] : []));
    const request = readMiniRequest(requestSnap);
    const mini = planMiniOnComplete({ request: request && miniRequestFacts(request), sessionId: sessionRef.id, status: plan.status, nowMs });
    const items: NotifyItem[] = mini?.followUp
      ? [
          { uid: session.mentorId, other: session.menteeName },
          { uid: session.menteeId, other: session.mentorName },
        ].map(({ uid: recipient, other }) => ({
          uid: recipient,
          input: miniFollowUpMessage({ requestId: session.matchId, sessionId: sessionRef.id, title: session.title || request!.title, otherName: other }),
        }))
      : [
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
        ];
    const notifications = await prepareNotifications(tx, items, { db: firestore });
    tx.update(sessionRef, plan.update);
    if (requestRef && mini) tx.update(requestRef, mini.update);
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
