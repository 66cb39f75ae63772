import { MINI_STATUSES, type MiniStatus } from "../schemas/mini.js";
import {
  STATS,
  type ProgrammeCounters,
  type ProgrammeStats,
  type StatsCounts,
  type StatsMentorCounters,
  type StatsMentorRow,
  type StatsWeek,
  type WeekCounters,
  type WeekNumbers,
} from "../schemas/stats.js";
import {
  STATS_NO_DEPARTMENT,
  lastMonths,
  lastWeekStarts,
  weekStartOf,
  type PlannedProgrammeStats,
  type ProgrammeStatsInput,
  type StatsFeedbackInput,
  type StatsMatchInput,
  type StatsMiniRequestInput,
  type StatsSessionInput,
  type StatsUserInput,
} from "./programme-stats.js";
import type { IndexSpec } from "./directory-query.js";
import { ratingScore } from "./rating-score.js";

/**
 * The analytics kept incrementally (docs/ARCHITECTURE.md, stats/). Each document counts for what it is now: its
 * `contribution` is a set of counter paths and amounts. A write changes the counters by contribution(after) −
 * contribution(before), so any set of events, in any order, sums to the contributions of the documents as they are
 * — the same figures as a full recompute (planProgrammeCounters folds exactly that). Applying an event twice is
 * prevented by the caller (a marker document per event id), not here.
 */

export type StatsEvent =
  | { kind: "user"; before: StatsUserInput | null; after: StatsUserInput | null }
  | { kind: "match"; before: StatsMatchInput | null; after: StatsMatchInput | null }
  | { kind: "session"; before: StatsSessionInput | null; after: StatsSessionInput | null }
  | { kind: "feedback"; before: StatsFeedbackInput | null; after: StatsFeedbackInput | null }
  | { kind: "miniRequest"; before: StatsMiniRequestInput | null; after: StatsMiniRequestInput | null };

export interface StatsIncrement {
  path: readonly string[];
  by: number;
}

export interface StatsDelta {
  increments: StatsIncrement[];
  /** A user event: the mentor row's profile fields, to be set from the profile as it is now. */
  mentorProfile: { uid: string } | null;
}

/** Who decides an event's department (a match's, session's or rating's mentor; a mini request's student). */
export function statsDepartmentUid(event: StatsEvent): string | null {
  const doc = event.after ?? event.before;
  if (!doc) return null;
  switch (event.kind) {
    case "user":
      return null;
    case "match":
    case "session":
      return (doc as StatsMatchInput | StatsSessionInput).mentorId;
    case "feedback": {
      const feedback = doc as StatsFeedbackInput;
      return feedback.toRole === "mentor" ? feedback.toUid : feedback.fromUid;
    }
    case "miniRequest":
      return (doc as StatsMiniRequestInput).studentId;
  }
}

export const departmentLabel = (department: string | undefined | null) => (department ? department : STATS_NO_DEPARTMENT);

/** Placeholder for the department until it is known: an event without a week bucket never needs it read. */
const DEPARTMENT = "\u0000department";

type Contribution = Map<string, { path: string[]; by: number }>;

function add(into: Contribution, path: string[], by: number) {
  if (by === 0) return;
  const key = path.join("\u0001");
  const current = into.get(key);
  if (current) current.by += by;
  else into.set(key, { path, by });
}

function bumpWeek(into: Contribution, ms: number | null, field: keyof WeekNumbers, by: number) {
  if (ms === null) return;
  const week = weekStartOf(ms);
  add(into, ["weeks", week, field], by);
  add(into, ["weeks", week, "byDepartment", DEPARTMENT, field], by);
}

const monthOf = (ms: number) => new Date(ms).toISOString().slice(0, 7);
const MINUTE_MS = 60_000;

