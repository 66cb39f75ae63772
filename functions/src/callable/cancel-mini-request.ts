import { miniRequestFacts, paths, planMiniTransition } from "@mentormatch/shared";
import { db } from "../lib/app.js";
import { defineCallable, fail } from "../lib/callable.js";
import { miniCancelledMessage } from "../lib/mini-messages.js";
import { readMiniRequest } from "../lib/mini-requests.js";
import { prepareNotifications } from "../lib/notify.js";
import { sessionIcsAttachment } from "../lib/session-calendar.js";
import { formatSessionTime } from "../lib/session-messages.js";
import { readSession, readTimeZone, sessionFacts } from "../lib/sessions.js";
import { planCancel } from "../planners/session.js";

/**
 * The student cancels a request while open, claimed or scheduled. When it is scheduled its session is cancelled in the
 * same transaction, decided by the session engine's planCancel (so the same rules hold: not once started, a reason
 * within the cut-off) and written the same way: the session cancelled, its `sessionLocks/` deleted, no more reminders.
 * The claimer, if any, is told (`mini_cancelled`, with a METHOD:CANCEL .ics when the session was in their calendar).
 */
export const cancelMiniRequest = defineCallable("cancelMiniRequest", async ({ uid, role, data }) => {
  const firestore = db();
  const requestRef = firestore.doc(paths.miniRequest(data.requestId));

  const plan = await firestore.runTransaction(async (tx) => {
    const request = readMiniRequest(await tx.get(requestRef));
    const nowMs = Date.now();
    const plan = planMiniTransition({ request: request && miniRequestFacts(request), action: "cancel", actorUid: uid, actorRole: role, nowMs, reason: data.reason });
    if (plan.action !== "apply" || !request) return plan;

    const sessionRef = plan.cancelSessionId ? firestore.doc(paths.session(plan.cancelSessionId)) : null;
    const session = sessionRef ? readSession(await tx.get(sessionRef)) : null;
    const facts = session ? sessionFacts(session) : null;
    const sessionPlan = sessionRef ? planCancel({ callerUid: uid, session: facts, reason: data.reason, nowMs }) : null;
    if (sessionPlan?.action === "refuse") return sessionPlan;

    const claimerSnap = plan.claimer ? await tx.get(firestore.doc(paths.user(plan.claimer))) : undefined;
    const when = facts && sessionPlan?.action === "cancel" ? formatSessionTime(facts.startMs, readTimeZone(claimerSnap)) : null;
    const message = miniCancelledMessage(requestRef.id, request, data.reason, when);
    // Only an accepted session was sent to calendars: METHOD:CANCEL removes it there.
    if (facts && session?.status === "accepted" && sessionPlan?.action === "cancel" && message.email && plan.claimer) {
      const claimer = plan.claimer;
      message.email.attachments = (recipient) => [
        sessionIcsAttachment({ sessionId: sessionRef!.id, session: facts, method: "CANCEL", recipientUid: claimer, recipient, nowMs }),
      ];
    }
    const notifications = await prepareNotifications(tx, plan.claimer ? [{ uid: plan.claimer, input: message }] : [], { db: firestore });
    tx.update(requestRef, plan.update);
    if (sessionRef && sessionPlan?.action === "cancel") {
      tx.update(sessionRef, sessionPlan.update);
      for (const lockId of sessionPlan.releaseLockIds) tx.delete(firestore.doc(paths.sessionLock(lockId)));
    }
    notifications.write();
    return plan;
  });
  if (plan.action === "refuse") throw fail(plan.code, plan.message, plan.fields);
  return { requestId: data.requestId, status: "cancelled", changed: plan.action === "apply" };
});
