import {
  AVAILABILITY_LIMITS,
  availabilitySchema,
  localDateSchema,
  WEEKDAYS,
  type Availability,
  type AvailabilityRange,
  type Slot,
  type Weekday,
} from "@mentormatch/shared/scheduling";
import * as z from "zod";

// The Schedule tab's form and its conversion to and from `availabilitySchema`. Overrides are a record keyed by date
// in the document but a list in the form (react-hook-form's field arrays are lists, and a date being edited cannot
// be a key). Everything else reuses the shared schema's own field schemas, so the form refuses exactly what the
// document refuses, with the same messages, next to the field.

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

const WORKING_DAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri"];

const fields = availabilitySchema.shape;
// A day's list of ranges (≤ 6, none overlapping) exactly as the document checks it.
const dayRangesSchema = fields.weekly.shape.mon.unwrap();

export const overrideFormSchema = z.strictObject({
  date: localDateSchema,
  dayOff: z.boolean(),
  ranges: dayRangesSchema,
});
export type OverrideForm = z.infer<typeof overrideFormSchema>;

export const scheduleFormSchema = z
  .strictObject({
    timeZone: fields.timeZone,
    weekly: fields.weekly,
    overrides: z.array(overrideFormSchema).max(AVAILABILITY_LIMITS.overrides, `At most ${AVAILABILITY_LIMITS.overrides} date overrides.`),
    minimumNoticeMinutes: fields.minimumNoticeMinutes,
    horizonDays: fields.horizonDays,
    bufferMinutes: fields.bufferMinutes,
  })
  .superRefine((form, ctx) => {
    const seen = new Set<string>();
    form.overrides.forEach((override, index) => {
      if (seen.has(override.date)) ctx.addIssue({ code: "custom", message: "This date already has an override.", path: ["overrides", index, "date"] });
      seen.add(override.date);
      // "Custom hours" with no hours is a day off by another name: ask rather than guess.
      if (!override.dayOff && override.ranges.length === 0) {
        ctx.addIssue({ code: "custom", message: "Add hours for this date, or mark it as a day off.", path: ["overrides", index, "ranges"] });
      }
    });
  });
export type ScheduleFormInput = z.input<typeof scheduleFormSchema>;
export type ScheduleForm = z.output<typeof scheduleFormSchema>;

export const DEFAULT_RANGE: AvailabilityRange = { start: "09:00", end: "17:00" };

/** What a mentor with no document starts from: weekday office hours are easy to trim, an empty week is not. */
export function defaultAvailability(timeZone: string): Availability {
  const weekly = Object.fromEntries(WEEKDAYS.map((day) => [day, WORKING_DAYS.includes(day) ? [{ ...DEFAULT_RANGE }] : []])) as Availability["weekly"];
  return { timeZone, weekly, overrides: {}, minimumNoticeMinutes: 12 * 60, horizonDays: 56, bufferMinutes: 15 };
}

/**
 * The form's values for a stored document (or the defaults). Overrides before `today` (the mentor's local date) are
 * left out: they no longer change anything, and saving drops them, which keeps the list under its limit.
 */
export function availabilityToForm(availability: Availability, today: string): ScheduleForm {
  const overrides = Object.entries(availability.overrides)
    .filter(([date]) => date >= today)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, ranges]): OverrideForm => ({ date, dayOff: ranges.length === 0, ranges: ranges.map((range) => ({ ...range })) }));
  return {
    timeZone: availability.timeZone,
    weekly: Object.fromEntries(WEEKDAYS.map((day) => [day, availability.weekly[day].map((range) => ({ ...range }))])) as Availability["weekly"],
    overrides,
    minimumNoticeMinutes: availability.minimumNoticeMinutes,
    horizonDays: availability.horizonDays,
    bufferMinutes: availability.bufferMinutes,
  };
}

/** The document for the form's (already validated) values: a day off is an empty list. */
export function formToAvailability(form: ScheduleForm): Availability {
  const overrides = Object.fromEntries(
    [...form.overrides].sort((a, b) => a.date.localeCompare(b.date)).map((override) => [override.date, override.dayOff ? [] : override.ranges]),
  );
  return { ...form, overrides };
}

/** `from`'s hours copied onto each of `targets` (Monday to Friday by default), as fresh objects. */
export function copyDay(weekly: Availability["weekly"], from: Weekday, targets: readonly Weekday[] = WORKING_DAYS): Availability["weekly"] {
  const copy = { ...weekly };
  for (const day of targets) copy[day] = weekly[from].map((range) => ({ ...range }));
  return copy;
}

