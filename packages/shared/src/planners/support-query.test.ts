import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SUPPORT } from "../schemas/support.js";
import { planSupportListQuery, supportIndexes, type SupportListSearch, type SupportQueryPlan } from "./support-query.js";

const orderBy = { field: "lastMessageAt", direction: "desc" } as const;

describe("planSupportListQuery", () => {
  it.each<[string, SupportListSearch, SupportQueryPlan]>([
    ["my conversations", { view: "mine", uid: "mia" }, { where: { field: "requesterUid", value: "mia" }, orderBy, limit: SUPPORT.listLimit }],
    ["the inbox's open threads", { view: "inbox", status: "open" }, { where: { field: "status", value: "open" }, orderBy, limit: SUPPORT.listLimit }],
    ["the inbox's recently closed threads", { view: "inbox", status: "closed" }, { where: { field: "status", value: "closed" }, orderBy, limit: SUPPORT.closedListLimit }],
  ])("%s", (_name, search, plan) => expect(planSupportListQuery(search)).toEqual(plan));

  it("every plan has its index", () => {
    const keys = new Set(supportIndexes().map((index) => index.fields.map((f) => f.fieldPath).join(",")));
    for (const search of [{ view: "mine", uid: "u" }, { view: "inbox", status: "open" }, { view: "inbox", status: "closed" }] as const) {
      const plan = planSupportListQuery(search);
      expect(keys).toContain(`${plan.where.field},${plan.orderBy.field}`);
    }
  });
});

describe("supportIndexes", () => {
  it("are all declared in firestore.indexes.json", () => {
    const file = fileURLToPath(new URL("../../../../firestore.indexes.json", import.meta.url));
    const declared = new Set((JSON.parse(readFileSync(file, "utf8")).indexes as unknown[]).map((index) => JSON.stringify(index)));
    for (const index of supportIndexes()) expect(declared, JSON.stringify(index)).toContain(JSON.stringify(index));
  });
});
