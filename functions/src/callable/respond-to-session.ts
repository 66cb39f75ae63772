import { paths } from "@mentormatch/shared";
import { FieldValue } from "firebase-admin/firestore";
import { db } from "../lib/app.js";
import { defineCallable, fail } from "../lib/callable.js";
import { readMatch } from "../lib/documents.js";
import { prepareNotifications } from "../lib/notify.js";
import { sessionIcsAttachment } from "../lib/session-calendar.js";
import { answeredMessage } from "../lib/session-messages.js";
import { readSession, readTimeZone, sessionFacts } from "../lib/sessions.js";
import { inviteeLockIds, lockIdParts, planRespond } from "../planners/session.js";

/**
 * The invitee accepts or declines a proposed session, with an optional note. A callable because a decline deletes
 * the session's lock documents in the same write as the status (a client could not be trusted to delete exactly
 * those), and an accept claims the invited mentee's cells (inviteeLockIds: a mentor's proposal did not lock them, so
 * two mentors can propose overlapping times to one mentee) and sets the fn-only reminder fields; the proposer is told
 * in the same transaction. An accept reads those cells: one another session holds refuses it, naming that session, and
 * of two overlapping proposals accepted at once exactly one commits (the other's retry finds its locks).
 */
export const respondToSession = defineCallable("respondToSession", async ({ uid, data }) => {
  const firestore = db();
  const sessionRef = firestore.doc(paths.session(data.sessionId));

  const plan = await firestore.runTransaction(
    async (tx) => {
      const session = readSession(await tx.get(sessionRef));
      const wanted = session && data.decision === "accept" ? inviteeLockIds(sessionFacts(session)) : [];
      const [matchSnap, proposerSnap, callerSnap, ...lockSnaps] = session
        ? await tx.getAll(
            firestore.doc(paths.match(session.matchId)),
            firestore.doc(paths.user(session.proposedBy)),
            firestore.doc(paths.user(uid)),
            ...wanted.map((id) => firestore.doc(paths.sessionLock(id))),
          )
        : [];
      const inviteeLocks = lockSnaps.filter((snap) => snap.exists).map((snap) => ({ lockId: snap.id, sessionId: String(snap.get("sessionId")) }));
      const clashId = inviteeLocks.find((lock) => lock.sessionId !== sessionRef.id)?.sessionId;
      const clashSession = clashId ? readSession(await tx.get(firestore.doc(paths.session(clashId)))) : null;
      const facts = session ? sessionFacts(session) : null;
      const plan = planRespond({
        callerUid: uid,
        sessionId: sessionRef.id,
        session: facts,
        match: session?.kind === "match" ? readMatch(matchSnap) : null,
        decision: data.decision,
        note: data.note ?? "",
        nowMs: Date.now(),
        inviteeLocks,
        clash: clashSession ? sessionFacts(clashSession) : null,
        timeZone: readTimeZone(callerSnap),
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
      if (plan.action === "accept") {
        const now = FieldValue.serverTimestamp();
        for (const lockId of plan.createLockIds) {
          tx.create(firestore.doc(paths.sessionLock(lockId)), { ...lockIdParts(lockId), sessionId: sessionRef.id, createdAt: now });
        }
      }
      notifications.write();
      return plan;
    },
    // As bookSession: two overlapping proposals accepted at once contend on the invitee's lock documents; the loser
    // retries, reads the winner's locks and is refused with a sentence, rather than failing with "aborted".
    { maxAttempts: 30 },
  );
  if (plan.action === "refuse") throw fail(plan.code, plan.message, plan.fields);
  if (plan.action === "noop") return { sessionId: data.sessionId, status: plan.status, changed: false };
  return { sessionId: data.sessionId, status: plan.update.status, changed: true };
});