function contributionOf(event: StatsEvent, doc: StatsEvent["after"]): Contribution {
  const into: Contribution = new Map();
  if (!doc) return into;
  switch (event.kind) {
    case "user": {
      const user = doc as StatsUserInput;
      if (user.role === "mentor" || user.role === "mentee") add(into, ["people", departmentLabel(user.department), user.role === "mentor" ? "mentors" : "mentees"], 1);
      break;
    }
    case "match": {
      const match = doc as StatsMatchInput;
      if (match.status === "accepted") add(into, ["mentors", match.mentorId, "active"], 1);
      if (match.status === "pending") add(into, ["mentors", match.mentorId, "pending"], 1);
      if (match.status === "accepted" || match.status === "ended") bumpWeek(into, match.respondedAtMs, "newMatches", 1);
      break;
    }
    case "session": {
      const session = doc as StatsSessionInput;
      // A declined proposal never happened: it counts nowhere.
      if (session.status === "declined") break;
      add(into, ["mentors", session.mentorId, "sessions", session.status], 1);
      if (session.status === "accepted") add(into, ["mentors", session.mentorId, "acceptedStarts", String(session.startAtMs)], 1);
      bumpWeek(into, session.startAtMs, "sessions", 1);
      if (session.status === "completed") bumpWeek(into, session.startAtMs, "completed", 1);
      if (session.kind === "mini" && (session.status === "completed" || session.status === "no_show")) add(into, ["mini", "outcomes", session.status], 1);
      break;
    }
    case "feedback": {
      const feedback = doc as StatsFeedbackInput;
      if (feedback.toRole === "mentor") {
        add(into, ["mentors", feedback.toUid, "ratingSum"], feedback.rating);
        add(into, ["mentors", feedback.toUid, "ratingCount"], 1);
      } else {
        add(into, ["menteeRatings", "sum"], feedback.rating);
        add(into, ["menteeRatings", "count"], 1);
      }
      if (feedback.kind === "mini") {
        add(into, ["mini", "ratings", feedback.toRole, "sum"], feedback.rating);
        add(into, ["mini", "ratings", feedback.toRole, "count"], 1);
      }
      bumpWeek(into, feedback.createdAtMs, "ratingSum", feedback.rating);
      bumpWeek(into, feedback.createdAtMs, "ratingCount", 1);
      break;
    }
    case "miniRequest": {
      const request = doc as StatsMiniRequestInput;
      add(into, ["mini", "byStatus", request.status], 1);
      add(into, ["mini", "months", monthOf(request.createdAtMs), "posted"], 1);
      add(into, ["mini", "students", request.studentId], 1);
      bumpWeek(into, request.createdAtMs, "miniPosted", 1);
      if (request.firstClaimedAtMs !== null) {
        add(into, ["mini", "months", monthOf(request.firstClaimedAtMs), "claimed"], 1);
        bumpWeek(into, request.firstClaimedAtMs, "miniClaimed", 1);
        add(into, ["mini", "toClaim", durationBucket((request.firstClaimedAtMs - request.createdAtMs) / MINUTE_MS)], 1);
        if (request.scheduledAtMs !== null) add(into, ["mini", "toSchedule", durationBucket((request.scheduledAtMs - request.firstClaimedAtMs) / MINUTE_MS)], 1);
        // Cancelled after someone claimed it: an outcome (its cancelled session, if any, is not counted again).
        if (request.status === "cancelled") add(into, ["mini", "outcomes", "cancelled"], 1);
      }
      break;
    }
  }
  return into;
}

/** Whether applying the delta needs the event's department (only the weekly buckets are split by it). */
export const needsDepartment = (delta: StatsDelta) => delta.increments.some((increment) => increment.path.includes(DEPARTMENT));

/**
 * The change one write makes to the counters: contribution(after) − contribution(before), zeros left out. Give the
 * department (statsDepartmentUid's profile, now) with `withDepartment` before writing when needsDepartment says so.
 */
export function planStatsDelta(event: StatsEvent): StatsDelta {
  const after = contributionOf(event, event.after);
  const before = contributionOf(event, event.before);
  for (const { path, by } of before.values()) add(after, path, -by);
  const increments = [...after.values()].filter((increment) => increment.by !== 0);
  if (event.kind !== "user") return { increments, mentorProfile: null };
  const user = event.after ?? event.before;
  const wasMentor = event.before?.role === "mentor" || event.after?.role === "mentor";
  // A mentor's row shows their name, department and capacity: only a change to those (or the role) touches it, so the
  // many other profile writes (last active, search tokens, ratings) cost nothing here.
  const shown = (doc: StatsUserInput | null) => (doc ? [doc.role, doc.displayName, doc.department, doc.capacity].join("\u0001") : null);
  const changed = shown(event.before) !== shown(event.after);
  return { increments, mentorProfile: user && wasMentor && changed ? { uid: user.uid } : null };
}

/** The delta with its department filled in (the department label of the person statsDepartmentUid names). */
export function withDepartment(delta: StatsDelta, department: string | undefined | null): StatsDelta {
  const label = departmentLabel(department);
  return { ...delta, increments: delta.increments.map((increment) => ({ ...increment, path: increment.path.map((part) => (part === DEPARTMENT ? label : part)) })) };
}

