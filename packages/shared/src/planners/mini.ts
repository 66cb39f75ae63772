import { MINI, type Role } from "../constants.js";
import {
  MINI_URGENCY_RANK,
  localDateIn,
  miniRangeProblem,
  type MiniMeetingType,
  type MiniRequestDoc,
  type MiniRequestFields,
  type MiniStatus,
} from "../schemas/mini.js";
import type { IndexSpec } from "./directory-query.js";
import { medianOf } from "./responsiveness.js";
import { normalizeSearchText } from "./search-tokens.js";

/**
 * The mini mentorship lifecycle, pure (docs/ARCHITECTURE.md, miniRequests/). Callables and jobs read the request in a
 * transaction, ask here with `nowMs`, and write what comes back; Dates in the answers are written as Timestamps.
 *
 *   open ──claim──▶ claimed ──schedule──▶ scheduled ──complete──▶ completed
 *   open | claimed | scheduled ──cancel (the student)──▶ cancelled
 *   open ──expire (job, expiresAt passed)──▶ expired
 *   claimed ──release (the claimer) | lapse (job, scheduleBy passed)──▶ open
 *
 * A transition that already happened answers `noop`, so a retried callable or a second job run writes nothing.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const MINI_ACTIONS = ["claim", "release", "lapse", "cancel", "expire", "schedule", "complete"] as const;
export type MiniAction = (typeof MINI_ACTIONS)[number];

/** What every mentor who lost a claim race reads (the tests and the bench match on it). */
export const MINI_CLAIMED_MESSAGE = "Someone else just claimed this request.";
export const MINI_EXPIRED_MESSAGE = "This request has expired.";

export type MiniRefusalCode = "not-found" | "permission-denied" | "failed-precondition" | "resource-exhausted" | "invalid-argument";

export interface MiniRefusal {
  action: "refuse";
  code: MiniRefusalCode;
  message: string;
  fields?: Record<string, string>;
}

const refuse = (code: MiniRefusalCode, message: string, field?: string): MiniRefusal =>
  field ? { action: "refuse", code, message, fields: { [field]: message } } : { action: "refuse", code, message };

/** A stored request with its times as epoch ms: all a decision needs. */
export interface MiniRequestFacts {
  studentId: string;
  status: MiniStatus;
  claimedBy: string | null;
  claimedAtMs: number | null;
  scheduleByMs: number | null;
  firstClaimedAtMs: number | null;
  releasedBy: readonly string[];
  sessionId: string | null;
  expiresAtMs: number;
}

/** The stored document as the planner takes it. */
export function miniRequestFacts(doc: MiniRequestDoc): MiniRequestFacts {
  return {
    studentId: doc.studentId,
    status: doc.status,
    claimedBy: doc.claimedBy,
    claimedAtMs: doc.claimedAt?.toMillis() ?? null,
    scheduleByMs: doc.scheduleBy?.toMillis() ?? null,
    firstClaimedAtMs: doc.firstClaimedAt?.toMillis() ?? null,
    releasedBy: doc.releasedBy,
    sessionId: doc.sessionId,
    expiresAtMs: doc.expiresAt.toMillis(),
  };
}

/** What a `schedule` writes onto the request (the session itself is the session engine's). */
export interface MiniScheduleFacts {
  sessionId: string;
  startMs: number;
  meetingType: MiniMeetingType;
  meetingLink: string;
  phone: string;
  location: string;
}

export interface MiniTransitionInput {
  request: MiniRequestFacts | null;
  action: MiniAction;
  /** Who acts; for the jobs (`expire`, `lapse`) and `complete` (the session engine decides who) it is not checked. */
  actorUid: string;
  /** The actor's current stored role; null for the jobs. */
  actorRole: Role | null;
  nowMs: number;
  /** claim: the claimer's display name, copied for the student's pages and emails. */
  actorName?: string;
  /** claim: requests the actor holds claimed and not yet scheduled (other than this one). */
  claimerOpenClaims?: number;
  /** cancel: the student's reason (may be ""). */
  reason?: string;
  schedule?: MiniScheduleFacts;
}

export type MiniUpdate = Record<string, unknown> & { status: MiniStatus; updatedAt: Date };

export interface MiniApply {
  action: "apply";
  from: MiniStatus;
  to: MiniStatus;
  update: MiniUpdate;
  /** cancel of a scheduled request: the session to cancel in the same transaction. */
  cancelSessionId: string | null;
  /** The mentor whose claim ended (release, lapse) or who is told of a cancellation; null when nobody held it. */
  claimer: string | null;
  /** The claim's time: part of the claim and release dedupe keys, so a second claim after a release tells again. */
  claimedAtMs: number | null;
  /** lapse: the missed deadline goes into the claimer's responsiveness, in this same transaction (so once). */
  countAgainstClaimer: boolean;
}

