import type { MatchStatus } from "../schemas/match.js";
import type { IndexSpec } from "./directory-query.js";

/** Whose requests: sent to the person as mentor, sent by them as mentee, or both. */
export const MATCH_SIDES = ["incoming", "outgoing", "any"] as const;
export type MatchSide = (typeof MATCH_SIDES)[number];

export interface MatchListSearch {
  uid: string;
  side?: MatchSide;
  /** One status (`==`) or several (`in`); empty or absent for every status. */
  statuses?: readonly MatchStatus[];
}

export interface MatchQueryPlan {
  /** Always `participants array-contains uid`: the rules allow a participant's list only when the query says so. */
  participant: string;
  /** `mentorId ==` (incoming) or `menteeId ==` (outgoing), after the participants filter. */
  side: { field: "mentorId" | "menteeId"; value: string } | null;
  status: { op: "=="; value: MatchStatus } | { op: "in"; values: MatchStatus[] } | null;
  orderBy: { field: "updatedAt"; direction: "desc" };
}

/**
 * A participant's list of matches (the Requests page, the sidebar's count of pending incoming requests, a mentee's
 * open requests): one query that the rules accept and firestore.indexes.json serves (matchIndexes).
 */
export function planMatchListQuery(search: MatchListSearch): MatchQueryPlan {
  const side = search.side ?? "any";
  const statuses = [...new Set(search.statuses ?? [])];
  return {
    participant: search.uid,
    side: side === "incoming" ? { field: "mentorId", value: search.uid } : side === "outgoing" ? { field: "menteeId", value: search.uid } : null,
    status: statuses.length === 0 ? null : statuses.length === 1 ? { op: "==", value: statuses[0]! } : { op: "in", values: statuses },
    orderBy: { field: "updatedAt", direction: "desc" },
  };
}

/**
 * Every composite index `matches/` needs: the participants' lists above, and the expiry sweep
 * (`status == pending && expiresAt <= now`, oldest first), and the chat-membership sweep. The functions' other queries (a mentee's pending requests,
 * a mentor's accepted matches) are equalities only, which Firestore serves by merging single-field indexes.
 */
export function matchIndexes(): IndexSpec[] {
  const specs: IndexSpec[] = [];
  for (const side of [null, "mentorId", "menteeId"] as const)
    for (const withStatus of [false, true]) {
      const fields: IndexSpec["fields"] = [{ fieldPath: "participants", arrayConfig: "CONTAINS" }];
      if (side) fields.push({ fieldPath: side, order: "ASCENDING" });
      if (withStatus) fields.push({ fieldPath: "status", order: "ASCENDING" });
      fields.push({ fieldPath: "updatedAt", order: "DESCENDING" });
      specs.push({ collectionGroup: "matches", queryScope: "COLLECTION", fields });
    }
  specs.push({
    collectionGroup: "matches",
    queryScope: "COLLECTION",
    fields: [
      { fieldPath: "status", order: "ASCENDING" },
      { fieldPath: "expiresAt", order: "ASCENDING" },
    ],
  });
  // The chat-membership sweep: `chatSync == pending && chatSyncAt <= now − 1 min`, oldest first.
  specs.push({
    collectionGroup: "matches",
    queryScope: "COLLECTION",
    fields: [
      { fieldPath: "chatSync", order: "ASCENDING" },
      { fieldPath: "chatSyncAt", order: "ASCENDING" },
    ],
  });
  return specs;
}
