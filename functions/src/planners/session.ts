import { FEEDBACK, SESSIONS, addRating, isActiveSessionStatus, type MatchDoc, type RatingSummary, type SessionDoc, type SessionStatus } from "@mentormatch/shared";
import {
  checkBookingRequest,
  lockCellsFor,
  lockCellsForBooking,
  lockDocId,
  planReminders,
  type Availability,
  type BusyInterval,
} from "@mentormatch/shared/scheduling";
// A pure formatter (Intl only): the refusal names a time the way the session emails do.
import { formatSessionTime } from "../lib/session-messages.js";

/**
 * The sessions state machine's decisions, pure: the booking callables read documents in a transaction, ask here with
 * `now`, and write what comes back. Times are epoch ms; Dates in the answers are written as Firestore Timestamps.
 */

export type SessionRefusalCode = "failed-precondition" | "invalid-argument" | "already-exists" | "permission-denied" | "not-found";

export interface SessionRefusal {
  action: "refuse";
  code: SessionRefusalCode;
  message: string;
  /** The form field the message belongs next to. */
  fields?: Record<string, string>;
}

const refuse = (code: SessionRefusalCode, message: string, field?: string): SessionRefusal =>
  field ? { action: "refuse", code, message, fields: { [field]: message } } : { action: "refuse", code, message };

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** What every racing loser reads: the slot went to someone else between showing it and booking it. */
export const SLOT_TAKEN_MESSAGE = "That time was just taken — pick another.";

/** A stored session with its timestamps as epoch ms: all a decision needs. */
export type SessionFacts = Pick<
  SessionDoc,
  "mentorId" | "menteeId" | "proposedBy" | "status" | "version" | "lockIds" | "remindersSent" | "matchId"
> & { startMs: number; endMs: number };

// ---- who may book -------------------------------------------------------------------------------------------------

type MatchFacts = Pick<MatchDoc, "mentorId" | "menteeId" | "status">;

/** Whether `uid` may plan sessions in this match: a participant of an accepted match. Null when they may. */
export function refuseMatchAccess(uid: string, match: MatchFacts | null): SessionRefusal | null {
  // The same sentence for a match that does not exist and one the caller is not part of: it tells an outsider nothing.
  if (!match || (match.mentorId !== uid && match.menteeId !== uid)) {
    return refuse("failed-precondition", "You can book sessions only with your own mentor or mentee.");
  }
  if (match.status === "pending") return refuse("failed-precondition", "You can book sessions once the mentoring request is accepted.");
  if (match.status !== "accepted") return refuse("failed-precondition", "This mentoring is not active, so no sessions can be booked in it.");
  return null;
}

// ---- lock documents -----------------------------------------------------------------------------------------------

/**
 * Both people's cells for a session: the mentor's cover the session and the mentor's buffer after it (so another
 * booking inside the buffer collides), the mentee's cover the session itself (the buffer is the mentor's break, not
 * theirs). What an accepted session holds. Mentor and mentee ids differ, so the two sets never share a document.
 */
export function bookingLockIds(input: { mentorId: string; menteeId: string; startMs: number; endMs: number; bufferMinutes: number }): string[] {
  return [...mentorLockIds(input), ...menteeLockIds(input)];
}

const mentorLockIds = (input: { mentorId: string; startMs: number; endMs: number; bufferMinutes: number }) =>
  lockCellsForBooking(input.startMs, input.endMs, input.bufferMinutes).map((cell) => lockDocId(input.mentorId, cell));
const menteeLockIds = (input: { menteeId: string; startMs: number; endMs: number }) =>
  lockCellsFor(input.startMs, input.endMs).map((cell) => lockDocId(input.menteeId, cell));

export interface LockSetInput {
  mentorId: string;
  menteeId: string;
  proposedBy: string;
  startMs: number;
  endMs: number;
  bufferMinutes: number;
}

/**
 * The cells a pending proposal holds: the mentor's always (their time is the slot: nobody else may book it while
 * the proposal waits), and the mentee's only when the mentee proposed (they chose that time). A mentor's proposal
 * does not lock the invited mentee: two mentors may propose overlapping times to one mentee, who sees the conflict and
 * picks; accepting one takes the mentee's cells (inviteeLockIds), so the other can no longer be accepted.
 */
export function proposalLockIds(input: LockSetInput): string[] {
  return input.proposedBy === input.menteeId ? bookingLockIds(input) : mentorLockIds(input);
}

