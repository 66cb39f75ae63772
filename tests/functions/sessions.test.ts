import {
  SESSIONS,
  matchIdOf,
  paths,
  type NotificationKind,
  type SessionDoc,
} from "@mentormatch/shared";
import { planReminders } from "@mentormatch/shared/scheduling";
import { afterAll, describe, expect, it } from "vitest";
import {
  adminAuth,
  adminDb,
  closeClients,
  expectCallableError,
  mailsFor,
  type SignedInClient,
} from "./helpers.js";
import { MINUTE, HOUR, TAKEN, member, match, dateOf, dayAt, DAY_OFF, availability, pair } from "./session-fixtures.js";

afterAll(closeClients);


const sessionsOf = async (mentorId: string) =>
  (await adminDb.collection(paths.sessions()).where("mentorId", "==", mentorId).get()).docs.map((d) => ({ id: d.id, ...(d.data() as SessionDoc) }));
const locksOf = async (uid: string) => (await adminDb.collection(paths.sessionLocks()).where("uid", "==", uid).get()).docs.map((d) => d.id).sort();
const notesOf = async (uid: string, kind: NotificationKind) =>
  (await adminDb.collection(paths.notifications(uid)).where("kind", "==", kind).get()).docs.map((d) => d.data());
const sessionMailsOf = async (uid: string) => (await mailsFor(uid)).map((d) => d.data()).filter((m) => m.kind === "sessions");

// ---- bookSession → respondToSession ----------------------------------------------------------------------------

describe("bookSession and respondToSession: the happy path", () => {
  it("the mentee proposes, the mentor is told once; the mentor accepts, the mentee is told once", async () => {
    const { mentor, mentee, matchId } = await pair("Happy");
    const startMs = dayAt(2, 14);
    const booked = await mentee.call("bookSession", { matchId, startMs, durationMinutes: 45, agenda: "  Career plan  ", meetingLink: "https://zoom.us/j/123" });
    expect(booked).toMatchObject({ status: "pending", startMs, endMs: startMs + 45 * MINUTE, meetingLink: "https://zoom.us/j/123" });

    const [session, ...others] = await sessionsOf(mentor.uid);
    expect(others).toEqual([]);
    expect(session).toMatchObject({
      id: booked.sessionId,
      kind: "match",
      matchId,
      mentorId: mentor.uid,
      menteeId: mentee.uid,
      participants: [mentor.uid, mentee.uid],
      proposedBy: mentee.uid,
      durationMinutes: 45,
      timezone: "America/New_York",
      agenda: "Career plan",
      status: "pending",
      version: 1,
      confirmedAt: null,
    });
    expect(session!.startAt.toMillis()).toBe(startMs);
    expect(session!.endAt.toMillis()).toBe(startMs + 45 * MINUTE);
    // 45 minutes + the 15-minute buffer for the mentor, 45 minutes for the mentee.
    expect(await locksOf(mentor.uid)).toHaveLength(4);
    expect(await locksOf(mentee.uid)).toHaveLength(3);
    expect([...(await locksOf(mentor.uid)), ...(await locksOf(mentee.uid))].sort()).toEqual([...session!.lockIds].sort());

    const proposed = await notesOf(mentor.uid, "session_proposed");
    expect(proposed).toHaveLength(1);
    expect(proposed[0]!.text).toContain(`Sam Happy proposed a 45-minute session`);
    expect(await notesOf(mentee.uid, "session_proposed")).toEqual([]);
    expect(await sessionMailsOf(mentor.uid)).toHaveLength(1);

    const before = Date.now();
    expect(await mentor.call("respondToSession", { sessionId: booked.sessionId, decision: "accept", note: "See you then" })).toEqual({
      sessionId: booked.sessionId,
      status: "accepted",
      changed: true,
    });
    const accepted = (await adminDb.doc(paths.session(booked.sessionId)).get()).data() as SessionDoc;
    expect(accepted).toMatchObject({ status: "accepted", responseNote: "See you then" });
    expect(accepted.confirmedAt!.toMillis()).toBeGreaterThanOrEqual(before - 5_000);
    const reminders = planReminders({ status: "accepted", startMs, version: 1, confirmedAtMs: accepted.confirmedAt!.toMillis(), remindersSent: {} }, accepted.confirmedAt!.toMillis());
    expect(accepted.nextReminderAt?.toMillis()).toBe(reminders.nextReminderAt);
    // Accepted sessions keep their locks.
    expect(await locksOf(mentor.uid)).toHaveLength(4);

    const acceptedNotes = await notesOf(mentee.uid, "session_accepted");
    expect(acceptedNotes).toHaveLength(1);
    expect(acceptedNotes[0]!.text).toContain("Ada Happy accepted your session");
    expect(await notesOf(mentor.uid, "session_accepted")).toEqual([]);
    expect(await sessionMailsOf(mentee.uid)).toHaveLength(1);

    // Answering again changes nothing and tells nobody again.
    expect(await mentor.call("respondToSession", { sessionId: booked.sessionId, decision: "accept" })).toMatchObject({ changed: false });
    expect(await notesOf(mentee.uid, "session_accepted")).toHaveLength(1);
  });

  it("the mentor can propose too, and 'Create a room' makes an unguessable Jitsi link", async () => {
    const { mentor, mentee, matchId } = await pair("Room");
    const booked = await mentor.call("bookSession", { matchId, startMs: dayAt(2, 9), durationMinutes: 30, agenda: "", createRoom: true });
    expect(booked.meetingLink).toMatch(new RegExp(`^https://meet\\.jit\\.si/MentorMatch-${booked.sessionId.replace(/_/g, "-")}-[A-Za-z0-9]{24}$`));
    expect(await notesOf(mentee.uid, "session_proposed")).toHaveLength(1);
    await expectCallableError(
      mentor.call("respondToSession", { sessionId: booked.sessionId, decision: "accept" }),
      "permission-denied",
      "You proposed this session",
    );
  });
});