// ---- applying deltas in memory (the full recompute, and the tests) ------------------------------------------------

type Tree = { [key: string]: Tree | number | string | boolean | undefined };

/** Adds the increments into a plain counters object (what FieldValue.increment does in Firestore). */
export function applyIncrements(counters: ProgrammeCounters, increments: readonly StatsIncrement[]): ProgrammeCounters {
  const root = counters as Tree;
  for (const { path, by } of increments) {
    let node = root;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Tree;
    const leaf = path[path.length - 1]!;
    node[leaf] = ((node[leaf] as number | undefined) ?? 0) + by;
  }
  return counters;
}

/** A mentor row's profile fields, as the user trigger and the reconciliation set them. */
export function mentorProfileFields(user: StatsUserInput): Required<Pick<StatsMentorCounters, "displayName" | "department" | "capacity" | "isMentor">> {
  return { displayName: user.displayName, department: departmentLabel(user.department), capacity: user.capacity, isMentor: user.role === "mentor" };
}

/**
 * The full recompute: every document's contribution from nothing, departments from the profiles as they are. What
 * the triggers' deltas add up to, and what the seed writes when no trigger runs.
 */
export function planProgrammeCounters(input: Omit<ProgrammeStatsInput, "nowMs">): ProgrammeCounters {
  const counters: ProgrammeCounters = {};
  const usersById = new Map(input.users.map((user) => [user.uid, user]));
  const apply = (event: StatsEvent) => {
    const delta = planStatsDelta(event);
    const uid = statsDepartmentUid(event);
    applyIncrements(counters, withDepartment(delta, uid === null ? "" : usersById.get(uid)?.department).increments);
  };
  for (const user of input.users) {
    apply({ kind: "user", before: null, after: user });
    if (user.role === "mentor") {
      const mentors = (counters.mentors ??= {});
      mentors[user.uid] = { ...mentors[user.uid], ...mentorProfileFields(user) };
    }
  }
  for (const match of input.matches) apply({ kind: "match", before: null, after: match });
  for (const session of input.sessions) apply({ kind: "session", before: null, after: session });
  for (const feedback of input.feedback) apply({ kind: "feedback", before: null, after: feedback });
  for (const request of input.miniRequests) apply({ kind: "miniRequest", before: null, after: request });
  return counters;
}

// ---- medians from histograms --------------------------------------------------------------------------------------

/** Buckets per doubling: a bucket is 2^(1/16) ≈ 4.4 % wide, so a median read from it is within ≈ 2.2 %. */
const STEPS = 16;

/** The histogram bucket of a duration in minutes: "0" below one minute, then geometric buckets ("1" = [1, 2^(1/16))). */
export function durationBucket(minutes: number): string {
  if (!(minutes >= 1)) return "0";
  return String(1 + Math.floor(Math.log2(minutes) * STEPS + 1e-9));
}

const bucketRange = (bucket: number): [number, number] => (bucket <= 0 ? [0, 1] : [2 ** ((bucket - 1) / STEPS), 2 ** (bucket / STEPS)]);

/**
 * The median of the durations in a histogram: the value at the middle rank (the mean of the middle two for an even
 * count), placed evenly inside its bucket. Null for an empty histogram.
 */
export function histogramMedian(histogram: Record<string, number> | undefined): number | null {
  const buckets = Object.entries(histogram ?? {})
    .map(([key, count]) => [Number(key), count] as const)
    .filter(([, count]) => count > 0)
    .sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const valueAt = (rank: number) => {
    let seen = 0;
    for (const [bucket, count] of buckets) {
      if (rank < seen + count) {
        const [low, high] = bucketRange(bucket);
        return low + ((high - low) * (rank - seen + 0.5)) / count;
      }
      seen += count;
    }
    return bucketRange(buckets[buckets.length - 1]![0])[1];
  };
  const mid = total >> 1;
  const value = total % 2 ? valueAt(mid) : (valueAt(mid - 1) + valueAt(mid)) / 2;
  return Math.round(value * 10) / 10;
}

// ---- the page's figures from the counters -------------------------------------------------------------------------

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
const ratio = (part: number, whole: number) => (whole > 0 ? round(part / whole, 4) : null);
const average = (sum: number, count: number) => (count > 0 ? round(sum / count, 2) : null);
const num = (value: number | undefined) => value ?? 0;

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