/** The cells accepting adds to a proposal's: the invited mentee's. A mentor invitee's cells are held from the proposal on. */
export function inviteeLockIds(input: Omit<LockSetInput, "bufferMinutes">): string[] {
  return input.proposedBy === input.menteeId ? [] : menteeLockIds(input);
}

/**
 * Whether a pending or accepted session holds `uid`'s time, as its locks do: accepted, or pending with `uid` the
 * mentor or the proposer. A proposal waiting for `uid`'s answer (as a mentee) does not: it is a conflict to resolve,
 * so the slot list must not hide that time.
 */
export function holdsTimeOf(uid: string, session: { status: SessionStatus; mentorId: string; proposedBy: string }): boolean {
  if (session.status === "accepted") return true;
  return session.status === "pending" && (uid === session.mentorId || uid === session.proposedBy);
}

/** Splits a lock id back into its person and cell (the cell has a fixed length, so a uid with `_` still splits). */
export function lockIdParts(lockId: string): { uid: string; cell: string } {
  const cell = lockId.slice(-17);
  return { uid: lockId.slice(0, -18), cell };
}

// ---- bookSession --------------------------------------------------------------------------------------------------

export interface BookingPlanInput {
  callerUid: string;
  match: MatchFacts | null;
  availability: Availability | null;
  nowMs: number;
  startMs: number;
  durationMinutes: number;
  /** Lock ids (of those this booking needs) that already exist. */
  takenLockIds: readonly string[];
  /** Upcoming pending/accepted sessions of either person, when known (the slot list); the locks decide regardless. */
  busy?: readonly BusyInterval[];
}

export type BookingPlan =
  | SessionRefusal
  | { action: "book"; startMs: number; endMs: number; lockIds: string[]; mentorId: string; menteeId: string };

/**
 * Which lock ids a proposal by `proposedBy` needs (proposalLockIds), before the transaction reads them; null when the
 * request cannot be booked at all.
 */
export function lockIdsForRequest(
  match: MatchFacts | null,
  availability: Availability | null,
  startMs: number,
  durationMinutes: number,
  proposedBy: string,
): string[] | null {
  if (!match || !availability || !Number.isSafeInteger(startMs) || !(SESSIONS.durations as readonly number[]).includes(durationMinutes)) return null;
  return proposalLockIds({
    mentorId: match.mentorId,
    menteeId: match.menteeId,
    proposedBy,
    startMs,
    endMs: startMs + durationMinutes * MINUTE_MS,
    bufferMinutes: availability.bufferMinutes,
  });
}

export function planBooking(input: BookingPlanInput): BookingPlan {
  const access = refuseMatchAccess(input.callerUid, input.match);
  if (access) return access;
  const match = input.match!;
  if (!input.availability) return refuse("failed-precondition", "This mentor has not set their available hours yet, so no time can be booked.");
  const check = checkBookingRequest({
    nowMs: input.nowMs,
    availability: input.availability,
    busy: input.busy ?? [],
    startMs: input.startMs,
    durationMinutes: input.durationMinutes,
  });
  if (!check.ok) {
    if (check.problem === "overlaps-busy") return refuse("already-exists", SLOT_TAKEN_MESSAGE, "startMs");
    return refuse("invalid-argument", check.message, check.problem === "invalid-duration" ? "durationMinutes" : "startMs");
  }
  if (input.takenLockIds.length > 0) return refuse("already-exists", SLOT_TAKEN_MESSAGE, "startMs");
  const endMs = input.startMs + input.durationMinutes * MINUTE_MS;
  return {
    action: "book",
    startMs: input.startMs,
    endMs,
    mentorId: match.mentorId,
    menteeId: match.menteeId,
    lockIds: proposalLockIds({
      mentorId: match.mentorId,
      menteeId: match.menteeId,
      proposedBy: input.callerUid,
      startMs: input.startMs,
      endMs,
      bufferMinutes: input.availability.bufferMinutes,
    }),
  };
}

// ---- respondToSession ---------------------------------------------------------------------------------------------

/** The other session holding one of the invitee's cells, as the refusal names it. */
export type ClashFacts = Pick<SessionDoc, "mentorId" | "menteeId" | "mentorName" | "menteeName"> & { startMs: number };

