import * as z from "zod";
import { MINI, SESSIONS } from "../constants.js";
import { parseMeetingLink } from "../scheduling/meeting-links.js";
import { httpsUrlSchema, idSchema, storedTagSchema, tagSchema, text, timestampSchema, timezoneSchema, uidSchema } from "./common.js";
import { isSessionDurationMinutes } from "./session.js";

/**
 * Mini mentorship (seeds 002 and 003; docs/ARCHITECTURE.md, miniRequests/). A student posts a one-off request, any
 * mentor claims it (exactly one wins), the claimer schedules it inside the student's preferred times, and from then
 * on it is a session with `kind: "mini"` (sessions/, the same engine as every other session).
 */

/** Seed 003's nine session types, in the order the form lists them. */
export const MINI_SESSION_TYPES = [
  "interview_prep",
  "skill_learning",
  "career_advice",
  "resume_review",
  "project_guidance",
  "technical_help",
  "portfolio_review",
  "networking_advice",
  "other",
] as const;
export type MiniSessionType = (typeof MINI_SESSION_TYPES)[number];

export const MINI_SESSION_TYPE_LABELS: Record<MiniSessionType, string> = {
  interview_prep: "Interview preparation",
  skill_learning: "Learning a skill",
  career_advice: "Career advice",
  resume_review: "Resume review",
  project_guidance: "Project guidance",
  technical_help: "Technical help",
  portfolio_review: "Portfolio review",
  networking_advice: "Networking advice",
  other: "Something else",
};

export const MINI_URGENCIES = ["low", "normal", "high", "urgent"] as const;
export type MiniUrgency = (typeof MINI_URGENCIES)[number];
/** Stored as `urgencyRank` so "most urgent first" is one index-backed order. */
export const MINI_URGENCY_RANK: Record<MiniUrgency, number> = { low: 0, normal: 1, high: 2, urgent: 3 };
export const MINI_URGENCY_LABELS: Record<MiniUrgency, string> = { low: "Low", normal: "Normal", high: "High", urgent: "Urgent" };

/**
 * Seed 003's statuses: open → claimed → scheduled → completed; open/claimed/scheduled → cancelled; open → expired;
 * and claimed → open when the claimer misses the scheduling deadline (or gives it back).
 */
export const MINI_STATUSES = ["open", "claimed", "scheduled", "completed", "cancelled", "expired"] as const;
export type MiniStatus = (typeof MINI_STATUSES)[number];

export const MINI_MEETING_TYPES = ["video", "phone", "in_person"] as const;
export type MiniMeetingType = (typeof MINI_MEETING_TYPES)[number];

