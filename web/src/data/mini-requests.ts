import {
  miniRequestDocSchema,
  paths,
  planMiniStudentQuery,
  type CallableInput,
  type CallableOutput,
  type MiniRequestDoc,
  type MiniRequestInput,
} from "@mentormatch/shared";
import { collection, doc, getDoc, limit, orderBy, query, where } from "firebase/firestore";
import { call } from "../lib/callables";
import { db } from "../lib/firestore";
import { converterFor, docOf, watchDoc, watchList } from "./parse";

/**
 * Mini mentorship requests (docs/ARCHITECTURE.md, miniRequests/). Every transition is a callable, so this layer only
 * reads documents; the mentor side (board, scheduling) imports its callable wrappers from here too.
 */

type TimestampFields =
  | "claimedAt"
  | "scheduleBy"
  | "firstClaimedAt"
  | "scheduledAt"
  | "scheduledStartAt"
  | "cancelledAt"
  | "completedAt"
  | "expiredAt"
  | "expiresAt"
  | "createdAt"
  | "updatedAt";

/** A `miniRequests/{id}` document, parsed by the shared schema, with its id and its times as milliseconds. */
export interface MiniRequest extends Omit<MiniRequestDoc, TimestampFields> {
  id: string;
  claimedAtMs: number | null;
  scheduleByMs: number | null;
  firstClaimedAtMs: number | null;
  scheduledAtMs: number | null;
  scheduledStartMs: number | null;
  cancelledAtMs: number | null;
  completedAtMs: number | null;
  expiredAtMs: number | null;
  expiresAtMs: number;
  createdAtMs: number;
  updatedAtMs: number;
}

const msOrNull = (value: { toMillis(): number } | null) => (value ? value.toMillis() : null);

/** Shapes a parsed document for the app; exported so pages that read requests another way (the board) agree. */
export function toMiniRequest(data: MiniRequestDoc, id: string): MiniRequest {
  const {
    claimedAt,
    scheduleBy,
    firstClaimedAt,
    scheduledAt,
    scheduledStartAt,
    cancelledAt,
    completedAt,
    expiredAt,
    expiresAt,
    createdAt,
    updatedAt,
    ...rest
  } = data;
  return {
    ...rest,
    id,
    claimedAtMs: msOrNull(claimedAt),
    scheduleByMs: msOrNull(scheduleBy),
    firstClaimedAtMs: msOrNull(firstClaimedAt),
    scheduledAtMs: msOrNull(scheduledAt),
    scheduledStartMs: msOrNull(scheduledStartAt),
    cancelledAtMs: msOrNull(cancelledAt),
    completedAtMs: msOrNull(completedAt),
    expiredAtMs: msOrNull(expiredAt),
    expiresAtMs: expiresAt.toMillis(),
    createdAtMs: createdAt.toMillis(),
    updatedAtMs: updatedAt.toMillis(),
  };
}

export const miniRequestConverter = converterFor(miniRequestDocSchema, toMiniRequest);
export const miniRequestsRef = () => collection(db, paths.miniRequests()).withConverter(miniRequestConverter);

/** My requests (as the student), newest first, live; bounded by the planner's limit (the counts come from these). */
export function watchMyMiniRequests(uid: string, onNext: (requests: MiniRequest[]) => void, onError: (error: Error) => void) {
  const plan = planMiniStudentQuery(uid);
  return watchList(
    query(miniRequestsRef(), where(plan.where.field, "==", plan.where.value), orderBy(plan.orderBy.field, plan.orderBy.direction), limit(plan.limit)),
    onNext,
    onError,
  );
}

/** One request, live, or null when it does not exist; the rules refuse one the caller may not read (onError). */
export function watchMiniRequest(requestId: string, onNext: (request: MiniRequest | null) => void, onError: (error: Error) => void) {
  return watchDoc(doc(db, paths.miniRequest(requestId)).withConverter(miniRequestConverter), onNext, onError);
}

/** One request read once ("Post again" copies its answers), or null when it does not exist. */
export async function getMiniRequest(requestId: string): Promise<MiniRequest | null> {
  return docOf(await getDoc(doc(db, paths.miniRequest(requestId)).withConverter(miniRequestConverter)));
}

export function postMiniRequest(input: MiniRequestInput): Promise<CallableOutput<"postMiniRequest">> {
  return call("postMiniRequest", input);
}

export function getMiniWaitEstimate(input: CallableInput<"getMiniWaitEstimate">): Promise<CallableOutput<"getMiniWaitEstimate">> {
  return call("getMiniWaitEstimate", input);
}

export function cancelMiniRequest(requestId: string, reason = ""): Promise<CallableOutput<"cancelMiniRequest">> {
  return call("cancelMiniRequest", { requestId, reason: reason.trim() });
}

export function claimMiniRequest(requestId: string): Promise<CallableOutput<"claimMiniRequest">> {
  return call("claimMiniRequest", { requestId });
}

export function releaseMiniRequest(requestId: string, reason = ""): Promise<CallableOutput<"releaseMiniRequest">> {
  return call("releaseMiniRequest", { requestId, reason: reason.trim() });
}

export function getMiniSlots(input: CallableInput<"getMiniSlots">): Promise<CallableOutput<"getMiniSlots">> {
  return call("getMiniSlots", input);
}

export function scheduleMiniSession(input: CallableInput<"scheduleMiniSession">): Promise<CallableOutput<"scheduleMiniSession">> {
  return call("scheduleMiniSession", input);
}