export interface RespondPlanInput {
  callerUid: string;
  /** The session's id: a lock it holds already is its own, not a clash. */
  sessionId: string;
  session: SessionFacts | null;
  match: MatchFacts | null;
  decision: "accept" | "decline";
  note: string;
  nowMs: number;
  /** The lock documents that exist among the cells accepting would add (inviteeLockIds), with the session holding each. */
  inviteeLocks: ReadonlyArray<{ lockId: string; sessionId: string }>;
  /** The first other session holding one of them, read by the callable; null when there is none or it is gone. */
  clash: ClashFacts | null;
  /** The caller's zone, for the time in a refusal. */
  timeZone: string;
}

export type RespondPlan =
  | SessionRefusal
  | { action: "noop"; status: "accepted" | "declined" }
  | {
      action: "accept";
      update: {
        status: "accepted";
        responseNote: string;
        respondedAt: Date;
        confirmedAt: Date;
        nextReminderAt: Date | null;
        lockIds: string[];
        updatedAt: Date;
      };
      /** The invitee's cells, created with the status change. */
      createLockIds: string[];
    }
  | {
      action: "decline";
      update: { status: "declined"; responseNote: string; respondedAt: Date; lockIds: string[]; updatedAt: Date };
      releaseLockIds: string[];
    };

const isParticipant = (uid: string, session: Pick<SessionFacts, "mentorId" | "menteeId">) => uid === session.mentorId || uid === session.menteeId;

function closedMessage(status: SessionStatus): string {
  switch (status) {
    case "accepted":
      return "This session was already accepted.";
    case "declined":
      return "This session was already declined.";
    case "cancelled":
      return "This session was cancelled.";
    case "completed":
      return "This session has already taken place.";
    default:
      return "This session is no longer waiting for an answer.";
  }
}

export function planRespond(input: RespondPlanInput): RespondPlan {
  const { session, callerUid, nowMs } = input;
  if (!session || !isParticipant(callerUid, session)) return refuse("not-found", "That session does not exist, or it is not yours.");
  const target = input.decision === "accept" ? "accepted" : "declined";
  if (session.status === target) return { action: "noop", status: target };
  if (session.proposedBy === callerUid) return refuse("permission-denied", "You proposed this session: the other person accepts or declines it.");
  if (session.status !== "pending") return refuse("failed-precondition", closedMessage(session.status));
  const now = new Date(nowMs);
  if (input.decision === "decline") {
    return {
      action: "decline",
      update: { status: "declined", responseNote: input.note, respondedAt: now, lockIds: [], updatedAt: now },
      releaseLockIds: session.lockIds,
    };
  }
  if (nowMs >= session.startMs) return refuse("failed-precondition", "This session's time has passed: decline it, or propose a new time.");
  if (!input.match || input.match.status !== "accepted") return refuse("failed-precondition", "This mentoring is no longer active, so the session cannot be accepted.");
  // A mentee invited by two mentors at overlapping times could take both proposals; accepting is where they choose,
  // so this is where their cells are claimed, and a cell another session holds refuses with that session named.
  const held = new Set(input.inviteeLocks.map((lock) => lock.lockId));
  if (input.inviteeLocks.some((lock) => lock.sessionId !== input.sessionId)) return refuse("failed-precondition", clashMessage(callerUid, input.clash, input.timeZone));
  const wanted = inviteeLockIds(session);
  const createLockIds = wanted.filter((id) => !held.has(id));
  const reminders = planReminders({ status: "accepted", startMs: session.startMs, version: session.version, confirmedAtMs: nowMs, remindersSent: session.remindersSent }, nowMs);
  return {
    action: "accept",
    update: {
      status: "accepted",
      responseNote: input.note,
      respondedAt: now,
      confirmedAt: now,
      nextReminderAt: reminders.nextReminderAt === null ? null : new Date(reminders.nextReminderAt),
      lockIds: [...session.lockIds, ...wanted.filter((id) => !session.lockIds.includes(id))],
      updatedAt: now,
    },
    createLockIds,
  };
}

/** "This overlaps your session with Ana Ruiz on Tue 24 Nov, 14:30 CET — …": what to decline or move, in the caller's clock. */
function clashMessage(callerUid: string, clash: ClashFacts | null, timeZone: string): string {
  const next = " — decline or move one of them first.";
  if (!clash) return `This overlaps another of your sessions${next}`;
  const other = callerUid === clash.mentorId ? clash.menteeName : clash.mentorName;
  return `This overlaps your session with ${other} on ${formatSessionTime(clash.startMs, timeZone)}${next}`;
}

