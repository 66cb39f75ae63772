import { describe, expect, it } from "vitest";
import { STATS } from "../schemas/stats.js";
import {
  STATS_NO_DEPARTMENT as NONE,
  lastMonths,
  lastWeekStarts,
  planMiniMetrics,
  planProgrammeStats,
  weekStartOf,
  type PlannedProgrammeStats,
  type ProgrammeStatsInput,
  type StatsFeedbackInput,
  type StatsMatchInput,
  type StatsMiniRequestInput,
  type StatsSessionInput,
  type StatsUserInput,
} from "./programme-stats.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Wednesday 18 November 2026, noon UTC: this week starts Monday the 16th, the last one Monday the 9th. */
const NOW = Date.UTC(2026, 10, 18, 12);
const nov = (day: number, hour = 10, minute = 0) => Date.UTC(2026, 10, day, hour, minute);

const user = (uid: string, role: StatsUserInput["role"], department: string, capacity = 0): StatsUserInput => ({
  uid,
  role,
  displayName: uid.toUpperCase(),
  department,
  capacity,
});
const USERS: StatsUserInput[] = [
  user("m1", "mentor", "Engineering", 2),
  user("m2", "mentor", "Design", 1),
  user("m3", "mentor", "", 3),
  user("s1", "mentee", "Engineering"),
  user("s2", "mentee", "Design"),
  user("s3", "mentee", ""),
  // Admins are neither mentors nor mentees, whatever their department.
  user("a1", "admin", "Engineering"),
];

const match = (mentorId: string, status: StatsMatchInput["status"], respondedAtMs: number | null): StatsMatchInput => ({ mentorId, status, respondedAtMs });
const MATCHES: StatsMatchInput[] = [
  match("m1", "accepted", nov(17)),
  match("m1", "accepted", nov(10)),
  match("m2", "accepted", nov(10)),
  match("m3", "pending", null),
  match("m3", "ended", nov(11)),
  match("m2", "declined", nov(16)),
];

const session = (n: number, mentorId: string, status: StatsSessionInput["status"], startAtMs: number, mini?: string): StatsSessionInput => ({
  kind: mini ? "mini" : "match",
  matchId: mini ?? `${mentorId}_s${n}`,
  mentorId,
  status,
  startAtMs,
});
const SESSIONS: StatsSessionInput[] = [
  session(1, "m1", "completed", nov(10)),
  session(2, "m1", "completed", nov(11)),
  session(3, "m2", "completed", nov(12)),
  session(4, "m1", "no_show", nov(13)),
  session(5, "m1", "accepted", nov(20)),
  session(6, "m2", "cancelled", nov(17)),
  session(7, "m3", "declined", nov(17)),
  session(8, "m1", "pending", nov(25)),
  session(9, "m3", "completed", nov(16), "r1"),
  session(10, "m2", "no_show", nov(17), "r2"),
  session(11, "m3", "cancelled", nov(19), "r3"),
  // Accepted but already started: neither upcoming nor an outcome yet.
  session(12, "m2", "accepted", nov(14)),
];

const feedback = (kind: "session" | "mini", fromUid: string, toUid: string, toRole: "mentor" | "mentee", rating: number, createdAtMs: number): StatsFeedbackInput => ({
  kind,
  fromUid,
  toUid,
  toRole,
  rating,
  createdAtMs,
});
const FEEDBACK: StatsFeedbackInput[] = [
  feedback("session", "s1", "m1", "mentor", 5, nov(11)),
  feedback("session", "s2", "m1", "mentor", 4, nov(12)),
  feedback("session", "m1", "s1", "mentee", 3, nov(11)),
  feedback("session", "s3", "m2", "mentor", 5, nov(13)),
  feedback("mini", "s2", "m3", "mentor", 4, nov(17)),
  feedback("mini", "m3", "s2", "mentee", 5, nov(17)),
];

