import type { StatsWeek } from "@mentormatch/shared";
import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS } from "./analytics-filters";
import { monthLabel, selectWeeks, sumWeeks, weekLabel, weekStartOf } from "./analytics-series";

const numbers = (n: number) => ({ sessions: n, completed: n - 1, newMatches: 1, ratingSum: n * 4, ratingCount: n, miniPosted: 2, miniClaimed: 1 });
const week = (weekStart: string, n: number, byDepartment: StatsWeek["byDepartment"] = {}): StatsWeek => ({ weekStart, ...numbers(n), byDepartment });

// Mondays, deliberately out of order: the document's order is not trusted.
const WEEKS: StatsWeek[] = [
  week("2026-11-16", 5, { Design: { ...numbers(2), ratingSum: 9 } }),
  week("2026-10-26", 1),
  week("2026-11-02", 3, { Design: { ...numbers(1), ratingCount: 0, ratingSum: 0 } }),
  week("2026-11-09", 4),
];

describe("weekStartOf", () => {
  it.each([
    ["2026-11-16", "2026-11-16"],
    ["2026-11-22", "2026-11-16"],
    ["2026-11-18", "2026-11-16"],
    ["2027-01-01", "2026-12-28"],
  ])("%s → %s", (date, monday) => expect(weekStartOf(date)).toBe(monday));
});

describe("selectWeeks", () => {
  it.each([
    ["the last 4 weeks, oldest first", DEFAULT_FILTERS, ["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16"]],
    ["a preset counts back from the newest week", { ...DEFAULT_FILTERS, weeks: 4 as const }, ["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16"]],
    ["a custom range takes the weeks overlapping it", { ...DEFAULT_FILTERS, from: "2026-11-04", to: "2026-11-10" }, ["2026-11-02", "2026-11-09"]],
    ["a custom range before any data is empty", { ...DEFAULT_FILTERS, from: "2025-01-01", to: "2025-02-01" }, []],
  ])("%s", (_label, filters, starts) => {
    expect(selectWeeks(WEEKS, filters).map((row) => row.weekStart)).toEqual(starts);
  });

  it("a 4-week preset drops older weeks", () => {
    const more = [...WEEKS, week("2026-10-19", 9)];
    expect(selectWeeks(more, { ...DEFAULT_FILTERS, weeks: 4 }).map((row) => row.weekStart)).toEqual(["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16"]);
  });

  it("the whole programme's numbers, with the average rating per week", () => {
    const rows = selectWeeks(WEEKS, DEFAULT_FILTERS);
    expect(rows[3]).toEqual({ weekStart: "2026-11-16", ...numbers(5), avgRating: 4 });
  });

  it("a department's numbers; a week it had nothing in is zeros and has no rating", () => {
    const rows = selectWeeks(WEEKS, { ...DEFAULT_FILTERS, department: "Design" });
    expect(rows.map((row) => [row.weekStart, row.sessions, row.avgRating])).toEqual([
      ["2026-10-26", 0, null],
      ["2026-11-02", 1, null],
      ["2026-11-09", 0, null],
      ["2026-11-16", 2, 4.5],
    ]);
  });

  it("no weeks at all", () => {
    expect(selectWeeks([], DEFAULT_FILTERS)).toEqual([]);
  });
});

describe("sumWeeks", () => {
  it("adds the counts and weights the rating by count", () => {
    const rows = selectWeeks(WEEKS, DEFAULT_FILTERS);
    const total = sumWeeks(rows);
    expect(total.sessions).toBe(13);
    expect(total.completed).toBe(9);
    expect(total.ratingCount).toBe(13);
    expect(total.avgRating).toBe(4);
    expect(sumWeeks([]).avgRating).toBeNull();
  });
});

describe("labels", () => {
  it("writes weeks and months for people", () => {
    expect(weekLabel("2026-11-16")).toBe("16 Nov");
    expect(monthLabel("2026-03")).toBe("Mar 2026");
  });
});
