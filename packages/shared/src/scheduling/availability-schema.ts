import * as z from "zod";
import { timezoneSchema } from "../schemas/common.js";
import { isIanaTimeZone } from "../time-zones.js";
import { parseMeetingLink } from "./meeting-links.js";

/** Session lengths a booking may have; the slot grid and lock cells are both 15 minutes, so each is a whole number of cells. */
export const SESSION_DURATIONS = [30, 45, 60] as const;
export type SessionDuration = (typeof SESSION_DURATIONS)[number];

export function isSessionDuration(minutes: unknown): minutes is SessionDuration {
  return (SESSION_DURATIONS as readonly unknown[]).includes(minutes);
}

/**
 * Slot starts sit on this grid of the mentor's wall clock. Every UTC offset in use today is a multiple of 15
 * minutes, so the same starts are also on the UTC quarter-hours the lock cells use.
 */
export const SLOT_GRID_MINUTES = 15;

/** Weekday keys in ISO order (Temporal's `dayOfWeek` 1 = Monday … 7 = Sunday is index + 1). */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const AVAILABILITY_LIMITS = {
  rangesPerDay: 6,
  overrides: 120,
  maxMinimumNoticeMinutes: 14 * 24 * 60,
  minHorizonDays: 1,
  maxHorizonDays: 182,
  // Sessions start on the 15-minute grid, so gaps between them are whole quarter-hours: a 10-minute buffer would
  // behave exactly like a 15-minute one. Offering only what actually happens keeps the setting honest.
  bufferChoices: [0, 15, 30, 45, 60] as const,
} as const;

/**
 * An IANA zone the scheduling core can compute with: every name in the list except "Factory", tzdata's placeholder for
 * "no zone configured", which Intl and Temporal refuse.
 */
export function isSchedulingTimeZone(zone: unknown): zone is string {
  return isIanaTimeZone(zone) && zone !== "Factory";
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
// An end may also be 24:00, so a whole day reads 00:00–24:00 (00:00–00:00 is refused as a likely slip).
const END_HH_MM = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const LOCAL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Minutes since local midnight for a valid "HH:mm". */
export function minutesOfDay(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/**
 * One stretch of a day's hours in the mentor's zone. An `end` at or before `start` means the range runs past
 * midnight into the next day (22:00–02:00); it still belongs to the day it starts on, so a date override for the
 * next day does not cut it short. Ranges that touch (09:00–10:00 and 10:00–11:00, or Monday 22:00–24:00 and Tuesday
 * 00:00–02:00) join into one stretch when slots are planned.
 */
export const availabilityRangeSchema = z
  .object({
    start: z.string().regex(HH_MM, "Start times look like 09:30."),
    end: z.string().regex(END_HH_MM, "End times look like 17:00."),
  })
  .strict()
  .refine((range) => range.start !== range.end, { message: "A range must not start and end at the same time.", path: ["end"] });
export type AvailabilityRange = z.infer<typeof availabilityRangeSchema>;

/** Start and end in minutes after the start of its own day; the end may pass 1440 for a range that crosses midnight. */
export function rangeMinutes(range: AvailabilityRange): { start: number; end: number } {
  const start = minutesOfDay(range.start);
  const end = minutesOfDay(range.end);
  return { start, end: end > start ? end : end + 24 * 60 };
}

const dayRangesSchema = z
  .array(availabilityRangeSchema)
  .max(AVAILABILITY_LIMITS.rangesPerDay, `At most ${AVAILABILITY_LIMITS.rangesPerDay} ranges a day.`)
  .superRefine((ranges, ctx) => {
    const sorted = ranges.map(rangeMinutes).sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]!.start < sorted[i - 1]!.end) {
        ctx.addIssue({ code: "custom", message: "Ranges on the same day must not overlap." });
        return;
      }
    }
  });

const weekdayRanges = () => dayRangesSchema.default([]);
const weeklySchema = z
  .object({
    mon: weekdayRanges(),
    tue: weekdayRanges(),
    wed: weekdayRanges(),
    thu: weekdayRanges(),
    fri: weekdayRanges(),
    sat: weekdayRanges(),
    sun: weekdayRanges(),
  })
  .strict();

/** A calendar date on the mentor's wall calendar, "2026-11-22". Rejects impossible dates such as 2026-02-30. */
export const localDateSchema = z
  .string()
  .regex(LOCAL_DATE, "Dates look like 2026-11-22.")
  .refine((date) => {
    const [y, m, d] = date.split("-").map(Number) as [number, number, number];
    const probe = new Date(Date.UTC(y, m - 1, d));
    return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
  }, "That date does not exist.");

export const availabilitySchema = z
  .object({
    timeZone: timezoneSchema.refine(isSchedulingTimeZone, "Choose the time zone of a place (for example Europe/London)."),
    weekly: weeklySchema,
    // Keyed by the mentor's local date: an empty list is a day off, a non-empty one replaces that day's weekly hours.
    overrides: z
      .record(z.string(), dayRangesSchema)
      .default({})
      .superRefine((overrides, ctx) => {
        const dates = Object.keys(overrides);
        if (dates.length > AVAILABILITY_LIMITS.overrides) ctx.addIssue({ code: "custom", message: `At most ${AVAILABILITY_LIMITS.overrides} date overrides.` });
        // Checked here rather than as the record's key schema, whose failure reads only "Invalid key in record".
        for (const date of dates) {
          const check = localDateSchema.safeParse(date);
          if (!check.success) ctx.addIssue({ code: "custom", message: check.error.issues[0]!.message, path: [date] });
        }
      }),
    minimumNoticeMinutes: z
      .number()
      .int("Minimum notice is a whole number of minutes.")
      .min(0, "Minimum notice cannot be negative.")
      .max(AVAILABILITY_LIMITS.maxMinimumNoticeMinutes, "Minimum notice can be at most 14 days."),
    horizonDays: z
      .number()
      .int("The booking window is a whole number of days.")
      .min(AVAILABILITY_LIMITS.minHorizonDays, "The booking window must be at least one day.")
      .max(AVAILABILITY_LIMITS.maxHorizonDays, "The booking window can be at most 26 weeks."),
    bufferMinutes: z
      .number()
      .refine((n) => (AVAILABILITY_LIMITS.bufferChoices as readonly number[]).includes(n), "The buffer is 0, 15, 30, 45 or 60 minutes."),
  })
  .strict();
export type Availability = z.infer<typeof availabilitySchema>;
export type AvailabilityInput = z.input<typeof availabilitySchema>;

/** A time either person is already taken: an accepted or pending session. Half-open [startMs, endMs). */
export interface BusyInterval {
  startMs: number;
  endMs: number;
}

/**
 * A form or callable field for a meeting link: checks with `parseMeetingLink` and yields the normalised URL. It lives
 * here with the other schemas so that meeting-links.ts stays plain functions, which tree-shake out of bundles that
 * do not use them.
 */
export const meetingLinkSchema = z.string().transform((value, ctx) => {
  const check = parseMeetingLink(value);
  if (!check.ok) {
    ctx.addIssue({ code: "custom", message: check.message });
    return z.NEVER;
  }
  return check.url;
});
