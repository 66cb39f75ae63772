import * as z from "zod";
import { LIMITS, ROLES, type Role } from "../constants.js";
import { searchPrefix, type IndexSpec } from "./directory-query.js";
import { nameToken } from "./search-tokens.js";

/** The admin People list: everyone, or one role, optionally narrowed by name, always A–Z. */
export const peopleSearchSchema = z.object({
  text: z.string().max(LIMITS.directoryQuery, `Searches can be at most ${LIMITS.directoryQuery} characters.`).default(""),
  role: z.union([z.enum(ROLES), z.literal("")]).default(""),
});
export type PeopleSearch = z.input<typeof peopleSearchSchema>;

export interface PeopleQueryPlan {
  /** `role ==` filter, or null for every role. */
  role: Role | null;
  /** The `searchTokens array-contains` name token, or null. */
  token: string | null;
  orderBy: "displayName";
}

export function planPeopleQuery(search: PeopleSearch): PeopleQueryPlan {
  const { text, role } = peopleSearchSchema.parse(search);
  const prefix = searchPrefix(text);
  return { role: role || null, token: prefix ? nameToken(prefix) : null, orderBy: "displayName" };
}

/**
 * The composite index a plan's query needs, or null when Firestore's automatic single-field index serves it
 * (a bare `orderBy(displayName)`). Field order follows the query: equality, array-contains, then the order.
 */
export function peopleIndexFor(plan: PeopleQueryPlan): IndexSpec | null {
  if (!plan.role && !plan.token) return null;
  const fields: IndexSpec["fields"] = [];
  if (plan.role) fields.push({ fieldPath: "role", order: "ASCENDING" });
  if (plan.token) fields.push({ fieldPath: "searchTokens", arrayConfig: "CONTAINS" });
  fields.push({ fieldPath: plan.orderBy, order: "ASCENDING" });
  return { collectionGroup: "users", queryScope: "COLLECTION", fields };
}

/** Every composite index the People list needs (some coincide with the directory's); gen-indexes dedupes. */
export function peopleIndexes(): IndexSpec[] {
  const byKey = new Map<string, IndexSpec>();
  for (const role of ["", ...ROLES] as const)
    for (const text of ["", "a"]) {
      const index = peopleIndexFor(planPeopleQuery({ role, text }));
      if (index) byKey.set(JSON.stringify(index), index);
    }
  return [...byKey.values()];
}