const WEEK_FIELDS = ["sessions", "completed", "newMatches", "ratingSum", "ratingCount", "miniPosted", "miniClaimed"] as const;
const weekNumbers = (week: WeekCounters | undefined): WeekNumbers =>
  Object.fromEntries(WEEK_FIELDS.map((field) => [field, num(week?.[field])])) as unknown as WeekNumbers;
const isEmptyWeek = (week: WeekNumbers) => WEEK_FIELDS.every((field) => week[field] === 0);

/** A mentor row's session and match counts, as the department and programme totals add them up. */
function rowCounts(row: StatsMentorCounters, nowMs: number): Omit<StatsCounts, "mentors" | "mentees"> {
  const sessions = row.sessions ?? {};
  const upcoming = Object.entries(row.acceptedStarts ?? {}).reduce((sum, [startMs, count]) => (Number(startMs) > nowMs ? sum + count : sum), 0);
  return {
    activeMatches: num(row.active),
    pendingRequests: num(row.pending),
    sessionsTotal: Object.values(sessions).reduce((sum, count) => sum + count, 0),
    sessionsCompleted: num(sessions.completed),
    sessionsUpcoming: upcoming,
    sessionsCancelled: num(sessions.cancelled),
    sessionsNoShow: num(sessions.no_show),
  };
}

/** Named departments alphabetically, the people without one last (as planProgrammeStats orders them). */
function compareDepartments(a: string, b: string): number {
  if (a === STATS_NO_DEPARTMENT || b === STATS_NO_DEPARTMENT) return a === b ? 0 : a === STATS_NO_DEPARTMENT ? 1 : -1;
  return a.localeCompare(b);
}

/** Fullest first; among equals, more mentees, then by name (as planProgrammeStats). */
function byUtilisation(a: StatsMentorRow, b: StatsMentorRow): number {
  const share = (row: StatsMentorRow) => (row.capacity > 0 ? row.activeMentees / row.capacity : row.activeMentees > 0 ? 1 : 0);
  return share(b) - share(a) || b.activeMentees - a.activeMentees || a.displayName.localeCompare(b.displayName) || a.uid.localeCompare(b.uid);
}

/**
 * The admin page's figures at `nowMs` from the stored counters: the same definitions as planProgrammeStats, which
 * computes them from the documents (a unit test holds the two equal). `sourceDocs` is the last reconciliation's reads.
 */
export function deriveProgrammeStats(counters: ProgrammeCounters, nowMs: number): PlannedProgrammeStats {
  const totals = emptyCounts();
  const departments = new Map<string, StatsCounts>();
  const slice = (department: string) => {
    let counts = departments.get(department);
    if (!counts) departments.set(department, (counts = emptyCounts()));
    return counts;
  };
  for (const [department, people] of Object.entries(counters.people ?? {})) {
    const mentors = num(people.mentors);
    const mentees = num(people.mentees);
    totals.mentors += mentors;
    totals.mentees += mentees;
    if (mentors || mentees) {
      slice(department).mentors += mentors;
      slice(department).mentees += mentees;
    }
  }
  const rows: StatsMentorRow[] = [];
  const ofMentors = { sum: 0, count: 0 };
  for (const [uid, row] of Object.entries(counters.mentors ?? {})) {
    const counts = rowCounts(row, nowMs);
    const department = departmentLabel(row.department);
    let touched = false;
    for (const key of Object.keys(counts) as (keyof typeof counts)[]) {
      totals[key] += counts[key];
      if (counts[key]) touched = true;
    }
    // Only what planProgrammeStats counts per department (open matches and sessions) makes a department appear.
    if (touched) {
      const target = slice(department);
      for (const key of Object.keys(counts) as (keyof typeof counts)[]) target[key] += counts[key];
    }
    ofMentors.sum += num(row.ratingSum);
    ofMentors.count += num(row.ratingCount);
    if (!row.isMentor) continue;
    const ratingCount = num(row.ratingCount);
    const ratingAvg = ratingCount > 0 ? round(num(row.ratingSum) / ratingCount, 4) : 0;
    rows.push({
      uid,
      displayName: row.displayName ?? "",
      department,
      ratingAvg,
      ratingCount,
      ratingScore: ratingScore(ratingAvg, ratingCount),
      completedSessions: counts.sessionsCompleted,
      activeMentees: counts.activeMatches,
      capacity: num(row.capacity),
    });
  }
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

  const weekStarts = lastWeekStarts(nowMs, STATS.weeks);
  const weekDepartments = new Set<string>();
  const partialWeeks = weekStarts.map((weekStart) => {
    const stored = counters.weeks?.[weekStart];
    const byDepartment: Record<string, WeekNumbers> = {};
    for (const [department, numbers] of Object.entries(stored?.byDepartment ?? {})) {
      const week = weekNumbers(numbers);
      if (isEmptyWeek(week)) continue;
      byDepartment[department] = week;
      weekDepartments.add(department);
    }
    return { weekStart, ...weekNumbers(stored), byDepartment };
  });
  const allDepartments = [...new Set([...departments.keys(), ...weekDepartments])].sort(compareDepartments);
  const weeks: StatsWeek[] = partialWeeks.map((week) => ({
    ...week,
    byDepartment: Object.fromEntries(allDepartments.map((department) => [department, week.byDepartment[department] ?? weekNumbers(undefined)])),
  }));

  const menteeRatings = counters.menteeRatings ?? {};
  return {
    totals,
    completionRate: ratio(totals.sessionsCompleted, totals.sessionsCompleted + totals.sessionsNoShow),
    ratingOfMentors: { avg: average(ofMentors.sum, ofMentors.count), count: ofMentors.count },
    ratingOfMentees: { avg: average(num(menteeRatings.sum), num(menteeRatings.count)), count: num(menteeRatings.count) },
    mini: deriveMiniMetrics(counters, nowMs),
    topByRating,
    topBySessions,
    mentors: [...rows].sort(byUtilisation).slice(0, STATS.utilisationMax),
    mentorsAtCapacity: rows.filter((row) => row.capacity > 0 && row.activeMentees >= row.capacity).length,
    mentorsIdle: rows.filter((row) => row.activeMentees === 0).length,
    utilisation: capacityTotal > 0 ? round(activeTotal / capacityTotal, 4) : null,
    departments: allDepartments.map((department) => ({ department, ...(departments.get(department) ?? emptyCounts()) })),
    weeks,
    sourceDocs: counters.reconciliation?.reads ?? 0,
  };
}

