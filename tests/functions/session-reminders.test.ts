// The session reminders job: its handler called with an injected `now` against the Firestore emulator (scheduled
// functions never fire in the emulators). Sessions are seeded as respondToSession leaves them, in 2021, so no other
// test file's sessions (booked around the real now) are ever due in these runs, and each test works a week after the
// previous one.
import { defaultEmailPrefs, paths, type EmailPrefs, type MailDoc, type SessionDoc } from "@mentormatch/shared";
import { icsUid, icsDateTime, planReminders } from "@mentormatch/shared/scheduling";
import { Timestamp } from "firebase-admin/firestore";
import { describe, expect, it } from "vitest";
import { formatSessionTime } from "../../functions/src/lib/session-messages.js";
import { deliverMail } from "../../functions/src/lib/mail.js";
import { sendSessionReminders } from "../../functions/src/lib/session-reminders.js";
import { startMailCapture } from "../../scripts/mail-capture.mjs";
import { adminDb, mailsFor, uniqueId } from "./helpers.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
let clock = Date.UTC(2021, 0, 4, 15, 0);
/** A session start a week after the previous test's, at 15:00 UTC. */
const nextStart = () => (clock += 7 * DAY);

async function person(name: string, timezone: string, prefs: Partial<EmailPrefs> = {}) {
  const uid = uniqueId(name.split(" ")[0]!.toLowerCase());
  const email = `${uid}@example.com`.toLowerCase();
  await adminDb.doc(paths.user(uid)).set({ displayName: name, timezone });
  await adminDb.doc(paths.userSettings(uid)).set({ email, emailPrefs: { ...defaultEmailPrefs(), ...prefs }, createdAt: Timestamp.now() });
  return { uid, name, email };
}

type Person = Awaited<ReturnType<typeof person>>;

/** An accepted session as respondToSession leaves it (confirmed three days before the start). */
async function acceptedSession(mentor: Person, mentee: Person, startMs: number, fields: Partial<Record<keyof SessionDoc, unknown>> = {}) {
  const ref = adminDb.collection(paths.sessions()).doc();
  const confirmedAtMs = startMs - 3 * DAY;
  const next = planReminders({ status: "accepted", startMs, version: 1, confirmedAtMs, remindersSent: {} }, confirmedAtMs).nextReminderAt;
  await ref.set({
    kind: "match",
    matchId: `${mentor.uid}_${mentee.uid}`,
    mentorId: mentor.uid,
    menteeId: mentee.uid,
    participants: [mentor.uid, mentee.uid],
    proposedBy: mentee.uid,
    startAt: Timestamp.fromMillis(startMs),
    endAt: Timestamp.fromMillis(startMs + 45 * MINUTE),
    durationMinutes: 45,
    timezone: "America/New_York",
    agenda: "Career plan; next steps",
    meetingLink: "https://meet.jit.si/MentorMatch-room",
    status: "accepted",
    version: 1,
    responseNote: "",
    respondedAt: Timestamp.fromMillis(confirmedAtMs),
    cancelledBy: null,
    cancelReason: "",
    cancelledAt: null,
    confirmedAt: Timestamp.fromMillis(confirmedAtMs),
    remindersSent: {},
    nextReminderAt: next === null ? null : Timestamp.fromMillis(next),
    lockIds: [],
    mentorName: mentor.name,
    menteeName: mentee.name,
    createdAt: Timestamp.fromMillis(confirmedAtMs - HOUR),
    updatedAt: Timestamp.fromMillis(confirmedAtMs),
    ...fields,
  });
  return ref;
}

async function pair(label: string, menteePrefs: Partial<EmailPrefs> = {}) {
  const mentor = await person(`Ada ${label}`, "Europe/Berlin");
  const mentee = await person(`Sam ${label}`, "America/New_York", menteePrefs);
  return { mentor, mentee };
}

const reminderMails = async (uid: string) =>
  (await mailsFor(uid)).map((d) => d.data() as MailDoc).filter((mail) => mail.kind === "reminders").sort((a, b) => a.subject.localeCompare(b.subject));
const reminderNotes = async (uid: string) =>
  (await adminDb.collection(paths.notifications(uid)).where("kind", "==", "session_reminder").get()).docs.map((d) => d.data());
const stored = async (ref: FirebaseFirestore.DocumentReference) => (await ref.get()).data() as SessionDoc;
const icsOf = (mail: MailDoc) => Buffer.from(mail.attachments![0]!.content, "base64").toString("utf8");
/** A line of the .ics, unfolded (RFC 5545 folds at 75 octets with CRLF + space). */
const icsLine = (ics: string, name: string) => ics.replace(/\r\n /g, "").split("\r\n").find((line) => line.startsWith(name));

