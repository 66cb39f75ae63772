// Scheduling a claimed mini request on the session engine (getMiniSlots, scheduleMiniSession) and the engine's hooks
// for `kind: "mini"` sessions (complete, cancel, reschedule, feedback, reminders), against the emulators. Requests are
// written as claimMiniRequest leaves them; the student is in India (no DST), so "15:00–17:00 their time" is always
// 09:30–11:30 UTC, and the mentor's hours are the session fixtures' (all day UTC, a day off three days ahead).
import { paths, type MailDoc, type MiniRequestDoc, type NotificationKind, type SessionDoc } from "@mentormatch/shared";
import { Timestamp } from "firebase-admin/firestore";
import { afterAll, describe, expect, it } from "vitest";
import { sendSessionReminders } from "../../functions/src/lib/session-reminders.js";
import { adminDb, closeClients, expectCallableError, mailsFor, uniqueId, type SignedInClient } from "./helpers.js";
import { miniRequestDoc } from "../mini-request-doc.js";
import { HOUR, MINUTE, TAKEN, availability, dateOf, dayAt, member } from "./session-fixtures.js";

afterAll(closeClients);

const OUTSIDE = "That time is outside the student's preferred times.";
const TITLE = "Mock interview <b>backend</b> & more";

/** A request as claimMiniRequest leaves it: claimed by `mentor` just now, preferred days 4–6 ahead, 15:00–17:00 IST. */
async function claimedRequest(student: SignedInClient, mentor: SignedInClient, fields: Partial<Record<keyof MiniRequestDoc, unknown>> = {}) {
  const id = uniqueId("mini");
  const now = Date.now();
  await adminDb.doc(paths.miniRequest(id)).set(
    miniRequestDoc(
      {
        studentId: student.uid,
        studentName: "Priya Student",
        nowMs: now - HOUR,
        timestamp: Timestamp.fromDate,
        fields: {
          title: TITLE,
          sessionType: "interview_prep",
          description: "I have an interview next week and would like to practise the system design part.",
          preferredDateStart: dateOf(dayAt(4, 0)),
          preferredDateEnd: dateOf(dayAt(6, 0)),
          preferredTimeSlots: [{ from: "15:00", to: "17:00" }],
          timezone: "Asia/Kolkata",
          tags: ["interviews"],
          specificQuestions: "How do I explain my side project?",
        },
      },
      {
        status: "claimed",
        claimedBy: mentor.uid,
        claimedByName: "Ada Mini",
        claimedAt: Timestamp.fromMillis(now),
        scheduleBy: Timestamp.fromMillis(now + 48 * HOUR),
        firstClaimedAt: Timestamp.fromMillis(now),
        updatedAt: Timestamp.fromMillis(now),
        ...fields,
      },
    ),
  );
  return id;
}

async function people(label: string) {
  const mentor = await member("mentor", `Ada ${label}`);
  const student = await member("mentee", `Priya ${label}`, "Asia/Kolkata");
  await availability(mentor);
  return { mentor, student, requestId: await claimedRequest(student, mentor) };
}

const START = () => dayAt(4, 10); // 15:30 in Kolkata, inside the window
const stored = async <T>(path: string) => (await adminDb.doc(path).get()).data() as T | undefined;
const requestOf = (id: string) => stored<MiniRequestDoc>(paths.miniRequest(id));
const sessionOf = (id: string) => stored<SessionDoc>(paths.session(id));
const sessionsOfRequest = async (requestId: string) => (await adminDb.collection(paths.sessions()).where("matchId", "==", requestId).get()).docs;
const locksOf = async (uid: string) => (await adminDb.collection(paths.sessionLocks()).where("uid", "==", uid).get()).docs.map((d) => d.id).sort();
const notesOf = async (uid: string, kind: NotificationKind) =>
  (await adminDb.collection(paths.notifications(uid)).where("kind", "==", kind).get()).docs.map((d) => d.data());
const mailsOf = async (uid: string, kind: string) => (await mailsFor(uid)).map((d) => d.data() as MailDoc).filter((mail) => mail.kind === kind);
/** The .ics text, unfolded (RFC 5545 folds lines at 75 octets). */
const icsOf = (mail: MailDoc) => Buffer.from(mail.attachments![0]!.content, "base64").toString("utf8").replace(/\r\n /g, "");

