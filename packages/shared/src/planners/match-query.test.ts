import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { matchIndexes, planMatchListQuery, type MatchListSearch, type MatchQueryPlan } from "./match-query.js";

const orderBy = { field: "updatedAt", direction: "desc" } as const;

describe("planMatchListQuery", () => {
  it.each<[string, MatchListSearch, MatchQueryPlan]>([
    ["everything I take part in", { uid: "u" }, { participant: "u", side: null, status: null, orderBy }],
    [
      "the sidebar's pending incoming requests",
      { uid: "u", side: "incoming", statuses: ["pending"] },
      { participant: "u", side: { field: "mentorId", value: "u" }, status: { op: "==", value: "pending" }, orderBy },
    ],
    [
      "a mentee's open requests",
      { uid: "u", side: "outgoing", statuses: ["pending", "accepted"] },
      { participant: "u", side: { field: "menteeId", value: "u" }, status: { op: "in", values: ["pending", "accepted"] }, orderBy },
    ],
    [
      "a repeated status is asked once",
      { uid: "u", side: "any", statuses: ["accepted", "accepted"] },
      { participant: "u", side: null, status: { op: "==", value: "accepted" }, orderBy },
    ],
    ["no statuses is every status", { uid: "u", side: "any", statuses: [] }, { participant: "u", side: null, status: null, orderBy }],
  ])("%s", (_name, search, plan) => expect(planMatchListQuery(search)).toEqual(plan));

  it("every plan has its index", () => {
    const keys = new Set(matchIndexes().map((index) => index.fields.map((f) => f.fieldPath).join(",")));
    for (const side of ["incoming", "outgoing", "any"] as const)
      for (const statuses of [[], ["pending" as const], ["pending" as const, "accepted" as const]]) {
        const plan = planMatchListQuery({ uid: "u", side, statuses });
        const fields = ["participants", ...(plan.side ? [plan.side.field] : []), ...(plan.status ? ["status"] : []), "updatedAt"];
        expect(keys, `${side} ${statuses.join("+")}`).toContain(fields.join(","));
      }
  });
});

describe("matchIndexes", () => {
  it("are all declared in firestore.indexes.json", () => {
    const file = fileURLToPath(new URL("../../../../firestore.indexes.json", import.meta.url));
    const declared = new Set((JSON.parse(readFileSync(file, "utf8")).indexes as unknown[]).map((index) => JSON.stringify(index)));
    for (const index of matchIndexes()) expect(declared, JSON.stringify(index)).toContain(JSON.stringify(index));
  });

  it("include the expiry sweep: pending requests by expiresAt", () => {
    expect(matchIndexes()).toContainEqual({
      collectionGroup: "matches",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "status", order: "ASCENDING" },
        { fieldPath: "expiresAt", order: "ASCENDING" },
      ],
    });
  });
});
