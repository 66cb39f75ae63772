import type { IndexSpec } from "./directory-query.js";

/**
 * The student's "My requests": the rules accept a list only when it says `studentId == <own uid>`; newest first and
 * bounded, so the page's per-status counts come from one live read however the statuses shift.
 */
export const MINI_STUDENT_LIST_LIMIT = 100;

export function planMiniStudentQuery(uid: string) {
  return {
    where: { field: "studentId", value: uid },
    orderBy: { field: "createdAt", direction: "desc" },
    limit: MINI_STUDENT_LIST_LIMIT,
  } as const;
}

export function miniStudentIndexes(): IndexSpec[] {
  return [
    {
      collectionGroup: "miniRequests",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "studentId", order: "ASCENDING" },
        { fieldPath: "createdAt", order: "DESCENDING" },
      ],
    },
  ];
}
