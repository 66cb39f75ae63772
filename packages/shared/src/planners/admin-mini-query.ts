import { MINI } from "../constants.js";
import type { MiniSessionType, MiniStatus } from "../schemas/mini.js";
import type { IndexSpec } from "./directory-query.js";

/** The admins' mini request table: status and type filters, a creation-date range, newest first, a page at a time. */
export interface AdminMiniSearch {
  status: MiniStatus | "";
  sessionType: MiniSessionType | "";
  /** `createdAt >= fromMs` and `< toMs` (either may be null). */
  fromMs: number | null;
  toMs: number | null;
}

export interface AdminMiniQueryPlan {
  equals: { field: "status" | "sessionType"; value: string }[];
  createdFromMs: number | null;
  createdBeforeMs: number | null;
  orderBy: { field: "createdAt"; direction: "desc" };
  limit: number;
}

/** Equality filters first, the range on the order field: one of adminMiniIndexes() serves every combination. */
export function planAdminMiniQuery(search: AdminMiniSearch): AdminMiniQueryPlan {
  const equals: AdminMiniQueryPlan["equals"] = [];
  if (search.status) equals.push({ field: "status", value: search.status });
  if (search.sessionType) equals.push({ field: "sessionType", value: search.sessionType });
  return {
    equals,
    createdFromMs: search.fromMs,
    createdBeforeMs: search.toMs,
    orderBy: { field: "createdAt", direction: "desc" },
    limit: MINI.adminPageSize,
  };
}

export function adminMiniIndexes(): IndexSpec[] {
  const createdDesc = { fieldPath: "createdAt", order: "DESCENDING" } as const;
  return [
    { collectionGroup: "miniRequests", queryScope: "COLLECTION", fields: [{ fieldPath: "status", order: "ASCENDING" }, createdDesc] },
    { collectionGroup: "miniRequests", queryScope: "COLLECTION", fields: [{ fieldPath: "sessionType", order: "ASCENDING" }, createdDesc] },
    {
      collectionGroup: "miniRequests",
      queryScope: "COLLECTION",
      fields: [{ fieldPath: "status", order: "ASCENDING" }, { fieldPath: "sessionType", order: "ASCENDING" }, createdDesc],
    },
  ];
}
