import {
  ACTIVE_SESSION_STATUSES,
  matchDocSchema,
  paths,
  sessionDocSchema,
  type BookSessionInput,
  type CallableInput,
  type CallableOutput,
  type GetBookableSlotsInput,
  type MatchDoc,
  type SessionDoc,
} from "@mentormatch/shared";
import {
  Timestamp,
  collection,
  doc,
  getDoc,
  getDocs,
  limit,
  orderBy,
  query,
  startAfter,
  where,
  type QueryDocumentSnapshot,
} from "firebase/firestore";
import { call } from "../lib/callables";
import { db } from "../lib/firestore";
import { converterFor, docOf, listOf, watchDoc, watchList } from "./parse";

/** A `sessions/{sessionId}` document, parsed by the shared schema, with its id and its times as milliseconds. */
export interface Session extends SessionDoc {
  id: string;
  startMs: number;
  endMs: number;
}

/** Pending and accepted sessions that have not ended, read live: far more than anyone has booked at once. */
export const UPCOMING_LIMIT = 50;
/** Past sessions per "Load more" page. */
export const PAST_PAGE_SIZE = 10;

const sessionConverter = converterFor(sessionDocSchema, (data, id): Session => ({
  ...data,
  id,
  startMs: data.startAt.toMillis(),
  endMs: data.endAt.toMillis(),
}));
const sessionsRef = () => collection(db, paths.sessions()).withConverter(sessionConverter);

/**
 * My pending and accepted sessions that have not ended, earliest end first (the index `sessionIndexes()` declares).
 * `nowMs` is fixed for the listener's life; a session that ends while the page is open is hidden by the page's clock.
 */
export function watchUpcomingSessions(uid: string, nowMs: number, onNext: (sessions: Session[]) => void, onError: (error: Error) => void) {
  return watchList(
    query(
      sessionsRef(),
      where("participants", "array-contains", uid),
      where("status", "in", [...ACTIVE_SESSION_STATUSES]),
      where("endAt", ">=", Timestamp.fromMillis(nowMs)),
      orderBy("endAt", "asc"),
      limit(UPCOMING_LIMIT),
    ),
    onNext,
    onError,
  );
}

/** How far back the dashboard looks for sessions still waiting for completion or feedback, and how many it reads. */
export const RECENT_DAYS = 14;
export const RECENT_LIMIT = 20;

/**
 * My sessions that ended in the last RECENT_DAYS before `nowMs`, newest first, at most RECENT_LIMIT, live: the
 * dashboard's "awaiting completion or feedback" (the Past index), so it never reads more as my history grows.
 */
export function watchRecentSessions(uid: string, nowMs: number, onNext: (sessions: Session[]) => void, onError: (error: Error) => void) {
  return watchList(
    query(
      sessionsRef(),
      where("participants", "array-contains", uid),
      where("endAt", ">=", Timestamp.fromMillis(nowMs - RECENT_DAYS * 24 * 60 * 60_000)),
      where("endAt", "<", Timestamp.fromMillis(nowMs)),
      orderBy("endAt", "desc"),
      limit(RECENT_LIMIT),
    ),
    onNext,
    onError,
  );
}

/** The last completed session of a match before `beforeMs` (its action items go into the next session's brief), or null. */
export async function fetchLastCompletedSession(uid: string, matchId: string, beforeMs: number): Promise<Session | null> {
  const snap = await getDocs(
    query(
      sessionsRef(),
      where("participants", "array-contains", uid),
      where("matchId", "==", matchId),
      where("status", "==", "completed"),
      where("endAt", "<=", Timestamp.fromMillis(beforeMs)),
      orderBy("endAt", "desc"),
      limit(1),
    ),
  );
  return listOf(snap.docs)[0] ?? null;
}

export type PastCursor = QueryDocumentSnapshot<Session>;

/** One page of my sessions that ended before `nowMs`, whatever their status, newest first. */
export async function fetchPastSessions(uid: string, nowMs: number, cursor: PastCursor | null): Promise<{ items: Session[]; cursor: PastCursor | null }> {
  const snap = await getDocs(
    query(
      sessionsRef(),
      where("participants", "array-contains", uid),
      where("endAt", "<", Timestamp.fromMillis(nowMs)),
      orderBy("endAt", "desc"),
      ...(cursor ? [startAfter(cursor)] : []),
      limit(PAST_PAGE_SIZE),
    ),
  );
  return { items: listOf(snap.docs), cursor: snap.docs.length === PAST_PAGE_SIZE ? snap.docs[snap.docs.length - 1]! : null };
}

/** One session, live, or null when it does not exist (the rules refuse one that is not mine). */
export function watchSession(sessionId: string, onNext: (session: Session | null) => void, onError: (error: Error) => void) {
  return watchDoc(doc(db, paths.session(sessionId)).withConverter(sessionConverter), onNext, onError);
}

/** The match a booking is for (names and status for the booking page's heading), or null when it is not there. */
export async function getMatchForBooking(matchId: string): Promise<MatchDoc | null> {
  return docOf(await getDoc(doc(db, paths.match(matchId)).withConverter(converterFor(matchDocSchema))));
}

export function getBookableSlots(input: GetBookableSlotsInput): Promise<CallableOutput<"getBookableSlots">> {
  return call("getBookableSlots", input);
}

export function bookSession(input: BookSessionInput): Promise<CallableOutput<"bookSession">> {
  return call("bookSession", input);
}

export function respondToSession(sessionId: string, decision: "accept" | "decline", note = ""): Promise<CallableOutput<"respondToSession">> {
  const trimmed = note.trim();
  return call("respondToSession", trimmed ? { sessionId, decision, note: trimmed } : { sessionId, decision });
}

export function cancelSession(sessionId: string, reason = ""): Promise<CallableOutput<"cancelSession">> {
  const trimmed = reason.trim();
  return call("cancelSession", trimmed ? { sessionId, reason: trimmed } : { sessionId });
}

/** `rescheduleSession`: a new time for a pending or accepted session; the other person confirms it again. */
export function rescheduleSession(input: CallableInput<"rescheduleSession">): Promise<CallableOutput<"rescheduleSession">> {
  return call("rescheduleSession", input);
}
