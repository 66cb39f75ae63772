import {
  LIMITS,
  paths,
  planDirectoryQuery,
  profileDocSchema,
  type DirectorySearch,
  type ProfileDoc,
  type ProfileFields,
  type Role,
} from "@mentormatch/shared";
import {
  collection,
  doc,
  getCountFromServer,
  getDoc,
  getDocs,
  limit,
  orderBy,
  query,
  serverTimestamp,
  startAfter,
  updateDoc,
  where,
  type DocumentSnapshot,
  type QueryConstraint,
} from "firebase/firestore";
import { db } from "../lib/firestore";
import { converterFor, docOf, listOf, watchDoc } from "./parse";

/** A profile as stored in `users/{uid}`, parsed by the shared document schema. */
export type Profile = ProfileDoc;

const profileConverter = converterFor(profileDocSchema);
const profileRef = (uid: string) => doc(db, paths.user(uid)).withConverter(profileConverter);
const profilesRef = () => collection(db, paths.users()).withConverter(profileConverter);

export async function getProfile(uid: string): Promise<Profile | null> {
  return docOf(await getDoc(profileRef(uid)));
}

/** Live profile; `null` while it does not exist (between sign-up and registerAccount). */
export function watchProfile(uid: string, onNext: (profile: Profile | null) => void, onError: (error: Error) => void) {
  return watchDoc(profileRef(uid), onNext, onError);
}

/**
 * Writes only the editable fields that changed, with the `updatedAt == request.time` the rules require. `changes`
 * is the output of profileFieldsSchema (trimmed, tags lower-case): the rules refuse anything less normal.
 */
export async function updateProfileFields(uid: string, changes: Partial<ProfileFields>): Promise<void> {
  await updateDoc(profileRef(uid), { ...changes, updatedAt: serverTimestamp() });
}

export interface ProfilePage {
  profiles: Profile[];
  /** Pass back to get the next page; null when there is none. */
  cursor: DocumentSnapshot | null;
}

/** One page of `users/` under the given filters and order, continuing after `cursor`. */
export async function fetchProfilePage(constraints: QueryConstraint[], cursor: DocumentSnapshot | null, pageSize: number): Promise<ProfilePage> {
  const all = [...constraints];
  if (cursor) all.push(startAfter(cursor));
  // One extra document tells us whether a next page exists without an empty "Load more".
  all.push(limit(pageSize + 1));
  const snap = await getDocs(query(profilesRef(), ...all));
  const docs = snap.docs.slice(0, pageSize);
  return {
    profiles: listOf(docs),
    cursor: snap.docs.length > pageSize ? (docs[docs.length - 1] ?? null) : null,
  };
}

/** One page of the mentor directory, shaped by planDirectoryQuery so firestore.indexes.json serves it. */
export function fetchDirectoryPage(
  search: DirectorySearch,
  cursor: DocumentSnapshot | null = null,
  pageSize: number = LIMITS.directoryPageSize,
): Promise<ProfilePage> {
  const plan = planDirectoryQuery(search);
  const constraints: QueryConstraint[] = plan.equals.map(({ field, value }) => where(field, "==", value));
  if (plan.token) constraints.push(where("searchTokens", "array-contains", plan.token));
  for (const order of plan.orderBy) constraints.push(orderBy(order.field, order.direction));
  return fetchProfilePage(constraints, cursor, pageSize);
}

/** Server-side count (one read per 1000 documents), for the admin overview. */
export async function countUsersWithRole(role: Role): Promise<number> {
  const snap = await getCountFromServer(query(collection(db, paths.users()), where("role", "==", role)));
  return snap.data().count;
}
