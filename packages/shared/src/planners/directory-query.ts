import * as z from "zod";
import { DEPARTMENTS, LIMITS } from "../constants.js";
import { normalizeTag } from "../schemas/common.js";
import {
  MAX_NAME_PREFIX,
  MAX_WORD_PREFIX,
  expertiseToken,
  nameExpertiseToken,
  nameToken,
  normalizeSearchText,
} from "./search-tokens.js";

export const DIRECTORY_SORTS = ["rating", "sessions", "name"] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];
export const DIRECTORY_SORT_LABELS: Record<DirectorySort, string> = {
  rating: "Highest rated",
  sessions: "Most sessions",
  name: "Name (A–Z)",
};

export const directorySearchSchema = z.object({
  text: z.string().max(LIMITS.directoryQuery, `Searches can be at most ${LIMITS.directoryQuery} characters.`).default(""),
  department: z.union([z.enum(DEPARTMENTS), z.literal("")]).default(""),
  expertise: z.string().max(40).default(""),
  sort: z.enum(DIRECTORY_SORTS).default("rating"),
});
export type DirectorySearch = z.input<typeof directorySearchSchema>;

export interface DirectoryQueryPlan {
  /** Equality filters, applied in this order. */
  equals: { field: "role" | "department"; value: string }[];
  /** The single array-contains filter on `searchTokens`, if any. */
  token: string | null;
  orderBy: { field: "ratingScore" | "ratingCount" | "sessionCount" | "displayName"; direction: "asc" | "desc" }[];
}

const SORT_ORDER: Record<DirectorySort, DirectoryQueryPlan["orderBy"]> = {
  // The confidence-adjusted score (rating-score.ts), not the plain average: one 5-star review does not outrank forty
  // at 4.9. Unrated profiles score 0 and come last.
  rating: [
    { field: "ratingScore", direction: "desc" },
    { field: "ratingCount", direction: "desc" },
  ],
  sessions: [{ field: "sessionCount", direction: "desc" }],
  name: [{ field: "displayName", direction: "asc" }],
};

/** The query prefix a search text maps to: a single word, or the whole name, cut to what is indexed. */
export function searchPrefix(text: string): string {
  const normalized = normalizeSearchText(text);
  if (!normalized) return "";
  return normalized.includes(" ") ? normalized.slice(0, MAX_NAME_PREFIX).trim() : normalized.slice(0, MAX_WORD_PREFIX);
}

/** Turns what the person typed and picked into one Firestore query that the composite indexes serve. */
export function planDirectoryQuery(search: DirectorySearch): DirectoryQueryPlan {
  const { text, department, expertise, sort } = directorySearchSchema.parse(search);
  const prefix = searchPrefix(text);
  const tag = normalizeTag(expertise);
  const equals: DirectoryQueryPlan["equals"] = [{ field: "role", value: "mentor" }];
  if (department) equals.push({ field: "department", value: department });
  let token: string | null = null;
  if (prefix && tag) token = nameExpertiseToken(prefix, tag);
  else if (prefix) token = nameToken(prefix);
  else if (tag) token = expertiseToken(tag);
  return { equals, token, orderBy: SORT_ORDER[sort] };
}

export interface IndexSpec {
  collectionGroup: string;
  queryScope: "COLLECTION";
  fields: ({ fieldPath: string; order: "ASCENDING" | "DESCENDING" } | { fieldPath: string; arrayConfig: "CONTAINS" })[];
}

/** Every composite index the directory needs; firestore.indexes.json must contain each (a test checks). */
export function directoryIndexes(): IndexSpec[] {
  const specs: IndexSpec[] = [];
  for (const withDepartment of [false, true])
    for (const withToken of [false, true])
      for (const sort of DIRECTORY_SORTS) {
        const fields: IndexSpec["fields"] = [{ fieldPath: "role", order: "ASCENDING" }];
        if (withDepartment) fields.push({ fieldPath: "department", order: "ASCENDING" });
        if (withToken) fields.push({ fieldPath: "searchTokens", arrayConfig: "CONTAINS" });
        for (const order of SORT_ORDER[sort])
          fields.push({ fieldPath: order.field, order: order.direction === "asc" ? "ASCENDING" : "DESCENDING" });
        specs.push({ collectionGroup: "users", queryScope: "COLLECTION", fields });
      }
  return specs;
}
