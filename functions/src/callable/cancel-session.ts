import { miniRequestFacts, paths } from "@mentormatch/shared";
import { db } from "../lib/app.js";
import { defineCallable, fail } from "../lib/callable.js";
import { readMiniRequest } from "../lib/mini-requests.js";
import { miniReopenedMessage } from "../lib/mini-session-messages.js";
import { prepareNotifications } from "../lib/notify.js";
import { sessionIcsAttachment } from "../lib/session-calendar.js";
import { cancelledMessage } from "../lib/session-messages.js";
import { readSession, readTimeZone, sessionFacts } from "../lib/sessions.js";
import { planMiniOnCancel } from "../planners/mini-schedule.js";
import { planCancel } from "../planners/session.js";

/**
 * Either participant cancels a pending or accepted session; within SESSIONS.cancelReasonCutoffHours of the start a
 * reason is required and shown to the other person. The session's locks are deleted in the same transaction, so the
 * time is bookable again the moment it commits. A mini session's request follows in the same transaction: the student
 * cancelling cancels it; the mentor cancelling puts it back on the board, and the student is told so.
 */
export const cancelSession = defineCallable("cancelSession", async ({ uid, data }) => {
  const firestore = db();
  const sessionRef = firestore.doc(paths.session(data.sessionId));

  const plan = await firestore.runTransaction(async (tx) => {
    const session = readSession(await tx.get(sessionRef));
    const facts = session ? sessionFacts(session) : null;
    const plan = planCancel({ callerUid: uid, session: facts, reason: data.reason ?? "", nowMs: Date.now() });
    if (plan.action !== "cancel" || !session || !facts) return plan;
    const other = uid === session.mentorId ? session.menteeId : session.mentorId;
    const requestRef = session.kind === "mini" ? firestore.doc(paths.miniRequest(session.matchId)) : null;
    const [otherSnap, requestSnap] = await tx.getAll(firestore.doc(paths.user(other)), ...(requestRef ? [requestRef] : []));
    const request = readMiniRequest(requestSnap);
    const nowMs = plan.update.cancelledAt.getTime();
    const mini = planMiniOnCancel({ request: request && miniRequestFacts(request), sessionId: sessionRef.id, callerUid: uid, reason: plan.update.cancelReason, nowMs });
    const recipientTimeZone = readTimeZone(otherSnap);
    const message =
      mini?.action === "reopen"
        ? miniReopenedMessage({ requestId: session.matchId, sessionId: sessionRef.id, session: facts, reason: plan.update.cancelReason, recipientTimeZone, nowMs })
        : cancelledMessage({ sessionId: sessionRef.id, session: facts, actorUid: uid, recipientTimeZone }, plan.update.cancelReason);
    // Only an accepted session was sent to calendars (with the confirmation and reminders): METHOD:CANCEL removes it.
    if (session.status === "accepted" && message.email && mini?.action !== "reopen") {
      message.email.attachments = (recipient) => [
        sessionIcsAttachment({ sessionId: sessionRef.id, session: facts, method: "CANCEL", recipientUid: other, recipient, nowMs }),
      ];
    }
    const notifications = await prepareNotifications(tx, [{ uid: other, input: message }], { db: firestore });
    tx.update(sessionRef, plan.update);
    if (requestRef && mini) tx.update(requestRef, mini.update);
    for (const lockId of plan.releaseLockIds) tx.delete(firestore.doc(paths.sessionLock(lockId)));
    notifications.write();
    return plan;
  });
  if (plan.action === "refuse") throw fail(plan.code, plan.message, plan.fields);
  return { sessionId: data.sessionId, status: "cancelled", changed: plan.action === "cancel" };
});