const video = (requestId: string, startMs = START()) => ({ requestId, startMs, meetingType: "video" as const, createRoom: true });

/** What a refused call must leave: the request, the sessions of it, and both people's locks as they were. */
async function expectNothingWritten(requestId: string, uids: string[], call: () => Promise<unknown>, code: string, message: string) {
  const before = [await requestOf(requestId), (await sessionsOfRequest(requestId)).length, ...(await Promise.all(uids.map(locksOf)))];
  const error = await expectCallableError(call(), code, message);
  expect([await requestOf(requestId), (await sessionsOfRequest(requestId)).length, ...(await Promise.all(uids.map(locksOf)))]).toEqual(before);
  return error;
}

describe("getMiniSlots", () => {
  it("offers the claimer only starts inside the student's windows and their own hours, in getBookableSlots' shape", async () => {
    const { mentor, student, requestId } = await people("Slots");
    const answer = await mentor.call("getMiniSlots", { requestId, timeZone: "UTC" });
    expect(answer).toMatchObject({ matchId: requestId, durationMinutes: 30, timeZone: "UTC", mentorTimeZone: "UTC", otherTimeZone: "Asia/Kolkata", nextFromMs: null });
    // Three preferred days × 09:30–11:30 UTC: 30-minute starts from 09:30 to 11:00, seven a day.
    expect(answer.days.map((day) => day.date)).toEqual([dateOf(dayAt(4, 0)), dateOf(dayAt(5, 0)), dateOf(dayAt(6, 0))]);
    for (const [index, day] of answer.days.entries()) {
      expect(day.slots.map((slot) => slot.startMs)).toEqual([0, 15, 30, 45, 60, 75, 90].map((m) => dayAt(4 + index, 9.5) + m * MINUTE));
    }

    // A session the student already has takes its time out (with the mentor's 15-minute break around it).
    const other = await member("mentor", "Nora Slots");
    await availability(other);
    const otherRequest = await claimedRequest(student, other);
    await other.call("scheduleMiniSession", video(otherRequest, dayAt(4, 10)));
    const after = await mentor.call("getMiniSlots", { requestId, timeZone: "UTC" });
    // 10:00–10:30 busy, widened by the 15 minutes each side: 09:45–10:45 is out, so only 10:45 and 11:00 remain.
    expect(after.days[0]!.slots.map((slot) => (slot.startMs - dayAt(4, 0)) / MINUTE)).toEqual([10.75 * 60, 11 * 60]);

    await expectCallableError(other.call("getMiniSlots", { requestId }), "permission-denied", "Only the mentor who claimed this request can schedule it.");
    await expectCallableError(student.callRaw("getMiniSlots", { requestId }), "permission-denied");
  });
});

