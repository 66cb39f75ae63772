import {
  MATCHING,
  planResponsiveness,
  type MatchDoc,
  type MatchStatus,
  type ProfileDoc,
  type TimestampLike,
} from "@mentormatch/shared";

/**
 * The match state machine's decisions, pure: every transition a function makes (request, accept, end, expire, the
 * responsiveness count behind a client's decline) is decided here from documents read in the caller's transaction
 * and `now`. The callers only read, ask, and write what comes back.
 */

export type MatchRefusal = {
  action: "refuse";
  code: "not-found" | "permission-denied" | "failed-precondition" | "already-exists" | "resource-exhausted";
  message: string;
};

/** A stored timestamp, or a Date to be written as one. */
type When = TimestampLike | Date;

/** A match document as written: timestamps may be Dates (written as Firestore Timestamps). */
export type MatchWrite = {
  [K in keyof MatchDoc]: MatchDoc[K] extends TimestampLike ? When : MatchDoc[K] extends TimestampLike | null ? When | null : MatchDoc[K];
};

export type MatchMentor = Pick<
  ProfileDoc,
  "role" | "displayName" | "title" | "capacity" | "activeMenteeCount" | "acceptingRequests" | "responseHoursRecent"
>;
export type MatchMentee = Pick<ProfileDoc, "role" | "displayName" | "title" | "department" | "learningGoals">;

const DAY_MS = 86_400_000;
const ms = (value: When): number => (value instanceof Date ? value.getTime() : value.toMillis());

const refuse = (code: MatchRefusal["code"], message: string): MatchRefusal => ({ action: "refuse", code, message });

/** Why a match that is not pending cannot be answered, in the words of the person trying. */
function notPendingMessage(status: MatchStatus, match: Pick<MatchDoc, "menteeName">): string {
  switch (status) {
    case "declined":
      return "You already declined this request.";
    case "cancelled":
      return `${match.menteeName} withdrew this request.`;
    case "expired":
      return "This request expired before it was answered.";
    case "ended":
      return "This mentoring has already ended.";
    default:
      return "This request is no longer waiting for an answer.";
  }
}

// ---- requestMatch ---------------------------------------------------------------------------------------------

export interface RequestPlanInput {
  menteeId: string;
  /** The caller's profile, re-read in the transaction. */
  mentee: MatchMentee | null;
  mentorId: string;
  mentor: MatchMentor | null;
  /** The pair's document, if it ever existed. */
  match: MatchDoc | null;
  /** The mentee's pending requests (counted in the transaction, up to MATCHING.maxPendingRequests). */
  pendingCount: number;
  message: string;
  /** The request form's goals; absent → the mentee's profile goals. */
  goals?: string[];
  /** Either of the two has blocked the other (blocks/, read in the transaction). */
  blocked?: boolean;
  now: Date;
}

export type RequestPlan = MatchRefusal | { action: "request"; doc: MatchWrite; isNew: boolean };

/**
 * A mentee asks a mentor. Refused, with the reason the person reads, when the mentor is not one, is not taking
 * requests or is full, when the pair already has a pending or accepted match, or when the mentee already has
 * MATCHING.maxPendingRequests requests waiting. A closed match (declined, cancelled, expired, ended) is re-opened as
 * the next round.
 */
