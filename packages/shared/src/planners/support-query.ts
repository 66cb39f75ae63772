import { SUPPORT, type SupportStatus } from "../schemas/support.js";
import type { IndexSpec } from "./directory-query.js";

/**
 * The support lists' queries: a person's own conversations (the rules only accept a list that says
 * `requesterUid == <own uid>`) and the admins' inbox, one status at a time so open threads come first. Each is
 * newest activity first and bounded, and supportIndexes() holds the composite index each one needs.
 */
export type SupportListSearch = { view: "mine"; uid: string } | { view: "inbox"; status: SupportStatus };

export interface SupportQueryPlan {
  where: { field: "requesterUid" | "status"; value: string };
  orderBy: { field: "lastMessageAt"; direction: "desc" };
  limit: number;
}

export function planSupportListQuery(search: SupportListSearch): SupportQueryPlan {
  const orderBy = { field: "lastMessageAt", direction: "desc" } as const;
  if (search.view === "mine") return { where: { field: "requesterUid", value: search.uid }, orderBy, limit: SUPPORT.listLimit };
  return {
    where: { field: "status", value: search.status },
    orderBy,
    limit: search.status === "open" ? SUPPORT.listLimit : SUPPORT.closedListLimit,
  };
}

export function supportIndexes(): IndexSpec[] {
  return (["requesterUid", "status"] as const).map((field) => ({
    collectionGroup: "supportThreads",
    queryScope: "COLLECTION",
    fields: [
      { fieldPath: field, order: "ASCENDING" },
      { fieldPath: "lastMessageAt", order: "DESCENDING" },
    ],
  }));
}