// ---- cancelSession ------------------------------------------------------------------------------------------------

export interface CancelPlanInput {
  callerUid: string;
  session: SessionFacts | null;
  reason: string;
  nowMs: number;
  cutoffHours?: number;
}

export type CancelPlan =
  | SessionRefusal
  | { action: "noop" }
  | {
      action: "cancel";
      update: { status: "cancelled"; cancelledBy: string; cancelReason: string; cancelledAt: Date; nextReminderAt: null; lockIds: string[]; updatedAt: Date };
      releaseLockIds: string[];
      /** Whether it was within the cut-off: the message to the other person says so. */
      late: boolean;
    };

export function planCancel(input: CancelPlanInput): CancelPlan {
  const { session, callerUid, nowMs } = input;
  if (!session || !isParticipant(callerUid, session)) return refuse("not-found", "That session does not exist, or it is not yours.");
  if (session.status === "cancelled") return { action: "noop" };
  if (!isActiveSessionStatus(session.status)) return refuse("failed-precondition", closedMessage(session.status));
  // An accepted session that has started is completed or missed, not cancelled; a proposal nobody answered in time
  // can still be withdrawn, which frees its locks.
  if (session.status === "accepted" && nowMs >= session.startMs) return refuse("failed-precondition", "This session has already started, so it cannot be cancelled.");
  const cutoffHours = input.cutoffHours ?? SESSIONS.cancelReasonCutoffHours;
  const late = session.startMs - nowMs < cutoffHours * HOUR_MS;
  if (late && input.reason === "") {
    return refuse("invalid-argument", `The session starts in less than ${cutoffHours} hours: say why you are cancelling, so the other person knows.`, "reason");
  }
  const now = new Date(nowMs);
  return {
    action: "cancel",
    update: { status: "cancelled", cancelledBy: callerUid, cancelReason: input.reason, cancelledAt: now, nextReminderAt: null, lockIds: [], updatedAt: now },
    releaseLockIds: session.lockIds,
    late,
  };
}

// ---- getBookableSlots ---------------------------------------------------------------------------------------------

/** The busy intervals of both people from their upcoming sessions, each session once (they may share one). */
export function busyIntervals(sessions: ReadonlyArray<{ id: string; startMs: number; endMs: number; status: SessionStatus }>): BusyInterval[] {
  const seen = new Set<string>();
  const busy: BusyInterval[] = [];
  for (const session of sessions) {
    if (seen.has(session.id) || !isActiveSessionStatus(session.status)) continue;
    seen.add(session.id);
    busy.push({ startMs: session.startMs, endMs: session.endMs });
  }
  return busy.sort((a, b) => a.startMs - b.startMs);
}

/**
 * The window of slots one answer carries: from `fromMs` (or now) for SESSIONS.slotWindowDays, and where the next one
 * starts, or null when the mentor's horizon ends inside this one.
 */
export function slotWindow(nowMs: number, fromMs: number | undefined, horizonDays: number): { fromMs: number; toMs: number; nextFromMs: number | null } {
  const from = Math.max(nowMs, fromMs ?? nowMs);
  const horizonEnd = nowMs + horizonDays * 24 * HOUR_MS;
  const to = from + SESSIONS.slotWindowDays * 24 * HOUR_MS;
  return to >= horizonEnd ? { fromMs: from, toMs: horizonEnd, nextFromMs: null } : { fromMs: from, toMs: to, nextFromMs: to };
}

// ---- completeSession ----------------------------------------------------------------------------------------------

export interface CompletePlanInput {
  callerUid: string;
  session: SessionFacts | null;
  nowMs: number;
  otherAttended: boolean;
  actualMinutes: number;
  sharedNotes: string;
  topics: string[];
  actionItems: string[];
  followUp: boolean;
}

export type CompletePlan =
  | SessionRefusal
  | { action: "noop"; status: "completed" | "no_show" }
  | {
      action: "complete";
      status: "completed" | "no_show";
      /** The person told; on a no-show, the one recorded as absent. */
      otherUid: string;
      update: {
        status: "completed" | "no_show";
        completedAt: Date;
        completedBy: string;
        attendance: { mentor: boolean; mentee: boolean };
        actualMinutes: number;
        sharedNotes: string;
        topics: string[];
        actionItems: string[];
        followUp: boolean;
        nextReminderAt: null;
        updatedAt: Date;
      };
      /** Both profiles' sessionCount + 1: only for a session that took place. The status change is the marker. */
      countSessions: boolean;
    };

