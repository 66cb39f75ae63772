import { FEEDBACK, SESSIONS, buildSearchTokens, defaultEmailPrefs, defaultProfileFields, matchIdOf, paths, ratingScore, type NotificationKind } from "@mentormatch/shared";
import { Timestamp, type DocumentData } from "firebase-admin/firestore";
import { signInWithEmailAndPassword } from "firebase/auth";
import { afterAll, describe, expect, it } from "vitest";
import { revealDueFeedback } from "../../functions/src/lib/feedback-reveal.js";
import { PASSWORD, adminAuth, adminDb, closeClients, expectCallableError, newClient, uniqueId, type SignedInClient } from "./helpers.js";

afterAll(closeClients);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A member as registerAccount leaves one, written with the Admin SDK, then signed in as the web app would be. */
async function member(role: "mentor" | "mentee", displayName: string, rating = { ratingAvg: 0, ratingCount: 0 }): Promise<SignedInClient> {
  const email = `${uniqueId(role)}@example.com`.toLowerCase();
  const user = await adminAuth.createUser({ email, password: PASSWORD, emailVerified: true, displayName });
  await adminAuth.setCustomUserClaims(user.uid, { role });
  const now = Timestamp.now();
  await adminDb.doc(paths.user(user.uid)).set({
    ...defaultProfileFields({ displayName, timezone: "Europe/Berlin", role }),
    uid: user.uid,
    role,
    activeMenteeCount: 0,
    ...rating,
    ratingScore: ratingScore(rating.ratingAvg, rating.ratingCount),
    sessionCount: 3,
    searchTokens: buildSearchTokens({ displayName, expertise: [] }),
    createdAt: now,
    updatedAt: now,
  });
  await adminDb.doc(paths.userSettings(user.uid)).set({ email, emailPrefs: defaultEmailPrefs(), createdAt: now });
  const client = newClient();
  const { user: signedIn } = await signInWithEmailAndPassword(client.auth, email, PASSWORD);
  return { ...client, user: signedIn, uid: signedIn.uid, email };
}

/** An accepted session (as respondToSession leaves it) that ended `endedAgoMs` ago, or in another state. */
async function session(mentor: SignedInClient, mentee: SignedInClient, endedAgoMs: number, overrides: DocumentData = {}): Promise<string> {
  const id = uniqueId("s");
  const endMs = Date.now() - endedAgoMs;
  await adminDb.doc(paths.session(id)).set({
    kind: "match",
    matchId: matchIdOf(mentor.uid, mentee.uid),
    mentorId: mentor.uid,
    menteeId: mentee.uid,
    participants: [mentor.uid, mentee.uid],
    proposedBy: mentee.uid,
    startAt: Timestamp.fromMillis(endMs - 30 * MINUTE),
    endAt: Timestamp.fromMillis(endMs),
    durationMinutes: 30,
    timezone: "Europe/Berlin",
    agenda: "Career plan",
    meetingLink: "",
    status: "accepted",
    version: 1,
    responseNote: "",
    respondedAt: Timestamp.now(),
    cancelledBy: null,
    cancelReason: "",
    cancelledAt: null,
    confirmedAt: Timestamp.now(),
    remindersSent: {},
    nextReminderAt: null,
    lockIds: [],
    mentorName: "Mark Mentor",
    menteeName: "Mia Mentee",
    createdAt: Timestamp.now(),
    updatedAt: Timestamp.now(),
    ...overrides,
  });
  return id;
}

async function pair(mentorRating?: { ratingAvg: number; ratingCount: number }) {
  const [mentor, mentee] = await Promise.all([member("mentor", "Mark Mentor", mentorRating), member("mentee", "Mia Mentee")]);
  return { mentor, mentee };
}

const stored = async (path: string) => (await adminDb.doc(path).get()).data();
const sessionCount = async (uid: string) => (await stored(paths.user(uid)))?.sessionCount as number;
const notificationsOf = async (uid: string, kind: NotificationKind) =>
  (await adminDb.collection(paths.notifications(uid)).where("kind", "==", kind).get()).docs.map((d) => d.data());

const done = { otherAttended: true, actualMinutes: 35, sharedNotes: "  Talked through the CV  ", topics: ["CV", "Interviews"], actionItems: ["Send the new CV"], followUp: true };

