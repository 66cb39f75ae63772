import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, filtersToParams, parseAnalyticsFilters } from "./analytics-filters";

const depts = ["Engineering", "Design", "No department"];
const parse = (query: string, departments: readonly string[] | null = depts) => parseAnalyticsFilters(new URLSearchParams(query), departments);

describe("parseAnalyticsFilters", () => {
  it.each([
    ["", DEFAULT_FILTERS, {}],
    ["weeks=4", { ...DEFAULT_FILTERS, weeks: 4 }, {}],
    ["weeks=52&dept=Design", { ...DEFAULT_FILTERS, weeks: 52, department: "Design" }, {}],
    ["from=2026-09-01&to=2026-10-31", { ...DEFAULT_FILTERS, from: "2026-09-01", to: "2026-10-31" }, {}],
    ["weeks=7", DEFAULT_FILTERS, { weeks: "Choose 4, 12, 26 or 52 weeks." }],
    ["weeks=abc&dept=Design", { ...DEFAULT_FILTERS, department: "Design" }, { weeks: "Choose 4, 12, 26 or 52 weeks." }],
    ["from=2026-02-30&to=2026-03-01", DEFAULT_FILTERS, { from: "The first date must be a date like 2026-11-02." }],
    ["from=2026-13-01&to=2026-14-01", DEFAULT_FILTERS, { from: "The first date must be a date like 2026-11-02.", to: "The last date must be a date like 2026-11-02." }],
    ["from=2026-10-31&to=2026-09-01", DEFAULT_FILTERS, { to: "The last date must be on or after the first." }],
    ["from=2026-10-31", DEFAULT_FILTERS, { to: "Give both dates, or neither." }],
    ["to=2026-10-31", DEFAULT_FILTERS, { from: "Give both dates, or neither." }],
    ["dept=Sales", DEFAULT_FILTERS, { dept: "There are no figures for “Sales”." }],
    [`dept=${"x".repeat(61)}`, DEFAULT_FILTERS, { dept: "That department name is too long." }],
    ["weeks=26&from=2026-10-31&to=2026-01-01&dept=Engineering", { ...DEFAULT_FILTERS, weeks: 26, department: "Engineering" }, { to: "The last date must be on or after the first." }],
  ])("%s", (query, filters, errors) => {
    expect(parse(query)).toEqual({ filters, errors });
  });

  it("accepts any department while the stats document has not loaded", () => {
    expect(parse("dept=Sales", null).filters.department).toBe("Sales");
  });
});

describe("filtersToParams", () => {
  it.each([
    [DEFAULT_FILTERS, ""],
    [{ ...DEFAULT_FILTERS, weeks: 26 as const }, "weeks=26"],
    [{ ...DEFAULT_FILTERS, weeks: 26 as const, from: "2026-01-01", to: "2026-02-01" }, "from=2026-01-01&to=2026-02-01"],
    [{ ...DEFAULT_FILTERS, department: "No department" }, "dept=No+department"],
  ])("%j → %s", (filters, query) => {
    expect(filtersToParams(filters).toString()).toBe(query);
  });

  it("round-trips through the parser", () => {
    const filters = { weeks: 4 as const, from: "", to: "", department: "Design" };
    expect(parse(filtersToParams(filters).toString()).filters).toEqual(filters);
  });
});