export function planRequest(input: RequestPlanInput): RequestPlan {
  const { mentee, mentor, match, now } = input;
  if (!mentee || mentee.role !== "mentee") return refuse("permission-denied", "Only mentees can ask for a mentor.");
  if (!mentor || mentor.role !== "mentor" || input.mentorId === input.menteeId)
    return refuse("not-found", "There is no mentor with that id on MentorMatch.");
  // Neutral on purpose: the same answer whoever blocked whom, and it does not say that anyone did.
  if (input.blocked) return refuse("failed-precondition", "You can't send a request to this mentor right now.");
  if (match?.status === "pending")
    return refuse(
      "already-exists",
      `You already asked ${mentor.displayName}, who has not answered yet. You can cancel that request on your Requests page.`,
    );
  if (match?.status === "accepted") return refuse("already-exists", `${mentor.displayName} is already your mentor.`);
  if (!mentor.acceptingRequests) return refuse("failed-precondition", `${mentor.displayName} is not taking new mentees right now.`);
  if (mentor.activeMenteeCount >= mentor.capacity)
    return refuse("failed-precondition", `${mentor.displayName} has no open spots right now: every place is taken.`);
  if (input.pendingCount >= MATCHING.maxPendingRequests)
    return refuse(
      "resource-exhausted",
      `You already have ${MATCHING.maxPendingRequests} requests waiting for an answer, the most you can have at once. Cancel one, or wait for an answer, before asking another mentor.`,
    );
  return {
    action: "request",
    isNew: !match,
    doc: {
      mentorId: input.mentorId,
      menteeId: input.menteeId,
      participants: [input.mentorId, input.menteeId],
      status: "pending",
      round: (match?.round ?? 0) + 1,
      message: input.message,
      goals: input.goals ?? [...mentee.learningGoals],
      mentorName: mentor.displayName,
      mentorTitle: mentor.title,
      menteeName: mentee.displayName,
      menteeTitle: mentee.title,
      menteeDepartment: mentee.department,
      responseMessage: "",
      requestedAt: now,
      expiresAt: new Date(now.getTime() + MATCHING.requestDays * DAY_MS),
      respondedAt: null,
      endedAt: null,
      endedBy: null,
      endMessage: "",
      responseCounted: false,
      createdAt: match?.createdAt ?? now,
      updatedAt: now,
    },
  };
}

// ---- acceptMatch ----------------------------------------------------------------------------------------------

export interface MentorStatsUpdate {
  activeMenteeCount?: number;
  responseHoursRecent?: number[];
  medianResponseHours?: number | null;
  lastActiveAt?: Date;
}

export interface AcceptPlanInput {
  callerUid: string;
  match: MatchDoc | null;
  /** The caller's profile (the match's mentor), re-read in the transaction. */
  mentor: MatchMentor | null;
  /** Whether the mentee still has a profile. */
  menteeExists: boolean;
  message: string;
  now: Date;
}

export type AcceptPlan =
  | MatchRefusal
  | { action: "noop"; activeMenteeCount: number; capacity: number }
  | {
      action: "accept";
      matchUpdate: Pick<MatchWrite, "status" | "responseMessage" | "respondedAt" | "updatedAt" | "responseCounted">;
      mentorUpdate: Required<MentorStatsUpdate>;
      capacity: number;
    };

/**
 * The mentor accepts: only within capacity, read in the same transaction that increments `activeMenteeCount`, so of
 * two accepts racing for the last place exactly one wins. Accepting an accepted match again answers ok (a retry).
 */
export function planAccept(input: AcceptPlanInput): AcceptPlan {
  const { match, mentor, now } = input;
  if (!match || (input.callerUid !== match.mentorId && input.callerUid !== match.menteeId))
    return refuse("not-found", "We could not find that request. It may have been withdrawn.");
  if (input.callerUid !== match.mentorId) return refuse("permission-denied", `Only ${match.mentorName} can accept this request.`);
  if (!mentor || mentor.role !== "mentor") return refuse("permission-denied", "Only mentors can accept requests.");
  if (match.status === "accepted")
    return { action: "noop", activeMenteeCount: mentor.activeMenteeCount, capacity: mentor.capacity };
  if (match.status !== "pending") return refuse("failed-precondition", notPendingMessage(match.status, match));
  if (ms(match.expiresAt) <= now.getTime()) return refuse("failed-precondition", notPendingMessage("expired", match));
  if (!input.menteeExists) return refuse("failed-precondition", `${match.menteeName} is no longer on MentorMatch.`);
  if (mentor.activeMenteeCount >= mentor.capacity)
    return refuse(
      "failed-precondition",
      `You have no open spots: you mentor ${mentor.activeMenteeCount} of ${mentor.capacity}. Raise your capacity on your profile, or end a mentoring, to accept.`,
    );
  const responsiveness = planResponsiveness({
    recent: mentor.responseHoursRecent,
    requestedAtMs: ms(match.requestedAt),
    answeredAtMs: now.getTime(),
  });
  return {
    action: "accept",
    matchUpdate: { status: "accepted", responseMessage: input.message, respondedAt: now, updatedAt: now, responseCounted: true },
    mentorUpdate: { activeMenteeCount: mentor.activeMenteeCount + 1, ...responsiveness, lastActiveAt: now },
    capacity: mentor.capacity,
  };
}

// ---- a client's decline, counted by on-match-written ------------------------------------------------------------

