import { SESSIONS, paths } from "@mentormatch/shared";
import { jitsiRoomLink, parseMeetingLink } from "@mentormatch/shared/scheduling";
import { FieldValue, Timestamp } from "firebase-admin/firestore";
import { db } from "../lib/app.js";
import { defineCallable, fail } from "../lib/callable.js";
import { readProfile } from "../lib/documents.js";
import { readMiniRequest } from "../lib/mini-requests.js";
import { miniScheduledMessage } from "../lib/mini-session-messages.js";
import { prepareNotifications } from "../lib/notify.js";
import { jitsiBaseUrl, readAvailability, readTimeZone } from "../lib/sessions.js";
import { defaultMiniAgenda, miniScheduleFacts, planScheduleMini, scheduleMiniLockIds } from "../planners/mini-schedule.js";
import { lockIdParts } from "../planners/session.js";
import { roomToken } from "./book-session.js";

/**
 * The claimer picks a time for a claimed mini request, and it becomes a session (`kind: "mini"`, `matchId` = the
 * request id) on the same engine as every other: reminders, join, .ics, notes, completion and feedback come from
 * there. The session is created accepted — the student already said these times work — so it takes both people's
 * lock cells at once. One transaction reads the request, the claimer's hours and profile, the student's profile and
 * every lock the time needs; planScheduleMini checks the claim, the student's windows and the hours; then the session,
 * its locks and the request's `scheduled` commit together and both people are told, each in their own zone, with the
 * .ics. Of any number of schedules racing for one person's time (ten requests of one student), one commits and the
 * others, retried by Firestore, find its locks and are refused.
 */
export const scheduleMiniSession = defineCallable("scheduleMiniSession", async ({ uid, data }) => {
  const firestore = db();
  const requestRef = firestore.doc(paths.miniRequest(data.requestId));
  // Made before the transaction so a retried attempt writes the same session and room.
  const sessionRef = firestore.collection(paths.sessions()).doc();
  const link = parseMeetingLink(data.meetingLink);
  const meeting = {
    meetingType: data.meetingType,
    meetingLink: data.meetingType !== "video" ? "" : data.createRoom ? jitsiRoomLink(jitsiBaseUrl(), sessionRef.id, roomToken()) : link.ok ? link.url : "",
    phone: data.meetingType === "phone" ? data.phone : "",
    location: data.meetingType === "in_person" ? data.location : "",
  };

  const result = await firestore.runTransaction(
    async (tx) => {
      const [requestSnap, availabilitySnap, mentorSnap] = await tx.getAll(requestRef, firestore.doc(paths.availability(uid)), firestore.doc(paths.user(uid)));
      const stored = readMiniRequest(requestSnap);
      const request = stored ? miniScheduleFacts(stored) : null;
      const availability = readAvailability(availabilitySnap);
      const wanted = scheduleMiniLockIds(request, uid, availability, data.startMs);
      const [studentSnap, ...lockSnaps] = stored
        ? await tx.getAll(firestore.doc(paths.user(stored.studentId)), ...wanted.map((id) => firestore.doc(paths.sessionLock(id))))
        : [];
      const nowMs = Date.now();
      const plan = planScheduleMini({
        request,
        callerUid: uid,
        nowMs,
        startMs: data.startMs,
        availability,
        takenLockIds: lockSnaps.filter((snap) => snap.exists).map((snap) => snap.id),
        sessionId: sessionRef.id,
        meeting,
      });
      if (plan.action !== "schedule" || !stored || !request) return plan;

      const mentorName = readProfile(mentorSnap)?.displayName || stored.claimedByName;
      const menteeName = readProfile(studentSnap)?.displayName || stored.studentName;
      const session = {
        kind: "mini" as const,
        matchId: data.requestId,
        mentorId: plan.mentorId,
        menteeId: plan.menteeId,
        participants: [plan.mentorId, plan.menteeId] as [string, string],
        proposedBy: uid,
        startAt: Timestamp.fromMillis(plan.startMs),
        endAt: Timestamp.fromMillis(plan.endMs),
        durationMinutes: stored.durationMinutes,
        timezone: readTimeZone(mentorSnap),
        agenda: data.agenda || defaultMiniAgenda(request, SESSIONS.agendaMax),
        ...meeting,
        title: stored.title,
        status: "accepted" as const,
        version: 1,
        responseNote: "",
        respondedAt: null,
        cancelledBy: null,
        cancelReason: "",
        cancelledAt: null,
        confirmedAt: Timestamp.fromMillis(nowMs),
        remindersSent: {},
        nextReminderAt: plan.nextReminderAt === null ? null : Timestamp.fromDate(plan.nextReminderAt),
        lockIds: plan.lockIds,
        mentorName,
        menteeName,
      };
      const facts = { ...session, startMs: plan.startMs, endMs: plan.endMs };
      const zones = { [plan.mentorId]: readTimeZone(mentorSnap), [plan.menteeId]: readTimeZone(studentSnap) };
      const notifications = await prepareNotifications(
        tx,
        [plan.menteeId, plan.mentorId].map((recipientUid) => ({
          uid: recipientUid,
          input: miniScheduledMessage({ requestId: data.requestId, sessionId: sessionRef.id, session: facts, recipientUid, recipientTimeZone: zones[recipientUid]!, nowMs }),
        })),
        { db: firestore },
      );
      const now = FieldValue.serverTimestamp();
      tx.create(sessionRef, { ...session, createdAt: now, updatedAt: now });
      for (const lockId of plan.lockIds) {
        tx.create(firestore.doc(paths.sessionLock(lockId)), { ...lockIdParts(lockId), sessionId: sessionRef.id, createdAt: now });
      }
      tx.update(requestRef, plan.requestUpdate);
      notifications.write();
      return { action: "scheduled" as const, sessionId: sessionRef.id, startMs: plan.startMs, endMs: plan.endMs, meetingLink: meeting.meetingLink };
    },
    // As bookSession: schedules racing for one person's time contend on the same lock documents; give the losers room
    // to retry, read the winner's locks and be refused with a sentence rather than fail with "aborted".
    { maxAttempts: 30 },
  );
  if (result.action === "refuse") throw fail(result.code, result.message, result.fields);
  if (result.action !== "scheduled" && result.action !== "noop") throw new Error(`scheduleMiniSession: unexpected plan ${result.action}`);
  const changed = result.action === "scheduled";
  return { requestId: data.requestId, sessionId: result.sessionId, status: "scheduled", startMs: result.startMs, endMs: result.endMs, meetingLink: result.meetingLink, changed };
});
