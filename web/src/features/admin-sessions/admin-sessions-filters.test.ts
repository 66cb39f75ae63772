import { describe, expect, it } from "vitest";
import { adminSessionsParams, matchesPeople, parseAdminSessionsFilters } from "./admin-sessions-filters";

describe("parseAdminSessionsFilters", () => {
  it.each([
    ["", { status: "", kind: "", q: "" }],
    ["status=completed&kind=mini", { status: "completed", kind: "mini", q: "" }],
    ["status=no_show&q=%20Ada%20", { status: "no_show", kind: "", q: "Ada" }],
    // Hand-edited values fall back to "all", the rest are kept.
    ["status=done&kind=mini", { status: "", kind: "mini", q: "" }],
    ["kind=MATCH&status=pending", { status: "pending", kind: "", q: "" }],
    [`q=${"a".repeat(80)}`, { status: "", kind: "", q: "a".repeat(60) }],
  ])("%s", (query, filters) => {
    expect(parseAdminSessionsFilters(new URLSearchParams(query))).toEqual(filters);
  });

  it("round-trips", () => {
    const filters = { status: "cancelled", kind: "match", q: "Sam" } as const;
    expect(parseAdminSessionsFilters(adminSessionsParams(filters))).toEqual(filters);
    expect(adminSessionsParams({ status: "", kind: "", q: "" }).toString()).toBe("");
  });
});

describe("matchesPeople", () => {
  it.each([
    [["Ada Lovelace", "Sam Okafor"], "", true],
    [["Ada Lovelace", "Sam Okafor"], "ada", true],
    [["Ada Lovelace", "Sam Okafor"], "love", true],
    [["Ada Lovelace", "Sam Okafor"], "oka sam", true],
    [["Ada Lovelace", "Sam Okafor"], "velace", false],
    [["Ada Lovelace", "Sam Okafor"], "ada grace", false],
    [["Mary-Jane O'Neil", ""], "jane neil", true],
  ])("%j ~ %s → %s", (names, q, result) => {
    expect(matchesPeople(names, q)).toBe(result);
  });
});
