import * as z from "zod";
import { MINI_STATUSES } from "./mini.js";
import { timestampSchema } from "./common.js";

/**
 * `stats/programme`: the admin analytics, one document recomputed by functions (docs/ARCHITECTURE.md, stats/). The
 * admin page reads this document and nothing else for its figures, so its cost does not grow with the programme.
 * Every list is bounded (STATS below), which keeps the document far below Firestore's 1 MiB.
 */
export const STATS = {
  /** Weeks of trend series kept (about a year). */
  weeks: 52,
  /** Months of "mini requests per month". */
  months: 12,
  topMentors: 10,
  /** Mentors listed with their utilisation; a programme with more lists the first this many by utilisation. */
  utilisationMax: 2000,
  /** Weeks (this one and the ones before) whose totals the daily reconciliation checks against history. */
  reconcileWeeks: 8,
  /** Drifted figures listed on the stats document (all are counted and logged). */
  driftListed: 50,
  /** Weeks kept in the stored buckets before the reconciliation prunes them (the page shows STATS.weeks). */
  keptWeeks: 60,
} as const;

/** Counts that every slice (the whole programme, one department, one week) carries. */
export const statsCountsSchema = z.object({
  mentors: z.number().int(),
  mentees: z.number().int(),
  /** Accepted matches now (a department's: its mentors'). */
  activeMatches: z.number().int(),
  pendingRequests: z.number().int(),
  sessionsTotal: z.number().int(),
  sessionsCompleted: z.number().int(),
  /** Accepted sessions still to come. */
  sessionsUpcoming: z.number().int(),
  sessionsCancelled: z.number().int(),
  sessionsNoShow: z.number().int(),
});
export type StatsCounts = z.output<typeof statsCountsSchema>;

/** One week (Monday "YYYY-MM-DD", UTC) of the trend charts; `byDepartment` carries the same numbers per department. */
const weekNumbersSchema = z.object({
  /** Sessions that started this week (any status but declined), and of them completed. */
  sessions: z.number().int(),
  completed: z.number().int(),
  newMatches: z.number().int(),
  /** Sum and count of ratings given this week (both ways), so any set of weeks or departments averages correctly. */
  ratingSum: z.number(),
  ratingCount: z.number().int(),
  miniPosted: z.number().int(),
  miniClaimed: z.number().int(),
});
export type WeekNumbers = z.output<typeof weekNumbersSchema>;

export const statsWeekSchema = weekNumbersSchema.extend({
  weekStart: z.string(),
  byDepartment: z.record(z.string(), weekNumbersSchema),
});
export type StatsWeek = z.output<typeof statsWeekSchema>;

const mentorRowSchema = z.object({
  uid: z.string(),
  displayName: z.string(),
  department: z.string(),
  ratingAvg: z.number(),
  ratingCount: z.number().int(),
  /** The confidence-adjusted score the directory sorts by (ratingScore). */
  ratingScore: z.number(),
  completedSessions: z.number().int(),
  activeMentees: z.number().int(),
  capacity: z.number().int(),
});
export type StatsMentorRow = z.output<typeof mentorRowSchema>;

/** Seed 003's success metrics for mini mentorship. Rates are 0–1, or null when there is nothing to divide by. */
export const miniMetricsSchema = z.object({
  byStatus: z.record(z.enum(MINI_STATUSES), z.number().int()),
  perMonth: z.array(z.object({ month: z.string(), posted: z.number().int(), claimed: z.number().int() })),
  medianMinutesToClaim: z.number().nullable(),
  medianMinutesToSchedule: z.number().nullable(),
  /** Of mini sessions that ended (completed, no-show) or requests cancelled after claiming. */
  completionRate: z.number().nullable(),
  cancellationRate: z.number().nullable(),
  noShowRate: z.number().nullable(),
  students: z.number().int(),
  /** Students with more than one request. */
  repeatStudents: z.number().int(),
  avgRatingOfMentors: z.number().nullable(),
  avgRatingOfStudents: z.number().nullable(),
});
export type MiniMetrics = z.output<typeof miniMetricsSchema>;

/** One figure the reconciliation found different from history: what history says, what the counters held. */
export const statsDriftSchema = z.object({ figure: z.string(), expected: z.number(), found: z.number() });
export type StatsDrift = z.output<typeof statsDriftSchema>;

export const reconciliationSchema = z.object({
  at: timestampSchema,
  /** Firestore reads the check cost (aggregation queries: 1 per 1,000 index entries, at least 1 each). */
  reads: z.number().int(),
  /** Figures compared. */
  checked: z.number().int(),
  /** How many differed; the counted ones were corrected, the rest (weeks, upcoming, medians) are reported only. */
  driftCount: z.number().int(),
  /** The first STATS.driftListed of them. */
  drift: z.array(statsDriftSchema),
});
export type Reconciliation = z.output<typeof reconciliationSchema>;