export function planComplete(input: CompletePlanInput): CompletePlan {
  const { session, callerUid, nowMs } = input;
  if (!session || !isParticipant(callerUid, session)) return refuse("not-found", "That session does not exist, or it is not yours.");
  // A retry (or the other person a moment later) changes nothing: the first record stands and nothing counts twice.
  if (session.status === "completed" || session.status === "no_show") return { action: "noop", status: session.status };
  if (session.status !== "accepted") return refuse("failed-precondition", "Only an accepted session can be completed.");
  if (nowMs < session.endMs) return refuse("failed-precondition", "This session has not ended yet: complete it after its end time.");
  const openToBothAtMs = session.endMs + SESSIONS.completeByMentorHours * HOUR_MS;
  if (callerUid !== session.mentorId && nowMs < openToBothAtMs) {
    return refuse("failed-precondition", `The mentor completes the session first; if they have not within ${SESSIONS.completeByMentorHours} hours of the end, you can.`);
  }
  const otherUid = callerUid === session.mentorId ? session.menteeId : session.mentorId;
  const status = input.otherAttended ? "completed" : "no_show";
  const callerIsMentor = callerUid === session.mentorId;
  const now = new Date(nowMs);
  return {
    action: "complete",
    status,
    otherUid,
    countSessions: status === "completed",
    update: {
      status,
      completedAt: now,
      completedBy: callerUid,
      attendance: { mentor: callerIsMentor || input.otherAttended, mentee: !callerIsMentor || input.otherAttended },
      actualMinutes: input.actualMinutes,
      sharedNotes: input.sharedNotes,
      topics: input.topics,
      actionItems: input.actionItems,
      followUp: input.followUp,
      nextReminderAt: null,
      updatedAt: now,
    },
  };
}

// ---- submitFeedback -----------------------------------------------------------------------------------------------

export interface FeedbackPlanInput {
  callerUid: string;
  session: (SessionFacts & { completedAtMs: number | null }) | null;
  /** Whether the caller's feedback on this session exists already. */
  ownExists: boolean;
  /** The other person's feedback on this session, if in. */
  counterpart: { visibleAtMs: number } | null;
  /** The subject's current rating fields (their profile). */
  subject: Pick<RatingSummary, "ratingAvg" | "ratingCount">;
  rating: number;
  nowMs: number;
}

export type FeedbackPlan =
  | SessionRefusal
  | {
      action: "submit";
      toUid: string;
      toRole: "mentor" | "mentee";
      visibleAt: Date;
      /** Moved to now when this is the second one in: both sides can read both. Null when nothing moves. */
      counterpartVisibleAt: Date | null;
      /** The subject's new rating fields, written with the feedback's `countedAt`; null when ratings of them are not kept. */
      profileUpdate: RatingSummary | null;
    };

export function planFeedback(input: FeedbackPlanInput): FeedbackPlan {
  const { session, callerUid, nowMs } = input;
  if (!session || !isParticipant(callerUid, session)) return refuse("not-found", "That session does not exist, or it is not yours.");
  if (session.status !== "completed" || session.completedAtMs === null) {
    return refuse("failed-precondition", "Feedback opens once the session is marked completed.");
  }
  if (input.ownExists) return refuse("already-exists", "You have already left feedback for this session; it cannot be changed.");
  const toUid = callerUid === session.mentorId ? session.menteeId : session.mentorId;
  const toRole = toUid === session.mentorId ? "mentor" : "mentee";
  const revealAtMs = session.completedAtMs + FEEDBACK.revealDays * 24 * HOUR_MS;
  const now = new Date(nowMs);
  const bothIn = input.counterpart !== null;
  return {
    action: "submit",
    toUid,
    toRole,
    visibleAt: bothIn ? new Date(Math.min(nowMs, revealAtMs)) : new Date(revealAtMs),
    counterpartVisibleAt: bothIn && input.counterpart!.visibleAtMs > nowMs ? now : null,
    // Only mentors' ratings are kept on profiles (the directory and the mentor's page); a mentee's feedback is for them.
    profileUpdate: toRole === "mentor" ? addRating(input.subject, input.rating) : null,
  };
}

