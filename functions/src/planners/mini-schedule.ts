import {
  MINI,
  miniRequestFacts,
  planMiniTransition,
  type MiniMeetingType,
  type MiniRequestDoc,
  type MiniRequestFacts as MiniLifecycleFacts,
  type MiniUpdate,
} from "@mentormatch/shared";
import {
  checkBookingRequest,
  describeDays,
  describeMinutes,
  isSchedulingTimeZone,
  openRanges,
  planReminders,
  planSlots,
  type Availability,
  type BookingProblem,
  type BusyInterval,
  type SlotDay,
} from "@mentormatch/shared/scheduling";
import { SLOT_TAKEN_MESSAGE, bookingLockIds, slotWindow, type SessionRefusal } from "./session.js";

/**
 * Scheduling a claimed mini request on the session engine (docs/ARCHITECTURE.md, sessions/ `kind: "mini"`), pure:
 * which starts fit both the student's preferred times and the claimer's availability, whether a chosen start may be
 * scheduled, and what a mini session's completion or cancellation does to its request. The callables read documents
 * in a transaction, ask here with `now`, and write what comes back.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export const OUTSIDE_PREFERRED_MESSAGE = "That time is outside the student's preferred times.";
export const MINI_MOVE_MESSAGE = "Mini sessions are moved by cancelling and scheduling again.";
/**
 * rescheduleSession's answer for a mini session: it checks a new time against a match, and a mini session has none;
 * its time must also fit the student's preferred windows, which only scheduleMiniSession knows.
 */
export const MINI_MOVE_REFUSAL: SessionRefusal = { action: "refuse", code: "failed-precondition", message: MINI_MOVE_MESSAGE };

/**
 * A stored request as scheduling needs it: the lifecycle planner's facts (planMiniTransition decides the request's own
 * transitions) plus the student's preferences and what a retry compares, with timestamps as epoch ms.
 */
export type MiniRequestFacts = MiniLifecycleFacts &
  Pick<
    MiniRequestDoc,
    | "studentName"
    | "title"
    | "specificQuestions"
    | "durationMinutes"
    | "preferredDateStart"
    | "preferredDateEnd"
    | "preferredTimeSlots"
    | "timezone"
    | "claimedByName"
    | "meetingLink"
  > & { scheduledStartMs: number | null };

/** The stored document as scheduling takes it. */
export function miniScheduleFacts(doc: MiniRequestDoc): MiniRequestFacts {
  return {
    ...miniRequestFacts(doc),
    studentName: doc.studentName,
    title: doc.title,
    specificQuestions: doc.specificQuestions,
    durationMinutes: doc.durationMinutes,
    preferredDateStart: doc.preferredDateStart,
    preferredDateEnd: doc.preferredDateEnd,
    preferredTimeSlots: doc.preferredTimeSlots,
    timezone: doc.timezone,
    claimedByName: doc.claimedByName,
    meetingLink: doc.meetingLink,
    scheduledStartMs: doc.scheduledStartAt?.toMillis() ?? null,
  };
}

const refuse = (code: SessionRefusal["code"], message: string, field?: string): SessionRefusal =>
  field ? { action: "refuse", code, message, fields: { [field]: message } } : { action: "refuse", code, message };

// ---- the student's preferred times --------------------------------------------------------------------------------

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Every calendar date from `first` to `last` ("YYYY-MM-DD"); plain calendar arithmetic, no zone involved. */
function datesBetween(first: string, last: string): string[] {
  const dates: string[] = [];
  const end = Date.parse(`${last}T00:00:00Z`);
  for (let at = Date.parse(`${first}T00:00:00Z`); at <= end && dates.length <= MINI.rangeMaxDays; at += DAY_MS) {
    dates.push(new Date(at).toISOString().slice(0, 10));
  }
  return dates;
}

/**
 * The student's preferred times as instants: each date of the range × each daily window, read on the student's clock.
 * Built as a one-off availability in the student's zone (the dates as overrides, no weekly hours) so the wall-clock to
 * instant conversion is the slot planner's own: a window start the clock skips (spring forward) is the moment of the
 * jump, a repeated wall time (fall back) its first occurrence, and windows that touch or overlap on one day join, as
 * the student is free throughout. A window never crosses midnight (the schema keeps `to` after `from`).
 */