function deriveMiniMetrics(counters: ProgrammeCounters, nowMs: number): PlannedProgrammeStats["mini"] {
  const mini = counters.mini ?? {};
  const byStatus = Object.fromEntries(MINI_STATUSES.map((status) => [status, num(mini.byStatus?.[status])])) as Record<MiniStatus, number>;
  const outcomes = mini.outcomes ?? {};
  const ended = num(outcomes.completed) + num(outcomes.no_show) + num(outcomes.cancelled);
  const students = Object.values(mini.students ?? {});
  const ratings = mini.ratings ?? {};
  return {
    byStatus,
    perMonth: lastMonths(nowMs, STATS.months).map((month) => ({ month, posted: num(mini.months?.[month]?.posted), claimed: num(mini.months?.[month]?.claimed) })),
    medianMinutesToClaim: histogramMedian(mini.toClaim),
    medianMinutesToSchedule: histogramMedian(mini.toSchedule),
    completionRate: ratio(num(outcomes.completed), ended),
    cancellationRate: ratio(num(outcomes.cancelled), ended),
    noShowRate: ratio(num(outcomes.no_show), ended),
    students: students.filter((count) => count > 0).length,
    repeatStudents: students.filter((count) => count > 1).length,
    avgRatingOfMentors: average(num(ratings.mentor?.sum), num(ratings.mentor?.count)),
    avgRatingOfStudents: average(num(ratings.mentee?.sum), num(ratings.mentee?.count)),
  };
}

/**
 * What the admin pages show, from the stored document at `nowMs`: the derived figures, when they last changed and the
 * last reconciliation. Null before any event or recompute has written the document.
 */
export function programmeStatsOf(counters: ProgrammeCounters, nowMs: number): ProgrammeStats | null {
  if (!counters.updatedAt) return null;
  return { ...deriveProgrammeStats(counters, nowMs), computedAt: counters.updatedAt, reconciliation: counters.reconciliation ?? null };
}

/**
 * Composite indexes the daily reconciliation's aggregation queries need: a status with a time range. Its equality-only
 * queries (status + mentor, role + department, kind + role) are served by merging single-field indexes.
 */
export function statsIndexes(): IndexSpec[] {
  const pair = (collectionGroup: string, equality: string, range: string): IndexSpec => ({
    collectionGroup,
    queryScope: "COLLECTION",
    fields: [
      { fieldPath: equality, order: "ASCENDING" },
      { fieldPath: range, order: "ASCENDING" },
    ],
  });
  return [pair("sessions", "status", "startAt"), pair("matches", "status", "respondedAt"), pair("miniRequests", "status", "firstClaimedAt")];
}