describe("scheduleMiniSession", () => {
  it("creates an accepted mini session holding both people's locks, schedules the request and tells both once, with the .ics", async () => {
    const { mentor, student, requestId } = await people("Happy");
    const startMs = START();
    const before = Date.now();
    const answer = await mentor.call("scheduleMiniSession", video(requestId, startMs));
    expect(answer).toMatchObject({ requestId, status: "scheduled", startMs, endMs: startMs + 30 * MINUTE, changed: true });
    expect(answer.meetingLink).toMatch(/^https:\/\/meet\.jit\.si\/MentorMatch-.+-[A-Za-z0-9]{24}$/);

    const session = (await sessionOf(answer.sessionId))!;
    expect(session).toMatchObject({
      kind: "mini",
      matchId: requestId,
      mentorId: mentor.uid,
      menteeId: student.uid,
      participants: [mentor.uid, student.uid],
      proposedBy: mentor.uid,
      status: "accepted",
      version: 1,
      durationMinutes: 30,
      meetingType: "video",
      meetingLink: answer.meetingLink,
      title: TITLE,
      agenda: `${TITLE}\n\nQuestions: How do I explain my side project?`,
      mentorName: "Ada Happy",
      menteeName: "Priya Happy",
    });
    expect(session.startAt.toMillis()).toBe(startMs);
    expect(session.confirmedAt!.toMillis()).toBeGreaterThanOrEqual(before - 5_000);
    expect(session.nextReminderAt!.toMillis()).toBe(startMs - 24 * HOUR);
    // Both people's cells at once: 30 minutes + the 15-minute break for the mentor, 30 minutes for the student.
    expect(await locksOf(mentor.uid)).toHaveLength(3);
    expect(await locksOf(student.uid)).toHaveLength(2);
    expect([...(await locksOf(mentor.uid)), ...(await locksOf(student.uid))].sort()).toEqual([...session.lockIds].sort());

    const request = (await requestOf(requestId))!;
    expect(request).toMatchObject({ status: "scheduled", sessionId: answer.sessionId, meetingType: "video", meetingLink: answer.meetingLink, phone: "", location: "", scheduleBy: null });
    expect(request.scheduledStartAt!.toMillis()).toBe(startMs);
    expect(request.scheduledAt!.toMillis()).toBeGreaterThanOrEqual(before - 5_000);

    for (const [person, zoneTime] of [
      [student, "15:30–16:00"],
      [mentor, "11:00–11:30"], // Berlin
    ] as const) {
      expect(await notesOf(person.uid, "mini_scheduled")).toHaveLength(1);
      const mails = await mailsOf(person.uid, "miniMentorship");
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text).toContain(zoneTime);
      expect(mails[0]!.text).toContain("Duration: 30 minutes");
      expect(mails[0]!.text).toContain(`Meeting link: ${answer.meetingLink}`);
      // Every user string is escaped in the HTML.
      expect(mails[0]!.html).toContain("Mock interview &lt;b&gt;backend&lt;/b&gt; &amp; more");
      expect(mails[0]!.html).not.toContain("<b>backend");
      expect(mails[0]!.attachments![0]).toMatchObject({ filename: "session.ics", contentType: "text/calendar; charset=utf-8; method=REQUEST" });
      expect(icsOf(mails[0]!)).toContain(`SUMMARY:Mini session: ${TITLE}`);
      expect(icsOf(mails[0]!)).toContain(`UID:session-${answer.sessionId}@mentormatch`);
    }

    // A retry answers the same and writes nothing, tells nobody again.
    expect(await mentor.call("scheduleMiniSession", video(requestId, startMs))).toEqual({ ...answer, changed: false });
    expect(await sessionsOfRequest(requestId)).toHaveLength(1);
    expect(await notesOf(student.uid, "mini_scheduled")).toHaveLength(1);
    // Another time now is a refusal: moving it means cancelling and scheduling again.
    await expectCallableError(mentor.call("scheduleMiniSession", video(requestId, startMs + HOUR)), "failed-precondition", "already scheduled");
  });

  it("by phone and in person: the number or place is stored on the session and request and sent in the email", async () => {
    const { mentor, student, requestId } = await people("Phone");
    const phoned = await mentor.call("scheduleMiniSession", { requestId, startMs: START(), meetingType: "phone", phone: "+49 30 1234567" });
    expect(phoned.meetingLink).toBe("");
    expect(await sessionOf(phoned.sessionId)).toMatchObject({ meetingType: "phone", phone: "+49 30 1234567", location: "", meetingLink: "" });
    expect(await requestOf(requestId)).toMatchObject({ meetingType: "phone", phone: "+49 30 1234567" });
    expect((await mailsOf(student.uid, "miniMentorship"))[0]!.text).toContain("By phone: +49 30 1234567");

    const other = await claimedRequest(student, mentor);
    const met = await mentor.call("scheduleMiniSession", { requestId: other, startMs: dayAt(5, 10), meetingType: "in_person", location: "Library, room 2" });
    expect(await sessionOf(met.sessionId)).toMatchObject({ meetingType: "in_person", location: "Library, room 2", phone: "" });
    const ics = (await mailsOf(student.uid, "miniMentorship")).map(icsOf).find((text) => text.includes(met.sessionId));
    expect(ics).toContain("LOCATION:Library\\, room 2");
  });

  describe("refused with a sentence, and nothing written", () => {
    it("not the claimer, and not a mentor at all", async () => {
      const { mentor, student, requestId } = await people("NotMine");
      const other = await member("mentor", "Nora NotMine");
      await availability(other);
      await expectNothingWritten(requestId, [mentor.uid, other.uid, student.uid], () => other.call("scheduleMiniSession", video(requestId)), "permission-denied", "Only the mentor who claimed this request can schedule it.");
      await expectNothingWritten(requestId, [student.uid], () => student.callRaw("scheduleMiniSession", video(requestId)), "permission-denied", "");
    });

    it("a time outside the student's preferred times, or outside the mentor's hours", async () => {
      const { mentor, student, requestId } = await people("Outside");
      const uids = [mentor.uid, student.uid];
      const late = await expectNothingWritten(requestId, uids, () => mentor.call("scheduleMiniSession", video(requestId, dayAt(4, 12))), "invalid-argument", OUTSIDE);
      expect(late.details?.fields).toEqual({ startMs: OUTSIDE });
      // The last start that fits ends at 11:30 UTC; 11:15 would run past the window.
      await expectNothingWritten(requestId, uids, () => mentor.call("scheduleMiniSession", video(requestId, dayAt(4, 11.25))), "invalid-argument", OUTSIDE);
      await expectNothingWritten(requestId, uids, () => mentor.call("scheduleMiniSession", video(requestId, dayAt(7, 10))), "invalid-argument", OUTSIDE);
      // Inside the student's window, but the mentor has that day off.
      await availability(mentor, { overrides: { [dateOf(dayAt(4, 0))]: [] } });
      await expectNothingWritten(requestId, uids, () => mentor.call("scheduleMiniSession", video(requestId)), "invalid-argument", "That time is outside your available hours.");
    });

    it.each([
      ["phone without a number", { meetingType: "phone" }, "phone", "Give a phone number"],
      ["phone with letters", { meetingType: "phone", phone: "call me" }, "phone", "Give a phone number"],
      ["in person without a place", { meetingType: "in_person" }, "location", "Say where you will meet."],
      ["video with neither link nor room", { meetingType: "video" }, "meetingLink", "Paste a meeting link, or create a room."],
      ["video with an http link", { meetingType: "video", meetingLink: "http://zoom.us/j/1" }, "meetingLink", "https"],
      ["video with both a link and a room", { meetingType: "video", meetingLink: "https://zoom.us/j/1", createRoom: true }, "meetingLink", "not both"],
      ["an unknown meeting type", { meetingType: "carrier pigeon" }, "meetingType", "Choose how you will meet."],
      ["an agenda over 1000 characters", { meetingType: "video", createRoom: true, agenda: "x".repeat(1001) }, "agenda", "at most 1000"],
    ])("%s", async (_what, fields, field, message) => {
      const { mentor, student, requestId } = await people("Bad");
      const error = await expectNothingWritten(
        requestId,
        [mentor.uid, student.uid],
        () => mentor.callRaw("scheduleMiniSession", { requestId, startMs: START(), ...fields }),
        "invalid-argument",
        message,
      );
      expect(Object.keys(error.details?.fields ?? {})).toEqual([field]);
    });

    it("past the 48-hour deadline to schedule", async () => {
      const mentor = await member("mentor", "Ada Late");
      const student = await member("mentee", "Priya Late", "Asia/Kolkata");
      await availability(mentor);
      const requestId = await claimedRequest(student, mentor, { scheduleBy: Timestamp.fromMillis(Date.now() - MINUTE) });
      await expectNothingWritten(requestId, [mentor.uid, student.uid], () => mentor.call("scheduleMiniSession", video(requestId)), "failed-precondition", "48 hours");
    });
  });

  it("10 claimers of 10 requests from one student scheduling the same time at once: exactly one wins, on the student's locks", async () => {
    const student = await member("mentee", "Priya Race", "Asia/Kolkata");
    const mentors = await Promise.all(Array.from({ length: 10 }, (_, i) => member("mentor", `Ada Race ${i}`)));
    await Promise.all(mentors.map((mentor) => availability(mentor)));
    const requestIds = await Promise.all(mentors.map((mentor) => claimedRequest(student, mentor)));
    const startMs = START();
    const results = await Promise.allSettled(mentors.map((mentor, i) => mentor.call("scheduleMiniSession", video(requestIds[i]!, startMs))));
    const winners = results.filter((result) => result.status === "fulfilled");
    expect(winners).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") {
        expect((result.reason as { code: string }).code).toBe("functions/already-exists");
        expect((result.reason as Error).message).toContain(TAKEN);
      }
    }
    expect(await locksOf(student.uid)).toHaveLength(2);
    const requests = await Promise.all(requestIds.map(requestOf));
    expect(requests.filter((request) => request!.status === "scheduled")).toHaveLength(1);
    expect(requests.filter((request) => request!.status === "claimed")).toHaveLength(9);
    expect(await notesOf(student.uid, "mini_scheduled")).toHaveLength(1);
  });
});

