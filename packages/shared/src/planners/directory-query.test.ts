import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { directoryIndexes, planDirectoryQuery, searchPrefix } from "./directory-query.js";
import { buildSearchTokens } from "./search-tokens.js";

describe("planDirectoryQuery", () => {
  it.each([
    [{}, { equals: [{ field: "role", value: "mentor" }], token: null, first: "ratingScore" }],
    [{ text: "Ada" }, { equals: [{ field: "role", value: "mentor" }], token: "n:ada", first: "ratingScore" }],
    [{ expertise: " React " }, { equals: [{ field: "role", value: "mentor" }], token: "x:react", first: "ratingScore" }],
    [{ text: "ada l", expertise: "React", sort: "name" }, { equals: [{ field: "role", value: "mentor" }], token: "n:ada l|x:react", first: "displayName" }],
    [
      { department: "Design", sort: "sessions" },
      { equals: [{ field: "role", value: "mentor" }, { field: "department", value: "Design" }], token: null, first: "sessionCount" },
    ],
  ] as const)("%j", (search, expected) => {
    const plan = planDirectoryQuery(search);
    expect(plan.equals).toEqual(expected.equals);
    expect(plan.token).toBe(expected.token);
    expect(plan.orderBy[0]!.field).toBe(expected.first);
  });

  it("rejects an unknown department instead of querying for it", () => {
    expect(() => planDirectoryQuery({ department: "Astrology" as never })).toThrow();
  });

  it.each([
    ["Ada Lovelace", ["ada lovelace", "love", "ada", "lovelace"]],
    ["Bo Li", ["bo", "li", "bo li"]],
  ])("every query a person types for %s finds the profile's tokens", (name, queries) => {
    const tokens = buildSearchTokens({ displayName: name, expertise: ["react"] });
    for (const query of queries) {
      expect(tokens).toContain(planDirectoryQuery({ text: query }).token);
      expect(tokens).toContain(planDirectoryQuery({ text: query, expertise: "react" }).token);
    }
  });

  it("cuts long single words to the indexed prefix length", () => {
    expect(searchPrefix("Wolfeschlegelsteinhausen")).toBe("wolfeschlege");
  });
});

describe("directoryIndexes", () => {
  it("are all declared in firestore.indexes.json", () => {
    const file = fileURLToPath(new URL("../../../../firestore.indexes.json", import.meta.url));
    const declared = JSON.parse(readFileSync(file, "utf8")).indexes as unknown[];
    const key = (index: unknown) => JSON.stringify(index);
    const declaredKeys = new Set(declared.map(key));
    for (const index of directoryIndexes()) expect(declaredKeys, key(index)).toContain(key(index));
  });
});
