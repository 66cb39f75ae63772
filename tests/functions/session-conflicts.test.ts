// Conflicts the lock design allows and resolves (issue 7 §2): a mentor's proposal locks the mentor's time, not the
// invited mentee's, so two mentors can propose overlapping times to one mentee; accepting is where the mentee's time is
// claimed, and a second overlapping accept is refused with the first session named. Through the functions emulator.
import { paths, type NotificationKind, type SessionDoc } from "@mentormatch/shared";
import { afterAll, describe, expect, it } from "vitest";
import { formatSessionTime } from "../../functions/src/lib/session-messages.js";
import { adminDb, closeClients, expectCallableError, type SignedInClient } from "./helpers.js";
import { MINUTE, TAKEN, availability, dayAt, match, member } from "./session-fixtures.js";

afterAll(closeClients);

const MENTEE_ZONE = "Europe/Madrid";

const sessionOf = async (sessionId: string) => (await adminDb.doc(paths.session(sessionId)).get()).data() as SessionDoc;
const locksOf = async (uid: string) => (await adminDb.collection(paths.sessionLocks()).where("uid", "==", uid).get()).docs.map((d) => d.id).sort();
const lockHoldersOf = async (uid: string) =>
  (await adminDb.collection(paths.sessionLocks()).where("uid", "==", uid).get()).docs.map((d) => d.get("sessionId") as string);
const notesOf = async (uid: string, kind: NotificationKind) =>
  (await adminDb.collection(paths.notifications(uid)).where("kind", "==", kind).get()).docs.map((d) => d.data());

/** One mentee and `count` mentors with hours, each in an accepted match with them. */
async function menteeWithMentors(label: string, count: number) {
  const mentee = await member("mentee", `Mia ${label}`, MENTEE_ZONE);
  const mentors: { mentor: SignedInClient; matchId: string; name: string }[] = [];
  for (let i = 0; i < count; i++) {
    const name = `Ana Ruiz ${label} ${i}`;
    const mentor = await member("mentor", name);
    await availability(mentor);
    mentors.push({ mentor, matchId: await match(mentor, mentee), name });
  }
  return { mentee, mentors };
}

const overlapsMessage = (name: string, startMs: number) =>
  `This overlaps your session with ${name} on ${formatSessionTime(startMs, MENTEE_ZONE)} — decline or move one of them first.`;