/** What a refused call must leave: the session and both profiles as they were. */
async function expectNothingWritten(sessionId: string, people: SignedInClient[], call: () => Promise<unknown>, code: string, message: string) {
  const before = await Promise.all([stored(paths.session(sessionId)), ...people.map((p) => stored(paths.user(p.uid)))]);
  const error = await expectCallableError(call(), code, message);
  expect(await Promise.all([stored(paths.session(sessionId)), ...people.map((p) => stored(paths.user(p.uid)))])).toEqual(before);
  return error;
}

describe("completeSession", () => {
  it("the mentor completes after the end: notes stored, both sessionCounts + 1 once, the mentee told once, even when called twice", async () => {
    const { mentor, mentee } = await pair();
    const id = await session(mentor, mentee, 5 * MINUTE);
    expect(await mentor.call("completeSession", { sessionId: id, ...done })).toEqual({ sessionId: id, status: "completed", changed: true });
    expect(await mentor.call("completeSession", { sessionId: id, ...done, otherAttended: false })).toEqual({ sessionId: id, status: "completed", changed: false });
    expect(await sessionCount(mentor.uid)).toBe(4);
    expect(await sessionCount(mentee.uid)).toBe(4);
    expect(await stored(paths.session(id))).toMatchObject({
      status: "completed",
      completedBy: mentor.uid,
      attendance: { mentor: true, mentee: true },
      actualMinutes: 35,
      sharedNotes: "Talked through the CV",
      topics: ["CV", "Interviews"],
      actionItems: ["Send the new CV"],
      followUp: true,
    });
    expect(await notificationsOf(mentee.uid, "session_completed")).toHaveLength(1);
    expect(await notificationsOf(mentor.uid, "session_completed")).toHaveLength(0);
  });

  it("both completing at once count the session once", async () => {
    const { mentor, mentee } = await pair();
    const id = await session(mentor, mentee, 25 * HOUR);
    const answers = await Promise.all([mentor.call("completeSession", { sessionId: id, ...done }), mentee.call("completeSession", { sessionId: id, ...done })]);
    expect(answers.filter((a) => a.changed)).toHaveLength(1);
    expect(await sessionCount(mentor.uid)).toBe(4);
    expect(await sessionCount(mentee.uid)).toBe(4);
  });

  it("is refused before the end, and the mentee is refused within 24 hours but allowed after", async () => {
    const { mentor, mentee } = await pair();
    const upcoming = await session(mentor, mentee, -10 * MINUTE);
    await expectNothingWritten(upcoming, [mentor, mentee], () => mentor.call("completeSession", { sessionId: upcoming, ...done }), "failed-precondition", "has not ended yet");
    const recent = await session(mentor, mentee, 2 * HOUR);
    await expectNothingWritten(recent, [mentor, mentee], () => mentee.call("completeSession", { sessionId: recent, ...done }), "failed-precondition", `within ${SESSIONS.completeByMentorHours} hours`);
    const old = await session(mentor, mentee, SESSIONS.completeByMentorHours * HOUR + MINUTE);
    expect(await mentee.call("completeSession", { sessionId: old, ...done })).toMatchObject({ status: "completed", changed: true });
    expect(await notificationsOf(mentor.uid, "session_completed")).toHaveLength(1);
  });

  it("records a no-show from the person who was there: nobody's sessionCount changes, the absent person is told", async () => {
    const { mentor, mentee } = await pair();
    const id = await session(mentor, mentee, HOUR);
    expect(await mentor.call("completeSession", { sessionId: id, ...done, otherAttended: false, actualMinutes: 15 })).toEqual({ sessionId: id, status: "no_show", changed: true });
    expect(await stored(paths.session(id))).toMatchObject({ status: "no_show", attendance: { mentor: true, mentee: false }, completedBy: mentor.uid });
    expect(await sessionCount(mentor.uid)).toBe(3);
    expect(await sessionCount(mentee.uid)).toBe(3);
    const [told] = await notificationsOf(mentee.uid, "session_completed");
    expect(told?.text).toContain("did not attend");
  });

  it("refuses an outsider, and a cancelled session", async () => {
    const { mentor, mentee } = await pair();
    const outsider = await member("mentee", "Olga Outsider");
    const id = await session(mentor, mentee, HOUR);
    await expectNothingWritten(id, [mentor, mentee], () => outsider.call("completeSession", { sessionId: id, ...done }), "not-found", "not yours");
    const cancelled = await session(mentor, mentee, HOUR, { status: "cancelled" });
    await expectNothingWritten(cancelled, [mentor, mentee], () => mentor.call("completeSession", { sessionId: cancelled, ...done }), "failed-precondition", "Only an accepted session");
  });

  it.each([
    ["shared notes over the limit", { sharedNotes: "x".repeat(SESSIONS.notesMax + 1) }, "shared notes can be at most 5000"],
    ["an actual duration of 0", { actualMinutes: 0 }, "at least 1 minute"],
    ["an actual duration of 2.5 minutes", { actualMinutes: 2.5 }, "whole number of minutes"],
    ["too many topics", { topics: Array.from({ length: SESSIONS.topicsMax + 1 }, (_, i) => `t${i}`) }, "At most 10 topics"],
    ["an empty action item", { actionItems: ["  "] }, "cannot be empty"],
    ["no attendance answer", { otherAttended: undefined }, "attended"],
    ["an unknown field", { rating: 5 }, ""],
  ])("bad input: %s → invalid-argument, nothing written", async (_what, change, message) => {
    const { mentor, mentee } = await pair();
    const id = await session(mentor, mentee, HOUR);
    await expectNothingWritten(id, [mentor, mentee], () => mentor.callRaw("completeSession", { sessionId: id, ...done, ...change }), "invalid-argument", message);
    expect(await notificationsOf(mentee.uid, "session_completed")).toHaveLength(0);
  });
});