const mini = (
  id: string,
  studentId: string,
  status: StatsMiniRequestInput["status"],
  createdAtMs: number,
  claimAfterMinutes: number | null = null,
  scheduleAfterMinutes: number | null = null,
): StatsMiniRequestInput => {
  const firstClaimedAtMs = claimAfterMinutes === null ? null : createdAtMs + claimAfterMinutes * MINUTE;
  return {
    id,
    studentId,
    status,
    createdAtMs,
    firstClaimedAtMs,
    scheduledAtMs: firstClaimedAtMs === null || scheduleAfterMinutes === null ? null : firstClaimedAtMs + scheduleAfterMinutes * MINUTE,
  };
};
const MINI_REQUESTS: StatsMiniRequestInput[] = [
  mini("r1", "s1", "completed", nov(2), 60, 120),
  mini("r2", "s2", "scheduled", nov(10, 9), 30, 60),
  mini("r3", "s3", "cancelled", nov(12, 0), 180, 90),
  // Cancelled by the student after the claim, before any session: a cancellation all the same.
  mini("r4", "s1", "cancelled", nov(16, 8), 10),
  mini("r5", "s1", "open", nov(17, 12)),
  mini("r6", "s3", "expired", Date.UTC(2026, 9, 1)),
  mini("r7", "s3", "claimed", nov(18, 6), 120),
  // Cancelled while still open: nobody's outcome.
  mini("r8", "s3", "cancelled", Date.UTC(2026, 8, 14)),
];

const INPUT: ProgrammeStatsInput = { nowMs: NOW, users: USERS, matches: MATCHES, sessions: SESSIONS, feedback: FEEDBACK, miniRequests: MINI_REQUESTS };
const stats = planProgrammeStats(INPUT);
const week = (result: PlannedProgrammeStats, weekStart: string) => result.weeks.find((row) => row.weekStart === weekStart)!;
const zeroWeek = { sessions: 0, completed: 0, newMatches: 0, ratingSum: 0, ratingCount: 0, miniPosted: 0, miniClaimed: 0 };

