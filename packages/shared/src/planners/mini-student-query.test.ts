import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MINI_STUDENT_LIST_LIMIT, miniStudentIndexes, planMiniStudentQuery } from "./mini-student-query.js";

describe("planMiniStudentQuery", () => {
  it("asks for the student's own requests only (the rules refuse any other list), newest first, bounded", () => {
    expect(planMiniStudentQuery("rin")).toEqual({
      where: { field: "studentId", value: "rin" },
      orderBy: { field: "createdAt", direction: "desc" },
      limit: MINI_STUDENT_LIST_LIMIT,
    });
  });

  it("has an index for exactly its where and order", () => {
    const plan = planMiniStudentQuery("rin");
    expect(miniStudentIndexes().map((index) => index.fields)).toContainEqual([
      { fieldPath: plan.where.field, order: "ASCENDING" },
      { fieldPath: plan.orderBy.field, order: "DESCENDING" },
    ]);
  });
});

describe("miniStudentIndexes", () => {
  it("are all declared in firestore.indexes.json", () => {
    const file = fileURLToPath(new URL("../../../../firestore.indexes.json", import.meta.url));
    const declared = new Set((JSON.parse(readFileSync(file, "utf8")).indexes as unknown[]).map((index) => JSON.stringify(index)));
    for (const index of miniStudentIndexes()) expect(declared, JSON.stringify(index)).toContain(JSON.stringify(index));
  });
});
