import { randomBytes } from "node:crypto";
import { paths } from "@mentormatch/shared";
import { jitsiRoomLink } from "@mentormatch/shared/scheduling";
import { FieldValue, Timestamp } from "firebase-admin/firestore";
import { db } from "../lib/app.js";
import { defineCallable, fail } from "../lib/callable.js";
import { readMatch } from "../lib/documents.js";
import { prepareNotifications } from "../lib/notify.js";
import { proposedMessage } from "../lib/session-messages.js";
import { jitsiBaseUrl, readAvailability, readTimeZone } from "../lib/sessions.js";
import { lockIdParts, lockIdsForRequest, planBooking } from "../planners/session.js";

/** 24 letters and digits from a CSPRNG: the part of a Jitsi room name nobody can guess. */
export function roomToken(): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  return [...randomBytes(24)].map((byte) => alphabet[byte % alphabet.length]).join("");
}

/**
 * A participant of an accepted match proposes a time. A callable, not a client write under rules: a booking must
 * prove that none of up to 12 lock documents (proposalLockIds: the mentor's cells with the buffer, and the mentee's
 * cells when the mentee proposes; an invited mentee's are claimed on acceptance) exists and create them all with the
 * session, more documents than a rule may read (10 per request), and a query cannot prove a time free. One
 * transaction reads the match, the availability, both profiles and every lock the booking needs, asks planBooking,
 * and creates the pending session, its locks and the invitee's notification; of any number of
 * overlapping bookings racing, one commits and the others, retried by Firestore, find a lock and are refused.
 */
export const bookSession = defineCallable("bookSession", async ({ uid, data }) => {
  const firestore = db();
  const matchRef = firestore.doc(paths.match(data.matchId));

  const result = await firestore.runTransaction(
    async (tx) => {
      const match = readMatch(await tx.get(matchRef));
      const [availabilitySnap, mentorSnap, menteeSnap] = match
        ? await tx.getAll(firestore.doc(paths.availability(match.mentorId)), firestore.doc(paths.user(match.mentorId)), firestore.doc(paths.user(match.menteeId)))
        : [];
      const availability = readAvailability(availabilitySnap);
      const wanted = lockIdsForRequest(match, availability, data.startMs, data.durationMinutes, uid) ?? [];
      const lockSnaps = wanted.length ? await tx.getAll(...wanted.map((id) => firestore.doc(paths.sessionLock(id)))) : [];
      const nowMs = Date.now();
      const plan = planBooking({
        callerUid: uid,
        match,
        availability,
        nowMs,
        startMs: data.startMs,
        durationMinutes: data.durationMinutes,
        takenLockIds: lockSnaps.filter((snap) => snap.exists).map((snap) => snap.id),
      });
      if (plan.action !== "book" || !match) return plan;

      const sessionRef = firestore.collection(paths.sessions()).doc();
      const meetingLink = data.createRoom ? jitsiRoomLink(jitsiBaseUrl(), sessionRef.id, roomToken()) : (data.meetingLink ?? "");
      const invitee = uid === match.mentorId ? match.menteeId : match.mentorId;
      const proposerZone = readTimeZone(uid === match.mentorId ? mentorSnap : menteeSnap);
      const session = {
        kind: "match" as const,
        matchId: data.matchId,
        mentorId: match.mentorId,
        menteeId: match.menteeId,
        participants: [match.mentorId, match.menteeId] as [string, string],
        proposedBy: uid,
        startAt: Timestamp.fromMillis(plan.startMs),
        endAt: Timestamp.fromMillis(plan.endMs),
        durationMinutes: data.durationMinutes,
        timezone: proposerZone,
        agenda: data.agenda,
        meetingLink,
        status: "pending" as const,
        version: 1,
        responseNote: "",
        respondedAt: null,
        cancelledBy: null,
        cancelReason: "",
        cancelledAt: null,
        confirmedAt: null,
        remindersSent: {},
        nextReminderAt: null,
        lockIds: plan.lockIds,
        mentorName: match.mentorName,
        menteeName: match.menteeName,
      };
      const notifications = await prepareNotifications(
        tx,
        [
          {
            uid: invitee,
            input: proposedMessage({
              sessionId: sessionRef.id,
              session: { ...session, startMs: plan.startMs },
              actorUid: uid,
              recipientTimeZone: readTimeZone(invitee === match.mentorId ? mentorSnap : menteeSnap),
            }),
          },
        ],
        { db: firestore },
      );
      const now = FieldValue.serverTimestamp();
      tx.create(sessionRef, { ...session, createdAt: now, updatedAt: now });
      for (const lockId of plan.lockIds) {
        tx.create(firestore.doc(paths.sessionLock(lockId)), { ...lockIdParts(lockId), sessionId: sessionRef.id, createdAt: now });
      }
      notifications.write();
      return { action: "booked" as const, sessionId: sessionRef.id, startMs: plan.startMs, endMs: plan.endMs, meetingLink };
    },
    // Overlapping bookings contend for the same lock documents: give the losers room to retry, read the winner's
    // locks and be refused with a sentence, rather than fail with "aborted".
    { maxAttempts: 30 },
  );
  if (result.action === "refuse") throw fail(result.code, result.message, result.fields);
  if (result.action !== "booked") throw new Error(`bookSession: unexpected plan ${result.action}`);
  return { sessionId: result.sessionId, status: "pending", startMs: result.startMs, endMs: result.endMs, meetingLink: result.meetingLink };
});
