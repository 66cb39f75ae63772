import {
  DEPARTMENTS,
  LIMITS,
  ROLES,
  paths,
  planDirectoryQuery,
  type Department,
  type DirectorySearch,
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
  onSnapshot,
  orderBy,
  query,
  serverTimestamp,
  startAfter,
  updateDoc,
  where,
  type DocumentData,
  type DocumentSnapshot,
  type QueryConstraint,
  type Timestamp,
} from "firebase/firestore";
import { db } from "../lib/firestore";

export interface Profile extends ProfileFields {
  uid: string;
  role: Role | null;
  activeMenteeCount: number;
  ratingAvg: number;
  ratingCount: number;
  sessionCount: number;
  createdAt: Timestamp | null;
  updatedAt: Timestamp | null;
}

const str = (value: unknown) => (typeof value === "string" ? value : "");
const num = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : 0);
const strings = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);

/** Reads a profile defensively: a field the seed or an older function left out shows as empty, never crashes a page. */
export function toProfile(uid: string, data: DocumentData): Profile {
  const department = str(data.department);
  return {
    uid,
    role: (ROLES as readonly string[]).includes(data.role) ? (data.role as Role) : null,
    displayName: str(data.displayName),
    title: str(data.title),
    department: (DEPARTMENTS as readonly string[]).includes(department) ? (department as Department) : "",
    expertise: strings(data.expertise),
    learningGoals: strings(data.learningGoals),
    bio: str(data.bio),
    avatarUrl: str(data.avatarUrl),
    timezone: str(data.timezone),
    capacity: num(data.capacity),
    acceptingRequests: data.acceptingRequests === true,
    activeMenteeCount: num(data.activeMenteeCount),
    ratingAvg: num(data.ratingAvg),
    ratingCount: num(data.ratingCount),
    sessionCount: num(data.sessionCount),
    createdAt: (data.createdAt as Timestamp | undefined) ?? null,
    updatedAt: (data.updatedAt as Timestamp | undefined) ?? null,
  };
}

const profileRef = (uid: string) => doc(db, paths.user(uid));

export async function getProfile(uid: string): Promise<Profile | null> {
  const snap = await getDoc(profileRef(uid));
  return snap.exists() ? toProfile(snap.id, snap.data()) : null;
}

/** Live profile; `null` while it does not exist (between sign-up and registerAccount). */
export function watchProfile(uid: string, onNext: (profile: Profile | null) => void, onError: (error: Error) => void) {
  return onSnapshot(
    profileRef(uid),
    (snap) => onNext(snap.exists() ? toProfile(snap.id, snap.data()) : null),
    onError,
  );
}

/** Writes only the editable fields that changed, with the `updatedAt == request.time` the rules require. */
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
  const snap = await getDocs(query(collection(db, paths.users()), ...all));
  const docs = snap.docs.slice(0, pageSize);
  return {
    profiles: docs.map((d) => toProfile(d.id, d.data())),
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
