import { MINI } from "../constants.js";
import { normalizeTag } from "../schemas/common.js";
import {
  MINI_SESSION_TYPES,
  MINI_URGENCIES,
  type MiniSessionType,
  type MiniStatus,
  type MiniUrgency,
} from "../schemas/mini.js";
import { isSessionDurationMinutes } from "../schemas/session.js";
import type { IndexSpec } from "./directory-query.js";
import { miniTagToken } from "./mini.js";
import { normalizeSearchText } from "./search-tokens.js";

/**
 * The mentors' board of open mini requests (docs/ARCHITECTURE.md, miniRequests/), and the claimer's own list. Pure:
 * the web data layer turns a plan into a Firestore query, and miniBoardIndexes() lists every composite index a plan
 * can need (scripts/gen-indexes.ts writes them; a test checks firestore.indexes.json has them).
 */

export const MINI_BOARD_SORTS = ["newest", "urgent"] as const;
export type MiniBoardSort = (typeof MINI_BOARD_SORTS)[number];
export const MINI_BOARD_SORT_LABELS: Record<MiniBoardSort, string> = { newest: "Newest first", urgent: "Most urgent first" };

export interface MiniBoardFilters {
  sessionType?: MiniSessionType | "";
  durationMinutes?: number | null;
  urgency?: MiniUrgency | "";
  tag?: string;
  search?: string;
}

type EqualityField = "status" | "sessionType" | "durationMinutes" | "urgency";

export interface MiniBoardQueryPlan {
  /** Equality filters, in index order; always starts with `status == open` (the only list the rules allow a mentor). */
  equals: { field: EqualityField; value: string | number }[];
  /** The single array-contains on `searchTokens`: `#tag`, or the first search word. */
  token: string | null;
  /** `expiresAt > now`: an expired request is off the board even before the expiry job marks it. */
  expiresAfterMs: number;
  orderBy: { field: "urgencyRank" | "expiresAt"; direction: "desc" }[];
  pageSize: number;
  /** Search words the query could not apply (Firestore allows one array-contains): checked on each loaded request. */
  postFilterWords: string[];
}

/** Words shorter than this are not indexed by miniSearchTokens (planners/mini.ts), so they are not searched for. */
export const MINI_SEARCH_MIN_WORD = 2;
/** The distinct words of a text as the board compares them (normalised as `miniSearchTokens` normalises a request's). */
export function miniSearchWords(text: string): string[] {
  const normalized = normalizeSearchText(text);
  if (!normalized) return [];
  return [...new Set(normalized.split(" ").filter((word) => word.length >= MINI_SEARCH_MIN_WORD))];
}

/** Whether a loaded request has every remaining search word (the part of a search the query could not do). */
export function matchesMiniSearch(request: { title: string; description: string }, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const have = new Set(miniSearchWords(`${request.title} ${request.description}`));
  return words.every((word) => have.has(word));
}

export function planMiniBoardQuery(input: { filters: MiniBoardFilters; sort: MiniBoardSort; nowMs: number }): MiniBoardQueryPlan {
  const { filters, nowMs } = input;
  const sessionType = filters.sessionType && (MINI_SESSION_TYPES as readonly string[]).includes(filters.sessionType) ? filters.sessionType : "";
  const duration = filters.durationMinutes && isSessionDurationMinutes(filters.durationMinutes) ? filters.durationMinutes : null;
  const urgency = filters.urgency && (MINI_URGENCIES as readonly string[]).includes(filters.urgency) ? filters.urgency : "";
  const tag = normalizeTag(filters.tag ?? "");
  const words = miniSearchWords(filters.search ?? "");

  const equals: MiniBoardQueryPlan["equals"] = [{ field: "status", value: "open" }];
  if (sessionType) equals.push({ field: "sessionType", value: sessionType });
  if (duration) equals.push({ field: "durationMinutes", value: duration });
  if (urgency) equals.push({ field: "urgency", value: urgency });

  // A tag is an exact, usually rarer token than a word, so it takes the one array-contains when both are given.
  let token: string | null = null;
  let postFilterWords = words;
  if (tag) token = miniTagToken(tag);
  else if (words.length > 0) {
    token = words[0]!;
    postFilterWords = words.slice(1);
  }

  return {
    equals,
    token,
    expiresAfterMs: nowMs,
    orderBy: sortOrder(input.sort, !!urgency),
    pageSize: MINI.browsePageSize,
    postFilterWords,
  };
}

/**
 * newest: expiresAt desc, which is createdAt desc since every request expires exactly MINI.expiryDays after posting
 * (and ordering on the field the inequality is on needs no second index). urgent: urgencyRank first; with one urgency
 * chosen that order is the same as newest, so it is dropped and the newest indexes serve it.
 */
function sortOrder(sort: MiniBoardSort, urgencyChosen: boolean): MiniBoardQueryPlan["orderBy"] {
  if (sort === "urgent" && !urgencyChosen)
    return [
      { field: "urgencyRank", direction: "desc" },
      { field: "expiresAt", direction: "desc" },
    ];
  return [{ field: "expiresAt", direction: "desc" }];
}

/** The claimer's "My mini sessions": the rules let a mentor list only what the query says they claimed. */
export const MINI_CLAIMER_STATUSES = ["claimed", "scheduled", "completed"] as const satisfies readonly MiniStatus[];
export const MINI_CLAIMER_LIST_LIMIT = 100;

export function planMiniClaimerQuery(uid: string) {
  return {
    where: { field: "claimedBy", value: uid },
    statuses: [...MINI_CLAIMER_STATUSES],
    orderBy: { field: "updatedAt", direction: "desc" },
    limit: MINI_CLAIMER_LIST_LIMIT,
  } as const;
}

/** Every composite index the board's plans and the claimer's list need. */
export function miniBoardIndexes(): IndexSpec[] {
  const specs: IndexSpec[] = [];
  for (const withType of [false, true])
    for (const withDuration of [false, true])
      for (const withUrgency of [false, true])
        for (const withToken of [false, true])
          for (const sort of MINI_BOARD_SORTS) {
            if (withUrgency && sort === "urgent") continue;
            const fields: IndexSpec["fields"] = [{ fieldPath: "status", order: "ASCENDING" }];
            if (withType) fields.push({ fieldPath: "sessionType", order: "ASCENDING" });
            if (withDuration) fields.push({ fieldPath: "durationMinutes", order: "ASCENDING" });
            if (withUrgency) fields.push({ fieldPath: "urgency", order: "ASCENDING" });
            if (withToken) fields.push({ fieldPath: "searchTokens", arrayConfig: "CONTAINS" });
            for (const order of sortOrder(sort, withUrgency)) fields.push({ fieldPath: order.field, order: "DESCENDING" });
            specs.push({ collectionGroup: "miniRequests", queryScope: "COLLECTION", fields });
          }
  specs.push({
    collectionGroup: "miniRequests",
    queryScope: "COLLECTION",
    fields: [
      { fieldPath: "claimedBy", order: "ASCENDING" },
      { fieldPath: "status", order: "ASCENDING" },
      { fieldPath: "updatedAt", order: "DESCENDING" },
    ],
  });
  return specs;
}