describe("submitFeedback", () => {
  const completedSession = async (mentor: SignedInClient, mentee: SignedInClient, completedAgoMs = HOUR) =>
    session(mentor, mentee, completedAgoMs + HOUR, { status: "completed", completedAt: Timestamp.fromMillis(Date.now() - completedAgoMs), completedBy: mentor.uid });

  it("the mentee's rating is folded into the mentor's profile exactly once, with countedAt; a second try is refused", async () => {
    const { mentor, mentee } = await pair({ ratingAvg: 4, ratingCount: 3 });
    const id = await completedSession(mentor, mentee);
    await mentee.call("submitFeedback", { sessionId: id, rating: 5, comment: "  Clear and kind  " });
    const again = await expectCallableError(mentee.call("submitFeedback", { sessionId: id, rating: 1 }), "already-exists", "already left feedback");
    expect(again.message).toContain("cannot be changed");
    expect(await stored(paths.user(mentor.uid))).toMatchObject({ ratingAvg: 4.25, ratingCount: 4, ratingScore: ratingScore(4.25, 4) });
    const feedback = await stored(paths.feedback(id, mentee.uid));
    expect(feedback).toMatchObject({ fromUid: mentee.uid, toUid: mentor.uid, toRole: "mentor", rating: 5, comment: "Clear and kind", fromName: "Mia Mentee" });
    expect(feedback?.countedAt).toBeInstanceOf(Timestamp);
    expect(await notificationsOf(mentor.uid, "feedback_received")).toHaveLength(1);
  });

  it("two submissions racing count once", async () => {
    const { mentor, mentee } = await pair();
    const id = await completedSession(mentor, mentee);
    const results = await Promise.allSettled([1, 2, 3].map((n) => mentee.call("submitFeedback", { sessionId: id, rating: n + 2 })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await stored(paths.user(mentor.uid))).toMatchObject({ ratingCount: 1 });
    expect(await notificationsOf(mentor.uid, "feedback_received")).toHaveLength(1);
  });

  it("averages several sessions' ratings", async () => {
    const { mentor, mentee } = await pair();
    for (const rating of [5, 4, 4]) await mentee.call("submitFeedback", { sessionId: await completedSession(mentor, mentee), rating });
    expect(await stored(paths.user(mentor.uid))).toMatchObject({ ratingAvg: 4.3333, ratingCount: 3, ratingScore: ratingScore(4.3333, 3) });
  });

  it("hidden until both are in: the first is visible 7 days after completion, the second makes both visible now", async () => {
    const { mentor, mentee } = await pair();
    const id = await completedSession(mentor, mentee);
    const completedAt = ((await stored(paths.session(id)))?.completedAt as Timestamp).toMillis();
    const first = await mentee.call("submitFeedback", { sessionId: id, rating: 5 });
    expect(Date.parse(first.visibleAt)).toBe(completedAt + FEEDBACK.revealDays * DAY);
    expect((await stored(paths.feedback(id, mentee.uid)))?.visible).toBe(false);
    const before = Date.now();
    const second = await mentor.call("submitFeedback", { sessionId: id, rating: 4, comment: "Well prepared" });
    expect(Date.parse(second.visibleAt)).toBeGreaterThanOrEqual(before - 5_000);
    const firstVisibleAt = ((await stored(paths.feedback(id, mentee.uid)))?.visibleAt as Timestamp).toMillis();
    expect(firstVisibleAt).toBeLessThanOrEqual(Date.now());
    expect(firstVisibleAt).toBeGreaterThanOrEqual(before - 5_000);
    expect((await stored(paths.feedback(id, mentee.uid)))?.visible).toBe(true);
    expect((await stored(paths.feedback(id, mentor.uid)))?.visible).toBe(true);
    // The mentor's feedback on the mentee is not a profile rating: the mentee's fields stay, countedAt stays null.
    expect(await stored(paths.user(mentee.uid))).toMatchObject({ ratingAvg: 0, ratingCount: 0 });
    expect((await stored(paths.feedback(id, mentor.uid)))?.countedAt).toBeNull();
    expect(await notificationsOf(mentee.uid, "feedback_received")).toHaveLength(1);
  });

  it("after the 7 days, a lone feedback is visible at once", async () => {
    const { mentor, mentee } = await pair();
    const id = await completedSession(mentor, mentee, (FEEDBACK.revealDays + 1) * DAY);
    const answer = await mentee.call("submitFeedback", { sessionId: id, rating: 3 });
    expect(Date.parse(answer.visibleAt)).toBeLessThan(Date.now());
    expect((await stored(paths.feedback(id, mentee.uid)))?.visible).toBe(true);
  });

  it("revealFeedback opens a lone feedback once its 7 days have passed, reading only what is due; a rerun changes nothing", async () => {
    const { mentor, mentee } = await pair();
    const id = await completedSession(mentor, mentee);
    const answer = await mentee.call("submitFeedback", { sessionId: id, rating: 4, comment: "Good" });
    const path = paths.feedback(id, mentee.uid);
    const revealAt = new Date(Date.parse(answer.visibleAt));
    await revealDueFeedback({ now: new Date(revealAt.getTime() - MINUTE) });
    expect((await stored(path))?.visible).toBe(false);
    await revealDueFeedback({ now: revealAt });
    const once = await stored(path);
    expect(once?.visible).toBe(true);
    await revealDueFeedback({ now: revealAt });
    expect(await stored(path)).toEqual(once);
    expect(await notificationsOf(mentor.uid, "feedback_received")).toHaveLength(1);
  });

  it("is refused on a session that is not completed, a no-show, or someone else's", async () => {
    const { mentor, mentee } = await pair();
    const outsider = await member("mentee", "Olga Outsider");
    const accepted = await session(mentor, mentee, HOUR);
    await expectNothingWritten(accepted, [mentor, mentee], () => mentee.call("submitFeedback", { sessionId: accepted, rating: 5 }), "failed-precondition", "once the session is marked completed");
    const missed = await session(mentor, mentee, HOUR, { status: "no_show", completedAt: Timestamp.now() });
    await expectNothingWritten(missed, [mentor, mentee], () => mentee.call("submitFeedback", { sessionId: missed, rating: 5 }), "failed-precondition", "once the session is marked completed");
    const id = await completedSession(mentor, mentee);
    await expectNothingWritten(id, [mentor, mentee], () => outsider.call("submitFeedback", { sessionId: id, rating: 5 }), "not-found", "not yours");
    expect(await stored(paths.feedback(id, outsider.uid))).toBeUndefined();
  });

  it.each([
    ["a rating of 0", { rating: 0 }, "at least 1 star"],
    ["a rating of 6", { rating: 6 }, "at most 5 stars"],
    ["a rating of 3.5", { rating: 3.5 }, "whole number of stars"],
    ["a rating as text", { rating: "5" }, "Choose a rating from 1 to 5"],
    ["a comment over the limit", { rating: 5, comment: "x".repeat(FEEDBACK.commentMax + 1) }, "at most 2000 characters"],
    ["a chosen subject", { rating: 5, toUid: "someone" }, ""],
  ])("bad input: %s → invalid-argument, nothing written", async (_what, change, message) => {
    const { mentor, mentee } = await pair({ ratingAvg: 4, ratingCount: 2 });
    const id = await completedSession(mentor, mentee);
    await expectNothingWritten(id, [mentor, mentee], () => mentee.callRaw("submitFeedback", { sessionId: id, ...change }), "invalid-argument", message);
    expect(await stored(paths.feedback(id, mentee.uid))).toBeUndefined();
    expect(await notificationsOf(mentor.uid, "feedback_received")).toHaveLength(0);
  });
});