/** The next range to offer when adding one: an hour after the day's last range ends, or 09:00–17:00 on an empty day. */
export function nextRange(ranges: readonly AvailabilityRange[]): AvailabilityRange {
  const last = ranges.at(-1);
  if (!last || last.end === "24:00" || last.end <= last.start) return { ...DEFAULT_RANGE };
  const [hours, minutes] = last.end.split(":").map(Number) as [number, number];
  const start = hours * 60 + minutes + 60;
  if (start + 30 > 24 * 60) return { ...DEFAULT_RANGE };
  const hhmm = (total: number) => (total === 24 * 60 ? "24:00" : `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`);
  return { start: hhmm(start), end: hhmm(Math.min(start + 120, 24 * 60)) };
}

/** The calendar date in `timeZone` at `time`, as YYYY-MM-DD (no Temporal needed for this). */
export function localDate(time: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(new Date(time));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** Minimum-notice choices in minutes; a stored value outside them is offered too, so the form never changes it silently. */
export const NOTICE_CHOICES = [0, 60, 2 * 60, 4 * 60, 8 * 60, 12 * 60, 24 * 60, 48 * 60, 72 * 60, 7 * 24 * 60, 14 * 24 * 60] as const;

export function noticeChoices(current: number): number[] {
  const choices: number[] = [...NOTICE_CHOICES];
  if (!choices.includes(current)) choices.push(current);
  return choices.sort((a, b) => a - b);
}

/** "No notice", "12 hours", "2 days", "1 week", "90 minutes". */
export function describeMinutes(minutes: number): string {
  if (minutes === 0) return "No notice";
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (minutes % (7 * 24 * 60) === 0) return plural(minutes / (7 * 24 * 60), "week");
  if (minutes % (24 * 60) === 0) return plural(minutes / (24 * 60), "day");
  if (minutes % 60 === 0) return plural(minutes / 60, "hour");
  return plural(minutes, "minute");
}

const weekdayFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "short" });
const dayMonthFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short" });
const longDateFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "long", day: "numeric", month: "long", year: "numeric" });

function utcDate(date: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** "Tue 25 Nov" for a local date "2026-11-25": a calendar date, so it is formatted as itself, in no zone. */
export function describeDate(date: string): string {
  const at = utcDate(date);
  return `${weekdayFormat.format(at)} ${dayMonthFormat.format(at)}`;
}

/** "Wednesday 24 December 2026", for an override's heading and its screen-reader label. */
export function describeLongDate(date: string): string {
  return longDateFormat.format(utcDate(date));
}

/**
 * One free time as the viewer reads it: their own date and time first, the mentor's wall clock beside it —
 * "Tue 25 Nov, 09:00 (mentor: 17:00 Tue)". The mentor's weekday is always given, since the two dates often differ.
 */
export function describeSlot(slot: Pick<Slot, "viewerDate" | "viewerTime" | "mentorDate" | "mentorTime">): string {
  return `${describeDate(slot.viewerDate)}, ${slot.viewerTime} (mentor: ${slot.mentorTime} ${weekdayFormat.format(utcDate(slot.mentorDate))})`;
}

/**
 * Up to `count` starts worth showing from a sorted list: sessions that could follow each other (each at or after the
 * previous one's end), at most `perDay` on one viewer day, so a single long afternoon does not fill the list.
 */
export function pickSpreadSlots<T extends Pick<Slot, "startMs" | "endMs" | "viewerDate">>(slots: readonly T[], count: number, perDay = 3): T[] {
  const picked: T[] = [];
  const perDate = new Map<string, number>();
  for (const slot of slots) {
    if (picked.length >= count) break;
    const previous = picked.at(-1);
    if (previous && slot.startMs < previous.endMs) continue;
    const onDay = perDate.get(slot.viewerDate) ?? 0;
    if (onDay >= perDay) continue;
    perDate.set(slot.viewerDate, onDay + 1);
    picked.push(slot);
  }
  return picked;
}

export interface FreeWindow {
  /** The viewer's clock: the first start and the last slot's end ("17:00", or "00:00" past midnight). */
  from: string;
  to: string;
  startMs: number;
  endMs: number;
}

/**
 * A day's bookable starts folded into the stretches a session could fill ("09:00–12:00"): starts 15 minutes apart
 * belong to one window, which ends where its last slot ends. For the Schedule tab's preview.
 */
export function slotWindows(slots: readonly Pick<Slot, "startMs" | "endMs" | "viewerTime">[], endTime: (endMs: number) => string): FreeWindow[] {
  const windows: FreeWindow[] = [];
  for (const slot of slots) {
    const last = windows.at(-1);
    if (last && slot.startMs <= last.endMs) {
      if (slot.endMs > last.endMs) {
        last.endMs = slot.endMs;
        last.to = endTime(slot.endMs);
      }
    } else {
      windows.push({ from: slot.viewerTime, to: endTime(slot.endMs), startMs: slot.startMs, endMs: slot.endMs });
    }
  }
  return windows;
}

/** The hour and minute at `time` in `timeZone`, "17:30". */
export function wallTime(time: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(time));
}
