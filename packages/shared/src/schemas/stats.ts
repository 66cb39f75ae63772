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
  /** How much the recompute read, for the admin's "last updated" line and the bench. */
  sourceDocs: z.number().int(),
  computedAt: timestampSchema,
});
export type ProgrammeStats = z.output<typeof programmeStatsSchema>;

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