export type MiniPlan = MiniRefusal | { action: "noop" } | MiniApply;

const NOOP = { action: "noop" } as const;

const CLOSED_MESSAGES: Record<MiniStatus, string> = {
  open: "This request is still open.",
  claimed: "This request is claimed.",
  scheduled: "This request is already scheduled.",
  completed: "This request is completed.",
  cancelled: "The student cancelled this request.",
  expired: MINI_EXPIRED_MESSAGE,
};

/** The claim fields a release or a lapse clears; `releasedBy` remembers the mentor. */
function unclaim(request: MiniRequestFacts, now: Date): MiniUpdate {
  const releasedBy = request.claimedBy && !request.releasedBy.includes(request.claimedBy) ? [...request.releasedBy, request.claimedBy] : [...request.releasedBy];
  return {
    status: "open",
    claimedBy: null,
    claimedByName: "",
    claimedAt: null,
    scheduleBy: null,
    // The schema caps the list; the oldest entries go first (they can claim again, which is harmless).
    releasedBy: releasedBy.slice(-50),
    updatedAt: now,
  };
}

const apply = (request: MiniRequestFacts, to: MiniStatus, update: Omit<MiniUpdate, "status">, extra: Partial<MiniApply> = {}): MiniApply => ({
  action: "apply",
  from: request.status,
  to,
  update: { ...update, status: to } as MiniUpdate,
  cancelSessionId: null,
  claimer: request.claimedBy,
  claimedAtMs: request.claimedAtMs,
  countAgainstClaimer: false,
  ...extra,
});

function planClaim(input: MiniTransitionInput, request: MiniRequestFacts): MiniPlan {
  const { actorUid, nowMs } = input;
  if (input.actorRole !== "mentor") return refuse("permission-denied", "Only mentors can claim requests.");
  if (request.studentId === actorUid) return refuse("failed-precondition", "You cannot claim your own request.");
  if (request.status === "claimed") return request.claimedBy === actorUid ? NOOP : refuse("failed-precondition", MINI_CLAIMED_MESSAGE);
  if (request.status === "scheduled") {
    return refuse("failed-precondition", request.claimedBy === actorUid ? "You already scheduled this request." : MINI_CLAIMED_MESSAGE);
  }
  if (request.status !== "open") return refuse("failed-precondition", CLOSED_MESSAGES[request.status]);
  // The board lists only `expiresAt > now`; a request the expiry job has not reached yet is just as closed.
  if (request.expiresAtMs <= nowMs) return refuse("failed-precondition", MINI_EXPIRED_MESSAGE);
  if (request.releasedBy.includes(actorUid)) return refuse("failed-precondition", "You gave this request back, so another mentor gets the chance to take it.");
  if ((input.claimerOpenClaims ?? 0) >= MINI.maxClaimedPerMentor) {
    return refuse(
      "resource-exhausted",
      `You already hold ${MINI.maxClaimedPerMentor} claimed requests that are not scheduled yet: schedule or give one back first.`,
    );
  }
  const now = new Date(nowMs);
  return apply(
    request,
    "claimed",
    {
      claimedBy: actorUid,
      claimedByName: input.actorName ?? "",
      claimedAt: now,
      scheduleBy: new Date(nowMs + MINI.scheduleWithinHours * HOUR_MS),
      firstClaimedAt: request.firstClaimedAtMs === null ? now : new Date(request.firstClaimedAtMs),
      updatedAt: now,
    },
    { claimer: actorUid, claimedAtMs: nowMs },
  );
}

function planRelease(input: MiniTransitionInput, request: MiniRequestFacts): MiniPlan {
  const { actorUid } = input;
  if (request.status === "claimed" && request.claimedBy === actorUid) return apply(request, "open", unclaim(request, new Date(input.nowMs)));
  // A retry after the release committed: the request moved on without this mentor, who is in `releasedBy`.
  if (request.releasedBy.includes(actorUid) && request.claimedBy !== actorUid) return NOOP;
  if (request.status === "scheduled" && request.claimedBy === actorUid) {
    return refuse("failed-precondition", "This request is scheduled: cancel the session instead, so the student is told.");
  }
  return refuse("failed-precondition", "You do not hold this request.");
}

function planLapse(input: MiniTransitionInput, request: MiniRequestFacts): MiniPlan {
  if (request.status !== "claimed" || request.scheduleByMs === null || request.scheduleByMs > input.nowMs) return NOOP;
  return apply(request, "open", unclaim(request, new Date(input.nowMs)), { countAgainstClaimer: true });
}