describe("two mentors propose overlapping times to one mentee", () => {
  it("both proposals stand; the mentee accepts one; the other is refused naming it, with nothing written; after a cancel it can be accepted", async () => {
    const { mentee, mentors } = await menteeWithMentors("Clash", 2);
    const [first, second] = mentors as [(typeof mentors)[0], (typeof mentors)[0]];
    const firstStart = dayAt(2, 10);
    const secondStart = firstStart + 30 * MINUTE;

    const a = await first.mentor.call("bookSession", { matchId: first.matchId, startMs: firstStart, durationMinutes: 60, agenda: "" });
    const b = await second.mentor.call("bookSession", { matchId: second.matchId, startMs: secondStart, durationMinutes: 60, agenda: "" });
    expect([a.status, b.status]).toEqual(["pending", "pending"]);
    // Each proposal holds its mentor's time (60 minutes + the 15-minute buffer); the invited mentee's is not locked.
    expect(await locksOf(first.mentor.uid)).toEqual([...(await sessionOf(a.sessionId)).lockIds].sort());
    expect(await locksOf(first.mentor.uid)).toHaveLength(5);
    expect(await locksOf(second.mentor.uid)).toHaveLength(5);
    expect(await locksOf(mentee.uid)).toEqual([]);

    expect(await mentee.call("respondToSession", { sessionId: a.sessionId, decision: "accept" })).toEqual({ sessionId: a.sessionId, status: "accepted", changed: true });
    const accepted = await sessionOf(a.sessionId);
    // Accepting claims the mentee's 60 minutes (4 cells), recorded on the session so a cancel frees them.
    expect(accepted.lockIds).toHaveLength(9);
    expect(await locksOf(mentee.uid)).toHaveLength(4);
    expect(await lockHoldersOf(mentee.uid)).toEqual(Array.from({ length: 4 }, () => a.sessionId));
    expect([...(await locksOf(first.mentor.uid)), ...(await locksOf(mentee.uid))].sort()).toEqual([...accepted.lockIds].sort());

    const before = await sessionOf(b.sessionId);
    const menteeLocksBefore = await locksOf(mentee.uid);
    const error = await expectCallableError(
      mentee.call("respondToSession", { sessionId: b.sessionId, decision: "accept" }),
      "failed-precondition",
      overlapsMessage(first.name, firstStart),
    );
    expect(error.details?.message).toBe(overlapsMessage(first.name, firstStart));
    // Nothing written: still pending with its own locks, the mentee's locks unchanged, the proposer not told.
    expect(await sessionOf(b.sessionId)).toEqual(before);
    expect(before.status).toBe("pending");
    expect(await locksOf(mentee.uid)).toEqual(menteeLocksBefore);
    expect(await locksOf(second.mentor.uid)).toEqual([...before.lockIds].sort());
    expect(await notesOf(second.mentor.uid, "session_accepted")).toEqual([]);

    // The mentee frees the time: cancelling the first releases every lock it held, the mentee's included.
    await mentee.call("cancelSession", { sessionId: a.sessionId, reason: "Picked the other time" });
    expect(await locksOf(mentee.uid)).toEqual([]);
    expect(await locksOf(first.mentor.uid)).toEqual([]);

    expect(await mentee.call("respondToSession", { sessionId: b.sessionId, decision: "accept" })).toMatchObject({ status: "accepted", changed: true });
    const acceptedSecond = await sessionOf(b.sessionId);
    expect(await lockHoldersOf(mentee.uid)).toEqual(Array.from({ length: 4 }, () => b.sessionId));
    expect([...(await locksOf(second.mentor.uid)), ...(await locksOf(mentee.uid))].sort()).toEqual([...acceptedSecond.lockIds].sort());
    expect(await notesOf(second.mentor.uid, "session_accepted")).toHaveLength(1);

    // Cancelling an accepted session frees both people's cells, the ones claimed on acceptance included.
    await second.mentor.call("cancelSession", { sessionId: b.sessionId, reason: "" });
    expect(await locksOf(mentee.uid)).toEqual([]);
    expect(await locksOf(second.mentor.uid)).toEqual([]);
  });

  it("the mentee's own proposal holds their time: an overlapping invitation can be sent but not accepted", async () => {
    const { mentee, mentors } = await menteeWithMentors("Own", 2);
    const [first, second] = mentors as [(typeof mentors)[0], (typeof mentors)[0]];
    const startMs = dayAt(4, 11);
    const own = await mentee.call("bookSession", { matchId: first.matchId, startMs, durationMinutes: 30, agenda: "" });
    expect(await locksOf(mentee.uid)).toHaveLength(2);
    // The mentee cannot propose an overlapping time themselves...
    await expectCallableError(mentee.call("bookSession", { matchId: second.matchId, startMs, durationMinutes: 30, agenda: "" }), "already-exists", TAKEN);
    // ...but another mentor can invite them then; accepting it is refused, naming their own proposal.
    const invite = await second.mentor.call("bookSession", { matchId: second.matchId, startMs: startMs + 15 * MINUTE, durationMinutes: 30, agenda: "" });
    await expectCallableError(mentee.call("respondToSession", { sessionId: invite.sessionId, decision: "accept" }), "failed-precondition", overlapsMessage(first.name, startMs));
    expect((await sessionOf(invite.sessionId)).status).toBe("pending");
    // Declining the invitation is always possible, and frees the inviting mentor's time.
    await mentee.call("respondToSession", { sessionId: invite.sessionId, decision: "decline" });
    expect(await locksOf(second.mentor.uid)).toEqual([]);
    expect(await lockHoldersOf(mentee.uid)).toEqual([own.sessionId, own.sessionId]);
  });

  it("overlapping proposals accepted at once: exactly one wins, the others are refused naming it", async () => {
    const { mentee, mentors } = await menteeWithMentors("Race", 4);
    const base = dayAt(5, 9);
    const proposals: { sessionId: string }[] = [];
    // 60-minute sessions 0, 15, 30 and 45 minutes apart: every pair overlaps, and no mentor's time is shared.
    for (const [i, { mentor, matchId }] of mentors.entries()) {
      proposals.push(await mentor.call("bookSession", { matchId, startMs: base + i * 15 * MINUTE, durationMinutes: 60, agenda: `Race ${i}` }));
    }
    const results = await Promise.allSettled(proposals.map(({ sessionId }) => mentee.call("respondToSession", { sessionId, decision: "accept" })));
    const won = results.flatMap((result, i) => (result.status === "fulfilled" ? [i] : []));
    expect(won).toHaveLength(1);
    const winner = won[0]!;
    const winnerName = mentors[winner]!.name;
    const winnerStart = base + winner * 15 * MINUTE;
    expect(
      results.flatMap((result) =>
        result.status === "rejected" ? [[(result.reason as { code: string }).code, (result.reason as { details?: { message?: string } }).details?.message]] : [],
      ),
    ).toEqual(Array.from({ length: 3 }, () => ["functions/failed-precondition", overlapsMessage(winnerName, winnerStart)]));

    const statuses = await Promise.all(proposals.map(async ({ sessionId }) => (await sessionOf(sessionId)).status));
    expect(statuses).toEqual(proposals.map((_, i) => (i === winner ? "accepted" : "pending")));
    // The mentee's time is held once, by the winner alone.
    expect(await lockHoldersOf(mentee.uid)).toEqual(Array.from({ length: 4 }, () => proposals[winner]!.sessionId));
    const acceptedNotes = await Promise.all(mentors.map(async ({ mentor }) => (await notesOf(mentor.uid, "session_accepted")).length));
    expect(acceptedNotes).toEqual(mentors.map((_, i) => (i === winner ? 1 : 0)));
  });
});

