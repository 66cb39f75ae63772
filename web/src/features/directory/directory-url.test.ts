import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, filtersFromParams, hasActiveFilters, paramsFromFilters, type DirectoryFilters } from "./directory-url";

describe("filtersFromParams", () => {
  it.each<[string, string, Partial<DirectoryFilters>]>([
    ["empty", "", {}],
    ["text", "q=alice", { text: "alice" }],
    ["known department", "department=Design", { department: "Design" }],
    ["unknown department falls back", "department=Astrology", { department: "" }],
    ["expertise normalised", "expertise=%20System%20%20Design%20", { expertise: "system design" }],
    ["known sort", "sort=name", { sort: "name" }],
    ["unknown sort falls back", "sort=random", { sort: "rating" }],
    ["overlong text cut", `q=${"a".repeat(80)}`, { text: "a".repeat(60) }],
    ["all together", "q=bo&department=Product&expertise=go&sort=sessions", { text: "bo", department: "Product", expertise: "go", sort: "sessions" }],
  ])("%s", (_name, query, expected) => {
    expect(filtersFromParams(new URLSearchParams(query))).toEqual({ ...DEFAULT_FILTERS, ...expected });
  });
});

describe("paramsFromFilters", () => {
  it.each<[string, Partial<DirectoryFilters>, string]>([
    ["defaults give a clean URL", {}, ""],
    ["blank text is dropped", { text: "   " }, ""],
    ["text is trimmed", { text: " alice " }, "q=alice"],
    ["default sort is omitted", { sort: "rating" }, ""],
    ["other sorts are kept", { sort: "name" }, "sort=name"],
    ["expertise normalised", { expertise: " React " }, "expertise=react"],
    ["everything", { text: "bo", department: "Customer Success", expertise: "go", sort: "sessions" }, "q=bo&department=Customer+Success&expertise=go&sort=sessions"],
  ])("%s", (_name, patch, expected) => {
    expect(paramsFromFilters({ ...DEFAULT_FILTERS, ...patch }).toString()).toBe(expected);
  });

  it("round-trips through the URL", () => {
    const filters: DirectoryFilters = { text: "alice jo", department: "Data Science", expertise: "machine learning", sort: "name" };
    expect(filtersFromParams(paramsFromFilters(filters))).toEqual(filters);
  });
});

describe("hasActiveFilters", () => {
  it.each<[Partial<DirectoryFilters>, boolean]>([
    [{}, false],
    [{ sort: "name" }, false],
    [{ text: "  " }, false],
    [{ text: "a" }, true],
    [{ department: "Legal" }, true],
    [{ expertise: "go" }, true],
  ])("%j → %s", (patch, expected) => expect(hasActiveFilters({ ...DEFAULT_FILTERS, ...patch })).toBe(expected));
});
