import {
  MATCH_STATUSES,
  MINI_STATUSES,
  ROLES,
  SESSION_KINDS,
  SESSION_STATUSES,
  paths,
  planProgrammeCounters,
  planStatsDelta,
  mentorProfileFields,
  needsDepartment,
  statsDepartmentUid,
  withDepartment,
  type ProgrammeCounters,
  type StatsEvent,
  type StatsFeedbackInput,
  type StatsIncrement,
  type StatsMatchInput,
  type StatsMiniRequestInput,
  type StatsSessionInput,
  type StatsUserInput,
} from "@mentormatch/shared";
import { FieldValue, Timestamp, type DocumentData, type DocumentSnapshot, type Firestore } from "firebase-admin/firestore";
import { db as defaultDb } from "./app.js";

/** `stats/programme/daily/{YYYY-MM-DD}` (UTC): one per day, rewritten by every reconciliation that day. */
export const dailySnapshotPath = (date: string) => `${paths.programmeStats()}/daily/${date}`;

/** One marker per applied event (the trigger's event id), created in the commit that applies it. */
export const statsEventPath = (eventId: string) => `${paths.programmeStats()}/events/${eventId}`;

/** Markers outlive any retry of their event (Cloud Functions retries for up to 7 days); a TTL policy on `expireAt` removes them. */
export const STATS_EVENT_TTL_DAYS = 30;

const ALREADY_EXISTS = 6;
const DAY_MS = 86_400_000;

/** The collections the full recompute reads, and the only fields it asks for (users, matches, sessions, feedback, mini requests). */
export const STATS_SOURCES = {
  users: { collection: paths.users(), fields: ["role", "displayName", "department", "capacity"] },
  matches: { collection: paths.matches(), fields: ["mentorId", "status", "respondedAt"] },
  sessions: { collection: paths.sessions(), fields: ["kind", "matchId", "mentorId", "status", "startAt"] },
  feedback: { collection: paths.feedbackList(), fields: ["kind", "fromUid", "toUid", "toRole", "rating", "createdAt"] },
  miniRequests: { collection: paths.miniRequests(), fields: ["studentId", "status", "createdAt", "firstClaimedAt", "scheduledAt"] },
} as const;

const millisOf = (value: unknown): number | null => (value instanceof Timestamp ? value.toMillis() : null);
const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T => typeof value === "string" && (values as readonly string[]).includes(value);
const text = (value: unknown) => (typeof value === "string" ? value : "");
type Snap = Pick<DocumentSnapshot, "exists" | "id" | "data"> | undefined;

// Plain copies of only what the planners need. A document missing a field the planner keys on (a half-written test
// profile, a status from a later version) counts for nothing rather than failing: the numbers never throw
// DocumentShapeError, and the daily reconciliation reports what they miss.
export function userOf(snap: Snap): StatsUserInput | null {
  const data = snap?.exists ? snap.data() : undefined;
  if (!data || !oneOf(ROLES, data.role)) return null;
  return { uid: snap!.id, role: data.role, displayName: text(data.displayName), department: text(data.department), capacity: Number(data.capacity) || 0 };
}

export function matchOf(snap: Snap): StatsMatchInput | null {
  const data = snap?.exists ? snap.data() : undefined;
  if (!data || !oneOf(MATCH_STATUSES, data.status)) return null;
  return { mentorId: text(data.mentorId), status: data.status, respondedAtMs: millisOf(data.respondedAt) };
}

export function sessionOf(snap: Snap): StatsSessionInput | null {
  const data = snap?.exists ? snap.data() : undefined;
  const startAtMs = millisOf(data?.startAt);
  if (!data || !oneOf(SESSION_STATUSES, data.status) || startAtMs === null) return null;
  return { kind: oneOf(SESSION_KINDS, data.kind) ? data.kind : "match", matchId: text(data.matchId), mentorId: text(data.mentorId), status: data.status, startAtMs };
}

export function feedbackOf(snap: Snap): StatsFeedbackInput | null {
  const data = snap?.exists ? snap.data() : undefined;
  const createdAtMs = millisOf(data?.createdAt);
  if (!data || !oneOf(["mentor", "mentee"] as const, data.toRole) || typeof data.rating !== "number" || createdAtMs === null) return null;
  return { kind: data.kind === "mini" ? "mini" : "session", fromUid: text(data.fromUid), toUid: text(data.toUid), toRole: data.toRole, rating: data.rating, createdAtMs };
}

export function miniRequestOf(snap: Snap): StatsMiniRequestInput | null {
  const data = snap?.exists ? snap.data() : undefined;
  const createdAtMs = millisOf(data?.createdAt);
  if (!data || !oneOf(MINI_STATUSES, data.status) || createdAtMs === null) return null;
  return {
    id: snap!.id,
    studentId: text(data.studentId),
    status: data.status,
    createdAtMs,
    firstClaimedAtMs: millisOf(data.firstClaimedAt),
    scheduledAtMs: millisOf(data.scheduledAt),
  };
}

