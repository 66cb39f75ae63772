import { describe, expect, it } from "vitest";
import { EMPTY_MINI_FILTERS, adminMiniParams, adminMiniSearch, parseAdminMiniFilters } from "./admin-mini-filters";

describe("parseAdminMiniFilters", () => {
  it.each([
    ["", EMPTY_MINI_FILTERS, {}],
    ["status=claimed&type=resume_review", { ...EMPTY_MINI_FILTERS, status: "claimed", sessionType: "resume_review" }, {}],
    ["from=2026-11-01&to=2026-11-30&q=%20ada%20", { ...EMPTY_MINI_FILTERS, from: "2026-11-01", to: "2026-11-30", q: "ada" }, {}],
    ["status=lost&type=other", { ...EMPTY_MINI_FILTERS, sessionType: "other" }, { status: "Choose a status from the list." }],
    ["type=cooking", EMPTY_MINI_FILTERS, { sessionType: "Choose a type from the list." }],
    ["from=2026-13-01", EMPTY_MINI_FILTERS, { from: "Use a date like 2026-11-02." }],
    ["from=2026-11-30&to=2026-11-01", { ...EMPTY_MINI_FILTERS, from: "2026-11-30" }, { to: "The last day must be on or after the first." }],
    [`q=${"x".repeat(61)}`, EMPTY_MINI_FILTERS, { q: "Search for at most 60 characters." }],
  ])("%s", (query, filters, errors) => {
    expect(parseAdminMiniFilters(new URLSearchParams(query))).toEqual({ filters, errors });
  });

  it("round-trips", () => {
    const filters = { status: "expired", sessionType: "career_advice", from: "2026-10-01", to: "2026-10-31", q: "Sam" } as const;
    expect(parseAdminMiniFilters(adminMiniParams(filters)).filters).toEqual(filters);
  });
});

describe("adminMiniSearch", () => {
  it.each([
    [EMPTY_MINI_FILTERS, { status: "", sessionType: "", fromMs: null, toMs: null }],
    [
      { ...EMPTY_MINI_FILTERS, status: "open", from: "2026-11-01", to: "2026-11-01" },
      { status: "open", sessionType: "", fromMs: Date.UTC(2026, 10, 1), toMs: Date.UTC(2026, 10, 2) },
    ],
  ] as const)("%j", (filters, search) => {
    expect(adminMiniSearch(filters)).toEqual(search);
  });
});
