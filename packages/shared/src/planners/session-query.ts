import { SESSIONS } from "../constants.js";
import { ACTIVE_SESSION_STATUSES, type SessionKind, type SessionStatus } from "../schemas/session.js";
import type { IndexSpec } from "./directory-query.js";

export interface UpcomingSessionsQueryPlan {
  /** `participants array-contains uid`: the rules let a participant list only what the query says is theirs. */
  participant: string;
  statuses: SessionStatus[];
  /** `endAt >= now`, earliest first: a session still running is still busy. */
  endAtFromMs: number;
  orderBy: { field: "endAt"; direction: "asc" };
  limit: number;
}

/**
 * One person's pending and accepted sessions that have not ended: the busy time getBookableSlots leaves out. Bounded
 * by SESSIONS.busyQueryLimit, which is far more than anyone books within a mentor's horizon; the lock documents, not
 * this query, are what make a double booking impossible.
 */
export function planUpcomingSessionsQuery(uid: string, nowMs: number): UpcomingSessionsQueryPlan {
  return {
    participant: uid,
    statuses: [...ACTIVE_SESSION_STATUSES],
    endAtFromMs: nowMs,
    orderBy: { field: "endAt", direction: "asc" },
    limit: SESSIONS.busyQueryLimit,
  };
}

/** The composite indexes `sessions/` needs (scripts/gen-indexes.ts writes them into firestore.indexes.json). */
export function sessionIndexes(): IndexSpec[] {
  return [
    {
      collectionGroup: "sessions",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "participants", arrayConfig: "CONTAINS" },
        { fieldPath: "status", order: "ASCENDING" },
        { fieldPath: "endAt", order: "ASCENDING" },
      ],
    },
    // The Sessions page's "Past" list: `participants array-contains`, `endAt <` now, newest first, paged.
    {
      collectionGroup: "sessions",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "participants", arrayConfig: "CONTAINS" },
        { fieldPath: "endAt", order: "DESCENDING" },
      ],
    },
    // The web Reminder Manager's brief: the last completed session of the same match (its action items).
    {
      collectionGroup: "sessions",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "participants", arrayConfig: "CONTAINS" },
        { fieldPath: "matchId", order: "ASCENDING" },
        { fieldPath: "status", order: "ASCENDING" },
        { fieldPath: "endAt", order: "DESCENDING" },
      ],
    },
    // The reminders job (functions/src/lib/session-reminders.ts): accepted sessions whose next reminder is due.
    {
      collectionGroup: "sessions",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "status", order: "ASCENDING" },
        { fieldPath: "nextReminderAt", order: "ASCENDING" },
      ],
    },
  ];
}

/** Rows per page of the admins' all-sessions table. */
export const ADMIN_SESSIONS_PAGE_SIZE = 25;

/**
 * The admins' all-sessions table (regular and mini): optional status and kind, newest start first, paged. Admins
 * may list any session (rules: isAdmin()), so no participant filter is needed.
 */
export function planAdminSessionsQuery(search: { status: SessionStatus | ""; kind: SessionKind | "" }) {
  const equals: { field: "kind" | "status"; value: string }[] = [];
  if (search.kind) equals.push({ field: "kind", value: search.kind });
  if (search.status) equals.push({ field: "status", value: search.status });
  return { equals, orderBy: { field: "startAt", direction: "desc" } as const, limit: ADMIN_SESSIONS_PAGE_SIZE };
}

/** The composite indexes planAdminSessionsQuery needs (no filter: startAt's single-field index does). */
export function adminSessionIndexes(): IndexSpec[] {
  const startDesc = { fieldPath: "startAt", order: "DESCENDING" } as const;
  return [
    { collectionGroup: "sessions", queryScope: "COLLECTION", fields: [{ fieldPath: "kind", order: "ASCENDING" }, startDesc] },
    { collectionGroup: "sessions", queryScope: "COLLECTION", fields: [{ fieldPath: "status", order: "ASCENDING" }, startDesc] },
    {
      collectionGroup: "sessions",
      queryScope: "COLLECTION",
      fields: [{ fieldPath: "kind", order: "ASCENDING" }, { fieldPath: "status", order: "ASCENDING" }, startDesc],
    },
  ];
}
