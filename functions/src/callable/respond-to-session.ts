import { paths } from "@mentormatch/shared";
import { db } from "../lib/app.js";
import { defineCallable, fail } from "../lib/callable.js";
import { readMatch } from "../lib/documents.js";
import { prepareNotifications } from "../lib/notify.js";
import { sessionIcsAttachment } from "../lib/session-calendar.js";
import { answeredMessage } from "../lib/session-messages.js";
import { readSession, readTimeZone, sessionFacts } from "../lib/sessions.js";
import { planRespond } from "../planners/session.js";

/**
 * The invitee accepts or declines a proposed session, with an optional note. A callable because a decline deletes
 * the session's lock documents in the same write as the status (a client could not be trusted to delete exactly
 * those), and an accept sets the fn-only reminder fields; the proposer is told in the same transaction.
 */
export const respondToSession = defineCallable("respondToSession", async ({ uid, data }) => {
  const firestore = db();
  const sessionRef = firestore.doc(paths.session(data.sessionId));

  const plan = await firestore.runTransaction(async (tx) => {
    const session = readSession(await tx.get(sessionRef));
    const [matchSnap, proposerSnap] = session
      ? await tx.getAll(firestore.doc(paths.match(session.matchId)), firestore.doc(paths.user(session.proposedBy)))
      : [];
    const facts = session ? sessionFacts(session) : null;
    const plan = planRespond({
      callerUid: uid,
      session: facts,
      match: session?.kind === "match" ? readMatch(matchSnap) : null,
      decision: data.decision,
      note: data.note ?? "",
      nowMs: Date.now(),
    });
    if ((plan.action !== "accept" && plan.action !== "decline") || !session || !facts) return plan;
    const message = answeredMessage(
      { sessionId: sessionRef.id, session: facts, actorUid: uid, recipientTimeZone: readTimeZone(proposerSnap) },
      plan.action === "accept",
      plan.update.responseNote,
    );
    // The confirmation carries the calendar event (same UID and SEQUENCE as the reminders', so they update it).
    if (plan.action === "accept" && message.email) {
      const nowMs = plan.update.confirmedAt.getTime();
      message.email.attachments = (recipient) => [
        sessionIcsAttachment({ sessionId: sessionRef.id, session: facts, method: "REQUEST", recipientUid: session.proposedBy, recipient, nowMs }),
      ];
    }
    const notifications = await prepareNotifications(tx, [{ uid: session.proposedBy, input: message }], { db: firestore });
    tx.update(sessionRef, plan.update);
    if (plan.action === "decline") for (const lockId of plan.releaseLockIds) tx.delete(firestore.doc(paths.sessionLock(lockId)));
    notifications.write();
    return plan;
  });
  if (plan.action === "refuse") throw fail(plan.code, plan.message, plan.fields);
  if (plan.action === "noop") return { sessionId: data.sessionId, status: plan.status, changed: false };
  return { sessionId: data.sessionId, status: plan.update.status, changed: true };
});