/**
 * Which client-made transition a write to `matches/` was, if any: the mentor declining or the mentee cancelling a
 * pending request (the rules allow nothing else). Transitions functions make notify in their own transactions.
 */
export function planMatchEvent(before: Pick<MatchDoc, "status" | "round"> | null, after: Pick<MatchDoc, "status" | "round"> | null): "declined" | "cancelled" | null {
  if (!before || !after || before.status !== "pending" || before.round !== after.round) return null;
  return after.status === "declined" || after.status === "cancelled" ? after.status : null;
}

/**
 * The decline's answer time goes into the mentor's responsiveness once: only while the match is still this round's
 * decline and `responseCounted` is unset (the trigger sets it in the same transaction, so a retried event skips).
 */
export function planDeclineCount(input: {
  match: MatchDoc | null;
  round: number;
  mentor: Pick<MatchMentor, "role" | "responseHoursRecent"> | null;
}): { action: "skip" } | { action: "count"; mentorUpdate: Required<Omit<MentorStatsUpdate, "activeMenteeCount">> } {
  const { match, mentor } = input;
  if (!match || match.round !== input.round || match.status !== "declined" || match.responseCounted || !match.respondedAt || !mentor)
    return { action: "skip" };
  const responsiveness = planResponsiveness({
    recent: mentor.responseHoursRecent,
    requestedAtMs: ms(match.requestedAt),
    answeredAtMs: ms(match.respondedAt),
  });
  return { action: "count", mentorUpdate: { ...responsiveness, lastActiveAt: new Date(ms(match.respondedAt)) } };
}

// ---- endMatch ---------------------------------------------------------------------------------------------------

export interface EndPlanInput {
  callerUid: string;
  match: MatchDoc | null;
  /** The match's mentor's profile (null if it is gone: the match still ends). */
  mentor: Pick<MatchMentor, "activeMenteeCount"> | null;
  message: string;
  now: Date;
}

export type EndPlan =
  | MatchRefusal
  | { action: "noop" }
  | { action: "end"; matchUpdate: Pick<MatchWrite, "status" | "endedAt" | "endedBy" | "endMessage" | "updatedAt">; mentorUpdate: MentorStatsUpdate | null };

/** The fields that end an accepted match; setUserRole's "end their matches" writes the same. */
export function endedMatchUpdate(endedBy: string, message: string, now: Date) {
  return { status: "ended" as const, endedAt: now, endedBy, endMessage: message, updatedAt: now };
}

/** Either participant ends an accepted match: the mentor's count drops (never below 0); ending twice answers ok. */
export function planEnd(input: EndPlanInput): EndPlan {
  const { match, mentor, now } = input;
  if (!match || (input.callerUid !== match.mentorId && input.callerUid !== match.menteeId))
    return refuse("not-found", "We could not find that mentoring.");
  if (match.status === "ended") return { action: "noop" };
  if (match.status !== "accepted") {
    const isMentee = input.callerUid === match.menteeId;
    return refuse(
      "failed-precondition",
      match.status === "pending"
        ? isMentee
          ? "This request has not been accepted yet: cancel it instead."
          : "This request has not been accepted yet: decline it instead."
        : "Only an accepted mentoring can be ended.",
    );
  }
  const byMentor = input.callerUid === match.mentorId;
  return {
    action: "end",
    matchUpdate: endedMatchUpdate(input.callerUid, input.message, now),
    mentorUpdate: mentor
      ? { activeMenteeCount: Math.max(0, mentor.activeMenteeCount - 1), ...(byMentor ? { lastActiveAt: now } : {}) }
      : null,
  };
}

// ---- expire-match-requests --------------------------------------------------------------------------------------

/** A pending request whose `expiresAt` has passed expires; anything else (already answered, not yet due) is left alone. */
export function planExpiry(input: { match: MatchDoc | null; now: Date }): { action: "skip" } | { action: "expire"; matchUpdate: Pick<MatchWrite, "status" | "updatedAt"> } {
  const { match, now } = input;
  if (!match || match.status !== "pending" || ms(match.expiresAt) > now.getTime()) return { action: "skip" };
  return { action: "expire", matchUpdate: { status: "expired", updatedAt: now } };
}

/** A pending request closed because its mentor no longer mentors (setUserRole); not an answer, so not counted. */
export function closedByRoleChangeUpdate(now: Date) {
  return { status: "declined" as const, responseMessage: "", respondedAt: now, updatedAt: now, responseCounted: true };
}
