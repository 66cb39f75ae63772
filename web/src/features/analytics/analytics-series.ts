import type { StatsWeek, WeekNumbers } from "@mentormatch/shared";
import type { AnalyticsFilters } from "./analytics-filters";

/** One week of the trend charts and their tables, for the whole programme or one department. */
export interface WeekRow extends WeekNumbers {
  weekStart: string;
  /** ratingSum ÷ ratingCount, or null in a week without ratings (the chart leaves a gap). */
  avgRating: number | null;
}

const DAY_MS = 86_400_000;
const ZERO: WeekNumbers = { sessions: 0, completed: 0, newMatches: 0, ratingSum: 0, ratingCount: 0, miniPosted: 0, miniClaimed: 0 };

const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const round2 = (n: number) => Math.round(n * 100) / 100;

/** The Monday ("YYYY-MM-DD", UTC) of the week a date falls in: the stats document's week keys. */
export function weekStartOf(date: string): string {
  const ms = dayMs(date);
  const offset = (new Date(ms).getUTCDay() + 6) % 7;
  return new Date(ms - offset * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The weeks the filters select, oldest first: a custom range takes every week that overlaps it; a preset takes the
 * last N weeks up to the newest week in the document (so the chart ends at the last recompute, not at a gap).
 * With a department, each week's numbers are that department's (a week it had nothing in reads as zeros).
 */
export function selectWeeks(weeks: readonly StatsWeek[], filters: AnalyticsFilters): WeekRow[] {
  const sorted = [...weeks].sort((a, b) => a.weekStart.localeCompare(b.weekStart));
  let chosen: StatsWeek[];
  if (filters.from && filters.to) {
    const first = weekStartOf(filters.from);
    chosen = sorted.filter((week) => week.weekStart >= first && week.weekStart <= filters.to);
  } else {
    const last = sorted[sorted.length - 1];
    if (!last) return [];
    const firstMs = dayMs(last.weekStart) - (filters.weeks - 1) * 7 * DAY_MS;
    chosen = sorted.filter((week) => dayMs(week.weekStart) >= firstMs);
  }
  return chosen.map((week) => {
    const numbers: WeekNumbers = filters.department ? (week.byDepartment[filters.department] ?? ZERO) : week;
    return {
      weekStart: week.weekStart,
      sessions: numbers.sessions,
      completed: numbers.completed,
      newMatches: numbers.newMatches,
      ratingSum: numbers.ratingSum,
      ratingCount: numbers.ratingCount,
      miniPosted: numbers.miniPosted,
      miniClaimed: numbers.miniClaimed,
      avgRating: numbers.ratingCount > 0 ? round2(numbers.ratingSum / numbers.ratingCount) : null,
    };
  });
}

/** The selected weeks added up; the average rating is re-weighted from the sums, never an average of averages. */
export function sumWeeks(rows: readonly WeekRow[]): WeekNumbers & { avgRating: number | null } {
  const total = { ...ZERO };
  for (const row of rows) {
    total.sessions += row.sessions;
    total.completed += row.completed;
    total.newMatches += row.newMatches;
    total.ratingSum += row.ratingSum;
    total.ratingCount += row.ratingCount;
    total.miniPosted += row.miniPosted;
    total.miniClaimed += row.miniClaimed;
  }
  return { ...total, avgRating: total.ratingCount > 0 ? round2(total.ratingSum / total.ratingCount) : null };
}

/** "16 Nov" for a week's Monday (UTC, as stored). */
export function weekLabel(weekStart: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short" }).format(new Date(dayMs(weekStart)));
}

/** "2026-11" → "Nov 2026". */
export function monthLabel(month: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", month: "short", year: "numeric" }).format(new Date(dayMs(`${month}-01`)));
}