// ---- bad input -------------------------------------------------------------------------------------------------

describe("bookSession: refused with a sentence, and nothing written", () => {
  async function expectRefused(
    who: SignedInClient,
    mentorId: string,
    input: Record<string, unknown>,
    code: string,
    message: string,
    field?: string,
  ) {
    const lockHolders = [mentorId, who.uid];
    const before = await Promise.all(lockHolders.map(locksOf));
    const error = await expectCallableError(who.callRaw("bookSession", input), code, message);
    expect(error.details?.message).toContain(message);
    if (field) expect(error.details?.fields?.[field]).toContain(message);
    expect(await sessionsOf(mentorId)).toEqual([]);
    expect(await Promise.all(lockHolders.map(locksOf))).toEqual(before);
    expect(await notesOf(mentorId, "session_proposed")).toEqual([]);
  }

  it("refuses every kind of bad request", async () => {
    const { mentor, mentee, matchId } = await pair("Bad");
    const ok = { matchId, startMs: dayAt(2, 10), durationMinutes: 30, agenda: "" };
    const cases: [string, Record<string, unknown>, string, string, string?][] = [
      ["outside the hours (a day off)", { startMs: DAY_OFF + 10 * HOUR }, "invalid-argument", "That time is outside this mentor's available hours.", "startMs"],
      ["in the past", { startMs: dayAt(-1, 10) }, "invalid-argument", "That time has already passed", "startMs"],
      ["within the minimum notice", { startMs: Math.ceil((Date.now() + 20 * MINUTE) / (15 * MINUTE)) * 15 * MINUTE }, "invalid-argument", "at least 1 hour of notice", "startMs"],
      ["beyond the horizon", { startMs: dayAt(20, 10) }, "invalid-argument", "up to 2 weeks ahead", "startMs"],
      ["off the 15-minute grid", { startMs: dayAt(2, 10) + 7 * MINUTE }, "invalid-argument", "Sessions start on the hour or at :15, :30 or :45.", "startMs"],
      ["for 0 minutes", { durationMinutes: 0 }, "invalid-argument", "A session lasts 30, 45 or 60 minutes.", "durationMinutes"],
      ["for 20 minutes", { durationMinutes: 20 }, "invalid-argument", "A session lasts 30, 45 or 60 minutes.", "durationMinutes"],
      ["for 90 minutes", { durationMinutes: 90 }, "invalid-argument", "A session lasts 30, 45 or 60 minutes.", "durationMinutes"],
      ["with an agenda over 1000 characters", { agenda: "x".repeat(SESSIONS.agendaMax + 1) }, "invalid-argument", "The agenda can be at most 1000 characters.", "agenda"],
      ["with a javascript: link", { meetingLink: "javascript:alert(1)" }, "invalid-argument", "Meeting links must start with https://", "meetingLink"],
      ["with both a link and a room", { meetingLink: "https://zoom.us/j/1", createRoom: true }, "invalid-argument", "Paste a meeting link or create a room, not both.", "meetingLink"],
      ["with an unknown field", { status: "accepted" }, "invalid-argument", "", undefined],
      ["without a start", { startMs: undefined }, "invalid-argument", "Choose a start time.", "startMs"],
    ];
    for (const [what, change, code, message, field] of cases) {
      await expect(expectRefused(mentee, mentor.uid, { ...ok, ...change }, code, message, field), what).resolves.toBeUndefined();
    }
  });

  it("refuses a match that is not accepted (pending, ended), and anyone outside the match", async () => {
    const mentor = await member("mentor", "Ada Closed");
    await availability(mentor);
    const waiting = await member("mentee", "Sam Waiting");
    const ended = await member("mentee", "Sam Ended");
    const outsider = await member("mentee", "Olga Outside");
    const pendingId = await match(mentor, waiting, "pending");
    const endedId = await match(mentor, ended, "ended");
    const input = { startMs: dayAt(2, 10), durationMinutes: 30, agenda: "" };
    await expectRefused(waiting, mentor.uid, { ...input, matchId: pendingId }, "failed-precondition", "once the mentoring request is accepted");
    await expectRefused(ended, mentor.uid, { ...input, matchId: endedId }, "failed-precondition", "This mentoring is not active");
    await expectRefused(outsider, mentor.uid, { ...input, matchId: pendingId }, "failed-precondition", "only with your own mentor or mentee");
    await expectRefused(outsider, mentor.uid, { ...input, matchId: matchIdOf(mentor.uid, outsider.uid) }, "failed-precondition", "only with your own mentor or mentee");
  });

  it("refuses when the mentor has not set hours", async () => {
    const mentor = await member("mentor", "Ada Nohours");
    const mentee = await member("mentee", "Sam Nohours");
    const matchId = await match(mentor, mentee);
    await expectRefused(mentee, mentor.uid, { matchId, startMs: dayAt(2, 10), durationMinutes: 30, agenda: "" }, "failed-precondition", "has not set their available hours");
  });

  it("refuses an admin (sessions are for mentors and mentees)", async () => {
    const admin = await member("mentee", "Ada Admin");
    await adminAuth.setCustomUserClaims(admin.uid, { role: "admin" });
    await adminDb.doc(paths.user(admin.uid)).update({ role: "admin" });
    await admin.user.getIdToken(true);
    await expectCallableError(admin.callRaw("bookSession", { matchId: "a_b", startMs: dayAt(2, 10), durationMinutes: 30 }), "permission-denied");
  });
});

