import { planPeopleQuery, type CallableOutput, type PeopleSearch, type Role } from "@mentormatch/shared";
import { orderBy, where, type DocumentSnapshot, type QueryConstraint } from "firebase/firestore";
import { call } from "../lib/callables";
import { fetchProfilePage, type ProfilePage } from "./profiles";

export const PEOPLE_PAGE_SIZE = 20;

/** One page of the admin People list, shaped by planPeopleQuery so firestore.indexes.json serves it. */
export function fetchPeoplePage(search: PeopleSearch, cursor: DocumentSnapshot | null = null, pageSize = PEOPLE_PAGE_SIZE): Promise<ProfilePage> {
  const plan = planPeopleQuery(search);
  const constraints: QueryConstraint[] = [];
  if (plan.role) constraints.push(where("role", "==", plan.role));
  if (plan.token) constraints.push(where("searchTokens", "array-contains", plan.token));
  constraints.push(orderBy(plan.orderBy));
  return fetchProfilePage(constraints, cursor, pageSize);
}

/**
 * Admins only; the function changes the stored role, the claim and the audit log together. Resolves to the role now
 * held and whether it changed (false when the person already had it). Taking the mentor role from someone with mentees
 * is refused unless `endActiveMatches` confirms ending those mentorings.
 */
export function changeUserRole(uid: string, role: Role, endActiveMatches = false): Promise<CallableOutput<"setUserRole">> {
  return call("setUserRole", endActiveMatches ? { uid, role, endActiveMatches } : { uid, role });
}
