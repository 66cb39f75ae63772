import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { adminMiniIndexes, planAdminMiniQuery } from "./admin-mini-query.js";
import type { IndexSpec } from "./directory-query.js";
import { adminSessionIndexes, planAdminSessionsQuery } from "./session-query.js";

/** The composite index a plan needs: its equality fields in order, then the order field; none when only ordered. */
const indexFor = (collectionGroup: string, equals: { field: string }[], order: string): IndexSpec | null =>
  equals.length === 0
    ? null
    : {
        collectionGroup,
        queryScope: "COLLECTION",
        fields: [...equals.map((e) => ({ fieldPath: e.field, order: "ASCENDING" as const })), { fieldPath: order, order: "DESCENDING" }],
      };

describe("planAdminSessionsQuery", () => {
  it.each([
    [{ status: "", kind: "" }, []],
    [{ status: "completed", kind: "" }, [{ field: "status", value: "completed" }]],
    [{ status: "", kind: "mini" }, [{ field: "kind", value: "mini" }]],
    [{ status: "no_show", kind: "match" }, [{ field: "kind", value: "match" }, { field: "status", value: "no_show" }]],
  ] as const)("%j", (search, equals) => {
    const plan = planAdminSessionsQuery(search);
    expect(plan.equals).toEqual(equals);
    expect(plan.orderBy).toEqual({ field: "startAt", direction: "desc" });
    const index = indexFor("sessions", plan.equals, "startAt");
    if (index) expect(adminSessionIndexes()).toContainEqual(index);
  });
});

describe("planAdminMiniQuery", () => {
  it.each([
    [{ status: "", sessionType: "", fromMs: null, toMs: null }, []],
    [{ status: "open", sessionType: "", fromMs: 1, toMs: null }, [{ field: "status", value: "open" }]],
    [{ status: "", sessionType: "resume_review", fromMs: null, toMs: 5 }, [{ field: "sessionType", value: "resume_review" }]],
    [{ status: "expired", sessionType: "other", fromMs: 1, toMs: 5 }, [{ field: "status", value: "expired" }, { field: "sessionType", value: "other" }]],
  ] as const)("%j", (search, equals) => {
    const plan = planAdminMiniQuery(search);
    expect(plan.equals).toEqual(equals);
    expect([plan.createdFromMs, plan.createdBeforeMs]).toEqual([search.fromMs, search.toMs]);
    const index = indexFor("miniRequests", plan.equals, "createdAt");
    if (index) expect(adminMiniIndexes()).toContainEqual(index);
  });
});

describe("admin indexes", () => {
  it("are all declared in firestore.indexes.json", () => {
    const file = fileURLToPath(new URL("../../../../firestore.indexes.json", import.meta.url));
    const declared = new Set((JSON.parse(readFileSync(file, "utf8")).indexes as unknown[]).map((index) => JSON.stringify(index)));
    for (const index of [...adminSessionIndexes(), ...adminMiniIndexes()]) expect(declared, JSON.stringify(index)).toContain(JSON.stringify(index));
  });
});
