import { planAdminMiniQuery, type AdminMiniSearch } from "@mentormatch/shared";
import { Timestamp, getDocs, limit, orderBy, query, startAfter, where, type QueryConstraint, type QueryDocumentSnapshot } from "firebase/firestore";
import { miniRequestsRef, type MiniRequest } from "./mini-requests";
import { listOf } from "./parse";

export type AdminMiniCursor = QueryDocumentSnapshot<MiniRequest>;

/** One page of every mini request, newest first, for the admins' table (admins read any request under the rules). */
export async function fetchAdminMiniPage(search: AdminMiniSearch, cursor: AdminMiniCursor | null): Promise<{ items: MiniRequest[]; cursor: AdminMiniCursor | null }> {
  const plan = planAdminMiniQuery(search);
  const constraints: QueryConstraint[] = plan.equals.map((filter) => where(filter.field, "==", filter.value));
  if (plan.createdFromMs !== null) constraints.push(where("createdAt", ">=", Timestamp.fromMillis(plan.createdFromMs)));
  if (plan.createdBeforeMs !== null) constraints.push(where("createdAt", "<", Timestamp.fromMillis(plan.createdBeforeMs)));
  constraints.push(orderBy(plan.orderBy.field, plan.orderBy.direction));
  if (cursor) constraints.push(startAfter(cursor));
  constraints.push(limit(plan.limit));
  const snap = await getDocs(query(miniRequestsRef(), ...constraints));
  return { items: listOf(snap.docs), cursor: snap.docs.length === plan.limit ? snap.docs[snap.docs.length - 1]! : null };
}