export const miniRequestIdSchema = idSchema("A mini request id");

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const isRealDate = (value: string) => {
  if (!LOCAL_DATE.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
};

const localDateSchema = (label: string) =>
  z.string({ message: `Choose the ${label}.` }).refine(isRealDate, `Choose the ${label} as a date (YYYY-MM-DD).`);

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** A daily window "HH:mm"–"HH:mm" in the student's zone; `to` "24:00" is not a time, so a window ends by 23:59. */
export const miniTimeSlotSchema = z
  .strictObject({
    from: z.string({ message: "Choose a start time." }).regex(LOCAL_TIME, "Use a time like 09:30."),
    to: z.string({ message: "Choose an end time." }).regex(LOCAL_TIME, "Use a time like 17:00."),
  })
  .refine((slot) => !LOCAL_TIME.test(slot.from) || !LOCAL_TIME.test(slot.to) || minutesOf(slot.to) - minutesOf(slot.from) >= 30, {
    message: "A time window must end at least 30 minutes after it starts.",
    path: ["to"],
  });
export type MiniTimeSlot = z.output<typeof miniTimeSlotSchema>;

const optionalText = (label: string, max: number) => text(label).trim().max(max, `${label} can be at most ${max} characters.`).default("");

const optionalHttpsLink = (label: string) =>
  httpsUrlSchema.refine((value) => value === "" || value.length <= 500, `${label} must be at most 500 characters.`).default("");

/**
 * What the student fills in (`postMiniRequest`, and the form through the zod resolver). Whether the range starts in the
 * past depends on `now` in the student's zone: that is `miniRangeProblem`, which the form and the callable's planner
 * both call.
 */
export const miniRequestInputSchema = z
  .strictObject({
    title: text("The title")
      .trim()
      .min(MINI.titleMin, `Give it a title of at least ${MINI.titleMin} characters.`)
      .max(MINI.titleMax, `The title can be at most ${MINI.titleMax} characters.`),
    sessionType: z.enum(MINI_SESSION_TYPES, { message: "Choose what kind of help you need." }),
    description: text("The description")
      .trim()
      .min(MINI.descriptionMin, `Describe what you need in at least ${MINI.descriptionMin} characters.`)
      .max(MINI.descriptionMax, `The description can be at most ${MINI.descriptionMax} characters.`),
    durationMinutes: z
      .number({ message: "Choose how long the session lasts." })
      .refine(isSessionDurationMinutes, `A session lasts ${SESSIONS.durations.join(", ").replace(/, (\d+)$/, " or $1")} minutes.`),
    urgency: z.enum(MINI_URGENCIES, { message: "Choose how urgent it is." }),
    preferredDateStart: localDateSchema("first day you could meet"),
    preferredDateEnd: localDateSchema("last day you could meet"),
    preferredTimeSlots: z
      .array(miniTimeSlotSchema, { message: "Add the times of day you could meet." })
      .min(1, "Add at least one time of day you could meet.")
      .max(MINI.timeSlotsMax, `At most ${MINI.timeSlotsMax} time windows.`),
    timezone: timezoneSchema,
    tags: z.array(tagSchema).max(MINI.tagsMax, `At most ${MINI.tagsMax} tags.`).default([]),
    relevantExperience: optionalText("Relevant experience", MINI.experienceMax),
    specificQuestions: optionalText("Specific questions", MINI.questionsMax),
    resumeUrl: optionalHttpsLink("The resume link"),
    portfolioUrl: optionalHttpsLink("The portfolio link"),
  })
  .refine((input) => !isRealDate(input.preferredDateStart) || !isRealDate(input.preferredDateEnd) || input.preferredDateEnd >= input.preferredDateStart, {
    message: "The last day must be on or after the first day.",
    path: ["preferredDateEnd"],
  })
  .refine(
    (input) =>
      !isRealDate(input.preferredDateStart) ||
      !isRealDate(input.preferredDateEnd) ||
      (Date.parse(input.preferredDateEnd) - Date.parse(input.preferredDateStart)) / 86_400_000 < MINI.rangeMaxDays,
    { message: `The preferred dates can span at most ${MINI.rangeMaxDays} days.`, path: ["preferredDateEnd"] },
  );
export type MiniRequestInput = z.input<typeof miniRequestInputSchema>;
export type MiniRequestFields = z.output<typeof miniRequestInputSchema>;

/**
 * What `now` adds to the schema: the range must not start before the student's today (in their zone) and must start
 * within MINI.startWithinDays. `todayInZone` is the student's local date "YYYY-MM-DD" at `now`. Null when fine.
 */
export function miniRangeProblem(
  input: Pick<MiniRequestFields, "preferredDateStart" | "preferredDateEnd">,
  todayInZone: string,
): { field: "preferredDateStart" | "preferredDateEnd"; message: string } | null {
  if (input.preferredDateEnd < todayInZone) return { field: "preferredDateEnd", message: "These dates are in the past: choose days from today on." };
  if (input.preferredDateStart < todayInZone) return { field: "preferredDateStart", message: "The first day cannot be in the past." };
  const ahead = (Date.parse(input.preferredDateStart) - Date.parse(todayInZone)) / 86_400_000;
  if (ahead > MINI.startWithinDays) return { field: "preferredDateStart", message: `Choose a first day within the next ${MINI.startWithinDays} days.` };
  return null;
}

/** The local date "YYYY-MM-DD" in an IANA zone at an instant (Intl is enough for a date; no arithmetic is done). */
export function localDateIn(timeZone: string, ms: number): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

export const postMiniRequestOutputSchema = z.object({ requestId: z.string(), expiresAtMs: z.number() });

/** `getMiniWaitEstimate`: the median time to claim of recent requests of this type and urgency. */
export const getMiniWaitEstimateInputSchema = z.strictObject({
  sessionType: z.enum(MINI_SESSION_TYPES, { message: "Choose what kind of help you need." }),
  urgency: z.enum(MINI_URGENCIES, { message: "Choose how urgent it is." }),
});
export const getMiniWaitEstimateOutputSchema = z.object({
  /** Null: fewer than MINI.waitMinSample recent claims to go on ("not enough data yet"). */
  medianMinutes: z.number().nullable(),
  sampleSize: z.number(),
});

const reasonSchema = text("The reason").trim().max(SESSIONS.noteMax, `The reason can be at most ${SESSIONS.noteMax} characters.`).default("");

/** `claimMiniRequest`: a mentor takes an open request; exactly one of any number racing wins. */
export const claimMiniRequestInputSchema = z.strictObject({ requestId: miniRequestIdSchema });
export const claimMiniRequestOutputSchema = z.object({
  requestId: z.string(),
  status: z.literal("claimed"),
  /** When it returns to the board unless scheduled (claimedAt + MINI.scheduleWithinHours). */
  scheduleByMs: z.number(),
  /** False when the caller already held it (a retry). */
  changed: z.boolean(),
});

/** `cancelMiniRequest`: the student, while open, claimed or scheduled (a scheduled session is cancelled with it). */
export const cancelMiniRequestInputSchema = z.strictObject({ requestId: miniRequestIdSchema, reason: reasonSchema });
export const cancelMiniRequestOutputSchema = z.object({ requestId: z.string(), status: z.literal("cancelled"), changed: z.boolean() });

/** `releaseMiniRequest`: the claimer gives a claimed (not yet scheduled) request back to the board. */
export const releaseMiniRequestInputSchema = z.strictObject({ requestId: miniRequestIdSchema, reason: reasonSchema });
export const releaseMiniRequestOutputSchema = z.object({ requestId: z.string(), status: z.literal("open"), changed: z.boolean() });

/** `getMiniSlots`: the claimer asks which starts fit the student's preferred times and their own availability. */
export const getMiniSlotsInputSchema = z.strictObject({
  requestId: miniRequestIdSchema,
  fromMs: z.number().int("Choose a start time.").nonnegative("Choose a start time.").optional(),
  timeZone: timezoneSchema.optional(),
});

/**
 * `scheduleMiniSession`: the claimer picks a start inside the student's preferred times and their own availability
 * and says how they meet: video (a pasted https link, or `createRoom` for a Jitsi room), phone (a number) or in person
 * (a place). The session is created accepted — the student already said these times work — and both get the .ics.
 */
export const scheduleMiniSessionInputSchema = z
  .strictObject({
    requestId: miniRequestIdSchema,
    startMs: z.number({ message: "Choose a start time." }).int("Choose a start time.").nonnegative("Choose a start time."),
    meetingType: z.enum(MINI_MEETING_TYPES, { message: "Choose how you will meet." }),
    meetingLink: text("The meeting link").trim().max(500, "The meeting link can be at most 500 characters.").default(""),
    createRoom: z.boolean().default(false),
    phone: text("The phone number").trim().max(40, "The phone number can be at most 40 characters.").default(""),
    location: text("The place").trim().max(200, "The place can be at most 200 characters.").default(""),
    agenda: text("The agenda").trim().max(SESSIONS.agendaMax, `The agenda can be at most ${SESSIONS.agendaMax} characters.`).default(""),
  })
  .superRefine((input, ctx) => {
    if (input.meetingType === "video") {
      if (input.meetingLink && input.createRoom) ctx.addIssue({ code: "custom", path: ["meetingLink"], message: "Paste a meeting link or create a room, not both." });
      else if (!input.meetingLink && !input.createRoom) ctx.addIssue({ code: "custom", path: ["meetingLink"], message: "Paste a meeting link, or create a room." });
      else if (input.meetingLink) {
        const check = parseMeetingLink(input.meetingLink);
        if (!check.ok) ctx.addIssue({ code: "custom", path: ["meetingLink"], message: check.message });
      }
    } else if (input.meetingType === "phone" && !/^\+?[0-9][0-9 ()./-]{5,38}$/.test(input.phone)) {
      ctx.addIssue({ code: "custom", path: ["phone"], message: "Give a phone number, like +1 555 010 0199." });
    } else if (input.meetingType === "in_person" && input.location === "") {
      ctx.addIssue({ code: "custom", path: ["location"], message: "Say where you will meet." });
    }
  });
export type ScheduleMiniSessionInput = z.input<typeof scheduleMiniSessionInputSchema>;
export const scheduleMiniSessionOutputSchema = z.object({
  requestId: z.string(),
  sessionId: z.string(),
  status: z.literal("scheduled"),
  startMs: z.number(),
  endMs: z.number(),
  meetingLink: z.string(),
  changed: z.boolean(),
});

/** `miniRequests/{requestId}` as stored. Written only by functions (every transition is a callable or a job). */
export const miniRequestDocSchema = z.object({
  studentId: uidSchema,
  studentName: z.string(),
  title: z.string().min(MINI.titleMin).max(MINI.titleMax),
  sessionType: z.enum(MINI_SESSION_TYPES),
  description: z.string().max(MINI.descriptionMax),
  durationMinutes: z.number().refine(isSessionDurationMinutes),
  urgency: z.enum(MINI_URGENCIES),
  urgencyRank: z.number().int().min(0).max(3),
  preferredDateStart: z.string().regex(LOCAL_DATE),
  preferredDateEnd: z.string().regex(LOCAL_DATE),
  preferredTimeSlots: z.array(z.object({ from: z.string(), to: z.string() })).max(MINI.timeSlotsMax),
  timezone: z.string(),
  tags: z.array(storedTagSchema).max(MINI.tagsMax),
  relevantExperience: z.string().max(MINI.experienceMax),
  specificQuestions: z.string().max(MINI.questionsMax),
  resumeUrl: z.string().max(500),
  portfolioUrl: z.string().max(500),
  /** Lower-case words of the title and description plus `#tag` entries: the board's one array-contains search. */
  searchTokens: z.array(z.string()).max(200),
  status: z.enum(MINI_STATUSES),
  claimedBy: z.string().nullable(),
  claimedByName: z.string(),
  claimedAt: timestampSchema.nullable(),
  /** claimedAt + MINI.scheduleWithinHours while claimed; the release job reads `status == claimed && scheduleBy <= now`. */
  scheduleBy: timestampSchema.nullable(),
  /** Mentors who let a claim lapse or gave it back: told apart on the board ("you gave this one back"). */
  releasedBy: z.array(z.string()).max(50),
  /** The first claim's time (kept through releases): "time to claim" in the metrics. */
  firstClaimedAt: timestampSchema.nullable(),
  sessionId: z.string().nullable(),
  scheduledAt: timestampSchema.nullable(),
  scheduledStartAt: timestampSchema.nullable(),
  meetingType: z.enum(MINI_MEETING_TYPES).nullable(),
  meetingLink: z.string(),
  phone: z.string(),
  location: z.string(),
  cancelledBy: z.string().nullable(),
  cancelReason: z.string(),
  cancelledAt: timestampSchema.nullable(),
  completedAt: timestampSchema.nullable(),
  expiredAt: timestampSchema.nullable(),
  /** createdAt + MINI.expiryDays: the board lists only `expiresAt > now`, whether or not the expiry job has run. */
  expiresAt: timestampSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type MiniRequestDoc = z.output<typeof miniRequestDocSchema>;
