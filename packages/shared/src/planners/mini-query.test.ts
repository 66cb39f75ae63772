import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MINI } from "../constants.js";
import {
  matchesMiniSearch,
  miniBoardIndexes,
  planMiniBoardQuery,
  planMiniClaimerQuery,
  type MiniBoardFilters,
  type MiniBoardSort,
} from "./mini-query.js";
import { miniSearchTokens } from "./mini.js";

const NOW = Date.UTC(2026, 10, 22, 9, 0);
const OPEN = { field: "status", value: "open" };

describe("planMiniBoardQuery", () => {
  it.each<[string, MiniBoardFilters, MiniBoardSort, { equals: unknown[]; token: string | null; order: string[]; post: string[] }]>([
    ["nothing chosen, newest", {}, "newest", { equals: [OPEN], token: null, order: ["expiresAt"], post: [] }],
    ["nothing chosen, most urgent", {}, "urgent", { equals: [OPEN], token: null, order: ["urgencyRank", "expiresAt"], post: [] }],
    [
      "type and duration",
      { sessionType: "resume_review", durationMinutes: 45 },
      "newest",
      { equals: [OPEN, { field: "sessionType", value: "resume_review" }, { field: "durationMinutes", value: 45 }], token: null, order: ["expiresAt"], post: [] },
    ],
    [
      "one urgency makes most urgent the same as newest",
      { urgency: "high" },
      "urgent",
      { equals: [OPEN, { field: "urgency", value: "high" }], token: null, order: ["expiresAt"], post: [] },
    ],
    ["a search: first word queried, the rest checked on the client", { search: "System  Design, Interview!" }, "newest", { equals: [OPEN], token: "system", order: ["expiresAt"], post: ["design", "interview"] }],
    ["a tag takes the array-contains; every word is checked on the client", { tag: " React ", search: "hooks state" }, "urgent", { equals: [OPEN], token: "#react", order: ["urgencyRank", "expiresAt"], post: ["hooks", "state"] }],
    ["one-letter words and punctuation are not searched", { search: "a ? ." }, "newest", { equals: [OPEN], token: null, order: ["expiresAt"], post: [] }],
    ["accents fold like the stored tokens", { search: "Résumé" }, "newest", { equals: [OPEN], token: "resume", order: ["expiresAt"], post: [] }],
    [
      "values outside the enums are ignored rather than queried",
      { sessionType: "astrology" as never, durationMinutes: 50, urgency: "whenever" as never },
      "newest",
      { equals: [OPEN], token: null, order: ["expiresAt"], post: [] },
    ],
  ])("%s", (_name, filters, sort, expected) => {
    const plan = planMiniBoardQuery({ filters, sort, nowMs: NOW });
    expect(plan.equals).toEqual(expected.equals);
    expect(plan.token).toBe(expected.token);
    expect(plan.orderBy.map((order) => order.field)).toEqual(expected.order);
    expect(plan.orderBy.every((order) => order.direction === "desc")).toBe(true);
    expect(plan.postFilterWords).toEqual(expected.post);
    // Only unexpired requests, whether or not the expiry job has run.
    expect(plan.expiresAfterMs).toBe(NOW);
    expect(plan.pageSize).toBe(MINI.browsePageSize);
  });

  it("every word of a title or description, and every tag, can be found", () => {
    const request = { title: "Mock interview for Google", description: "Practise system-design questions; résumé ready.", tags: ["faang prep", "react"] };
    const tokens = miniSearchTokens(request);
    for (const filters of [{ search: "google" }, { search: "Design" }, { search: "resume" }, { tag: "FAANG Prep" }, { tag: "react" }] as MiniBoardFilters[]) {
      const plan = planMiniBoardQuery({ filters, sort: "newest", nowMs: NOW });
      expect(tokens, JSON.stringify(filters)).toContain(plan.token);
    }
    const plan = planMiniBoardQuery({ filters: { search: "google interview design" }, sort: "newest", nowMs: NOW });
    expect(matchesMiniSearch(request, plan.postFilterWords)).toBe(true);
    expect(matchesMiniSearch(request, planMiniBoardQuery({ filters: { search: "google kubernetes" }, sort: "newest", nowMs: NOW }).postFilterWords)).toBe(false);
  });
});

describe("planMiniClaimerQuery", () => {
  it("lists only what the mentor claimed, in the statuses the page shows", () => {
    expect(planMiniClaimerQuery("m1")).toMatchObject({ where: { field: "claimedBy", value: "m1" }, statuses: ["claimed", "scheduled", "completed"] });
  });
});

describe("miniBoardIndexes", () => {
  it("has one index per combination a plan can produce", () => {
    const key = (fields: unknown) => JSON.stringify(fields);
    const indexes = new Set(miniBoardIndexes().map((index) => key(index.fields)));
    for (const sessionType of ["", "career_advice"] as const)
      for (const durationMinutes of [null, 30])
        for (const urgency of ["", "urgent"] as const)
          for (const search of ["", "cv"])
            for (const sort of ["newest", "urgent"] as const) {
              const plan = planMiniBoardQuery({ filters: { sessionType, durationMinutes, urgency, search }, sort, nowMs: NOW });
              const fields = [
                ...plan.equals.map(({ field }) => ({ fieldPath: field, order: "ASCENDING" })),
                ...(plan.token ? [{ fieldPath: "searchTokens", arrayConfig: "CONTAINS" }] : []),
                ...plan.orderBy.map(({ field }) => ({ fieldPath: field, order: "DESCENDING" })),
              ];
              expect(indexes, key(fields)).toContain(key(fields));
            }
  });

  it("are all declared in firestore.indexes.json", () => {
    const file = fileURLToPath(new URL("../../../../firestore.indexes.json", import.meta.url));
    const declared = new Set((JSON.parse(readFileSync(file, "utf8")).indexes as unknown[]).map((index) => JSON.stringify(index)));
    for (const index of miniBoardIndexes()) expect(declared, JSON.stringify(index)).toContain(JSON.stringify(index));
  });
});
