// The analytics recompute (stats/programme): the hourly job's handler called with an injected `now` (scheduled
// functions never fire in the emulators), and refreshProgrammeStats through the functions emulator. The job reads
// whole collections, so its exact numbers are checked in a Firestore of its own (another project id on the same
// emulator): the other test files' leftovers in the shared one would change every count.
import {
  DEMO_PROJECT_ID,
  dailySnapshotSchema,
  defaultProfileFields,
  paths,
  programmeStatsSchema,
  type ProgrammeStats,
} from "@mentormatch/shared";
import { deleteApp, initializeApp } from "firebase-admin/app";
import { Timestamp, getFirestore, type Firestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dailySnapshotPath } from "../../functions/src/lib/programme-stats.js";
import { runAggregateAnalytics } from "../../functions/src/scheduled/aggregate-analytics.js";
import { adminDb, closeClients, expectCallableError, makeAdmin, registered } from "./helpers.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Wednesday 13 May 2026, noon UTC. */
const NOW = Date.UTC(2026, 4, 13, 12);
const at = (ms: number) => Timestamp.fromMillis(ms);

const isolated = initializeApp({ projectId: `${DEMO_PROJECT_ID}-stats-${Date.now().toString(36)}` }, "programme-stats-test");
const db: Firestore = getFirestore(isolated);

async function profile(uid: string, role: "mentor" | "mentee" | "admin", displayName: string, department: string, capacity = 0) {
  await db.doc(paths.user(uid)).set({
    ...defaultProfileFields({ displayName, timezone: "UTC", role }),
    uid,
    role,
    department,
    capacity,
    acceptingRequests: role === "mentor",
    activeMenteeCount: 0,
    ratingAvg: 0,
    ratingCount: 0,
    ratingScore: 0,
    sessionCount: 0,
    searchTokens: [],
    createdAt: at(NOW - 90 * DAY),
    updatedAt: at(NOW - 90 * DAY),
  });
}

async function match(mentorId: string, menteeId: string, status: string, respondedAtMs: number | null) {
  await db.doc(paths.match(`${mentorId}_${menteeId}`)).set({
    mentorId,
    menteeId,
    participants: [mentorId, menteeId],
    status,
    round: 1,
    message: "Could you mentor me?",
    goals: [],
    requestedAt: at(NOW - 20 * DAY),
    expiresAt: at(NOW - 6 * DAY),
    respondedAt: respondedAtMs === null ? null : at(respondedAtMs),
    createdAt: at(NOW - 20 * DAY),
    updatedAt: at(NOW - DAY),
  });
}

async function session(id: string, mentorId: string, menteeId: string, status: string, startMs: number, miniRequestId?: string) {
  await db.doc(paths.session(id)).set({
    kind: miniRequestId ? "mini" : "match",
    matchId: miniRequestId ?? `${mentorId}_${menteeId}`,
    mentorId,
    menteeId,
    participants: [mentorId, menteeId],
    proposedBy: menteeId,
    startAt: at(startMs),
    endAt: at(startMs + 30 * MINUTE),
    durationMinutes: 30,
    status,
    // What the job never reads: a select() leaves it on the server.
    sharedNotes: "x".repeat(2000),
    createdAt: at(startMs - 5 * DAY),
    updatedAt: at(startMs),
  });
}

async function feedback(sessionId: string, kind: "session" | "mini", fromUid: string, toUid: string, toRole: "mentor" | "mentee", rating: number, createdAtMs: number) {
  await db.doc(paths.feedback(sessionId, fromUid)).set({
    sessionId,
    kind,
    fromUid,
    toUid,
    toRole,
    fromName: fromUid,
    rating,
    comment: "Thanks!",
    createdAt: at(createdAtMs),
    visibleAt: at(createdAtMs),
    visible: true,
    countedAt: toRole === "mentor" ? at(createdAtMs) : null,
  });
}

async function miniRequest(id: string, studentId: string, status: string, createdAtMs: number, claimAfterMin: number | null, scheduleAfterMin: number | null) {
  const claimedMs = claimAfterMin === null ? null : createdAtMs + claimAfterMin * MINUTE;
  const scheduledMs = claimedMs === null || scheduleAfterMin === null ? null : claimedMs + scheduleAfterMin * MINUTE;
  await db.doc(paths.miniRequest(id)).set({
    studentId,
    studentName: studentId,
    title: "Help with my CV",
    status,
    claimedBy: claimedMs === null ? null : "ben",
    claimedAt: claimedMs === null ? null : at(claimedMs),
    firstClaimedAt: claimedMs === null ? null : at(claimedMs),
    scheduledAt: scheduledMs === null ? null : at(scheduledMs),
    expiresAt: at(createdAtMs + 7 * DAY),
    createdAt: at(createdAtMs),
    updatedAt: at(createdAtMs),
  });
}

