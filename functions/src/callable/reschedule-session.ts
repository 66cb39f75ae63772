import { paths } from "@mentormatch/shared";
import { FieldValue, Timestamp } from "firebase-admin/firestore";
import { db } from "../lib/app.js";
import { defineCallable, fail } from "../lib/callable.js";
import { readMatch } from "../lib/documents.js";
import { prepareNotifications } from "../lib/notify.js";
import { rescheduledMessage } from "../lib/session-messages.js";
import { readAvailability, readSession, readTimeZone, sessionFacts } from "../lib/sessions.js";
import { MINI_MOVE_REFUSAL } from "../planners/mini-schedule.js";
import { lockIdParts, lockIdsForRequest, planReschedule } from "../planners/session.js";

/**
 * Either participant proposes a new time for a pending or accepted session. One transaction, as bookSession: it reads
 * the session, the match, the availability, the other person's profile and every lock the new time needs (as a
 * proposal by the caller: proposalLockIds, so an invited mentee's cells wait for their acceptance); planReschedule
 * re-checks the time exactly as a booking (the session's own locks do not count as taken); then the old locks the new
 * time does not keep are deleted, the new ones created, and the session becomes a pending proposal by the caller with
 * `version + 1` and its reminders cleared, so no reminder for the old time can fire. The other person is told and
 * answers with respondToSession. A booking racing for the same new time contends on the same lock documents: one wins.
 */
export const rescheduleSession = defineCallable("rescheduleSession", async ({ uid, data }) => {
  const firestore = db();
  const sessionRef = firestore.doc(paths.session(data.sessionId));

  const plan = await firestore.runTransaction(
    async (tx) => {
      const session = readSession(await tx.get(sessionRef));
      if (session?.kind === "mini" && session.participants.includes(uid)) return MINI_MOVE_REFUSAL;
      const other = session ? (uid === session.mentorId ? session.menteeId : session.mentorId) : null;
      const [matchSnap, availabilitySnap, otherSnap] =
        session && other
          ? await tx.getAll(firestore.doc(paths.match(session.matchId)), firestore.doc(paths.availability(session.mentorId)), firestore.doc(paths.user(other)))
          : [];
      const match = session?.kind === "match" ? readMatch(matchSnap) : null;
      const availability = readAvailability(availabilitySnap);
      const facts = session ? sessionFacts(session) : null;
      const durationMinutes = data.durationMinutes ?? session?.durationMinutes ?? 0;
      const wanted = lockIdsForRequest(match, availability, data.startMs, durationMinutes, uid) ?? [];
      const lockSnaps = wanted.length ? await tx.getAll(...wanted.map((id) => firestore.doc(paths.sessionLock(id)))) : [];
      const own = new Set(session?.lockIds ?? []);
      const plan = planReschedule({
        callerUid: uid,
        session: facts,
        match,
        availability,
        nowMs: Date.now(),
        startMs: data.startMs,
        durationMinutes: data.durationMinutes,
        note: data.note ?? "",
        takenLockIds: lockSnaps.filter((snap) => snap.exists && !(own.has(snap.id) && snap.get("sessionId") === sessionRef.id)).map((snap) => snap.id),
      });
      if (plan.action !== "reschedule" || !session || !facts) return plan;

      const moved = { ...facts, version: plan.update.version, durationMinutes: data.durationMinutes ?? facts.durationMinutes, startMs: plan.startMs, endMs: plan.endMs };
      const notifications = await prepareNotifications(
        tx,
        [
          {
            uid: plan.notifyUid,
            input: rescheduledMessage(
              { sessionId: sessionRef.id, session: moved, actorUid: uid, recipientTimeZone: readTimeZone(otherSnap) },
              facts.startMs,
              data.note ?? "",
            ),
          },
        ],
        { db: firestore },
      );
      tx.update(sessionRef, {
        ...plan.update,
        startAt: Timestamp.fromMillis(plan.startMs),
        endAt: Timestamp.fromMillis(plan.endMs),
        updatedAt: FieldValue.serverTimestamp(),
      });
      for (const lockId of plan.releaseLockIds) tx.delete(firestore.doc(paths.sessionLock(lockId)));
      const now = FieldValue.serverTimestamp();
      for (const lockId of plan.createLockIds) {
        tx.create(firestore.doc(paths.sessionLock(lockId)), { ...lockIdParts(lockId), sessionId: sessionRef.id, createdAt: now });
      }
      notifications.write();
      return plan;
    },
    // As bookSession: a racing booking for the same time contends on the same locks; the loser retries and is refused.
    { maxAttempts: 30 },
  );
  if (plan.action === "refuse") throw fail(plan.code, plan.message, plan.fields);
  if (plan.action === "noop") return { sessionId: data.sessionId, status: "pending", version: plan.version, startMs: plan.startMs, endMs: plan.endMs, changed: false };
  return { sessionId: data.sessionId, status: "pending", version: plan.update.version, startMs: plan.startMs, endMs: plan.endMs, changed: true };
});
