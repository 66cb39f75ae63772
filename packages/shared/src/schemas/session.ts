import * as z from "zod";
import { FEEDBACK, SESSIONS } from "../constants.js";
import { parseMeetingLink } from "../scheduling/meeting-links.js";
import { idSchema, matchIdSchema, text, timestampSchema, timezoneSchema, uidSchema } from "./common.js";

/**
 * A session's life: `pending` (proposed, holding the slot) → `accepted` | `declined` | `cancelled`;
 * `accepted` → `completed` | `cancelled` | `no_show`. Pending and accepted sessions hold their lock documents.
 */
export const SESSION_STATUSES = ["pending", "accepted", "declined", "cancelled", "completed", "no_show"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** Statuses that occupy time: they hold locks, count as busy for slots, and can still be cancelled. */
export const ACTIVE_SESSION_STATUSES = ["pending", "accepted"] as const satisfies readonly SessionStatus[];
export const isActiveSessionStatus = (status: SessionStatus): boolean => (ACTIVE_SESSION_STATUSES as readonly string[]).includes(status);

/** `match`: between the two people of an accepted match; `mini`: a scheduled mini mentorship request (scheduleMiniSession; `matchId` is the request id). */
export const SESSION_KINDS = ["match", "mini"] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export type SessionDurationMinutes = (typeof SESSIONS.durations)[number];
export const isSessionDurationMinutes = (n: unknown): n is SessionDurationMinutes => (SESSIONS.durations as readonly unknown[]).includes(n);

export const sessionIdSchema = idSchema("A session id");

/**
 * Here rather than the scheduling core's meetingLinkSchema: that one lives beside the availability schemas, which the
 * main entry (and so the callable contract) must not import; both call the same parseMeetingLink.
 */
const meetingLinkInputSchema = text("The meeting link").transform((value, ctx) => {
  const check = parseMeetingLink(value);
  if (!check.ok) {
    ctx.addIssue({ code: "custom", message: check.message });
    return z.NEVER;
  }
  return check.url;
});

const durationSchema = z
  .number({ message: "Choose how long the session lasts." })
  .refine(isSessionDurationMinutes, "A session lasts 30, 45 or 60 minutes.");

const noteSchema = (label: string) =>
  text(label).trim().max(SESSIONS.noteMax, `${label} can be at most ${SESSIONS.noteMax} characters.`);

/** `getBookableSlots`: a participant of an accepted match asks which starts are free for both people. */
export const getBookableSlotsInputSchema = z.strictObject({
  matchId: matchIdSchema,
  durationMinutes: durationSchema,
  /** Page on from here (an earlier answer's `nextFromMs`); absent = now. */
  fromMs: z.number().int("Choose a start time.").nonnegative("Choose a start time.").optional(),
  /** The viewer's zone for the day grouping; absent = the zone on their profile. */
  timeZone: timezoneSchema.optional(),
});
export type GetBookableSlotsInput = z.input<typeof getBookableSlotsInputSchema>;

const slotSchema = z.object({
  startMs: z.number(),
  endMs: z.number(),
  viewerDate: z.string(),
  viewerTime: z.string(),
  mentorDate: z.string(),
  mentorTime: z.string(),
  mentorOffset: z.string(),
});

export const getBookableSlotsOutputSchema = z.object({
  matchId: z.string(),
  durationMinutes: z.number(),
  /** The zone the days are grouped in (the viewer's), the mentor's, and the other person's, for "their time" labels. */
  timeZone: z.string(),
  mentorTimeZone: z.string(),
  otherTimeZone: z.string(),
  days: z.array(z.object({ date: z.string(), slots: z.array(slotSchema) })),
  /** Ask again from here for the next window, or null when the mentor's horizon ends within this one. */
  nextFromMs: z.number().nullable(),
});
export type GetBookableSlotsOutput = z.output<typeof getBookableSlotsOutputSchema>;

/**
 * `bookSession`: a participant proposes a time. A meeting link, or `createRoom: true` for a Jitsi room made by the
 * server, or neither (they agree on one later in chat).
 */
export const bookSessionInputSchema = z
  .strictObject({
    matchId: matchIdSchema,
    startMs: z.number({ message: "Choose a start time." }).int("Choose a start time.").nonnegative("Choose a start time."),
    durationMinutes: durationSchema,
    agenda: text("The agenda").trim().max(SESSIONS.agendaMax, `The agenda can be at most ${SESSIONS.agendaMax} characters.`).default(""),
    meetingLink: meetingLinkInputSchema.optional(),
    createRoom: z.boolean().optional(),
  })
  .refine((input) => !(input.meetingLink && input.createRoom), {
    message: "Paste a meeting link or create a room, not both.",
    path: ["meetingLink"],
  });
export type BookSessionInput = z.input<typeof bookSessionInputSchema>;

export const bookSessionOutputSchema = z.object({
  sessionId: z.string(),
  status: z.literal("pending"),
  startMs: z.number(),
  endMs: z.number(),
  meetingLink: z.string(),
});

/** `respondToSession`: the invitee (not the proposer) accepts or declines, with an optional note. */
export const respondToSessionInputSchema = z.strictObject({
  sessionId: sessionIdSchema,
  decision: z.enum(["accept", "decline"], { message: "Choose accept or decline." }),
  note: noteSchema("The note").optional(),
});
export type RespondToSessionInput = z.input<typeof respondToSessionInputSchema>;

export const respondToSessionOutputSchema = z.object({
  sessionId: z.string(),
  status: z.enum(["accepted", "declined"]),
  /** False when it already had this answer (a retry). */
  changed: z.boolean(),
});

/** `cancelSession`: either participant; within SESSIONS.cancelReasonCutoffHours of the start a reason is required. */
export const cancelSessionInputSchema = z.strictObject({
  sessionId: sessionIdSchema,
  reason: noteSchema("The reason").optional(),
});
export type CancelSessionInput = z.input<typeof cancelSessionInputSchema>;

export const cancelSessionOutputSchema = z.object({
  sessionId: z.string(),
  status: z.literal("cancelled"),
  changed: z.boolean(),
});

/**
 * `rescheduleSession`: either participant proposes a new time for a pending or accepted session (the other person
 * confirms with respondToSession); within SESSIONS.rescheduleCutoffHours of the start a reason (`note`) is required.
 */
export const rescheduleSessionInputSchema = z.strictObject({
  sessionId: sessionIdSchema,
  startMs: z.number({ message: "Choose a start time." }).int("Choose a start time.").nonnegative("Choose a start time."),
  /** Absent: the session's current length. */
  durationMinutes: durationSchema.optional(),
  note: noteSchema("The reason").optional(),
});
export type RescheduleSessionInput = z.input<typeof rescheduleSessionInputSchema>;

export const rescheduleSessionOutputSchema = z.object({
  sessionId: z.string(),
  status: z.literal("pending"),
  /** The new version (the .ics SEQUENCE); unchanged when the call was a retry of a move already made. */
  version: z.number(),
  startMs: z.number(),
  endMs: z.number(),
  changed: z.boolean(),
});

// ---- completion and feedback (docs/ARCHITECTURE.md, sessions/ and feedback/) -----------------------------------------

const listSchema = (label: string, itemLabel: string, maxItems: number, maxLength: number) =>
  z
    .array(text(itemLabel).trim().min(1, `${itemLabel} cannot be empty.`).max(maxLength, `${itemLabel} can be at most ${maxLength} characters.`), {
      message: `${label} must be a list.`,
    })
    .max(maxItems, `At most ${maxItems} ${label.toLowerCase()}.`);

/**
 * `completeSession`: after the end, the mentor (or either person once SESSIONS.completeByMentorHours have passed)
 * records what happened. The caller was there; `otherAttended: false` records a no-show of the other person.
 */
export const completeSessionInputSchema = z.strictObject({
  sessionId: sessionIdSchema,
  otherAttended: z.boolean({ message: "Say whether the other person attended." }),
  actualMinutes: z
    .number({ message: "Say how long the session actually took, in minutes." })
    .int("The actual duration is a whole number of minutes.")
    .min(1, "The actual duration must be at least 1 minute.")
    .max(SESSIONS.actualMinutesMax, `The actual duration can be at most ${SESSIONS.actualMinutesMax} minutes.`),
  sharedNotes: text("The shared notes").trim().max(SESSIONS.notesMax, `The shared notes can be at most ${SESSIONS.notesMax} characters.`).default(""),
  topics: listSchema("Topics", "A topic", SESSIONS.topicsMax, SESSIONS.topicMax).default([]),
  actionItems: listSchema("Action items", "An action item", SESSIONS.actionItemsMax, SESSIONS.actionItemMax).default([]),
  followUp: z.boolean({ message: "Say whether a follow-up is wanted." }).default(false),
});
export type CompleteSessionInput = z.input<typeof completeSessionInputSchema>;

export const completeSessionOutputSchema = z.object({
  sessionId: z.string(),
  status: z.enum(["completed", "no_show"]),
  /** False when it was already completed or missed (a retry): nothing was written. */
  changed: z.boolean(),
});

/** `submitFeedback`: a participant of a completed session rates the other person, once. */
export const submitFeedbackInputSchema = z.strictObject({
  sessionId: sessionIdSchema,
  rating: z
    .number({ message: "Choose a rating from 1 to 5." })
    .int("A rating is a whole number of stars from 1 to 5.")
    .min(1, "A rating is at least 1 star.")
    .max(5, "A rating is at most 5 stars."),
  comment: text("The feedback").trim().max(FEEDBACK.commentMax, `The feedback can be at most ${FEEDBACK.commentMax} characters.`).default(""),
});
export type SubmitFeedbackInput = z.input<typeof submitFeedbackInputSchema>;

export const submitFeedbackOutputSchema = z.object({
  feedbackId: z.string(),
  /** When both people can read it (now, when the other person's feedback is already in). */
  visibleAt: z.string(),
});

/** `feedback/{sessionId}_{fromUid}` as stored. Written only by submitFeedback; never changed afterwards but `visibleAt`. */
export const feedbackDocSchema = z.object({
  sessionId: z.string(),
  kind: z.enum(["session", "mini"]),
  fromUid: uidSchema,
  toUid: uidSchema,
  /** The subject's role in the session: feedback about mentors shows on their profile. */
  toRole: z.enum(["mentor", "mentee"]),
  fromName: z.string(),
  rating: z.number().int().min(1).max(5),
  comment: z.string().max(FEEDBACK.commentMax),
  createdAt: timestampSchema,
  /** Completion + FEEDBACK.revealDays, moved to the second submission's time when both are in. */
  visibleAt: timestampSchema,
  /** `visibleAt` has passed, as a field the rules can let a list depend on (revealFeedback and submitFeedback set it). */
  visible: z.boolean(),
  /** Set in the transaction that folded the rating into the subject's profile: the "counted once" marker. */
  countedAt: timestampSchema.nullable(),
});
export type FeedbackDoc = z.output<typeof feedbackDocSchema>;

/** `sessions/{id}/private/{uid}`: a participant's own notes, written by them under the rules. */
export const sessionPrivateNoteSchema = z.strictObject({
  text: text("Your private notes").max(SESSIONS.notesMax, `Your private notes can be at most ${SESSIONS.notesMax} characters.`),
});
export type SessionPrivateNoteInput = z.input<typeof sessionPrivateNoteSchema>;

/** `sessions/{sessionId}` as stored. Written only by functions (the booking callables). */
export const sessionDocSchema = z.object({
  kind: z.enum(SESSION_KINDS),
  /** The accepted match it belongs to (`kind: "match"`), or the mini request's id (`kind: "mini"`). */
  matchId: z.string(),
  mentorId: uidSchema,
  menteeId: uidSchema,
  participants: z.tuple([uidSchema, uidSchema]),
  proposedBy: uidSchema,
  startAt: timestampSchema,
  endAt: timestampSchema,
  durationMinutes: z.number().refine(isSessionDurationMinutes),
  /** The proposer's IANA zone when they booked, so an email can say the time as they saw it. */
  timezone: z.string(),
  agenda: z.string().max(SESSIONS.agendaMax),
  /** https only (parseMeetingLink), or "" when none was given. */
  meetingLink: z.string().max(500),
  /**
   * How they meet. Only mini sessions choose (scheduleMiniSession); a match session is video, with its link or none
   * yet. `phone` and `location` are what the mentor gave for a phone call or a meeting in person.
   */
  meetingType: z.enum(["video", "phone", "in_person"]).default("video"),
  phone: z.string().max(40).default(""),
  location: z.string().max(200).default(""),
  /** A mini session's request title ("Mini session: …" in emails and calendars); "" for a match session. */
  title: z.string().max(200).default(""),
  status: z.enum(SESSION_STATUSES),
  /** 1, + 1 on every reschedule: the .ics SEQUENCE and part of every dedupe key. */
  version: z.number().int().min(1),
  responseNote: z.string().max(SESSIONS.noteMax),
  respondedAt: timestampSchema.nullable(),
  cancelledBy: z.string().nullable(),
  cancelReason: z.string().max(SESSIONS.noteMax),
  cancelledAt: timestampSchema.nullable(),
  /** When this version was accepted; reminders due before it are skipped. */
  confirmedAt: timestampSchema.nullable(),
  /** The version each reminder was last sent for (`24h`, `1h`). */
  remindersSent: z.record(z.string(), z.number()),
  /** When the reminder job should look at it next (`<= now`), or null. */
  nextReminderAt: timestampSchema.nullable(),
  /** The `sessionLocks/` ids it holds while pending or accepted: deleted with a decline or a cancellation. */
  lockIds: z.array(z.string()).max(32),
  mentorName: z.string(),
  menteeName: z.string(),
  /** Set by completeSession (absent before). `attendance` is what the completer reported. */
  completedAt: timestampSchema.nullable().default(null),
  completedBy: z.string().nullable().default(null),
  attendance: z.object({ mentor: z.boolean(), mentee: z.boolean() }).nullable().default(null),
  actualMinutes: z.number().int().nullable().default(null),
  sharedNotes: z.string().max(SESSIONS.notesMax).default(""),
  topics: z.array(z.string()).default([]),
  actionItems: z.array(z.string()).default([]),
  followUp: z.boolean().default(false),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type SessionDoc = z.output<typeof sessionDocSchema>;

/** `sessionLocks/{uid}_{cell}`: one per person per 15-minute UTC cell a pending or accepted session holds. */
export const sessionLockDocSchema = z.object({
  uid: uidSchema,
  cell: z.string(),
  sessionId: z.string(),
  createdAt: timestampSchema,
});
export type SessionLockDoc = z.output<typeof sessionLockDocSchema>;
