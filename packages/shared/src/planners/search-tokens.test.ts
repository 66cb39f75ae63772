import { describe, expect, it } from "vitest";
import { buildSearchTokens, namePrefixes, normalizeSearchText, sameTokens } from "./search-tokens.js";

describe("normalizeSearchText", () => {
  it.each([
    ["  Alice   JOHNSON ", "alice johnson"],
    ["José Ñúñez", "jose nunez"],
    ["O'Brien-Smith", "o brien smith"],
    ["", ""],
    ["!!!", ""],
  ])("%j → %j", (input, expected) => {
    expect(normalizeSearchText(input)).toBe(expected);
  });
});

describe("namePrefixes", () => {
  it("indexes every word's prefixes and the whole name's", () => {
    const prefixes = namePrefixes("Ada Lovelace");
    expect(prefixes).toEqual(expect.arrayContaining(["a", "ad", "ada", "l", "love", "lovelace", "ada l", "ada lovelace"]));
    expect(prefixes).not.toContain("");
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });
  it("caps long words at 12 characters", () => {
    const prefixes = namePrefixes("Wolfeschlegelsteinhausen");
    expect(Math.max(...prefixes.map((p) => p.length))).toBe(12);
  });
  it("returns nothing for an empty name", () => {
    expect(namePrefixes("   ")).toEqual([]);
  });
});

describe("buildSearchTokens", () => {
  const table: { name: string; expertise: string[]; has: string[]; hasNot: string[] }[] = [
    { name: "Ada Lovelace", expertise: [], has: ["n:ada", "n:love"], hasNot: ["x:react"] },
    { name: "Ada", expertise: ["react"], has: ["n:ad", "x:react", "n:ad|x:react"], hasNot: ["n:love"] },
    { name: "Bo Li", expertise: ["go", "system design"], has: ["x:system design", "n:bo li|x:go", "n:li|x:system design"], hasNot: ["x:rust"] },
  ];
  it.each(table)("$name with $expertise", ({ name, expertise, has, hasNot }) => {
    const tokens = buildSearchTokens({ displayName: name, expertise });
    for (const token of has) expect(tokens).toContain(token);
    for (const token of hasNot) expect(tokens).not.toContain(token);
  });
  it("stays well inside Firestore's index-entry limits for a long profile", () => {
    const tokens = buildSearchTokens({
      displayName: "Maximiliana Wolfeschlegelsteinhausen Bergmann",
      expertise: Array.from({ length: 15 }, (_, i) => `skill number ${i}`),
    });
    expect(tokens.length).toBeLessThan(2000);
  });
});

describe("sameTokens", () => {
  it.each([
    [undefined, ["a"], false],
    [["a", "b"], ["b", "a"], true],
    [["a"], ["a", "b"], false],
    [["a", "c"], ["a", "b"], false],
  ] as const)("%j vs %j → %j", (a, b, expected) => {
    expect(sameTokens(a as string[] | undefined, b as unknown as string[])).toBe(expected);
  });
});