describe("sendSessionReminders", () => {
  it("reads only the due sessions: not-yet-due ones are neither touched nor read", async () => {
    const { mentor, mentee } = await pair("Due");
    const startMs = nextStart();
    const due = await acceptedSession(mentor, mentee, startMs);
    const later = await Promise.all([1, 2, 3, 4, 5].map((days) => acceptedSession(mentor, mentee, startMs + days * DAY)));
    const laterBefore = await Promise.all(later.map(stored));

    const result = await sendSessionReminders({ now: new Date(startMs - 24 * HOUR + MINUTE) });
    expect(result).toMatchObject({ examined: 1, sent: 1, more: false });
    // The query's one result, then the transaction: the session, two profiles, and per recipient the notification,
    // the mail, settings and profile. None of the five later sessions.
    expect(result.documentsRead).toBe(1 + 1 + 2 + 2 * 4);
    expect((await stored(due)).remindersSent).toEqual({ "24h": 1 });
    expect(await Promise.all(later.map(stored))).toEqual(laterBefore);
  });

  it("sends the 24-hour reminder once to both people, with the time in each one's zone and an .ics", async () => {
    const { mentor, mentee } = await pair("Once");
    const startMs = nextStart();
    const ref = await acceptedSession(mentor, mentee, startMs);
    const now = new Date(startMs - 24 * HOUR + 2 * MINUTE);

    expect(await sendSessionReminders({ now })).toMatchObject({ sent: 1 });
    const session = await stored(ref);
    expect(session.remindersSent).toEqual({ "24h": 1 });
    expect(session.nextReminderAt?.toMillis()).toBe(startMs - HOUR);

    const [toMentee, ...moreMentee] = await reminderMails(mentee.uid);
    expect(moreMentee).toEqual([]);
    expect(toMentee).toMatchObject({ to: mentee.email, status: expect.any(String) });
    expect(toMentee!.subject).toContain(`Reminder: session with ${mentor.name} in 24 hours`);
    // 15:00 UTC in January: 10:00 in New York for the mentee, 16:00 in Berlin for the mentor beside it.
    const inNewYork = formatSessionTime(startMs, "America/New_York");
    const inBerlin = formatSessionTime(startMs, "Europe/Berlin");
    expect(inNewYork).toContain("10:00");
    expect(inBerlin).toContain("16:00");
    expect(toMentee!.text).toContain(`starts ${inNewYork} (${mentor.name}'s time: ${inBerlin})`);
    expect(toMentee!.text).toContain("Agenda: “Career plan; next steps”");
    expect(toMentee!.text).toContain("Join: https://meet.jit.si/MentorMatch-room");
    expect(toMentee!.attachments).toHaveLength(1);
    expect(toMentee!.attachments![0]).toMatchObject({ filename: "session.ics", contentType: "text/calendar; charset=utf-8; method=REQUEST" });
    const ics = icsOf(toMentee!);
    expect(icsLine(ics, "UID:")).toBe(`UID:${icsUid(ref.id)}`);
    expect(icsLine(ics, "DTSTART:")).toBe(`DTSTART:${icsDateTime(startMs)}`);
    expect(icsLine(ics, "DTEND:")).toBe(`DTEND:${icsDateTime(startMs + 45 * MINUTE)}`);
    expect(icsLine(ics, "METHOD:")).toBe("METHOD:REQUEST");
    expect(icsLine(ics, "SEQUENCE:")).toBe("SEQUENCE:1");
    expect(icsLine(ics, "SUMMARY:")).toBe(`SUMMARY:Mentoring session with ${mentor.name}`);
    expect(icsLine(ics, "ATTENDEE")).toContain(`mailto:${mentee.email}`);
    // The other person's private address never travels in someone else's mail.
    expect(ics).not.toContain(mentor.email);

    const [toMentor, ...moreMentor] = await reminderMails(mentor.uid);
    expect(moreMentor).toEqual([]);
    expect(toMentor!.subject).toContain(`Reminder: session with ${mentee.name} in 24 hours`);
    expect(toMentor!.text).toContain(`starts ${inBerlin} (${mentee.name}'s time: ${inNewYork})`);
    expect(icsOf(toMentor!)).not.toContain(mentee.email);

    const [noteMentee, ...moreNotes] = await reminderNotes(mentee.uid);
    expect(moreNotes).toEqual([]);
    expect(noteMentee).toMatchObject({ link: "/sessions", read: false });
    expect(noteMentee!.text).toContain(`your session with ${mentor.name} starts in 24 hours`);
    expect(await reminderNotes(mentor.uid)).toHaveLength(1);

    // Running again (a retry, the next run five minutes later) sends nothing more.
    expect(await sendSessionReminders({ now })).toMatchObject({ sent: 0 });
    expect(await sendSessionReminders({ now: new Date(now.getTime() + 5 * MINUTE) })).toMatchObject({ sent: 0 });
    expect(await reminderMails(mentee.uid)).toHaveLength(1);
    expect(await reminderMails(mentor.uid)).toHaveLength(1);
    expect(await reminderNotes(mentee.uid)).toHaveLength(1);
  });

  it("two overlapping runs send one reminder", async () => {
    const { mentor, mentee } = await pair("Race");
    const startMs = nextStart();
    const ref = await acceptedSession(mentor, mentee, startMs);
    const now = new Date(startMs - 24 * HOUR + MINUTE);

    const runs = await Promise.all([sendSessionReminders({ now }), sendSessionReminders({ now }), sendSessionReminders({ now })]);
    expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(1);
    expect(await reminderMails(mentee.uid)).toHaveLength(1);
    expect(await reminderMails(mentor.uid)).toHaveLength(1);
    expect(await reminderNotes(mentee.uid)).toHaveLength(1);
    expect(await reminderNotes(mentor.uid)).toHaveLength(1);
    expect((await stored(ref)).remindersSent).toEqual({ "24h": 1 });
  });

  it("sends the 1-hour reminder later, then nothing is left", async () => {
    const { mentor, mentee } = await pair("Hour");
    const startMs = nextStart();
    const ref = await acceptedSession(mentor, mentee, startMs);
    await sendSessionReminders({ now: new Date(startMs - 24 * HOUR) });
    // Between the two: nothing is due.
    await sendSessionReminders({ now: new Date(startMs - 2 * HOUR) });
    expect(await reminderMails(mentee.uid)).toHaveLength(1);

    expect(await sendSessionReminders({ now: new Date(startMs - HOUR + MINUTE) })).toMatchObject({ sent: 1 });
    const session = await stored(ref);
    expect(session.remindersSent).toEqual({ "24h": 1, "1h": 1 });
    expect(session.nextReminderAt).toBeNull();
    const mails = await reminderMails(mentee.uid);
    expect(mails.map((mail) => mail.subject)).toEqual([
      expect.stringContaining("in 1 hour"),
      expect.stringContaining("in 24 hours"),
    ]);
    expect(await reminderNotes(mentor.uid)).toHaveLength(2);
    expect(await sendSessionReminders({ now: new Date(startMs - 30 * MINUTE) })).toMatchObject({ sent: 0 });
    expect(await reminderMails(mentor.uid)).toHaveLength(2);
  });

  it("sends only the nearer reminder when the job runs late", async () => {
    const { mentor, mentee } = await pair("Late");
    const startMs = nextStart();
    const ref = await acceptedSession(mentor, mentee, startMs);
    expect(await sendSessionReminders({ now: new Date(startMs - 50 * MINUTE) })).toMatchObject({ sent: 1 });
    expect((await stored(ref)).remindersSent).toEqual({ "1h": 1 });
    const mails = await reminderMails(mentee.uid);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain("in 1 hour");
  });

  it("a cancelled session gets none, even with a stale marker", async () => {
    const { mentor, mentee } = await pair("Cancel");
    const startMs = nextStart();
    const cancelled = await acceptedSession(mentor, mentee, startMs, {
      status: "cancelled",
      cancelledBy: mentee.uid,
      cancelledAt: Timestamp.fromMillis(startMs - 2 * DAY),
      nextReminderAt: null,
    });
    // A cancellation written without clearing the marker (an older version of cancelSession): still nothing.
    const stale = await acceptedSession(mentor, mentee, startMs + 3 * HOUR, { status: "cancelled" });
    for (const hours of [24, 1]) await sendSessionReminders({ now: new Date(startMs - hours * HOUR + MINUTE) });
    await sendSessionReminders({ now: new Date(startMs + 3 * HOUR - HOUR + MINUTE) });
    expect(await reminderMails(mentee.uid)).toEqual([]);
    expect(await reminderMails(mentor.uid)).toEqual([]);
    expect(await reminderNotes(mentee.uid)).toEqual([]);
    expect((await stored(cancelled)).remindersSent).toEqual({});
    expect((await stored(stale)).remindersSent).toEqual({});
  });

  it("a rescheduled session: the old reminders never fire, the new version's do", async () => {
    const { mentor, mentee } = await pair("Moved");
    const oldStart = nextStart();
    const ref = await acceptedSession(mentor, mentee, oldStart);
    await sendSessionReminders({ now: new Date(oldStart - 24 * HOUR + MINUTE) });
    expect(await reminderMails(mentee.uid)).toHaveLength(1);

    // rescheduleSession: a new time two days later, version 2, pending again, reminders cleared.
    const newStart = oldStart + 2 * DAY;
    await ref.update({
      startAt: Timestamp.fromMillis(newStart),
      endAt: Timestamp.fromMillis(newStart + 45 * MINUTE),
      version: 2,
      status: "pending",
      proposedBy: mentor.uid,
      confirmedAt: null,
      remindersSent: {},
      nextReminderAt: null,
    });
    // The old 1-hour moment passes: nothing.
    expect(await sendSessionReminders({ now: new Date(oldStart - HOUR + MINUTE) })).toMatchObject({ sent: 0 });
    expect(await reminderMails(mentee.uid)).toHaveLength(1);

    // The mentee confirms the new time (as respondToSession does): the new version's reminders come.
    const confirmedAtMs = oldStart;
    const next = planReminders({ status: "accepted", startMs: newStart, version: 2, confirmedAtMs, remindersSent: {} }, confirmedAtMs).nextReminderAt!;
    await ref.update({ status: "accepted", confirmedAt: Timestamp.fromMillis(confirmedAtMs), nextReminderAt: Timestamp.fromMillis(next) });
    expect(await sendSessionReminders({ now: new Date(newStart - 24 * HOUR + MINUTE) })).toMatchObject({ sent: 1 });
    expect((await stored(ref)).remindersSent).toEqual({ "24h": 2 });
    const mails = await reminderMails(mentee.uid);
    expect(mails).toHaveLength(2);
    const newest = mails.find((mail) => icsLine(icsOf(mail), "SEQUENCE:") === "SEQUENCE:2");
    expect(newest).toBeDefined();
    expect(icsLine(icsOf(newest!), "DTSTART:")).toBe(`DTSTART:${icsDateTime(newStart)}`);
    expect(icsLine(icsOf(newest!), "UID:")).toBe(`UID:${icsUid(ref.id)}`);
    expect(await reminderNotes(mentor.uid)).toHaveLength(2);
  });

  it("a recipient who switched reminder emails off gets the in-app reminder only", async () => {
    const { mentor, mentee } = await pair("Quiet", { reminders: false });
    const startMs = nextStart();
    await acceptedSession(mentor, mentee, startMs);
    expect(await sendSessionReminders({ now: new Date(startMs - 24 * HOUR + MINUTE) })).toMatchObject({ sent: 1 });
    expect(await reminderMails(mentee.uid)).toEqual([]);
    expect(await reminderNotes(mentee.uid)).toHaveLength(1);
    expect(await reminderMails(mentor.uid)).toHaveLength(1);
    expect(await reminderNotes(mentor.uid)).toHaveLength(1);
  });

  it("the .ics reaches SendGrid as a base64 attachment", async () => {
    const { mentor, mentee } = await pair("Send");
    const startMs = nextStart();
    const ref = await acceptedSession(mentor, mentee, startMs);
    await sendSessionReminders({ now: new Date(startMs - 24 * HOUR + MINUTE) });
    const [mailDoc] = (await mailsFor(mentee.uid)).filter((d) => d.get("kind") === "reminders");
    // A capture of its own on a free port: no functions emulator runs here, so the test delivers the mail itself.
    const capture = await startMailCapture({ port: 0 });
    try {
      const sent = await deliverMail(adminDb, mailDoc!.id, { apiKey: "SG.test-key", baseUrl: capture.url, from: "MentorMatch <no-reply@mentormatch.dev>" });
      expect(sent).toMatchObject({ outcome: "sent" });
      const [message, ...others] = capture.messages();
      expect(others).toEqual([]);
      const attachments = message!.body.attachments as { content: string; filename: string; type: string; disposition: string }[];
      expect(attachments).toEqual([
        { content: mailDoc!.get("attachments")[0].content, filename: "session.ics", type: "text/calendar; charset=utf-8; method=REQUEST", disposition: "attachment" },
      ]);
      expect(Buffer.from(attachments[0]!.content, "base64").toString("utf8")).toContain(`UID:${icsUid(ref.id)}`);
    } finally {
      await capture.close();
    }
  });
});