const present = <T>(value: T | null): value is T => value !== null;

/** Nested `{ a: { b: increment(n) } }` for a merge-set: map keys are taken literally (department names have spaces). */
export function incrementTree(increments: readonly StatsIncrement[]): DocumentData {
  const root: DocumentData = {};
  for (const { path, by } of increments) {
    let node = root;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as DocumentData;
    node[path[path.length - 1]!] = FieldValue.increment(by);
  }
  return root;
}

export interface AppliedEvent {
  /** False when nothing changed, or this event id was applied before (a retry). */
  applied: boolean;
  duplicate: boolean;
  /** Documents read to apply it: the profile that gives the department (or a mentor row's name), at most one. */
  reads: number;
  increments: number;
}

/**
 * Applies one write's delta to `stats/programme`: the pure planner decides it from the before/after documents, then
 * one commit creates the event's marker and merges the increments, so a retried event fails on the marker and counts
 * nothing twice. The stats document itself is never read. At most one read: the person whose department the weekly
 * buckets need (only when the delta touches a week) or, for a user event, the profile as it is now (a mentor row
 * shows the current name whatever order events arrive in).
 */
export async function applyStatsEvent(input: { eventId: string; event: StatsEvent; now: Date; db?: Firestore }): Promise<AppliedEvent> {
  const firestore = input.db ?? defaultDb();
  let delta = planStatsDelta(input.event);
  if (delta.increments.length === 0 && !delta.mentorProfile) return { applied: false, duplicate: false, reads: 0, increments: 0 };
  let reads = 0;
  const update: DocumentData = {};
  if (needsDepartment(delta)) {
    const uid = statsDepartmentUid(input.event);
    const profile = uid ? await firestore.doc(paths.user(uid)).get() : null;
    reads += profile ? 1 : 0;
    delta = withDepartment(delta, text(profile?.get("department")));
  }
  Object.assign(update, incrementTree(delta.increments));
  if (delta.mentorProfile) {
    const profile = await firestore.doc(paths.user(delta.mentorProfile.uid)).get();
    reads += 1;
    const user = userOf(profile);
    if (user) {
      const mentors = ((update.mentors as DocumentData | undefined) ?? {}) as DocumentData;
      mentors[user.uid] = { ...(mentors[user.uid] as DocumentData | undefined), ...mentorProfileFields(user) };
      update.mentors = mentors;
    }
  }
  const at = Timestamp.fromDate(input.now);
  update.events = FieldValue.increment(1);
  update.updatedAt = at;
  const batch = firestore.batch();
  batch.create(firestore.doc(statsEventPath(input.eventId)), { at, expireAt: Timestamp.fromMillis(input.now.getTime() + STATS_EVENT_TTL_DAYS * DAY_MS) });
  batch.set(firestore.doc(paths.programmeStats()), update, { merge: true });
  try {
    await batch.commit();
  } catch (err) {
    if ((err as { code?: unknown }).code === ALREADY_EXISTS) return { applied: false, duplicate: true, reads, increments: 0 };
    throw err;
  }
  return { applied: true, duplicate: false, reads, increments: delta.increments.length };
}

/** Reads every source document (only the fields the numbers use), as plain planner inputs. */
export async function readStatsHistory(firestore: Firestore) {
  const read = ({ collection, fields }: { collection: string; fields: readonly string[] }) => firestore.collection(collection).select(...fields).get();
  const [users, matches, sessions, feedback, miniRequests] = await Promise.all([
    read(STATS_SOURCES.users),
    read(STATS_SOURCES.matches),
    read(STATS_SOURCES.sessions),
    read(STATS_SOURCES.feedback),
    read(STATS_SOURCES.miniRequests),
  ]);
  return {
    input: {
      users: users.docs.map(userOf).filter(present),
      matches: matches.docs.map(matchOf).filter(present),
      sessions: sessions.docs.map(sessionOf).filter(present),
      feedback: feedback.docs.map(feedbackOf).filter(present),
      miniRequests: miniRequests.docs.map(miniRequestOf).filter(present),
    },
    sourceDocs: users.size + matches.size + sessions.size + feedback.size + miniRequests.size,
  };
}

export interface RebuildResult {
  computedAtMs: number;
  sourceDocs: number;
}

/**
 * The full recompute from every document: replaces the counters whole. Only for a programme whose triggers are quiet
 * (the demo seed when no functions run, a bench, a repair): an event applied between its reads and its write would
 * be lost. Everyday correction is the reconciliation's, which adds differences instead of overwriting.
 */
export async function rebuildProgrammeStats(options: { now: Date; db?: Firestore }): Promise<RebuildResult> {
  const firestore = options.db ?? defaultDb();
  const { input, sourceDocs } = await readStatsHistory(firestore);
  const counters: ProgrammeCounters = { ...planProgrammeCounters(input), updatedAt: Timestamp.fromDate(options.now), reconciliation: null };
  await firestore.doc(paths.programmeStats()).set(counters as DocumentData);
  return { computedAtMs: options.now.getTime(), sourceDocs };
}
