import type { Role } from "../constants.js";
import type { MatchStatus } from "../schemas/match.js";
import { MINI_STATUSES, type MiniStatus } from "../schemas/mini.js";
import type { SessionKind, SessionStatus } from "../schemas/session.js";
import { STATS, type MiniMetrics, type ProgrammeStats, type StatsCounts, type StatsMentorRow, type StatsWeek, type WeekNumbers } from "../schemas/stats.js";
import { ratingScore } from "./rating-score.js";

/**
 * The admin analytics (`stats/programme`), decided from plain copies of the documents so the numbers are tested
 * without Firebase. Definitions are in docs/ARCHITECTURE.md (stats/); the ones a reader could guess differently:
 * - a session counts in `sessionsTotal` unless declined (a declined proposal never happened); mini sessions count too;
 * - `completionRate` = completed ÷ (completed + no-show): of the accepted sessions whose outcome is recorded. Cancelled
 *   sessions are left out, since most are cancelled ahead of time and say nothing about turning up;
 * - a session's, a match's and a rating's department is its mentor's; a mini request's is its student's;
 * - a mentor's rating and completed sessions come from the feedback and sessions themselves, so the top lists agree
 *   with the totals even if a profile counter drifted.
 */

/** Firestore map keys cannot be empty, so people without a department are grouped under this label. */
export const STATS_NO_DEPARTMENT = "No department";

export interface StatsUserInput {
  uid: string;
  role: Role;
  displayName: string;
  department: string;
  capacity: number;
}

export interface StatsMatchInput {
  mentorId: string;
  status: MatchStatus;
  /** The accept (or decline) time: an accepted or ended match's `respondedAt` is when the mentoring began. */
  respondedAtMs: number | null;
}

export interface StatsSessionInput {
  kind: SessionKind;
  /** The match, or for a mini session the mini request's id. */
  matchId: string;
  mentorId: string;
  status: SessionStatus;
  startAtMs: number;
}

export interface StatsFeedbackInput {
  kind: "session" | "mini";
  fromUid: string;
  toUid: string;
  toRole: "mentor" | "mentee";
  rating: number;
  createdAtMs: number;
}

export interface StatsMiniRequestInput {
  id: string;
  studentId: string;
  status: MiniStatus;
  createdAtMs: number;
  firstClaimedAtMs: number | null;
  scheduledAtMs: number | null;
}

export interface ProgrammeStatsInput {
  nowMs: number;
  users: readonly StatsUserInput[];
  matches: readonly StatsMatchInput[];
  sessions: readonly StatsSessionInput[];
  feedback: readonly StatsFeedbackInput[];
  miniRequests: readonly StatsMiniRequestInput[];
}

export type PlannedProgrammeStats = Omit<ProgrammeStats, "computedAt">;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
const ratio = (part: number, whole: number) => (whole > 0 ? round(part / whole, 4) : null);
const average = (sum: number, count: number) => (count > 0 ? round(sum / count, 2) : null);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return round(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2, 1);
}

/** The Monday (UTC) of the week holding `ms`, as "YYYY-MM-DD". */
export function weekStartOf(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  // 1970-01-01 was a Thursday: day 0 is 3 days after a Monday.
  const monday = day - ((day + 3) % 7);
  return new Date(monday * DAY_MS).toISOString().slice(0, 10);
}

const monthOf = (ms: number) => new Date(ms).toISOString().slice(0, 7);

