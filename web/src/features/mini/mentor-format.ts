import type { MiniTimeSlot } from "@mentormatch/shared";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How far a zone's clock is ahead of UTC at an instant, in ms (Intl only: the board must not load Temporal). */
function zoneOffsetMs(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant a wall-clock time ("2026-11-23", "09:30") happens in a zone. Two passes settle the offset on either
 * side of a DST change; a time that does not exist that day (the spring gap) lands just after it.
 */
export function wallTimeToMs(date: string, time: string, timeZone: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [h, min] = time.split(":").map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, h, min);
  const first = guess - zoneOffsetMs(guess, timeZone);
  return guess - zoneOffsetMs(first, timeZone);
}

const clock = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(ms));
const dayOf = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(ms));

/** "Mon 23 Nov" for a calendar date (no zone). */
export function shortDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short" }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** "Mon 23 Nov – Fri 27 Nov", or one day. */
export function describeDateRange(start: string, end: string): string {
  return start === end ? shortDate(start) : `${shortDate(start)} – ${shortDate(end)}`;
}

export interface WindowInZones {
  /** The window in the viewer's zone, e.g. "01:00–04:00". */
  mine: string;
  /** As the student wrote it, in their zone. */
  theirs: string;
  /** The viewer's day relative to the student's (on the first preferred day): -1 the day before, +1 the day after. */
  dayShift: number;
  /** The zones read the same at that time, so only one is worth showing. */
  same: boolean;
}

/**
 * A student's daily window in the viewer's zone, worked out on the first preferred day (a DST change inside the
 * range can move it by an hour on later days; the scheduler's slots are exact).
 */
export function windowInMyZone(slot: MiniTimeSlot, firstDate: string, theirZone: string, myZone: string): WindowInZones {
  const startMs = wallTimeToMs(firstDate, slot.from, theirZone);
  const endMs = wallTimeToMs(firstDate, slot.to, theirZone);
  const mine = `${clock(startMs, myZone)}–${clock(endMs, myZone)}`;
  const theirs = `${slot.from}–${slot.to}`;
  const dayShift = Math.round((Date.parse(dayOf(startMs, myZone)) - Date.parse(firstDate)) / DAY);
  return { mine, theirs, dayShift, same: mine === theirs && dayShift === 0 };
}

export function describeDayShift(shift: number): string {
  if (shift < 0) return " (the day before)";
  if (shift > 0) return " (the day after)";
  return "";
}

const unit = (value: number, one: string) => `${value} ${one}${value === 1 ? "" : "s"}`;

/** A span in words, rounded down to its largest unit: "3 hours", "2 days", "12 minutes". */
export function describeSpan(ms: number): string {
  if (ms < MINUTE) return "less than a minute";
  if (ms < HOUR) return unit(Math.floor(ms / MINUTE), "minute");
  if (ms < 2 * DAY) return unit(Math.floor(ms / HOUR), "hour");
  return unit(Math.floor(ms / DAY), "day");
}

/** "posted 3 hours ago": how long a request has waited (a server time ahead of this device reads as just now). */
export function describeWaited(createdMs: number, nowMs: number): string {
  const waited = nowMs - createdMs;
  return waited < MINUTE ? "posted just now" : `posted ${describeSpan(waited)} ago`;
}

/** "expires in 6 days", or "expired" once past (the board hides those, a list may not). */
export function describeExpiry(expiresMs: number, nowMs: number): string {
  return expiresMs <= nowMs ? "expired" : `expires in ${describeSpan(expiresMs - nowMs)}`;
}

/** The claimer's deadline: "47 hours left to schedule", urgent under 6 hours, or passed. */
export function describeScheduleBy(scheduleByMs: number, nowMs: number): { text: string; tone: "ok" | "soon" | "late" } {
  const left = scheduleByMs - nowMs;
  if (left <= 0) return { text: "The time to schedule has passed; it goes back to the board.", tone: "late" };
  return { text: `${describeSpan(left)} left to schedule`, tone: left < 6 * HOUR ? "soon" : "ok" };
}