// ---- rescheduleSession --------------------------------------------------------------------------------------------

export interface ReschedulePlanInput {
  callerUid: string;
  session: SessionFacts | null;
  match: MatchFacts | null;
  availability: Availability | null;
  nowMs: number;
  startMs: number;
  /** Absent: the session's current length. */
  durationMinutes?: number;
  /** The reason, required within the cut-off; shown to the other person. */
  note: string;
  /** Lock ids (of those the new time needs) that exist and are not this session's own. */
  takenLockIds: readonly string[];
  cutoffHours?: number;
}

export type ReschedulePlan =
  | SessionRefusal
  | { action: "noop"; version: number; startMs: number; endMs: number }
  | {
      action: "reschedule";
      update: {
        startAt: Date;
        endAt: Date;
        durationMinutes: number;
        status: "pending";
        proposedBy: string;
        version: number;
        respondedAt: null;
        confirmedAt: null;
        responseNote: "";
        remindersSent: Record<string, never>;
        nextReminderAt: null;
        lockIds: string[];
        updatedAt: Date;
      };
      startMs: number;
      endMs: number;
      /** The old locks the new time does not keep. */
      releaseLockIds: string[];
      /** The new time's locks the session did not hold yet. */
      createLockIds: string[];
      /** The other person, who confirms the new time. */
      notifyUid: string;
    };

/**
 * A new time for a pending or accepted session, checked exactly as a booking is (hours, notice, horizon, grid, locks,
 * except the session's own), as a new proposal by the caller: `version + 1`, pending, the reminders cleared (a reminder
 * for the old time must never fire), and the other person answers it with respondToSession. Within the cut-off a
 * reason is required, as for a late cancellation: the other person planned around the old time.
 */
export function planReschedule(input: ReschedulePlanInput): ReschedulePlan {
  const { session, callerUid, nowMs } = input;
  if (!session || !isParticipant(callerUid, session)) return refuse("not-found", "That session does not exist, or it is not yours.");
  const durationMinutes = input.durationMinutes ?? Math.round((session.endMs - session.startMs) / MINUTE_MS);
  const endMs = input.startMs + durationMinutes * MINUTE_MS;
  // A retried call whose move already committed: the same answer, nothing written, nobody told twice.
  if (session.status === "pending" && session.proposedBy === callerUid && session.startMs === input.startMs && session.endMs === endMs && session.version > 1) {
    return { action: "noop", version: session.version, startMs: session.startMs, endMs: session.endMs };
  }
  if (!isActiveSessionStatus(session.status)) return refuse("failed-precondition", closedMessage(session.status));
  if (nowMs >= session.startMs) return refuse("failed-precondition", "This session has already started, so it cannot be moved.");
  const cutoffHours = input.cutoffHours ?? SESSIONS.rescheduleCutoffHours;
  if (session.startMs - nowMs < cutoffHours * HOUR_MS && input.note === "") {
    return refuse("invalid-argument", `The session starts in less than ${cutoffHours} hours: say why you are moving it, so the other person knows.`, "note");
  }
  const access = refuseMatchAccess(callerUid, input.match);
  if (access) return access;
  if (session.startMs === input.startMs && session.endMs === endMs) return refuse("invalid-argument", "That is the session's current time: choose another.", "startMs");
  const booking = planBooking({
    callerUid,
    match: input.match,
    availability: input.availability,
    nowMs,
    startMs: input.startMs,
    durationMinutes,
    takenLockIds: input.takenLockIds,
  });
  if (booking.action === "refuse") return booking;
  const now = new Date(nowMs);
  const old = new Set(session.lockIds);
  const kept = new Set(booking.lockIds);
  return {
    action: "reschedule",
    update: {
      startAt: new Date(booking.startMs),
      endAt: new Date(booking.endMs),
      durationMinutes,
      status: "pending",
      proposedBy: callerUid,
      version: session.version + 1,
      respondedAt: null,
      confirmedAt: null,
      responseNote: "",
      remindersSent: {},
      nextReminderAt: null,
      lockIds: booking.lockIds,
      updatedAt: now,
    },
    startMs: booking.startMs,
    endMs: booking.endMs,
    releaseLockIds: session.lockIds.filter((id) => !kept.has(id)),
    createLockIds: booking.lockIds.filter((id) => !old.has(id)),
    notifyUid: callerUid === session.mentorId ? session.menteeId : session.mentorId,
  };
}