describe("planProgrammeStats on a hand-counted programme", () => {
  // Every expected number below was counted by hand from the tables above; the comments say which rows.
  it.each<[string, (result: PlannedProgrammeStats) => unknown, unknown]>([
    [
      "totals: people by current role, matches by status, sessions by status (declined left out, #5 the only one to come)",
      (r) => r.totals,
      {
        mentors: 3,
        mentees: 3,
        activeMatches: 3,
        pendingRequests: 1,
        sessionsTotal: 11,
        sessionsCompleted: 4,
        sessionsUpcoming: 1,
        sessionsCancelled: 2,
        sessionsNoShow: 2,
      },
    ],
    ["completion rate: 4 completed of 4 completed + 2 no-shows", (r) => r.completionRate, 0.6667],
    ["ratings of mentors: (5 + 4 + 5 + 4) / 4", (r) => r.ratingOfMentors, { avg: 4.5, count: 4 }],
    ["ratings of mentees: (3 + 5) / 2", (r) => r.ratingOfMentees, { avg: 4, count: 2 }],
    ["top by rating: the confidence-adjusted score, M2 (one 5: 4.1667) above M1 (5 and 4: 4.1429)", (r) => r.topByRating.map((row) => [row.uid, row.ratingScore]), [["m2", 4.1667], ["m1", 4.1429], ["m3", 4]]],
    ["top by sessions: completed sessions, ties by rating score", (r) => r.topBySessions.map((row) => [row.uid, row.completedSessions]), [["m1", 2], ["m2", 1], ["m3", 1]]],
    ["mentor rows: fullest first, M1 2/2 before M2 1/1 (more mentees), idle M3 last", (r) => r.mentors.map((row) => [row.uid, row.activeMentees, row.capacity]), [["m1", 2, 2], ["m2", 1, 1], ["m3", 0, 3]]],
    ["a mentor row carries the department label and the rating from feedback", (r) => r.mentors.find((row) => row.uid === "m3"), {
      uid: "m3",
      displayName: "M3",
      department: NONE,
      ratingAvg: 4,
      ratingCount: 1,
      ratingScore: 4,
      completedSessions: 1,
      activeMentees: 0,
      capacity: 3,
    }],
    ["at capacity: M1 and M2; idle: M3", (r) => [r.mentorsAtCapacity, r.mentorsIdle], [2, 1]],
    ["utilisation: 3 active mentees of 6 places", (r) => r.utilisation, 0.5],
    ["sourceDocs: every input document", (r) => r.sourceDocs, 7 + 6 + 12 + 6 + 8],
    [
      "departments: people by their own, matches and sessions by the mentor's; no department last",
      (r) => r.departments,
      [
        { department: "Design", mentors: 1, mentees: 1, activeMatches: 1, pendingRequests: 0, sessionsTotal: 4, sessionsCompleted: 1, sessionsUpcoming: 0, sessionsCancelled: 1, sessionsNoShow: 1 },
        { department: "Engineering", mentors: 1, mentees: 1, activeMatches: 2, pendingRequests: 0, sessionsTotal: 5, sessionsCompleted: 2, sessionsUpcoming: 1, sessionsCancelled: 0, sessionsNoShow: 1 },
        { department: NONE, mentors: 1, mentees: 1, activeMatches: 0, pendingRequests: 1, sessionsTotal: 2, sessionsCompleted: 1, sessionsUpcoming: 0, sessionsCancelled: 1, sessionsNoShow: 0 },
      ],
    ],
    ["weeks: 52 Mondays, oldest first, ending with this week", (r) => [r.weeks.length, r.weeks[0]!.weekStart, r.weeks.at(-1)!.weekStart], [STATS.weeks, "2025-11-24", "2026-11-16"]],
    [
      "last week: sessions #1–4 and #12, matches accepted on the 10th and 11th (the ended one too), ratings f1–f4, mini r2 and r3",
      (r) => {
        const { weekStart, byDepartment, ...numbers } = week(r, "2026-11-09");
        return { weekStart, numbers, byDepartment };
      },
      {
        weekStart: "2026-11-09",
        numbers: { sessions: 5, completed: 3, newMatches: 3, ratingSum: 17, ratingCount: 4, miniPosted: 2, miniClaimed: 2 },
        byDepartment: {
          Design: { sessions: 2, completed: 1, newMatches: 1, ratingSum: 5, ratingCount: 1, miniPosted: 1, miniClaimed: 1 },
          Engineering: { sessions: 3, completed: 2, newMatches: 1, ratingSum: 12, ratingCount: 3, miniPosted: 0, miniClaimed: 0 },
          [NONE]: { sessions: 0, completed: 0, newMatches: 1, ratingSum: 0, ratingCount: 0, miniPosted: 1, miniClaimed: 1 },
        },
      },
    ],
    [
      "this week: sessions #5, 6, 9, 10, 11 (by start, even the one to come), one new match, the mini ratings, r4, r5, r7",
      (r) => {
        const { weekStart, byDepartment, ...numbers } = week(r, "2026-11-16");
        return { weekStart, numbers, byDepartment };
      },
      {
        weekStart: "2026-11-16",
        numbers: { sessions: 5, completed: 1, newMatches: 1, ratingSum: 9, ratingCount: 2, miniPosted: 3, miniClaimed: 2 },
        byDepartment: {
          Design: { sessions: 2, completed: 0, newMatches: 0, ratingSum: 0, ratingCount: 0, miniPosted: 0, miniClaimed: 0 },
          Engineering: { sessions: 1, completed: 0, newMatches: 1, ratingSum: 0, ratingCount: 0, miniPosted: 2, miniClaimed: 1 },
          [NONE]: { sessions: 2, completed: 1, newMatches: 0, ratingSum: 9, ratingCount: 2, miniPosted: 1, miniClaimed: 1 },
        },
      },
    ],
    ["a week with only a mini request posted (r6, 1 October)", (r) => week(r, "2026-09-28").miniPosted, 1],
    ["a week with nothing has zeros for every department", (r) => week(r, "2026-06-01").byDepartment, { Design: zeroWeek, Engineering: zeroWeek, [NONE]: zeroWeek }],
    ["mini by status", (r) => r.mini.byStatus, { open: 1, claimed: 1, scheduled: 1, completed: 1, cancelled: 3, expired: 1 }],
    ["mini per month: 12 months, November's 6 posted and 5 claimed", (r) => [r.mini.perMonth.length, r.mini.perMonth[0]!.month, r.mini.perMonth.at(-1)], [12, "2025-12", { month: "2026-11", posted: 6, claimed: 5 }]],
    ["mini per month: October and September", (r) => r.mini.perMonth.slice(-3, -1), [{ month: "2026-09", posted: 1, claimed: 0 }, { month: "2026-10", posted: 1, claimed: 0 }]],
    ["median minutes to claim: 10, 30, 60, 120, 180", (r) => r.mini.medianMinutesToClaim, 60],
    ["median minutes to schedule: 60, 90, 120", (r) => r.mini.medianMinutesToSchedule, 90],
    ["mini outcomes: r1 completed, r2 no-show, r3 and r4 cancelled after the claim", (r) => [r.mini.completionRate, r.mini.cancellationRate, r.mini.noShowRate], [0.25, 0.5, 0.25]],
    ["students and repeat students: s1 (3) and s3 (4) came back, s2 did not", (r) => [r.mini.students, r.mini.repeatStudents], [3, 2]],
    ["mini ratings each way: f5 and f6 only", (r) => [r.mini.avgRatingOfMentors, r.mini.avgRatingOfStudents], [4, 5]],
  ])("%s", (_name, pick, expected) => {
    expect(pick(stats)).toEqual(expected);
  });

  it("the same input gives the same answer (a rerun changes nothing)", () => {
    expect(planProgrammeStats(INPUT)).toEqual(stats);
  });

  it("the weekly numbers add up to the department slices", () => {
    for (const row of stats.weeks) {
      const sessions = Object.values(row.byDepartment).reduce((sum, numbers) => sum + numbers.sessions, 0);
      expect(sessions, row.weekStart).toBe(row.sessions);
    }
  });
});