export function preferredWindows(request: Pick<MiniRequestFacts, "preferredDateStart" | "preferredDateEnd" | "preferredTimeSlots" | "timezone">): BusyInterval[] {
  if (!isSchedulingTimeZone(request.timezone)) return [];
  const ranges = request.preferredTimeSlots
    .filter((slot) => HH_MM.test(slot.from) && HH_MM.test(slot.to) && minutesOf(slot.to) > minutesOf(slot.from))
    .map((slot) => ({ start: slot.from, end: slot.to }));
  const dates = datesBetween(request.preferredDateStart, request.preferredDateEnd);
  if (ranges.length === 0 || dates.length === 0) return [];
  const preferred: Availability = {
    timeZone: request.timezone,
    weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
    overrides: Object.fromEntries(dates.map((date) => [date, ranges])),
    minimumNoticeMinutes: 0,
    horizonDays: 1,
    bufferMinutes: 0,
  };
  // A day of margin each side covers every offset (−12 h … +14 h) around the UTC reading of the dates.
  const fromMs = Date.parse(`${dates[0]}T00:00:00Z`) - 2 * DAY_MS;
  const toMs = Date.parse(`${dates.at(-1)}T00:00:00Z`) + 3 * DAY_MS;
  return openRanges(preferred, fromMs, toMs).map((range) => ({ startMs: range.startMs, endMs: range.endMs }));
}

/** Whether [startMs, endMs) lies wholly inside one preferred window. */
export const fitsPreferred = (startMs: number, endMs: number, windows: readonly BusyInterval[]): boolean =>
  windows.some((window) => window.startMs <= startMs && endMs <= window.endMs);

// ---- getMiniSlots -------------------------------------------------------------------------------------------------

export interface MiniSlotsInput {
  nowMs: number;
  request: Pick<MiniRequestFacts, "preferredDateStart" | "preferredDateEnd" | "preferredTimeSlots" | "timezone" | "durationMinutes">;
  availability: Availability;
  /** Both people's upcoming pending and accepted sessions. */
  busy: readonly BusyInterval[];
  viewerTimeZone: string;
  /** Page on from here (an earlier answer's `nextFromMs`); absent = the first preferred window (or now). */
  fromMs?: number;
}

/**
 * The starts getBookableSlots would offer for the request's length (planSlots: the mentor's hours, notice, horizon,
 * buffer, both people's sessions), kept only when the whole session fits in one of the student's windows. Paged like
 * getBookableSlots (SESSIONS.slotWindowDays at a time), but the first page starts at the student's first window, and
 * paging stops after their last.
 */
export function planMiniSlots(input: MiniSlotsInput): { days: SlotDay[]; nextFromMs: number | null } {
  const windows = preferredWindows(input.request);
  const last = windows.at(-1);
  if (!last || last.endMs <= input.nowMs) return { days: [], nextFromMs: null };
  const window = slotWindow(input.nowMs, input.fromMs ?? windows[0]!.startMs, input.availability.horizonDays);
  const days = planSlots({
    nowMs: input.nowMs,
    availability: input.availability,
    busy: input.busy,
    durationMinutes: input.request.durationMinutes,
    viewerTimeZone: input.viewerTimeZone,
  })
    .map((day) => ({
      date: day.date,
      slots: day.slots.filter((slot) => slot.startMs >= window.fromMs && slot.startMs < window.toMs && fitsPreferred(slot.startMs, slot.endMs, windows)),
    }))
    .filter((day) => day.slots.length > 0);
  const nextFromMs = window.nextFromMs !== null && window.nextFromMs < last.endMs ? window.nextFromMs : null;
  return { days, nextFromMs };
}

/** Who may ask for a request's slots: its claimer, while it is claimed. Null when they may. */
export function refuseMiniSlots(callerUid: string, request: Pick<MiniRequestFacts, "claimedBy" | "status"> | null): SessionRefusal | null {
  if (!request || request.claimedBy !== callerUid) return refuse("permission-denied", "Only the mentor who claimed this request can schedule it.");
  if (request.status !== "claimed") return refuse("failed-precondition", notClaimedMessage(request.status));
  return null;
}

function notClaimedMessage(status: MiniRequestFacts["status"]): string {
  switch (status) {
    case "scheduled":
      return "This request is already scheduled. To pick another time, cancel the session and schedule it again.";
    case "completed":
      return "This request's session has already taken place.";
    case "cancelled":
      return "The student cancelled this request.";
    case "expired":
      return "This request expired before anyone scheduled it.";
    default:
      return "Claim this request before scheduling it.";
  }
}