/** Two departments: Ada (Engineering, room for 2) and Ben (Design, room for 1) mentoring Cy, Di and Ed. */
async function seedProgramme() {
  await profile("ada", "mentor", "Ada", "Engineering", 2);
  await profile("ben", "mentor", "Ben", "Design", 1);
  await profile("cy", "mentee", "Cy", "Engineering");
  await profile("di", "mentee", "Di", "Design");
  await profile("ed", "mentee", "Ed", "Design");
  await profile("al", "admin", "Al", "Engineering");

  await match("ada", "cy", "accepted", NOW - 2 * DAY);
  await match("ada", "di", "pending", null);
  await match("ben", "ed", "accepted", NOW - 9 * DAY);
  await match("ben", "cy", "declined", NOW - 8 * DAY);

  await session("s1", "ada", "cy", "completed", NOW - 3 * DAY);
  await session("s2", "ada", "cy", "accepted", NOW + 2 * DAY);
  await session("s3", "ada", "cy", "cancelled", NOW - DAY);
  await session("s4", "ben", "ed", "no_show", NOW - 4 * DAY);
  await session("s5", "ben", "ed", "declined", NOW - 5 * DAY);
  await session("s6", "ben", "di", "completed", NOW - 2 * DAY, "r1");
  await session("s7", "ada", "ed", "accepted", NOW + DAY, "r2");

  await feedback("s1", "session", "cy", "ada", "mentor", 5, NOW - 3 * DAY + HOUR);
  await feedback("s1", "session", "ada", "cy", "mentee", 4, NOW - 3 * DAY + 2 * HOUR);
  await feedback("s6", "mini", "di", "ben", "mentor", 3, NOW - 2 * DAY + HOUR);
  await feedback("s6", "mini", "ben", "di", "mentee", 5, NOW - 2 * DAY + HOUR);

  await miniRequest("r1", "di", "completed", NOW - 5 * DAY, 30, 60);
  await miniRequest("r2", "ed", "scheduled", NOW - 3 * DAY, 90, 30);
  await miniRequest("r3", "di", "open", NOW - DAY, null, null);
  await miniRequest("r4", "cy", "expired", NOW - 20 * DAY, null, null);
  await miniRequest("r5", "ed", "cancelled", NOW - 6 * DAY, 10, null);
}

async function storedStats(firestore: Firestore): Promise<ProgrammeStats> {
  const snap = await firestore.doc(paths.programmeStats()).get();
  expect(snap.exists).toBe(true);
  return programmeStatsSchema.parse(snap.data());
}

const withoutComputedAt = ({ computedAt: _computedAt, ...rest }: ProgrammeStats) => rest;

beforeAll(seedProgramme);
afterAll(async () => {
  await closeClients();
  await deleteApp(isolated);
});