function planCancel(input: MiniTransitionInput, request: MiniRequestFacts): MiniPlan {
  if (request.studentId !== input.actorUid) return refuse("not-found", "That request does not exist, or it is not yours.");
  if (request.status === "cancelled") return NOOP;
  if (request.status !== "open" && request.status !== "claimed" && request.status !== "scheduled") {
    return refuse("failed-precondition", `${CLOSED_MESSAGES[request.status]} It cannot be cancelled.`);
  }
  const now = new Date(input.nowMs);
  return apply(
    request,
    "cancelled",
    { cancelledBy: input.actorUid, cancelReason: input.reason ?? "", cancelledAt: now, scheduleBy: null, updatedAt: now },
    { cancelSessionId: request.status === "scheduled" ? request.sessionId : null },
  );
}

function planExpire(input: MiniTransitionInput, request: MiniRequestFacts): MiniPlan {
  if (request.status !== "open" || request.expiresAtMs > input.nowMs) return NOOP;
  const now = new Date(input.nowMs);
  return apply(request, "expired", { expiredAt: now, updatedAt: now });
}

function planSchedule(input: MiniTransitionInput, request: MiniRequestFacts): MiniPlan {
  const { actorUid, schedule } = input;
  if (request.claimedBy !== actorUid) return refuse("failed-precondition", "You do not hold this request: claim it first.");
  if (request.status === "scheduled") return NOOP;
  if (request.status !== "claimed") return refuse("failed-precondition", CLOSED_MESSAGES[request.status]);
  // Claim means commit: past the deadline the release job hands it back, and a late schedule would race it.
  if (request.scheduleByMs !== null && request.scheduleByMs <= input.nowMs) {
    return refuse("failed-precondition", `Your ${MINI.scheduleWithinHours} hours to schedule this request have passed, so it goes back to the board.`);
  }
  if (!schedule) throw new Error("planMiniTransition(schedule): the session facts are required");
  const now = new Date(input.nowMs);
  return apply(request, "scheduled", {
    sessionId: schedule.sessionId,
    scheduledAt: now,
    scheduledStartAt: new Date(schedule.startMs),
    meetingType: schedule.meetingType,
    meetingLink: schedule.meetingLink,
    phone: schedule.phone,
    location: schedule.location,
    scheduleBy: null,
    updatedAt: now,
  });
}

function planComplete(input: MiniTransitionInput, request: MiniRequestFacts): MiniPlan {
  if (request.status === "completed") return NOOP;
  if (request.status !== "scheduled") return refuse("failed-precondition", CLOSED_MESSAGES[request.status]);
  const now = new Date(input.nowMs);
  return apply(request, "completed", { completedAt: now, updatedAt: now });
}

/** Every transition of an existing request (posting is planMiniPost). */
export function planMiniTransition(input: MiniTransitionInput): MiniPlan {
  const { request } = input;
  if (!request) return refuse("not-found", "That request does not exist.");
  switch (input.action) {
    case "claim":
      return planClaim(input, request);
    case "release":
      return planRelease(input, request);
    case "lapse":
      return planLapse(input, request);
    case "cancel":
      return planCancel(input, request);
    case "expire":
      return planExpire(input, request);
    case "schedule":
      return planSchedule(input, request);
    case "complete":
      return planComplete(input, request);
  }
}

// ---- posting ------------------------------------------------------------------------------------------------------

/** The board's one array-contains search: `#tag` for each tag, then the title's and the description's words. */
export const miniTagToken = (tag: string) => `#${tag}`;

/** Words shorter than this, or longer, are not indexed (and a query for one finds nothing). */
const WORD_MIN = 2;
const WORD_MAX = 30;
const TOKENS_MAX = 200;

export function miniSearchTokens(request: { title: string; description: string; tags: readonly string[] }): string[] {
  const tokens = new Set(request.tags.map(miniTagToken));
  // Title words first: when a long description would overflow the array, what the card shows stays findable.
  for (const text of [request.title, request.description]) {
    for (const word of normalizeSearchText(text).split(" ")) {
      if (tokens.size >= TOKENS_MAX) break;
      if (word.length >= WORD_MIN && word.length <= WORD_MAX) tokens.add(word);
    }
  }
  return [...tokens].slice(0, TOKENS_MAX);
}

/** The token a search box's text looks for: its first word, normalised as the request's were; null for none. */
export function miniSearchQueryToken(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.startsWith("#")) {
    const tag = trimmed.slice(1).trim().toLowerCase();
    return tag ? miniTagToken(tag) : null;
  }
  const word = normalizeSearchText(trimmed).split(" ")[0] ?? "";
  return word.length >= WORD_MIN ? word.slice(0, WORD_MAX) : null;
}

export interface MiniPostInput {
  fields: MiniRequestFields;
  studentId: string;
  /** The student's current stored role and profile name; null without a profile. */
  student: { role: Role; displayName: string } | null;
  /** The student's open, claimed and scheduled requests (a bounded query: at most MINI.maxActivePerStudent). */
  activeCount: number;
  nowMs: number;
}

