import { paths, planAdminSessionsQuery, sessionDocSchema, type SessionKind, type SessionStatus } from "@mentormatch/shared";
import { collection, getDocs, limit, orderBy, query, startAfter, where, type QueryConstraint, type QueryDocumentSnapshot } from "firebase/firestore";
import { db } from "../lib/firestore";
import { converterFor, listOf } from "./parse";
import type { Session } from "./sessions";

export interface AdminSessionsSearch {
  status: SessionStatus | "";
  kind: SessionKind | "";
}

export type AdminSessionsCursor = QueryDocumentSnapshot<Session>;

const converter = converterFor(sessionDocSchema, (data, id): Session => ({ ...data, id, startMs: data.startAt.toMillis(), endMs: data.endAt.toMillis() }));

/**
 * One page of every session (regular and mini), newest start first, shaped by planAdminSessionsQuery so an index in
 * firestore.indexes.json serves each filter. Admins only: the rules refuse anyone else a list without their uid.
 */
export async function fetchAdminSessionsPage(
  search: AdminSessionsSearch,
  cursor: AdminSessionsCursor | null,
): Promise<{ items: Session[]; cursor: AdminSessionsCursor | null }> {
  const plan = planAdminSessionsQuery(search);
  const constraints: QueryConstraint[] = plan.equals.map((filter) => where(filter.field, "==", filter.value));
  constraints.push(orderBy(plan.orderBy.field, plan.orderBy.direction));
  if (cursor) constraints.push(startAfter(cursor));
  constraints.push(limit(plan.limit));
  const snap = await getDocs(query(collection(db, paths.sessions()).withConverter(converter), ...constraints));
  return { items: listOf(snap.docs), cursor: snap.docs.length === plan.limit ? snap.docs[snap.docs.length - 1]! : null };
}
