import {
  MINI,
  MINI_SESSION_TYPES,
  MINI_URGENCIES,
  isIanaTimeZone,
  localDateIn,
  miniRangeProblem,
  type MiniRequestDoc,
  type MiniRequestInput,
} from "@mentormatch/shared";

/** What the request form holds: the shared schema's input with every field present (so reset and defaults are total). */
export type MiniFormValues = Required<MiniRequestInput>;

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** A calendar date "YYYY-MM-DD" moved by whole days (UTC arithmetic: a calendar date has no zone or DST). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** The form's fields for a new request: a week from today in the student's zone, one evening window, 30 minutes. */
export function defaultMiniValues(timeZone: string, nowMs: number): MiniFormValues {
  const today = localDateIn(timeZone, nowMs);
  return {
    title: "",
    sessionType: "" as MiniFormValues["sessionType"],
    description: "",
    durationMinutes: 30,
    urgency: "normal",
    preferredDateStart: today,
    preferredDateEnd: addDays(today, 6),
    preferredTimeSlots: [{ from: "18:00", to: "20:00" }],
    timezone: timeZone,
    tags: [],
    relevantExperience: "",
    specificQuestions: "",
    resumeUrl: "",
    portfolioUrl: "",
  };
}

/**
 * "Post again" for an expired (or cancelled) request: everything as it was, but the dates moved to start today with
 * the same length when the old ones have passed, since the server refuses a range in the past.
 */
export function valuesFromRequest(request: MiniFormSource, nowMs: number): MiniFormValues {
  const timezone = isIanaTimeZone(request.timezone) ? request.timezone : "UTC";
  const today = localDateIn(timezone, nowMs);
  let start = request.preferredDateStart;
  let end = request.preferredDateEnd;
  if (!LOCAL_DATE.test(start) || !LOCAL_DATE.test(end) || start < today) {
    const length = LOCAL_DATE.test(start) && LOCAL_DATE.test(end) ? Math.min(Math.max(daysBetween(start, end), 0), MINI.rangeMaxDays - 1) : 6;
    start = today;
    end = addDays(today, length);
  }
  return {
    title: request.title,
    sessionType: request.sessionType,
    description: request.description,
    durationMinutes: request.durationMinutes,
    urgency: request.urgency,
    preferredDateStart: start,
    preferredDateEnd: end,
    preferredTimeSlots: request.preferredTimeSlots.length > 0 ? request.preferredTimeSlots.map(({ from, to }) => ({ from, to })) : [{ from: "18:00", to: "20:00" }],
    timezone,
    tags: [...request.tags],
    relevantExperience: request.relevantExperience,
    specificQuestions: request.specificQuestions,
    resumeUrl: request.resumeUrl,
    portfolioUrl: request.portfolioUrl,
  };
}

/** The request fields "Post again" copies (a MiniRequest from the data layer has them all). */
export type MiniFormSource = Pick<
  MiniRequestDoc,
  | "title"
  | "sessionType"
  | "description"
  | "durationMinutes"
  | "urgency"
  | "preferredDateStart"
  | "preferredDateEnd"
  | "preferredTimeSlots"
  | "timezone"
  | "tags"
  | "relevantExperience"
  | "specificQuestions"
  | "resumeUrl"
  | "portfolioUrl"
>;

/**
 * The part of validation that depends on the clock (a range starting before today in the student's zone, or too far
 * ahead), checked beside the schema so both kinds of error show at once. Null while the dates or the zone are not
 * valid yet: the schema already says what is wrong with them.
 */
export function rangeProblemAt(values: Pick<MiniFormValues, "preferredDateStart" | "preferredDateEnd" | "timezone">, nowMs: number) {
  if (!LOCAL_DATE.test(values.preferredDateStart) || !LOCAL_DATE.test(values.preferredDateEnd) || !isIanaTimeZone(values.timezone)) return null;
  return miniRangeProblem(values, localDateIn(values.timezone, nowMs));
}

/** Form field names a server `invalid-argument` can point at, slot rows included (`preferredTimeSlots.1.to`). */
export function miniFormFields(slotCount: number): string[] {
  const slots = Array.from({ length: slotCount }, (_, i) => [`preferredTimeSlots.${i}.from`, `preferredTimeSlots.${i}.to`]).flat();
  return [
    "title",
    "sessionType",
    "description",
    "durationMinutes",
    "urgency",
    "preferredDateStart",
    "preferredDateEnd",
    "preferredTimeSlots",
    ...slots,
    "timezone",
    "tags",
    "relevantExperience",
    "specificQuestions",
    "resumeUrl",
    "portfolioUrl",
  ];
}

/** Only a type and urgency the schema knows are worth asking the wait estimate about. */
export function canEstimateWait(sessionType: string, urgency: string): boolean {
  return (MINI_SESSION_TYPES as readonly string[]).includes(sessionType) && (MINI_URGENCIES as readonly string[]).includes(urgency);
}

/** "about 40 minutes", "about 5 hours", "about 2 days": a rounded duration, since a median is only a guide. */
export function describeDuration(minutes: number): string {
  if (minutes < 60) {
    const rounded = Math.max(1, Math.round(minutes));
    return `about ${rounded} minute${rounded === 1 ? "" : "s"}`;
  }
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `about ${hours} hour${hours === 1 ? "" : "s"}`;
  return `about ${Math.round(hours / 24)} days`;
}

/** The line above "Post request": the median time to claim of recent requests like this one, or that there are too few. */
export function describeWait(estimate: { medianMinutes: number | null; sampleSize: number }): string {
  if (estimate.medianMinutes === null) return "Expected wait for a claim: not enough data yet for this type and urgency.";
  return `Expected wait for a claim: ${describeDuration(estimate.medianMinutes)} (median of the last ${estimate.sampleSize} claimed request${estimate.sampleSize === 1 ? "" : "s"} of this type and urgency).`;
}