/** The last `count` week starts, oldest first, the last being this week's. */
export function lastWeekStarts(nowMs: number, count: number): string[] {
  const thisMonday = Date.parse(`${weekStartOf(nowMs)}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(thisMonday - (count - 1 - i) * 7 * DAY_MS).toISOString().slice(0, 10));
}

/** The last `count` months "YYYY-MM", oldest first, the last being this month. */
export function lastMonths(nowMs: number, count: number): string[] {
  const now = new Date(nowMs);
  return Array.from({ length: count }, (_, i) => monthOf(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (count - 1 - i), 1)));
}

const emptyCounts = (): StatsCounts => ({
  mentors: 0,
  mentees: 0,
  activeMatches: 0,
  pendingRequests: 0,
  sessionsTotal: 0,
  sessionsCompleted: 0,
  sessionsUpcoming: 0,
  sessionsCancelled: 0,
  sessionsNoShow: 0,
});

const emptyWeek = (): WeekNumbers => ({ sessions: 0, completed: 0, newMatches: 0, ratingSum: 0, ratingCount: 0, miniPosted: 0, miniClaimed: 0 });

const departmentLabel = (department: string | undefined) => (department ? department : STATS_NO_DEPARTMENT);

function countSession(counts: StatsCounts, session: StatsSessionInput, nowMs: number) {
  if (session.status === "declined") return;
  counts.sessionsTotal += 1;
  if (session.status === "completed") counts.sessionsCompleted += 1;
  if (session.status === "cancelled") counts.sessionsCancelled += 1;
  if (session.status === "no_show") counts.sessionsNoShow += 1;
  if (session.status === "accepted" && session.startAtMs > nowMs) counts.sessionsUpcoming += 1;
}

/** Fullest first; among equals, more mentees, then by name, so the list is stable from run to run. */
function byUtilisation(a: StatsMentorRow, b: StatsMentorRow): number {
  const share = (row: StatsMentorRow) => (row.capacity > 0 ? row.activeMentees / row.capacity : row.activeMentees > 0 ? 1 : 0);
  return share(b) - share(a) || b.activeMentees - a.activeMentees || a.displayName.localeCompare(b.displayName) || a.uid.localeCompare(b.uid);
}

export function planProgrammeStats(input: ProgrammeStatsInput): PlannedProgrammeStats {
  const { nowMs } = input;
  const usersById = new Map(input.users.map((user) => [user.uid, user]));
  const departmentOf = (uid: string) => departmentLabel(usersById.get(uid)?.department);

  // ---- totals and departments -------------------------------------------------------------------------------------
  const totals = emptyCounts();
  const departments = new Map<string, StatsCounts>();
  const slice = (department: string) => {
    let counts = departments.get(department);
    if (!counts) departments.set(department, (counts = emptyCounts()));
    return counts;
  };
  for (const user of input.users) {
    if (user.role !== "mentor" && user.role !== "mentee") continue;
    const key = user.role === "mentor" ? "mentors" : "mentees";
    totals[key] += 1;
    slice(departmentLabel(user.department))[key] += 1;
  }
  const activeByMentor = new Map<string, number>();
  for (const match of input.matches) {
    if (match.status === "accepted") {
      totals.activeMatches += 1;
      slice(departmentOf(match.mentorId)).activeMatches += 1;
      activeByMentor.set(match.mentorId, (activeByMentor.get(match.mentorId) ?? 0) + 1);
    } else if (match.status === "pending") {
      totals.pendingRequests += 1;
      slice(departmentOf(match.mentorId)).pendingRequests += 1;
    }
  }
  const completedByMentor = new Map<string, number>();
  for (const session of input.sessions) {
    countSession(totals, session, nowMs);
    if (session.status !== "declined") countSession(slice(departmentOf(session.mentorId)), session, nowMs);
    if (session.status === "completed") completedByMentor.set(session.mentorId, (completedByMentor.get(session.mentorId) ?? 0) + 1);
  }

  // ---- ratings ----------------------------------------------------------------------------------------------------
  const ofMentors = { sum: 0, count: 0 };
  const ofMentees = { sum: 0, count: 0 };
  const byMentor = new Map<string, { sum: number; count: number }>();
  for (const feedback of input.feedback) {
    const total = feedback.toRole === "mentor" ? ofMentors : ofMentees;
    total.sum += feedback.rating;
    total.count += 1;
    if (feedback.toRole === "mentor") {
      const mentor = byMentor.get(feedback.toUid) ?? { sum: 0, count: 0 };
      mentor.sum += feedback.rating;
      mentor.count += 1;
      byMentor.set(feedback.toUid, mentor);
    }
  }

  // ---- mentors: utilisation and the top lists ---------------------------------------------------------------------
  const rows: StatsMentorRow[] = input.users
    .filter((user) => user.role === "mentor")
    .map((user) => {
      const rating = byMentor.get(user.uid);
      const ratingAvg = rating ? round(rating.sum / rating.count, 4) : 0;
      const ratingCount = rating?.count ?? 0;
      return {
        uid: user.uid,
        displayName: user.displayName,
        department: departmentLabel(user.department),
        ratingAvg,
        ratingCount,
        ratingScore: ratingScore(ratingAvg, ratingCount),
        completedSessions: completedByMentor.get(user.uid) ?? 0,
        activeMentees: activeByMentor.get(user.uid) ?? 0,
        capacity: user.capacity,
      };
    });
  const byName = (a: StatsMentorRow, b: StatsMentorRow) => a.displayName.localeCompare(b.displayName) || a.uid.localeCompare(b.uid);
  const topByRating = rows
    .filter((row) => row.ratingCount > 0)
    .sort((a, b) => b.ratingScore - a.ratingScore || b.ratingCount - a.ratingCount || byName(a, b))
    .slice(0, STATS.topMentors);
  const topBySessions = rows
    .filter((row) => row.completedSessions > 0)
    .sort((a, b) => b.completedSessions - a.completedSessions || b.ratingScore - a.ratingScore || byName(a, b))
    .slice(0, STATS.topMentors);
  const capacityTotal = rows.reduce((sum, row) => sum + row.capacity, 0);
  const activeTotal = rows.reduce((sum, row) => sum + row.activeMentees, 0);

  // ---- weekly trends ----------------------------------------------------------------------------------------------
  const weekStarts = lastWeekStarts(nowMs, STATS.weeks);
  const weeks = new Map<string, StatsWeek>(
    weekStarts.map((weekStart) => [weekStart, { weekStart, ...emptyWeek(), byDepartment: {} }]),
  );
  const bump = (ms: number | null, department: string, add: (numbers: WeekNumbers) => void) => {
    if (ms === null) return;
    const week = weeks.get(weekStartOf(ms));
    if (!week) return;
    add(week);
    add((week.byDepartment[department] ??= emptyWeek()));
  };
  for (const session of input.sessions) {
    if (session.status === "declined") continue;
    bump(session.startAtMs, departmentOf(session.mentorId), (numbers) => {
      numbers.sessions += 1;
      if (session.status === "completed") numbers.completed += 1;
    });
  }
  for (const match of input.matches) {
    if (match.status !== "accepted" && match.status !== "ended") continue;
    bump(match.respondedAtMs, departmentOf(match.mentorId), (numbers) => (numbers.newMatches += 1));
  }
  for (const feedback of input.feedback) {
    const mentorId = feedback.toRole === "mentor" ? feedback.toUid : feedback.fromUid;
    bump(feedback.createdAtMs, departmentOf(mentorId), (numbers) => {
      numbers.ratingSum += feedback.rating;
      numbers.ratingCount += 1;
    });
  }
  for (const request of input.miniRequests) {
    const department = departmentOf(request.studentId);
    bump(request.createdAtMs, department, (numbers) => (numbers.miniPosted += 1));
    bump(request.firstClaimedAtMs, department, (numbers) => (numbers.miniClaimed += 1));
  }
  // Every department in every week, zeros included, so a chart never has to guess what a missing key means.
  const allDepartments = [...new Set([...departments.keys(), ...[...weeks.values()].flatMap((week) => Object.keys(week.byDepartment))])].sort(
    compareDepartments,
  );
  for (const week of weeks.values()) {
    const filled: Record<string, WeekNumbers> = {};
    for (const department of allDepartments) filled[department] = week.byDepartment[department] ?? emptyWeek();
    week.byDepartment = filled;
  }

  return {
    totals,
    completionRate: ratio(totals.sessionsCompleted, totals.sessionsCompleted + totals.sessionsNoShow),
    ratingOfMentors: { avg: average(ofMentors.sum, ofMentors.count), count: ofMentors.count },
    ratingOfMentees: { avg: average(ofMentees.sum, ofMentees.count), count: ofMentees.count },
    mini: planMiniMetrics(input),
    topByRating,
    topBySessions,
    mentors: [...rows].sort(byUtilisation).slice(0, STATS.utilisationMax),
    mentorsAtCapacity: rows.filter((row) => row.capacity > 0 && row.activeMentees >= row.capacity).length,
    mentorsIdle: rows.filter((row) => row.activeMentees === 0).length,
    utilisation: capacityTotal > 0 ? round(activeTotal / capacityTotal, 4) : null,
    departments: allDepartments.map((department) => ({ department, ...(departments.get(department) ?? emptyCounts()) })),
    weeks: [...weeks.values()],
    sourceDocs: input.users.length + input.matches.length + input.sessions.length + input.feedback.length + input.miniRequests.length,
  };
}

/** Named departments alphabetically, the people without one last. */
function compareDepartments(a: string, b: string): number {
  if (a === STATS_NO_DEPARTMENT || b === STATS_NO_DEPARTMENT) return a === b ? 0 : a === STATS_NO_DEPARTMENT ? 1 : -1;
  return a.localeCompare(b);
}

/**
 * Seed 003's mini mentorship metrics. The rates count how claimed requests ended: a mini session completed, a mini
 * session missed (no-show), or a request cancelled after someone claimed it. Requests never claimed (open, expired,
 * cancelled while open) are not a mentor's outcome and are left out.
 */
export function planMiniMetrics(input: Pick<ProgrammeStatsInput, "nowMs" | "sessions" | "feedback" | "miniRequests">): MiniMetrics {
  const byStatus = Object.fromEntries(MINI_STATUSES.map((status) => [status, 0])) as Record<MiniStatus, number>;
  const months = new Map(lastMonths(input.nowMs, STATS.months).map((month) => [month, { month, posted: 0, claimed: 0 }]));
  const toClaim: number[] = [];
  const toSchedule: number[] = [];
  const perStudent = new Map<string, number>();
  for (const request of input.miniRequests) {
    byStatus[request.status] += 1;
    const posted = months.get(monthOf(request.createdAtMs));
    if (posted) posted.posted += 1;
    if (request.firstClaimedAtMs !== null) {
      const claimed = months.get(monthOf(request.firstClaimedAtMs));
      if (claimed) claimed.claimed += 1;
      toClaim.push((request.firstClaimedAtMs - request.createdAtMs) / MINUTE_MS);
      if (request.scheduledAtMs !== null) toSchedule.push((request.scheduledAtMs - request.firstClaimedAtMs) / MINUTE_MS);
    }
    perStudent.set(request.studentId, (perStudent.get(request.studentId) ?? 0) + 1);
  }

  // Each outcome is one document's: a mini session completed or missed, or a request cancelled after a claim (its
  // cancelled session, if it had one, is not counted again). A session the mentor cancelled puts the request back on
  // the board: the request goes on, so that is no outcome. Counted per document so the counters kept per event
  // (programme-counters.ts) add up to exactly this.
  const ended = { completed: 0, no_show: 0, cancelled: 0 };
  for (const session of input.sessions) {
    if (session.kind === "mini" && (session.status === "completed" || session.status === "no_show")) ended[session.status] += 1;
  }
  for (const request of input.miniRequests) {
    if (request.status === "cancelled" && request.firstClaimedAtMs !== null) ended.cancelled += 1;
  }
  const endedCount = ended.completed + ended.no_show + ended.cancelled;
  const share = (outcome: keyof typeof ended) => ratio(ended[outcome], endedCount);

  const ofMentors = { sum: 0, count: 0 };
  const ofStudents = { sum: 0, count: 0 };
  for (const feedback of input.feedback) {
    if (feedback.kind !== "mini") continue;
    const total = feedback.toRole === "mentor" ? ofMentors : ofStudents;
    total.sum += feedback.rating;
    total.count += 1;
  }

  return {
    byStatus,
    perMonth: [...months.values()],
    medianMinutesToClaim: median(toClaim),
    medianMinutesToSchedule: median(toSchedule),
    completionRate: share("completed"),
    cancellationRate: share("cancelled"),
    noShowRate: share("no_show"),
    students: perStudent.size,
    repeatStudents: [...perStudent.values()].filter((count) => count > 1).length,
    avgRatingOfMentors: average(ofMentors.sum, ofMentors.count),
    avgRatingOfStudents: average(ofStudents.sum, ofStudents.count),
  };
}
