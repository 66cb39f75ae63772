// rescheduleSession through the functions emulator, and the calendar files the session emails carry (the
// confirmation's REQUEST, a cancellation's CANCEL). Fixtures as in sessions.test.ts.
import {
  SESSIONS,
  paths,
  type MailDoc,
  type NotificationKind,
  type SessionDoc,
} from "@mentormatch/shared";
import { icsDateTime, icsUid } from "@mentormatch/shared/scheduling";
import { afterAll, describe, expect, it } from "vitest";
import {
  adminDb,
  closeClients,
  expectCallableError,
  mailsFor,
  type SignedInClient,
} from "./helpers.js";
import { MINUTE, HOUR, TAKEN, member, match, dayAt, DAY_OFF, pair } from "./session-fixtures.js";

afterAll(closeClients);

afterAll(closeClients);



const sessionOf = async (sessionId: string) => (await adminDb.doc(paths.session(sessionId)).get()).data() as SessionDoc;
const locksOf = async (uid: string) => (await adminDb.collection(paths.sessionLocks()).where("uid", "==", uid).get()).docs.map((d) => d.id).sort();
const notesOf = async (uid: string, kind: NotificationKind) =>
  (await adminDb.collection(paths.notifications(uid)).where("kind", "==", kind).get()).docs.map((d) => d.data());
/** The "moved your session" notices (a booking's own proposal is a `session_proposed` too). */
const movedNotesOf = async (uid: string) => (await notesOf(uid, "session_proposed")).filter((note) => String(note.text).includes("moved your session"));
const sessionMailsOf = async (uid: string) =>
  (await mailsFor(uid)).map((d) => d.data() as MailDoc).filter((m) => m.kind === "sessions");
const icsOf = (mail: MailDoc) => Buffer.from(mail.attachments![0]!.content, "base64").toString("utf8");
const icsLine = (ics: string, name: string) => ics.replace(/\r\n /g, "").split("\r\n").find((line) => line.startsWith(name));

/** A second mentee of the same mentor, in an accepted match: someone else who wants the mentor's time. */
async function rival(mentor: SignedInClient, label: string) {
  const other = await member("mentee", `Kim ${label}`);
  const matchId = await match(mentor, other);
  return { other, matchId };
}

/** Booked by the mentee and accepted by the mentor. */
async function acceptedSession(label: string, startMs = dayAt(2, 14)) {
  const { mentor, mentee, matchId } = await pair(label);
  const { sessionId } = await mentee.call("bookSession", { matchId, startMs, durationMinutes: 30, agenda: "Plans", meetingLink: "https://zoom.us/j/42" });
  await mentor.call("respondToSession", { sessionId, decision: "accept" });
  return { mentor, mentee, matchId, sessionId, startMs };
}