// ---- no double booking -----------------------------------------------------------------------------------------

describe("bookSession: no double booking, ever", () => {
  it("20 mentees booking overlapping hours with one mentor at once: exactly one succeeds, 19 hear the time was just taken", async () => {
    const mentor = await member("mentor", "Ada Race");
    await availability(mentor);
    const mentees = await Promise.all(Array.from({ length: 20 }, (_, i) => member("mentee", `Sam Race ${i}`)));
    const matchIds = await Promise.all(mentees.map((mentee) => match(mentor, mentee)));
    const base = dayAt(4, 10);
    // 60-minute sessions starting 0, 15, 30 or 45 minutes apart: every pair overlaps.
    const results = await Promise.allSettled(
      mentees.map((mentee, i) => mentee.call("bookSession", { matchId: matchIds[i]!, startMs: base + (i % 4) * 15 * MINUTE, durationMinutes: 60, agenda: `Race ${i}` })),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    // details.message is the sentence as the app shows it (the SDK's own message may carry a status suffix).
    expect(lost.map((r) => [(r.reason as { code: string }).code, (r.reason as { details?: { message?: string } }).details?.message])).toEqual(
      Array.from({ length: 19 }, () => ["functions/already-exists", TAKEN]),
    );
    const sessions = await sessionsOf(mentor.uid);
    expect(sessions).toHaveLength(1);
    expect((await locksOf(mentor.uid)).sort()).toEqual(sessions[0]!.lockIds.filter((id) => id.startsWith(`${mentor.uid}_`)).sort());
    expect(await notesOf(mentor.uid, "session_proposed")).toHaveLength(1);
    // Twenty workers start at once on a 2-core machine; the race itself takes seconds, the start-up can take a minute.
  }, 300_000);

  it("a pending proposal holds the time (and the mentor's buffer after it); a decline frees it", async () => {
    const { mentor, mentee, matchId } = await pair("Hold");
    const second = await member("mentee", "Sam Second");
    const secondMatch = await match(mentor, second);
    const startMs = dayAt(5, 10);
    const first = await mentee.call("bookSession", { matchId, startMs, durationMinutes: 30, agenda: "" });

    await expectCallableError(second.call("bookSession", { matchId: secondMatch, startMs, durationMinutes: 30, agenda: "" }), "already-exists", TAKEN);
    // Inside the 15-minute buffer after it, and overlapping its end.
    await expectCallableError(second.call("bookSession", { matchId: secondMatch, startMs: startMs + 30 * MINUTE, durationMinutes: 30, agenda: "" }), "already-exists", TAKEN);
    await expectCallableError(second.call("bookSession", { matchId: secondMatch, startMs: startMs - 15 * MINUTE, durationMinutes: 30, agenda: "" }), "already-exists", TAKEN);
    // The mentee cannot overlap themselves either.
    await expectCallableError(mentee.call("bookSession", { matchId, startMs: startMs + 15 * MINUTE, durationMinutes: 30, agenda: "" }), "already-exists", TAKEN);

    // The slot list agrees: neither person sees a start that would overlap it or its buffer.
    const slots = await second.call("getBookableSlots", { matchId: secondMatch, durationMinutes: 30 });
    const starts = new Set(slots.days.flatMap((d) => d.slots.map((s) => s.startMs)));
    for (const taken of [startMs - 30 * MINUTE, startMs - 15 * MINUTE, startMs, startMs + 15 * MINUTE, startMs + 30 * MINUTE]) expect(starts.has(taken), new Date(taken).toISOString()).toBe(false);
    expect(starts.has(startMs - 45 * MINUTE)).toBe(true);
    expect(starts.has(startMs + 45 * MINUTE)).toBe(true);

    await mentor.call("respondToSession", { sessionId: first.sessionId, decision: "decline", note: "Not that day" });
    expect(await locksOf(mentee.uid)).toEqual([]);
    expect(await locksOf(mentor.uid)).toEqual([]);
    const declined = await notesOf(mentee.uid, "session_declined");
    expect(declined).toHaveLength(1);
    expect(declined[0]!.text).toContain("Not that day");

    const again = await second.call("bookSession", { matchId: secondMatch, startMs, durationMinutes: 30, agenda: "" });
    expect(again.status).toBe("pending");
  });
});

// ---- cancelSession ---------------------------------------------------------------------------------------------

describe("cancelSession", () => {
  it("either person cancels; the locks go, the other person is told, and the time can be booked again", async () => {
    const { mentor, mentee, matchId } = await pair("Cancel");
    const startMs = dayAt(6, 10);
    const booked = await mentee.call("bookSession", { matchId, startMs, durationMinutes: 60, agenda: "" });
    await mentor.call("respondToSession", { sessionId: booked.sessionId, decision: "accept" });

    expect(await mentor.call("cancelSession", { sessionId: booked.sessionId })).toEqual({ sessionId: booked.sessionId, status: "cancelled", changed: true });
    const cancelled = (await adminDb.doc(paths.session(booked.sessionId)).get()).data() as SessionDoc;
    expect(cancelled).toMatchObject({ status: "cancelled", cancelledBy: mentor.uid, cancelReason: "", lockIds: [], nextReminderAt: null });
    expect(await locksOf(mentor.uid)).toEqual([]);
    expect(await locksOf(mentee.uid)).toEqual([]);
    expect(await notesOf(mentee.uid, "session_cancelled")).toHaveLength(1);
    expect(await notesOf(mentor.uid, "session_cancelled")).toEqual([]);
    // A second cancel is a retry: nothing changes, nobody is told again.
    expect(await mentee.call("cancelSession", { sessionId: booked.sessionId })).toMatchObject({ changed: false });
    expect(await notesOf(mentee.uid, "session_cancelled")).toHaveLength(1);

    await expect(mentee.call("bookSession", { matchId, startMs, durationMinutes: 60, agenda: "" })).resolves.toMatchObject({ status: "pending" });
  });

  it(`within ${SESSIONS.cancelReasonCutoffHours} hours of the start a reason is required, and the other person reads it`, async () => {
    const { mentor, mentee, matchId } = await pair("Late");
    // The first start past the one-hour notice: well inside the two-hour cut-off.
    const startMs = Math.ceil((Date.now() + 75 * MINUTE) / (15 * MINUTE)) * 15 * MINUTE;
    const booked = await mentee.call("bookSession", { matchId, startMs, durationMinutes: 30, agenda: "" });
    await mentor.call("respondToSession", { sessionId: booked.sessionId, decision: "accept" });

    const error = await expectCallableError(mentee.call("cancelSession", { sessionId: booked.sessionId }), "invalid-argument", "say why you are cancelling");
    expect(error.details?.fields?.reason).toContain("say why you are cancelling");
    expect((await adminDb.doc(paths.session(booked.sessionId)).get()).get("status")).toBe("accepted");
    expect(await locksOf(mentee.uid)).toHaveLength(2);
    expect(await notesOf(mentor.uid, "session_cancelled")).toEqual([]);

    await mentee.call("cancelSession", { sessionId: booked.sessionId, reason: "My flight was moved" });
    const [note] = await notesOf(mentor.uid, "session_cancelled");
    expect(note!.text).toContain("My flight was moved");
    expect(await locksOf(mentee.uid)).toEqual([]);
  });

  it("nobody outside the session can cancel it or answer it", async () => {
    const { mentee, matchId } = await pair("Outsider");
    const outsider = await member("mentor", "Olga Outsider");
    const booked = await mentee.call("bookSession", { matchId, startMs: dayAt(7, 10), durationMinutes: 30, agenda: "" });
    await expectCallableError(outsider.call("cancelSession", { sessionId: booked.sessionId, reason: "x" }), "not-found", "That session does not exist, or it is not yours.");
    await expectCallableError(outsider.call("respondToSession", { sessionId: booked.sessionId, decision: "accept" }), "not-found");
    expect((await adminDb.doc(paths.session(booked.sessionId)).get()).get("status")).toBe("pending");
  });
});

// ---- getBookableSlots ------------------------------------------------------------------------------------------

describe("getBookableSlots", () => {
  it("offers the mentor's hours in the viewer's zone, with the mentor's clock beside, and leaves out the day off", async () => {
    const { mentee, matchId } = await pair("Slots");
    const answer = await mentee.call("getBookableSlots", { matchId, durationMinutes: 60 });
    expect(answer).toMatchObject({ matchId, durationMinutes: 60, timeZone: "America/New_York", mentorTimeZone: "UTC", otherTimeZone: "Europe/Berlin", nextFromMs: null });
    const slots = answer.days.flatMap((d) => d.slots);
    expect(slots.length).toBeGreaterThan(100);
    expect(slots[0]!.startMs).toBeGreaterThanOrEqual(Date.now() + 60 * MINUTE - 5_000);
    expect(slots.some((s) => s.mentorDate === dateOf(DAY_OFF))).toBe(false);
    const sample = slots.find((s) => s.startMs === dayAt(2, 15))!;
    expect(sample).toMatchObject({ mentorTime: "15:00", mentorOffset: "+00:00" });
    expect(sample.viewerTime).toMatch(/^1[01]:00$/);
  });

  it("is refused outside the match, with nothing to learn about it", async () => {
    const { matchId } = await pair("SlotsOutside");
    const outsider = await member("mentee", "Olga Slots");
    await expectCallableError(outsider.call("getBookableSlots", { matchId, durationMinutes: 30 }), "failed-precondition", "only with your own mentor or mentee");
    await expectCallableError(outsider.callRaw("getBookableSlots", { matchId, durationMinutes: 20 }), "invalid-argument", "A session lasts 30, 45 or 60 minutes.");
  });

  it("pages by window when the horizon is longer than one", async () => {
    const { mentor, mentee, matchId } = await pair("Pages");
    await availability(mentor, { horizonDays: 40 });
    const first = await mentee.call("getBookableSlots", { matchId, durationMinutes: 30 });
    expect(first.nextFromMs).not.toBeNull();
    const next = await mentee.call("getBookableSlots", { matchId, durationMinutes: 30, fromMs: first.nextFromMs! });
    const firstStarts = first.days.flatMap((d) => d.slots.map((s) => s.startMs));
    const nextStarts = next.days.flatMap((d) => d.slots.map((s) => s.startMs));
    expect(Math.max(...firstStarts)).toBeLessThan(first.nextFromMs!);
    expect(Math.min(...nextStarts)).toBeGreaterThanOrEqual(first.nextFromMs!);
  });
});