export const programmeStatsSchema = z.object({
  totals: statsCountsSchema,
  completionRate: z.number().nullable(),
  /** Ratings of mentors by mentees, and of mentees by mentors. */
  ratingOfMentors: z.object({ avg: z.number().nullable(), count: z.number().int() }),
  ratingOfMentees: z.object({ avg: z.number().nullable(), count: z.number().int() }),
  mini: miniMetricsSchema,
  topByRating: z.array(mentorRowSchema).max(STATS.topMentors),
  topBySessions: z.array(mentorRowSchema).max(STATS.topMentors),
  /** Every mentor (up to STATS.utilisationMax), fullest first: the utilisation bars, "at capacity" and "idle". */
  mentors: z.array(mentorRowSchema).max(STATS.utilisationMax),
  mentorsAtCapacity: z.number().int(),
  mentorsIdle: z.number().int(),
  /** activeMentees ÷ capacity over all mentors, 0–1. */
  utilisation: z.number().nullable(),
  departments: z.array(statsCountsSchema.extend({ department: z.string() })),
  weeks: z.array(statsWeekSchema).max(STATS.weeks),
  /** What the last reconciliation read (Firestore's billed reads), for the admin's "last updated" line and the bench. */
  sourceDocs: z.number().int(),
  /** When the figures last changed: the newest event applied, or the last reconciliation. */
  computedAt: timestampSchema,
  /** The last daily check against history (reconcileProgrammeStats), when there has been one. */
  reconciliation: reconciliationSchema.nullable().optional(),
});
export type ProgrammeStats = z.output<typeof programmeStatsSchema>;


// ---- the stored document ----------------------------------------------------------------------------------------
// `stats/programme` holds counters, not the page's figures: every event adds its delta with FieldValue.increment
// (no read of this document), so every number lives in a map keyed by what it counts. deriveProgrammeStats (shared)
// turns it into ProgrammeStats for a given `now`. Every field is optional: increments create what they touch.
const count = z.number();
const counterMap = z.record(z.string(), count);
const sumCount = z.object({ sum: count.optional(), count: count.optional() });

export const statsMentorCountersSchema = z.object({
  /** From the profile (the user trigger and the reconciliation): present once the person has been a mentor. */
  displayName: z.string().optional(),
  department: z.string().optional(),
  capacity: count.optional(),
  isMentor: z.boolean().optional(),
  /** Accepted and pending matches with this mentor. */
  active: count.optional(),
  pending: count.optional(),
  /** Sessions with this mentor by status (declined ones are not counted). */
  sessions: counterMap.optional(),
  /** Accepted sessions by start (ms since the epoch): "upcoming" is the part after `now`. */
  acceptedStarts: counterMap.optional(),
  ratingSum: count.optional(),
  ratingCount: count.optional(),
});
export type StatsMentorCounters = z.output<typeof statsMentorCountersSchema>;

const weekCountersSchema = z.object({
  sessions: count.optional(),
  completed: count.optional(),
  newMatches: count.optional(),
  ratingSum: count.optional(),
  ratingCount: count.optional(),
  miniPosted: count.optional(),
  miniClaimed: count.optional(),
});
export type WeekCounters = z.output<typeof weekCountersSchema>;

export const programmeCountersSchema = z.object({
  /** Mentors and mentees by department (current role and department). */
  people: z.record(z.string(), z.object({ mentors: count.optional(), mentees: count.optional() })).optional(),
  /** Keyed by uid: every mentor, and anyone something was counted for as a mentor. */
  mentors: z.record(z.string(), statsMentorCountersSchema).optional(),
  /** Ratings of mentees by mentors (ratings of mentors are the mentor rows'). */
  menteeRatings: sumCount.optional(),
  /** Keyed by the week's Monday (UTC, "YYYY-MM-DD"); `byDepartment` by the department at the time of the event. */
  weeks: z.record(z.string(), weekCountersSchema.extend({ byDepartment: z.record(z.string(), weekCountersSchema).optional() })).optional(),
  mini: z
    .object({
      byStatus: counterMap.optional(),
      /** "YYYY-MM" → posted and claimed. */
      months: z.record(z.string(), z.object({ posted: count.optional(), claimed: count.optional() })).optional(),
      /** Histograms of minutes (durationBucket → count) from which the medians are read. */
      toClaim: counterMap.optional(),
      toSchedule: counterMap.optional(),
      /** completed / no_show (mini sessions) and cancelled (requests cancelled after a claim). */
      outcomes: counterMap.optional(),
      /** Requests per student. */
      students: counterMap.optional(),
      ratings: z.object({ mentor: sumCount.optional(), mentee: sumCount.optional() }).optional(),
    })
    .optional(),
  /** Events applied (each once: see the marker documents). */
  events: count.optional(),
  updatedAt: timestampSchema.optional(),
  reconciliation: reconciliationSchema.nullable().optional(),
});
export type ProgrammeCounters = z.output<typeof programmeCountersSchema>;

/** `stats/programme/daily/{YYYY-MM-DD}`: the totals as they were that day (UTC), written once per day by the job. */
export const dailySnapshotSchema = z.object({
  date: z.string(),
  totals: statsCountsSchema,
  ratingOfMentors: z.object({ avg: z.number().nullable(), count: z.number().int() }),
  miniByStatus: z.record(z.enum(MINI_STATUSES), z.number().int()),
  computedAt: timestampSchema,
});
export type DailySnapshot = z.output<typeof dailySnapshotSchema>;

/** `refreshProgrammeStats`: an admin recomputes now instead of waiting for the scheduled run. */
export const refreshProgrammeStatsOutputSchema = z.object({ computedAtMs: z.number(), sourceDocs: z.number() });