describe("rescheduleSession", () => {
  it("moves an accepted session to a free time: the old slot is free, the new one held, the other person confirms", async () => {
    const { mentor, mentee, sessionId, startMs } = await acceptedSession("Move");
    const before = await sessionOf(sessionId);
    expect(before.nextReminderAt).not.toBeNull();
    const newStart = dayAt(2, 16);

    const moved = await mentee.call("rescheduleSession", { sessionId, startMs: newStart });
    expect(moved).toEqual({ sessionId, status: "pending", version: 2, startMs: newStart, endMs: newStart + 30 * MINUTE, changed: true });
    const after = await sessionOf(sessionId);
    expect(after).toMatchObject({ status: "pending", proposedBy: mentee.uid, version: 2, confirmedAt: null, remindersSent: {}, nextReminderAt: null });
    expect(after.startAt.toMillis()).toBe(newStart);
    expect([...(await locksOf(mentor.uid)), ...(await locksOf(mentee.uid))].sort()).toEqual([...after.lockIds].sort());
    // Every lock is a cell of the new time (30 minutes, and the mentor's 15-minute buffer), none of the old.
    const cells = after.lockIds.map((id) => Date.parse(id.slice(-17)));
    expect(cells.every((cell) => cell >= newStart && cell < newStart + 45 * MINUTE)).toBe(true);

    const told = await movedNotesOf(mentor.uid);
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain(`Sam Move moved your session to`);
    expect(await notesOf(mentee.uid, "session_proposed")).toEqual([]);

    // A retry of the same move: the same answer, nothing new, nobody told twice.
    expect(await mentee.call("rescheduleSession", { sessionId, startMs: newStart })).toMatchObject({ version: 2, changed: false });
    expect(await movedNotesOf(mentor.uid)).toHaveLength(1);

    // The old time is free again: another mentee books it. The new one is held.
    const { other, matchId: otherMatch } = await rival(mentor, "Move");
    await expect(other.call("bookSession", { matchId: otherMatch, startMs, durationMinutes: 30, agenda: "" })).resolves.toMatchObject({ status: "pending" });
    await expectCallableError(other.call("bookSession", { matchId: otherMatch, startMs: newStart, durationMinutes: 30, agenda: "" }), "already-exists", TAKEN);

    // The mentor confirms the new time: the mentee's confirmation carries the new version's calendar event.
    await mentor.call("respondToSession", { sessionId, decision: "accept" });
    const confirmed = await sessionOf(sessionId);
    expect(confirmed).toMatchObject({ status: "accepted", version: 2 });
    expect(confirmed.nextReminderAt).not.toBeNull();
    const confirmation = (await sessionMailsOf(mentee.uid)).find((mail) => mail.attachments && icsLine(icsOf(mail), "SEQUENCE:") === "SEQUENCE:2");
    expect(confirmation).toBeDefined();
    const ics = icsOf(confirmation!);
    expect(icsLine(ics, "UID:")).toBe(`UID:${icsUid(sessionId)}`);
    expect(icsLine(ics, "DTSTART:")).toBe(`DTSTART:${icsDateTime(newStart)}`);
    expect(icsLine(ics, "METHOD:")).toBe("METHOD:REQUEST");
    expect(ics).not.toContain(mentor.email);
  });

  it("either person can move it, and change its length; the mentee's cells wait for their answer to the mentor's move", async () => {
    const { mentor, mentee, sessionId } = await acceptedSession("Long");
    const newStart = dayAt(4, 9);
    expect(await mentor.call("rescheduleSession", { sessionId, startMs: newStart, durationMinutes: 60, note: "Need more time" })).toMatchObject({
      version: 2,
      endMs: newStart + HOUR,
    });
    const after = await sessionOf(sessionId);
    expect(after).toMatchObject({ durationMinutes: 60, proposedBy: mentor.uid });
    // A proposal by the mentor: 60 minutes + the 15-minute buffer for the mentor (5 cells); the mentee's old cells are
    // freed and their new ones are not locked until they accept.
    expect(after.lockIds).toHaveLength(5);
    expect(await locksOf(mentor.uid)).toEqual([...after.lockIds].sort());
    expect(await locksOf(mentee.uid)).toEqual([]);

    await mentee.call("respondToSession", { sessionId, decision: "accept" });
    const accepted = await sessionOf(sessionId);
    // Accepted: the mentee's 60 minutes (4 cells) are theirs too, each lock pointing at this session.
    expect(accepted.lockIds).toHaveLength(9);
    expect(await locksOf(mentee.uid)).toHaveLength(4);
    expect([...(await locksOf(mentor.uid)), ...(await locksOf(mentee.uid))].sort()).toEqual([...accepted.lockIds].sort());
  });

  it("refuses a time someone else holds, writing nothing", async () => {
    const { mentor, mentee, sessionId } = await acceptedSession("Taken");
    const { other, matchId: otherMatch } = await rival(mentor, "Taken");
    const taken = dayAt(2, 16);
    await other.call("bookSession", { matchId: otherMatch, startMs: taken, durationMinutes: 30, agenda: "" });
    const before = await sessionOf(sessionId);
    const locksBefore = await locksOf(mentee.uid);
    await expectCallableError(mentee.call("rescheduleSession", { sessionId, startMs: taken }), "already-exists", TAKEN);
    expect(await sessionOf(sessionId)).toEqual(before);
    expect(await locksOf(mentee.uid)).toEqual(locksBefore);
    expect(await movedNotesOf(mentor.uid)).toEqual([]);
  });

  it("refuses bad input with invalid-argument and writes nothing", async () => {
    const { mentor, mentee, sessionId } = await acceptedSession("Bad");
    const before = await sessionOf(sessionId);
    const cases: [unknown, string][] = [
      [{ sessionId, startMs: -1 }, "Choose a start time."],
      [{ sessionId, startMs: "tomorrow" }, "Choose a start time."],
      [{ sessionId, startMs: dayAt(2, 16), durationMinutes: 20 }, "A session lasts 30, 45 or 60 minutes."],
      [{ sessionId, startMs: dayAt(2, 16), note: "x".repeat(SESSIONS.noteMax + 1) }, `The reason can be at most ${SESSIONS.noteMax} characters.`],
      [{ sessionId, startMs: dayAt(2, 16), status: "accepted" }, ""],
      [{ sessionId: "../matches/x", startMs: dayAt(2, 16) }, ""],
      [{ sessionId, startMs: dayAt(2, 16) + 5 * MINUTE }, ""],
      [{ sessionId, startMs: DAY_OFF + 10 * HOUR }, ""],
    ];
    for (const [input, message] of cases) {
      const error = await expectCallableError(mentee.callRaw("rescheduleSession", input), "invalid-argument");
      if (message) expect(error.message, JSON.stringify(input)).toContain(message);
    }
    expect(await sessionOf(sessionId)).toEqual(before);
    expect(await movedNotesOf(mentor.uid)).toEqual([]);
  });

  it("needs a reason within the cut-off of the start", async () => {
    const { mentor, mentee, matchId } = await pair("Soon");
    // The first start on the grid past the 60-minute notice: inside the 2-hour cut-off.
    const soon = Math.ceil((Date.now() + 75 * MINUTE) / (15 * MINUTE)) * 15 * MINUTE;
    const { sessionId } = await mentee.call("bookSession", { matchId, startMs: soon, durationMinutes: 30, agenda: "" });
    const error = await expectCallableError(mentee.call("rescheduleSession", { sessionId, startMs: dayAt(4, 9) }), "invalid-argument");
    expect(error.details).toMatchObject({ fields: { note: expect.stringContaining("say why you are moving it") } });
    expect((await sessionOf(sessionId)).version).toBe(1);
    await expect(mentee.call("rescheduleSession", { sessionId, startMs: dayAt(4, 9), note: "Something came up" })).resolves.toMatchObject({ version: 2 });
    expect((await movedNotesOf(mentor.uid))[0]!.text).toContain("“Something came up”");
  });

  it("refuses someone who is not in the session, and a cancelled session", async () => {
    const { mentor, mentee, sessionId } = await acceptedSession("Outsider");
    const { other } = await rival(mentor, "Outsider");
    await expectCallableError(other.call("rescheduleSession", { sessionId, startMs: dayAt(4, 9) }), "not-found", "That session does not exist, or it is not yours.");
    await mentee.call("cancelSession", { sessionId });
    await expectCallableError(mentee.call("rescheduleSession", { sessionId, startMs: dayAt(4, 9) }), "failed-precondition", "This session was cancelled.");
  });

  it("a reschedule racing a booking for the same new time: exactly one wins", async () => {
    for (let round = 0; round < 3; round++) {
      const { mentor, mentee, sessionId } = await acceptedSession(`Race${round}`);
      const { other, matchId: otherMatch } = await rival(mentor, `Race${round}`);
      const target = dayAt(4 + round, 11);
      const results = await Promise.allSettled([
        mentee.call("rescheduleSession", { sessionId, startMs: target }),
        other.call("bookSession", { matchId: otherMatch, startMs: target, durationMinutes: 30, agenda: "" }),
      ]);
      expect(results.filter((result) => result.status === "fulfilled"), `round ${round}`).toHaveLength(1);
      const lost = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
      expect((lost.reason as { code: string }).code).toBe("functions/already-exists");
      expect((lost.reason as Error).message).toContain(TAKEN);
      // The mentor's cells at the target belong to exactly one session.
      const cells = (await adminDb.collection(paths.sessionLocks()).where("uid", "==", mentor.uid).get()).docs.filter((d) =>
        d.id.includes(new Date(target).toISOString().slice(0, 16)),
      );
      expect(cells).toHaveLength(1);
    }
  });
});

