import {
  MATCH_STATUSES,
  MINI_STATUSES,
  ROLES,
  SESSION_KINDS,
  SESSION_STATUSES,
  paths,
  planProgrammeStats,
  type DailySnapshot,
  type ProgrammeStats,
  type StatsFeedbackInput,
  type StatsMatchInput,
  type StatsMiniRequestInput,
  type StatsSessionInput,
  type StatsUserInput,
} from "@mentormatch/shared";
import { Timestamp, type DocumentData, type Firestore, type QueryDocumentSnapshot } from "firebase-admin/firestore";
import { db as defaultDb } from "./app.js";

/** `stats/programme/daily/{YYYY-MM-DD}` (UTC): one per day, rewritten by every run that day. */
export const dailySnapshotPath = (date: string) => `${paths.programmeStats()}/daily/${date}`;

export interface RecomputeResult {
  computedAtMs: number;
  /** Documents the five collection reads returned (the whole cost of a run: there are no other reads). */
  sourceDocs: number;
  /** The daily snapshot's id. */
  date: string;
}

/** The collections the recompute reads, in full, and the only fields it asks for (users, matches, sessions, feedback, mini requests). */
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

// Plain copies of only what the planner needs; a document missing a field the planner keys on (a half-written test
// profile, a status from a later version) is left out of the numbers rather than failing the whole run.
function userOf(doc: QueryDocumentSnapshot): StatsUserInput | null {
  const data = doc.data();
  if (!oneOf(ROLES, data.role)) return null;
  return { uid: doc.id, role: data.role, displayName: text(data.displayName), department: text(data.department), capacity: Number(data.capacity) || 0 };
}

function matchOf(doc: QueryDocumentSnapshot): StatsMatchInput | null {
  const data = doc.data();
  if (!oneOf(MATCH_STATUSES, data.status)) return null;
  return { mentorId: text(data.mentorId), status: data.status, respondedAtMs: millisOf(data.respondedAt) };
}

function sessionOf(doc: QueryDocumentSnapshot): StatsSessionInput | null {
  const data = doc.data();
  const startAtMs = millisOf(data.startAt);
  if (!oneOf(SESSION_STATUSES, data.status) || startAtMs === null) return null;
  return { kind: oneOf(SESSION_KINDS, data.kind) ? data.kind : "match", matchId: text(data.matchId), mentorId: text(data.mentorId), status: data.status, startAtMs };
}

function feedbackOf(doc: QueryDocumentSnapshot): StatsFeedbackInput | null {
  const data = doc.data();
  const createdAtMs = millisOf(data.createdAt);
  if (!oneOf(["mentor", "mentee"] as const, data.toRole) || typeof data.rating !== "number" || createdAtMs === null) return null;
  return { kind: data.kind === "mini" ? "mini" : "session", fromUid: text(data.fromUid), toUid: text(data.toUid), toRole: data.toRole, rating: data.rating, createdAtMs };
}

function miniRequestOf(doc: QueryDocumentSnapshot): StatsMiniRequestInput | null {
  const data = doc.data();
  const createdAtMs = millisOf(data.createdAt);
  if (!oneOf(MINI_STATUSES, data.status) || createdAtMs === null) return null;
  return {
    id: doc.id,
    studentId: text(data.studentId),
    status: data.status,
    createdAtMs,
    firstClaimedAtMs: millisOf(data.firstClaimedAt),
    scheduledAtMs: millisOf(data.scheduledAt),
  };
}

const present = <T>(value: T | null): value is T => value !== null;

/**
 * Recomputes `stats/programme` from every user, match, session, feedback and mini request, and writes it with today's
 * daily snapshot. A full recompute rather than counters kept by every callable: one place decides every number, a
 * rerun (or two runs at once) writes the same document, and a bug fixed in the planner fixes history at the next run.
 * Each read selects only the fields the planner uses, so a session costs a few dozen bytes, not its notes.
 */
export async function recomputeProgrammeStats(options: { now: Date; db?: Firestore }): Promise<RecomputeResult> {
  const firestore = options.db ?? defaultDb();
  const read = ({ collection, fields }: { collection: string; fields: readonly string[] }) => firestore.collection(collection).select(...fields).get();
  const [users, matches, sessions, feedback, miniRequests] = await Promise.all([
    read(STATS_SOURCES.users),
    read(STATS_SOURCES.matches),
    read(STATS_SOURCES.sessions),
    read(STATS_SOURCES.feedback),
    read(STATS_SOURCES.miniRequests),
  ]);
  const nowMs = options.now.getTime();
  const planned = planProgrammeStats({
    nowMs,
    users: users.docs.map(userOf).filter(present),
    matches: matches.docs.map(matchOf).filter(present),
    sessions: sessions.docs.map(sessionOf).filter(present),
    feedback: feedback.docs.map(feedbackOf).filter(present),
    miniRequests: miniRequests.docs.map(miniRequestOf).filter(present),
  });
  const sourceDocs = users.size + matches.size + sessions.size + feedback.size + miniRequests.size;
  const computedAt = Timestamp.fromMillis(nowMs);
  const stats: ProgrammeStats = { ...planned, sourceDocs, computedAt };
  const date = options.now.toISOString().slice(0, 10);
  const daily: DailySnapshot = {
    date,
    totals: planned.totals,
    ratingOfMentors: planned.ratingOfMentors,
    miniByStatus: planned.mini.byStatus,
    computedAt,
  };
  // Whole documents (no merge): a department or mentor that disappeared disappears from the stats too.
  const batch = firestore.batch();
  batch.set(firestore.doc(paths.programmeStats()), stats as DocumentData);
  batch.set(firestore.doc(dailySnapshotPath(date)), daily as DocumentData);
  await batch.commit();
  return { computedAtMs: nowMs, sourceDocs, date };
}
