import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { peopleIndexFor, peopleIndexes, planPeopleQuery } from "./people-query.js";
import { buildSearchTokens } from "./search-tokens.js";

describe("planPeopleQuery", () => {
  it.each([
    [{}, { role: null, token: null }],
    [{ role: "" }, { role: null, token: null }],
    [{ role: "admin" }, { role: "admin", token: null }],
    [{ text: "  Ada " }, { role: null, token: "n:ada" }],
    [{ text: "Ada Lo", role: "mentee" }, { role: "mentee", token: "n:ada lo" }],
    // Punctuation alone normalizes to nothing: no token rather than a query for "n:".
    [{ text: "--", role: "mentor" }, { role: "mentor", token: null }],
  ] as const)("%j", (search, expected) => {
    expect(planPeopleQuery(search)).toEqual({ ...expected, orderBy: "displayName" });
  });

  it("rejects a role that does not exist instead of querying for it", () => {
    expect(() => planPeopleQuery({ role: "owner" as never })).toThrow();
  });

  it.each(["morgan", "Reyes", "morgan re", "MÖRGAN"])("a search for %j matches the token the profile carries", (text) => {
    const tokens = buildSearchTokens({ displayName: "Morgan Reyes", expertise: [] });
    expect(tokens).toContain(planPeopleQuery({ text }).token);
  });
});

describe("peopleIndexFor", () => {
  it.each([
    [{}, null],
    [{ role: "mentor" }, ["role", "displayName"]],
    [{ text: "ada" }, ["searchTokens", "displayName"]],
    [{ role: "admin", text: "ada" }, ["role", "searchTokens", "displayName"]],
  ] as const)("%j needs %j", (search, fields) => {
    const index = peopleIndexFor(planPeopleQuery(search));
    expect(index?.fields.map((field) => field.fieldPath) ?? null).toEqual(fields);
  });
});

describe("peopleIndexes", () => {
  it("are all declared in firestore.indexes.json", () => {
    const file = fileURLToPath(new URL("../../../../firestore.indexes.json", import.meta.url));
    const declared = new Set((JSON.parse(readFileSync(file, "utf8")).indexes as unknown[]).map((index) => JSON.stringify(index)));
    const needed = peopleIndexes();
    expect(needed).toHaveLength(3);
    for (const index of needed) expect(declared, JSON.stringify(index)).toContain(JSON.stringify(index));
  });
});