describe("calendar files in session emails", () => {
  it("the confirmation carries METHOD:REQUEST, a cancellation of an accepted session METHOD:CANCEL", async () => {
    const { mentor, mentee, sessionId, startMs } = await acceptedSession("Ics");
    const [confirmation] = (await sessionMailsOf(mentee.uid)).filter((mail) => mail.subject.startsWith("Session confirmed"));
    expect(confirmation!.attachments).toHaveLength(1);
    expect(confirmation!.attachments![0]).toMatchObject({ filename: "session.ics", contentType: "text/calendar; charset=utf-8; method=REQUEST" });
    const request = icsOf(confirmation!);
    expect(icsLine(request, "UID:")).toBe(`UID:${icsUid(sessionId)}`);
    expect(icsLine(request, "DTSTART:")).toBe(`DTSTART:${icsDateTime(startMs)}`);
    expect(icsLine(request, "SEQUENCE:")).toBe("SEQUENCE:1");
    expect(icsLine(request, "LOCATION:")).toBe("LOCATION:https://zoom.us/j/42");
    expect(icsLine(request, "ATTENDEE")).toContain(`mailto:${mentee.email}`);

    await mentor.call("cancelSession", { sessionId });
    const [cancellation] = (await sessionMailsOf(mentee.uid)).filter((mail) => mail.subject.startsWith("Cancelled"));
    expect(cancellation!.attachments![0]).toMatchObject({ filename: "session-cancelled.ics", contentType: "text/calendar; charset=utf-8; method=CANCEL" });
    const cancel = icsOf(cancellation!);
    expect(icsLine(cancel, "METHOD:")).toBe("METHOD:CANCEL");
    expect(icsLine(cancel, "STATUS:")).toBe("STATUS:CANCELLED");
    expect(icsLine(cancel, "UID:")).toBe(`UID:${icsUid(sessionId)}`);
  });

  it("a proposal that was never accepted is cancelled without a calendar file", async () => {
    const { mentor, mentee, matchId } = await pair("NoIcs");
    const { sessionId } = await mentee.call("bookSession", { matchId, startMs: dayAt(2, 10), durationMinutes: 30, agenda: "" });
    await mentee.call("cancelSession", { sessionId });
    const [cancellation] = (await sessionMailsOf(mentor.uid)).filter((mail) => mail.subject.startsWith("Cancelled"));
    expect(cancellation).toBeDefined();
    expect(cancellation!.attachments).toBeUndefined();
  });
});