describe("getBookableSlots and invitations", () => {
  it("a mentee's invitation from another mentor does not hide a time; an accepted session does", async () => {
    const { mentee, mentors } = await menteeWithMentors("Slots", 2);
    const [inviting, other] = mentors as [(typeof mentors)[0], (typeof mentors)[0]];
    const startMs = dayAt(6, 12);
    const invite = await inviting.mentor.call("bookSession", { matchId: inviting.matchId, startMs, durationMinutes: 30, agenda: "" });

    const startsFor = async (who: SignedInClient) =>
      new Set((await who.call("getBookableSlots", { matchId: other.matchId, durationMinutes: 30 })).days.flatMap((d) => d.slots.map((s) => s.startMs)));
    // Pending for the mentee: both the mentee and the other mentor still see the time.
    expect((await startsFor(mentee)).has(startMs)).toBe(true);
    expect((await startsFor(other.mentor)).has(startMs)).toBe(true);
    // The inviting mentor's own slot list leaves it out: their proposal holds their time.
    const inviterStarts = (await inviting.mentor.call("getBookableSlots", { matchId: inviting.matchId, durationMinutes: 30 })).days.flatMap((d) => d.slots.map((s) => s.startMs));
    expect(inviterStarts).not.toContain(startMs);

    await mentee.call("respondToSession", { sessionId: invite.sessionId, decision: "accept" });
    expect((await startsFor(mentee)).has(startMs)).toBe(false);
    expect((await startsFor(other.mentor)).has(startMs)).toBe(false);
  });
});