describe("the aggregate-analytics job", () => {
  it("stores figures that parse and match what was seeded", async () => {
    const result = await runAggregateAnalytics(new Date(NOW), db);
    expect(result).toEqual({ computedAtMs: NOW, sourceDocs: 6 + 4 + 7 + 4 + 5, date: "2026-05-13" });
    const stats = await storedStats(db);
    expect(stats.computedAt.toMillis()).toBe(NOW);
    expect(stats.sourceDocs).toBe(26);
    expect(stats.totals).toEqual({
      mentors: 2,
      mentees: 3,
      activeMatches: 2,
      pendingRequests: 1,
      sessionsTotal: 6,
      sessionsCompleted: 2,
      sessionsUpcoming: 2,
      sessionsCancelled: 1,
      sessionsNoShow: 1,
    });
    expect(stats.completionRate).toBe(0.6667);
    expect(stats.ratingOfMentors).toEqual({ avg: 4, count: 2 });
    expect(stats.ratingOfMentees).toEqual({ avg: 4.5, count: 2 });
    expect(stats.mentors.map((row) => [row.uid, row.activeMentees, row.capacity])).toEqual([
      ["ben", 1, 1],
      ["ada", 1, 2],
    ]);
    expect([stats.mentorsAtCapacity, stats.mentorsIdle, stats.utilisation]).toEqual([1, 0, 0.6667]);
    expect(stats.topByRating.map((row) => [row.uid, row.ratingScore])).toEqual([
      ["ada", 4.1667],
      ["ben", 3.8333],
    ]);
    expect(stats.topBySessions.map((row) => [row.uid, row.completedSessions])).toEqual([
      ["ada", 1],
      ["ben", 1],
    ]);
    expect(stats.departments.map(({ department, mentors, mentees, activeMatches, pendingRequests, sessionsTotal, sessionsUpcoming }) => [
      department,
      mentors,
      mentees,
      activeMatches,
      pendingRequests,
      sessionsTotal,
      sessionsUpcoming,
    ])).toEqual([
      ["Design", 1, 2, 1, 0, 2, 0],
      ["Engineering", 1, 1, 1, 1, 4, 2],
    ]);
    expect(stats.mini).toMatchObject({
      byStatus: { open: 1, claimed: 0, scheduled: 1, completed: 1, cancelled: 1, expired: 1 },
      medianMinutesToClaim: 30,
      medianMinutesToSchedule: 45,
      completionRate: 0.5,
      cancellationRate: 0.5,
      noShowRate: 0,
      students: 3,
      repeatStudents: 2,
      avgRatingOfMentors: 3,
      avgRatingOfStudents: 5,
    });
    expect(stats.mini.perMonth.at(-1)).toEqual({ month: "2026-05", posted: 4, claimed: 3 });
    expect(stats.mini.perMonth.at(-2)).toEqual({ month: "2026-04", posted: 1, claimed: 0 });
    // Every seeded event falls inside the 52 weeks, so the weeks add up to the totals.
    const sum = (key: "sessions" | "newMatches" | "ratingCount" | "miniPosted" | "miniClaimed") => stats.weeks.reduce((total, week) => total + week[key], 0);
    expect([sum("sessions"), sum("newMatches"), sum("ratingCount"), sum("miniPosted"), sum("miniClaimed")]).toEqual([6, 2, 4, 5, 3]);
    expect(stats.weeks.at(-1)!.weekStart).toBe("2026-05-11");
    expect(Object.keys(stats.weeks.at(-1)!.byDepartment)).toEqual(["Design", "Engineering"]);

    const daily = dailySnapshotSchema.parse((await db.doc(dailySnapshotPath("2026-05-13")).get()).data());
    expect(daily.date).toBe("2026-05-13");
    expect(daily.totals).toEqual(stats.totals);
    expect(daily.miniByStatus).toEqual(stats.mini.byStatus);
  });

  it("a rerun the same day writes the same figures and keeps one snapshot for the day", async () => {
    await runAggregateAnalytics(new Date(NOW), db);
    const first = await storedStats(db);
    await runAggregateAnalytics(new Date(NOW + HOUR), db);
    const second = await storedStats(db);
    expect(second.computedAt.toMillis()).toBe(NOW + HOUR);
    expect(withoutComputedAt(second)).toEqual(withoutComputedAt(first));
    const days = await db.collection(`${paths.programmeStats()}/daily`).get();
    expect(days.docs.map((doc) => doc.id)).toEqual(["2026-05-13"]);
    expect(days.docs[0]!.get("computedAt").toMillis()).toBe(NOW + HOUR);
  });

  it("a run on the next day adds that day's snapshot, and a change shows at the next run", async () => {
    await miniRequest("r6", "cy", "open", NOW + DAY, null, null);
    await runAggregateAnalytics(new Date(NOW + DAY + HOUR), db);
    const stats = await storedStats(db);
    expect(stats.mini.byStatus.open).toBe(2);
    expect(stats.sourceDocs).toBe(27);
    const days = await db.collection(`${paths.programmeStats()}/daily`).get();
    expect(days.docs.map((doc) => doc.id)).toEqual(["2026-05-13", "2026-05-14"]);
    expect(dailySnapshotSchema.parse(days.docs[0]!.data()).miniByStatus.open).toBe(1);
    expect(dailySnapshotSchema.parse(days.docs[1]!.data()).miniByStatus.open).toBe(2);
  });
});

describe("refreshProgrammeStats", () => {
  it("is refused to a mentee", async () => {
    const mentee = await registered("mentee");
    await expectCallableError(mentee.call("refreshProgrammeStats", {}), "permission-denied", "Only admins");
  });

  it("recomputes for an admin, and is refused once their stored role is taken away (their token still says admin)", async () => {
    const admin = await makeAdmin("stats-admin");
    const before = Date.now();
    const result = await admin.call("refreshProgrammeStats", {});
    expect(result.computedAtMs).toBeGreaterThanOrEqual(before - 5_000);
    // At least the admin's own profile was read, among whatever the other test files left.
    expect(result.sourceDocs).toBeGreaterThan(0);
    const stats = await storedStats(adminDb);
    expect(stats.computedAt.toMillis()).toBe(result.computedAtMs);
    expect(stats.sourceDocs).toBe(result.sourceDocs);
    expect((await adminDb.doc(dailySnapshotPath(new Date(result.computedAtMs).toISOString().slice(0, 10))).get()).exists).toBe(true);

    await adminDb.doc(paths.user(admin.uid)).update({ role: "mentee" });
    expect((await admin.user.getIdTokenResult()).claims.role).toBe("admin");
    await expectCallableError(admin.call("refreshProgrammeStats", {}), "permission-denied");
    expect((await storedStats(adminDb)).computedAt.toMillis()).toBe(result.computedAtMs);
  });
});