describe("planProgrammeStats edge cases", () => {
  const empty: ProgrammeStatsInput = { nowMs: NOW, users: [], matches: [], sessions: [], feedback: [], miniRequests: [] };

  it.each<[string, Partial<ProgrammeStatsInput>, (result: PlannedProgrammeStats) => unknown, unknown]>([
    ["nothing to divide by: rates and averages are null", {}, (r) => [r.completionRate, r.ratingOfMentors.avg, r.utilisation, r.mini.medianMinutesToClaim, r.mini.completionRate], [null, null, null, null, null]],
    ["an empty programme has no departments but still 52 empty weeks", {}, (r) => [r.departments, r.weeks.length, r.weeks[0]!.byDepartment], [[], STATS.weeks, {}]],
    [
      "a mentor with capacity 0 and no mentees is idle, not at capacity",
      { users: [user("m", "mentor", "Sales", 0)] },
      (r) => [r.mentorsAtCapacity, r.mentorsIdle, r.utilisation],
      [0, 1, null],
    ],
    [
      "a demoted mentor's sessions still count, under their department; they are not listed as a mentor",
      { users: [user("x", "mentee", "Legal")], sessions: [session(1, "x", "completed", nov(3))] },
      (r) => [r.totals.mentors, r.totals.mentees, r.departments[0]!.sessionsCompleted, r.mentors.length, r.topBySessions.length],
      [0, 1, 1, 0, 0],
    ],
    [
      "sessions of an unknown mentor go under no department",
      { sessions: [session(1, "ghost", "accepted", nov(19))] },
      (r) => r.departments.map((row) => [row.department, row.sessionsUpcoming]),
      [[NONE, 1]],
    ],
    [
      "events before the 52 weeks count in the totals but in no week",
      { sessions: [session(1, "m", "completed", Date.UTC(2024, 0, 1))] },
      (r) => [r.totals.sessionsCompleted, r.weeks.reduce((sum, row) => sum + row.sessions, 0)],
      [1, 0],
    ],
    [
      "a declined match or a pending one is no new match",
      { matches: [match("m", "declined", nov(16)), match("m", "pending", null), match("m", "expired", null)] },
      (r) => week(r, "2026-11-16").newMatches,
      0,
    ],
    [
      "the top lists leave out mentors with no ratings or no completed sessions, and hold at most STATS.topMentors",
      { users: Array.from({ length: 12 }, (_, i) => user(`m${i}`, "mentor", "", 1)), feedback: Array.from({ length: 11 }, (_, i) => feedback("session", "s", `m${i}`, "mentor", 5, nov(3))) },
      (r) => [r.topByRating.length, r.topBySessions.length, r.mentors.length],
      [STATS.topMentors, 0, 12],
    ],
  ])("%s", (_name, overrides, pick, expected) => {
    expect(pick(planProgrammeStats({ ...empty, ...overrides }))).toEqual(expected);
  });
});