// ---- scheduleMiniSession ------------------------------------------------------------------------------------------

export interface MiniMeeting {
  meetingType: MiniMeetingType;
  /** The pasted or generated link for video; "" otherwise. */
  meetingLink: string;
  phone: string;
  location: string;
}

export interface ScheduleMiniInput {
  request: MiniRequestFacts | null;
  callerUid: string;
  nowMs: number;
  startMs: number;
  /** The caller's (the claimer's) availability. */
  availability: Availability | null;
  /** Lock ids (of those the session needs, scheduleMiniLockIds) that already exist. */
  takenLockIds: readonly string[];
  /** The new session's id, so the request can point at it. */
  sessionId: string;
  meeting: MiniMeeting;
}

export type ScheduleMiniPlan =
  | SessionRefusal
  /** A retry of a schedule that committed: the same answer, nothing written, nobody told twice. */
  | { action: "noop"; sessionId: string; startMs: number; endMs: number; meetingLink: string }
  | {
      action: "schedule";
      startMs: number;
      endMs: number;
      mentorId: string;
      menteeId: string;
      /** Both people's cells at once: the session is created accepted (bookingLockIds, what an accepted session holds). */
      lockIds: string[];
      nextReminderAt: Date | null;
      /** planMiniTransition's `schedule`: status, sessionId, scheduledAt, scheduledStartAt, the meeting, scheduleBy null. */
      requestUpdate: MiniUpdate;
    };

/** Which lock ids scheduling at `startMs` needs, before the transaction reads them; [] when it cannot be scheduled. */
export function scheduleMiniLockIds(request: MiniRequestFacts | null, callerUid: string, availability: Availability | null, startMs: number): string[] {
  if (!request || !availability || request.claimedBy !== callerUid || request.status !== "claimed" || !Number.isSafeInteger(startMs)) return [];
  return bookingLockIds({
    mentorId: callerUid,
    menteeId: request.studentId,
    startMs,
    endMs: startMs + request.durationMinutes * MINUTE_MS,
    bufferMinutes: availability.bufferMinutes,
  });
}

/** The booking check speaks to a mentee about "this mentor"; here the mentor is the one choosing. */
function ownHoursMessage(problem: BookingProblem, message: string, availability: Availability): string {
  switch (problem) {
    case "outside-availability":
      return "That time is outside your available hours.";
    case "within-minimum-notice":
      return `That is sooner than the ${describeMinutes(availability.minimumNoticeMinutes)} of notice you ask for: choose a later time.`;
    case "beyond-horizon":
      return `That is further ahead than the ${describeDays(availability.horizonDays)} you take bookings for: choose an earlier time.`;
    default:
      return message;
  }
}

export function planScheduleMini(input: ScheduleMiniInput): ScheduleMiniPlan {
  const { request, callerUid, nowMs, startMs } = input;
  if (!request) return refuse("not-found", "That request does not exist.");
  const endMs = startMs + request.durationMinutes * MINUTE_MS;
  if (request.status === "scheduled" && request.claimedBy === callerUid && request.scheduledStartMs === startMs && request.sessionId) {
    return { action: "noop", sessionId: request.sessionId, startMs, endMs, meetingLink: request.meetingLink };
  }
  if (request.claimedBy !== callerUid) return refuse("permission-denied", "Only the mentor who claimed this request can schedule it.");
  // The request's own rules (claimed, not past the 48-hour deadline) are the lifecycle planner's.
  const transition = planMiniTransition({
    request,
    action: "schedule",
    actorUid: callerUid,
    actorRole: "mentor",
    nowMs,
    schedule: { sessionId: input.sessionId, startMs, ...input.meeting },
  });
  if (transition.action === "refuse") return refuse(transition.code === "resource-exhausted" ? "failed-precondition" : transition.code, transition.message);
  if (transition.action === "noop") return refuse("failed-precondition", notClaimedMessage("scheduled"));
  if (!input.availability) return refuse("failed-precondition", "Set your available hours on the Schedule page first, so a time can be checked.");
  if (!fitsPreferred(startMs, endMs, preferredWindows(request))) return refuse("invalid-argument", OUTSIDE_PREFERRED_MESSAGE, "startMs");
  const check = checkBookingRequest({ nowMs, availability: input.availability, busy: [], startMs, durationMinutes: request.durationMinutes });
  if (!check.ok) return refuse("invalid-argument", ownHoursMessage(check.problem, check.message, input.availability), "startMs");
  if (input.takenLockIds.length > 0) return refuse("already-exists", SLOT_TAKEN_MESSAGE, "startMs");
  const reminders = planReminders({ status: "accepted", startMs, version: 1, confirmedAtMs: nowMs, remindersSent: {} }, nowMs);
  return {
    action: "schedule",
    startMs,
    endMs,
    mentorId: callerUid,
    menteeId: request.studentId,
    lockIds: bookingLockIds({ mentorId: callerUid, menteeId: request.studentId, startMs, endMs, bufferMinutes: input.availability.bufferMinutes }),
    nextReminderAt: reminders.nextReminderAt === null ? null : new Date(reminders.nextReminderAt),
    requestUpdate: transition.update,
  };
}