describe("the session engine on a mini session", () => {
  /** Schedules, then moves the session into the past (as if it had happened). */
  async function pastSession(label: string) {
    const { mentor, student, requestId } = await people(label);
    const { sessionId } = await mentor.call("scheduleMiniSession", video(requestId));
    const endMs = Date.now() - 5 * MINUTE;
    await adminDb.doc(paths.session(sessionId)).update({ startAt: Timestamp.fromMillis(endMs - 30 * MINUTE), endAt: Timestamp.fromMillis(endMs), nextReminderAt: null });
    return { mentor, student, requestId, sessionId };
  }
  const done = { otherAttended: true, actualMinutes: 30, sharedNotes: "Practised the design round", topics: ["System design"], actionItems: [], followUp: false };

  it("completing completes the request and asks both to rate, once; feedback is kind mini and counts once", async () => {
    const { mentor, student, requestId, sessionId } = await pastSession("Complete");
    expect(await mentor.call("completeSession", { sessionId, ...done })).toEqual({ sessionId, status: "completed", changed: true });
    expect(await mentor.call("completeSession", { sessionId, ...done })).toEqual({ sessionId, status: "completed", changed: false });
    const request = (await requestOf(requestId))!;
    expect(request.status).toBe("completed");
    expect(request.completedAt).not.toBeNull();
    for (const person of [mentor, student]) {
      const notes = await notesOf(person.uid, "mini_follow_up");
      expect(notes).toHaveLength(1);
      expect(notes[0]!.link).toBe(`/sessions/${sessionId}`);
      const mails = (await mailsOf(person.uid, "miniMentorship")).filter((mail) => mail.subject === "How was your mini mentorship session?");
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text).toContain(`/sessions/${sessionId}`);
    }

    const feedback = await student.call("submitFeedback", { sessionId, rating: 5, comment: "Very helpful" });
    expect(await stored(paths.feedback(sessionId, student.uid))).toMatchObject({ kind: "mini", toUid: mentor.uid, toRole: "mentor", rating: 5 });
    expect(feedback.feedbackId).toBe(`${sessionId}_${student.uid}`);
    expect(await stored(paths.user(mentor.uid))).toMatchObject({ ratingCount: 1, ratingAvg: 5 });
    await expectCallableError(student.call("submitFeedback", { sessionId, rating: 1 }), "already-exists", "You have already left feedback");
    expect(await stored(paths.user(mentor.uid))).toMatchObject({ ratingCount: 1, ratingAvg: 5 });
    await mentor.call("submitFeedback", { sessionId, rating: 4 });
    expect(await stored(paths.feedback(sessionId, mentor.uid))).toMatchObject({ kind: "mini", toRole: "mentee", countedAt: null });
  });

  it("completing before the start is refused, and nothing changes", async () => {
    const { mentor, student, requestId } = await people("Early");
    const { sessionId } = await mentor.call("scheduleMiniSession", video(requestId));
    const before = [await sessionOf(sessionId), await requestOf(requestId)];
    await expectCallableError(mentor.call("completeSession", { sessionId, ...done }), "failed-precondition", "has not ended yet");
    expect([await sessionOf(sessionId), await requestOf(requestId)]).toEqual(before);
    expect(await notesOf(student.uid, "mini_follow_up")).toEqual([]);
  });

  it("the mentor cancelling puts the request back on the board and tells the student, with the calendar cancellation", async () => {
    const { mentor, student, requestId } = await people("MentorCancel");
    const { sessionId } = await mentor.call("scheduleMiniSession", video(requestId));
    expect(await mentor.call("cancelSession", { sessionId, reason: "I am ill" })).toEqual({ sessionId, status: "cancelled", changed: true });
    expect(await sessionOf(sessionId)).toMatchObject({ status: "cancelled", cancelledBy: mentor.uid, lockIds: [] });
    expect(await locksOf(mentor.uid)).toEqual([]);
    expect(await locksOf(student.uid)).toEqual([]);
    expect(await requestOf(requestId)).toMatchObject({
      status: "open",
      claimedBy: null,
      claimedByName: "",
      claimedAt: null,
      scheduleBy: null,
      sessionId: null,
      scheduledStartAt: null,
      meetingType: null,
      meetingLink: "",
      releasedBy: [mentor.uid],
    });
    const released = await notesOf(student.uid, "mini_released");
    expect(released).toHaveLength(1);
    expect(released[0]!.text).toContain("back on the board");
    const mail = (await mailsOf(student.uid, "miniMentorship")).find((m) => m.subject.startsWith("Cancelled"));
    expect(mail!.text).toContain("I am ill");
    expect(mail!.attachments![0]).toMatchObject({ filename: "session-cancelled.ics" });
    expect(icsOf(mail!)).toContain("METHOD:CANCEL");
    // Told once, in the mini words, not also the generic session cancellation.
    expect(await notesOf(student.uid, "session_cancelled")).toEqual([]);
  });

  it("the student cancelling through cancelSession cancels the request; the mentor is told", async () => {
    const { mentor, student, requestId } = await people("StudentCancel");
    const { sessionId } = await mentor.call("scheduleMiniSession", video(requestId));
    await student.call("cancelSession", { sessionId, reason: "Got the job already" });
    expect(await requestOf(requestId)).toMatchObject({ status: "cancelled", cancelledBy: student.uid, cancelReason: "Got the job already" });
    expect(await locksOf(student.uid)).toEqual([]);
    expect(await notesOf(mentor.uid, "session_cancelled")).toHaveLength(1);
  });

  it("rescheduling is refused with the way to move it; the student cannot decline an accepted mini session", async () => {
    const { mentor, student, requestId } = await people("Move");
    const { sessionId } = await mentor.call("scheduleMiniSession", video(requestId));
    const before = await sessionOf(sessionId);
    for (const person of [mentor, student]) {
      await expectCallableError(
        person.call("rescheduleSession", { sessionId, startMs: dayAt(5, 10) }),
        "failed-precondition",
        "Mini sessions are moved by cancelling and scheduling again.",
      );
    }
    await expectCallableError(student.call("respondToSession", { sessionId, decision: "decline" }), "failed-precondition");
    expect(await sessionOf(sessionId)).toEqual(before);
  });

  it("the reminders job reminds both 24 hours and 1 hour before, once each, naming the request", async () => {
    const { mentor, student, requestId } = await people("Remind");
    const startMs = START();
    const { sessionId } = await mentor.call("scheduleMiniSession", { requestId, startMs, meetingType: "phone", phone: "+91 22 5550 0199" });
    const reminders = async (uid: string) => (await mailsOf(uid, "reminders")).filter((mail) => mail.attachments && icsOf(mail).includes(sessionId));

    for (let run = 0; run < 2; run++) await sendSessionReminders({ now: new Date(startMs - 24 * HOUR + MINUTE), limit: 1000 });
    for (const person of [mentor, student]) {
      const mails = await reminders(person.uid);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toContain("mini session “Mock interview <b>backend</b> & more”");
      expect(mails[0]!.subject).toContain("in 24 hours");
      expect(mails[0]!.text).toContain("By phone: +91 22 5550 0199");
      expect(mails[0]!.html).not.toContain("<b>backend");
    }

    for (let run = 0; run < 2; run++) await sendSessionReminders({ now: new Date(startMs - HOUR + MINUTE), limit: 1000 });
    for (const person of [mentor, student]) {
      const mails = await reminders(person.uid);
      expect(mails.map((mail) => mail.subject.includes("in 1 hour"))).toEqual(expect.arrayContaining([true, false]));
      expect(mails).toHaveLength(2);
      expect(await notesOf(person.uid, "session_reminder")).toHaveLength(2);
    }
    expect(await sessionOf(sessionId)).toMatchObject({ remindersSent: { "24h": 1, "1h": 1 }, nextReminderAt: null });
  });
});