describe("planMiniMetrics", () => {
  const base = { nowMs: NOW, sessions: [], feedback: [] };
  it.each<[string, Partial<Parameters<typeof planMiniMetrics>[0]>, (result: ReturnType<typeof planMiniMetrics>) => unknown, unknown]>([
    ["an even number of claims: the mean of the middle two", { miniRequests: [mini("a", "s", "claimed", nov(1), 10), mini("b", "s", "claimed", nov(1), 25)] }, (r) => r.medianMinutesToClaim, 17.5],
    [
      "a request whose first session was cancelled and whose next one completed counts as completed",
      {
        miniRequests: [mini("a", "s", "completed", nov(1), 10, 10)],
        sessions: [session(1, "m", "cancelled", nov(3), "a"), session(2, "m", "completed", nov(5), "a")],
      },
      (r) => [r.completionRate, r.cancellationRate],
      [1, 0],
    ],
    [
      "a cancelled request with a cancelled session counts once",
      { miniRequests: [mini("a", "s", "cancelled", nov(1), 10, 10)], sessions: [session(1, "m", "cancelled", nov(3), "a")] },
      (r) => [r.cancellationRate, r.completionRate],
      [1, 0],
    ],
    ["regular sessions and feedback are not mini outcomes", { sessions: [session(1, "m", "completed", nov(3))], feedback: [feedback("session", "s", "m", "mentor", 2, nov(3))] }, (r) => [r.completionRate, r.avgRatingOfMentors], [null, null]],
    ["every status is listed, even at zero", { miniRequests: [] }, (r) => Object.keys(r.byStatus), ["open", "claimed", "scheduled", "completed", "cancelled", "expired"]],
  ])("%s", (_name, overrides, pick, expected) => {
    expect(pick(planMiniMetrics({ ...base, miniRequests: [], ...overrides }))).toEqual(expected);
  });
});

describe("weeks and months", () => {
  it.each([
    ["a Monday is its own week", Date.UTC(2026, 10, 16, 0), "2026-11-16"],
    ["a Sunday late at night belongs to the Monday before", Date.UTC(2026, 10, 22, 23, 59), "2026-11-16"],
    ["across a year end", Date.UTC(2027, 0, 1, 12), "2026-12-28"],
    ["the epoch (a Thursday)", 0, "1969-12-29"],
  ])("weekStartOf: %s", (_name, ms, expected) => {
    expect(weekStartOf(ms)).toBe(expected);
  });

  it.each([
    ["three weeks to a Wednesday", NOW, 3, ["2026-11-02", "2026-11-09", "2026-11-16"]],
    ["one week", NOW + 4 * 24 * HOUR, 1, ["2026-11-16"]],
  ])("lastWeekStarts: %s", (_name, now, count, expected) => {
    expect(lastWeekStarts(now, count)).toEqual(expected);
  });

  it.each([
    ["across a year end", Date.UTC(2027, 1, 10), 4, ["2026-11", "2026-12", "2027-01", "2027-02"]],
    ["on the 31st, no month is skipped", Date.UTC(2026, 2, 31), 2, ["2026-02", "2026-03"]],
  ])("lastMonths: %s", (_name, now, count, expected) => {
    expect(lastMonths(now, count)).toEqual(expected);
  });
});