/** The new request as stored (miniRequestDocSchema), with Dates for the timestamps. */
export type MiniRequestWrite = ReturnType<typeof newMiniRequestDoc>;

/** A new request as postMiniRequest stores it; exported so tests and the demo seed build requests the same way. */
export function newMiniRequestDoc(fields: MiniRequestFields, studentId: string, studentName: string, nowMs: number) {
  const now = new Date(nowMs);
  return {
    studentId,
    studentName,
    title: fields.title,
    sessionType: fields.sessionType,
    description: fields.description,
    durationMinutes: fields.durationMinutes,
    urgency: fields.urgency,
    urgencyRank: MINI_URGENCY_RANK[fields.urgency],
    preferredDateStart: fields.preferredDateStart,
    preferredDateEnd: fields.preferredDateEnd,
    preferredTimeSlots: fields.preferredTimeSlots.map((slot) => ({ from: slot.from, to: slot.to })),
    timezone: fields.timezone,
    tags: [...new Set(fields.tags)],
    relevantExperience: fields.relevantExperience,
    specificQuestions: fields.specificQuestions,
    resumeUrl: fields.resumeUrl,
    portfolioUrl: fields.portfolioUrl,
    searchTokens: miniSearchTokens(fields),
    status: "open" as MiniStatus,
    claimedBy: null,
    claimedByName: "",
    claimedAt: null,
    scheduleBy: null,
    releasedBy: [] as string[],
    firstClaimedAt: null,
    sessionId: null,
    scheduledAt: null,
    scheduledStartAt: null,
    meetingType: null,
    meetingLink: "",
    phone: "",
    location: "",
    cancelledBy: null,
    cancelReason: "",
    cancelledAt: null,
    completedAt: null,
    expiredAt: null,
    expiresAt: new Date(nowMs + MINI.expiryDays * DAY_MS),
    createdAt: now,
    updatedAt: now,
  };
}

/** A student posts: the dates checked against their own today, their number of live requests, then the document. */
export function planMiniPost(input: MiniPostInput): MiniRefusal | { action: "post"; doc: MiniRequestWrite } {
  if (!input.student || input.student.role !== "mentee") return refuse("permission-denied", "Only mentees can post mini mentorship requests.");
  const problem = miniRangeProblem(input.fields, localDateIn(input.fields.timezone, input.nowMs));
  if (problem) return refuse("invalid-argument", problem.message, problem.field);
  if (input.activeCount >= MINI.maxActivePerStudent) {
    return refuse(
      "resource-exhausted",
      `You already have ${MINI.maxActivePerStudent} requests open, claimed or scheduled: cancel one, or wait until one is done.`,
    );
  }
  return { action: "post", doc: newMiniRequestDoc(input.fields, input.studentId, input.student.displayName, input.nowMs) };
}

/** The statuses that count toward MINI.maxActivePerStudent. */
export const MINI_ACTIVE_STATUSES = ["open", "claimed", "scheduled"] as const satisfies readonly MiniStatus[];

// ---- the expected wait -------------------------------------------------------------------------------------------

/**
 * The median minutes to a first claim of recent requests like this one; null ("not enough data yet") with fewer than
 * MINI.waitMinSample, since two samples say little about anyone's wait.
 */
export function planMiniWaitEstimate(samplesOfMinutes: readonly number[]): { medianMinutes: number | null; sampleSize: number } {
  const samples = samplesOfMinutes.filter((minutes) => Number.isFinite(minutes) && minutes >= 0);
  if (samples.length < MINI.waitMinSample) return { medianMinutes: null, sampleSize: samples.length };
  return { medianMinutes: Math.round(medianOf(samples)!), sampleSize: samples.length };
}

// ---- indexes -----------------------------------------------------------------------------------------------------

/** The composite indexes the mini callables and jobs query with (scripts/gen-indexes.ts writes them). */
export function miniJobIndexes(): IndexSpec[] {
  const pair = (a: string, b: string, order: "ASCENDING" | "DESCENDING" = "ASCENDING"): IndexSpec => ({
    collectionGroup: "miniRequests",
    queryScope: "COLLECTION",
    fields: [
      { fieldPath: a, order: "ASCENDING" },
      { fieldPath: b, order },
    ],
  });
  return [
    // expire-mini-requests: `status == open && expiresAt <= now`, oldest first.
    pair("status", "expiresAt"),
    // release-lapsed-mini-claims: `status == claimed && scheduleBy <= now`, oldest first.
    pair("status", "scheduleBy"),
    // getMiniWaitEstimate: same type and urgency, claimed (`firstClaimedAt >` the epoch), newest claims first.
    {
      collectionGroup: "miniRequests",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "sessionType", order: "ASCENDING" },
        { fieldPath: "urgency", order: "ASCENDING" },
        { fieldPath: "firstClaimedAt", order: "DESCENDING" },
      ],
    },
  ];
}
