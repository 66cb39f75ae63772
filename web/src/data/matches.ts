import {
  declineMatchFormSchema,
  describeZodError,
  matchDocSchema,
  matchIdOf,
  paths,
  planMatchListQuery,
  type CallableOutput,
  type MatchDoc,
  type MatchListSearch,
  type MatchStatus,
} from "@mentormatch/shared";
import { collection, doc, limit, onSnapshot, orderBy, query, serverTimestamp, updateDoc, where, type QueryConstraint } from "firebase/firestore";
import { call } from "../lib/callables";
import { UserFacingError } from "../lib/error-message";
import { db } from "../lib/firestore";
import { converterFor, watchDoc, watchList } from "./parse";

/** A `matches/{mentorId}_{menteeId}` document, parsed by the shared schema, with its id. */
export interface Match extends MatchDoc {
  id: string;
}

/** How many matches one list on the Requests page reads: far more than anyone has open (capacity ≤ 20, 3 pending). */
export const MATCH_LIST_LIMIT = 50;
/** The sidebar's pending-requests counter stops here and shows "99+", like the unread counter. */
export const PENDING_COUNT_LIMIT = 100;

const matchConverter = converterFor(matchDocSchema, (data, id): Match => ({ ...data, id }));
const matchesRef = () => collection(db, paths.matches()).withConverter(matchConverter);
const matchRef = (matchId: string) => doc(db, paths.match(matchId));

/** The constraints planMatchListQuery asks for: the rules need `participants array-contains uid` on every list. */
function listConstraints(search: MatchListSearch): QueryConstraint[] {
  const plan = planMatchListQuery(search);
  const constraints: QueryConstraint[] = [where("participants", "array-contains", plan.participant)];
  if (plan.side) constraints.push(where(plan.side.field, "==", plan.side.value));
  if (plan.status?.op === "==") constraints.push(where("status", "==", plan.status.value));
  else if (plan.status?.op === "in") constraints.push(where("status", "in", plan.status.values));
  constraints.push(orderBy(plan.orderBy.field, plan.orderBy.direction));
  return constraints;
}

/** A participant's matches, live, newest change first, bounded by `max`. */
export function watchMatches(
  search: MatchListSearch,
  onNext: (matches: Match[]) => void,
  onError: (error: Error) => void,
  max = MATCH_LIST_LIMIT,
) {
  return watchList(query(matchesRef(), ...listConstraints(search), limit(max)), onNext, onError);
}

/** How many requests wait for this mentor's answer, live (up to PENDING_COUNT_LIMIT), for the sidebar. */
export function watchPendingIncomingCount(uid: string, onNext: (count: number) => void, onError: (error: Error) => void) {
  const constraints = listConstraints({ uid, side: "incoming", statuses: ["pending"] });
  return onSnapshot(query(collection(db, paths.matches()), ...constraints, limit(PENDING_COUNT_LIMIT)), (snap) => onNext(snap.size), onError);
}

/**
 * The mentee's match with one mentor (the pair has one document, `matches/{mentorId}_{menteeId}`), live, or null
 * when they never asked. One document listener: the rules let either person the id names get it even before it
 * exists, so no query is needed.
 */
export function watchMatchWithMentor(menteeId: string, mentorId: string, onNext: (match: Match | null) => void, onError: (error: Error) => void) {
  return watchDoc(matchRef(matchIdOf(mentorId, menteeId)).withConverter(matchConverter), onNext, onError);
}

/** The mentee asks a mentor; the server checks capacity, duplicates and the pending limit, and answers in sentences. */
export function requestMatch(mentorId: string, message: string, goals?: string[]): Promise<CallableOutput<"requestMatch">> {
  return call("requestMatch", goals ? { mentorId, message, goals } : { mentorId, message });
}

/** The mentor accepts (a callable: capacity is checked in a transaction). */
export function acceptMatch(matchId: string, message?: string): Promise<CallableOutput<"acceptMatch">> {
  return call("acceptMatch", message ? { matchId, message } : { matchId });
}

/** Either person ends an accepted match. */
export function endMatch(matchId: string, message?: string): Promise<CallableOutput<"endMatch">> {
  return call("endMatch", message ? { matchId, message } : { matchId });
}

/**
 * The mentor declines a pending request: exactly the update the rules allow (status, responseMessage, respondedAt,
 * updatedAt, both times the request time). The message is checked with the shared form schema first.
 */
export async function declineMatch(matchId: string, message = ""): Promise<void> {
  const parsed = declineMatchFormSchema.safeParse({ responseMessage: message });
  if (!parsed.success) throw new UserFacingError(describeZodError(parsed.error));
  const { responseMessage } = parsed.data;
  await updateDoc(matchRef(matchId), {
    status: "declined" satisfies MatchStatus,
    responseMessage,
    respondedAt: serverTimestamp(),
    updatedAt: serverTimestamp(),
  });
}

/** The mentee withdraws a pending request: status and updatedAt only, as the rules allow. */
export async function cancelMatch(matchId: string): Promise<void> {
  await updateDoc(matchRef(matchId), { status: "cancelled" satisfies MatchStatus, updatedAt: serverTimestamp() });
}