/**
 * The agenda a mini session starts with when the mentor writes none: what the student asked for, so both see it on
 * the session page and in the reminders. Cut to the session's agenda limit.
 */
export function defaultMiniAgenda(request: Pick<MiniRequestFacts, "title" | "specificQuestions">, max: number): string {
  const text = request.specificQuestions ? `${request.title}\n\nQuestions: ${request.specificQuestions}` : request.title;
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

// ---- the session engine's hooks -----------------------------------------------------------------------------------

/** The request a mini session belongs to, when it still is that session's: scheduled with this session id. */
const ownsSession = (request: Pick<MiniLifecycleFacts, "status" | "sessionId"> | null, sessionId: string) =>
  request !== null && request.status === "scheduled" && request.sessionId === sessionId;

export type MiniCompletePlan = null | {
  update: MiniUpdate;
  /** Ask both people to rate each other: only after a session that took place (feedback needs `completed`). */
  followUp: boolean;
};

/**
 * completeSession on a mini session: its request is completed too (a no-show as well: the session is over), by the
 * lifecycle planner's `complete`. Null when the request is not this session's any more (or gone): it stays as it is.
 */
export function planMiniOnComplete(input: {
  request: MiniLifecycleFacts | null;
  sessionId: string;
  status: "completed" | "no_show";
  nowMs: number;
}): MiniCompletePlan {
  if (!input.request || !ownsSession(input.request, input.sessionId)) return null;
  // The session engine decided who may complete; the request only follows.
  const transition = planMiniTransition({ request: input.request, action: "complete", actorUid: "completeSession", actorRole: null, nowMs: input.nowMs });
  if (transition.action !== "apply") return null;
  return { update: transition.update, followUp: input.status === "completed" };
}

export type MiniCancelPlan =
  | null
  /** The student cancelled: the request is cancelled (the lifecycle planner's `cancel`). */
  | { action: "cancel"; update: MiniUpdate }
  /** The mentor cancelled: the request is open on the board again, this mentor remembered in `releasedBy`. */
  | { action: "reopen"; update: MiniUpdate };

/**
 * cancelSession on a mini session. The student cancelling ends the request (they no longer want it); the mentor
 * cancelling gives it back: open on the board again for another mentor, with every claim and schedule field cleared
 * (the lifecycle has no mentor-side cancel of a scheduled request, since the session engine owns the session).
 */
export function planMiniOnCancel(input: {
  request: MiniLifecycleFacts | null;
  sessionId: string;
  callerUid: string;
  reason: string;
  nowMs: number;
}): MiniCancelPlan {
  const { request } = input;
  if (!request || !ownsSession(request, input.sessionId)) return null;
  const now = new Date(input.nowMs);
  if (input.callerUid === request.studentId) {
    const transition = planMiniTransition({ request, action: "cancel", actorUid: input.callerUid, actorRole: "mentee", nowMs: input.nowMs, reason: input.reason });
    return transition.action === "apply" ? { action: "cancel", update: transition.update } : null;
  }
  const releasedBy = [...request.releasedBy.filter((uid) => uid !== input.callerUid), input.callerUid].slice(-50);
  return {
    action: "reopen",
    update: {
      status: "open",
      claimedBy: null,
      claimedByName: "",
      claimedAt: null,
      scheduleBy: null,
      sessionId: null,
      scheduledAt: null,
      scheduledStartAt: null,
      meetingType: null,
      meetingLink: "",
      phone: "",
      location: "",
      releasedBy,
      updatedAt: now,
    },
  };
}
