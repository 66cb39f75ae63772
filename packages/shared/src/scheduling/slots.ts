import { Temporal } from "temporal-polyfill";
import {
  isSchedulingTimeZone,
  isSessionDuration,
  rangeMinutes,
  SLOT_GRID_MINUTES,
  WEEKDAYS,
  type Availability,
  type BusyInterval,
} from "./availability-schema.js";

export const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;
const GRID_MS = SLOT_GRID_MINUTES * MINUTE_MS;

/** One stretch of the mentor's availability as instants, [startMs, endMs), and the mentor's local date it starts on. */
export interface OpenRange {
  startMs: number;
  endMs: number;
  mentorDate: string;
}

export interface Slot {
  startMs: number;
  endMs: number;
  /** The viewer's wall clock: "2026-11-22" and "09:15". */
  viewerDate: string;
  viewerTime: string;
  /** The mentor's wall clock, shown beside it; the offset tells apart the two 01:30s of a fall-back night. */
  mentorDate: string;
  mentorTime: string;
  mentorOffset: string;
}

export interface SlotDay {
  /** The viewer's local date. */
  date: string;
  slots: Slot[];
}

export interface SlotsInput {
  nowMs: number;
  availability: Availability;
  /** Accepted or pending sessions of either person; the mentor's buffer is added on both sides. */
  busy: readonly BusyInterval[];
  durationMinutes: number;
  viewerTimeZone: string;
}

function requireZone(zone: string, who: string): void {
  if (!isSchedulingTimeZone(zone)) throw new RangeError(`${who} time zone "${zone}" is not an IANA time zone.`);
}

function zoned(epochMs: number, zone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone);
}

/**
 * The first instant at which the clock in `zone` shows `minutes` after midnight of `date` (minutes may pass 1440
 * for the next day). On a fall-back night that is the first of the two; in a spring-forward gap, where the clock
 * never shows that time, it is the moment the clock jumps, so a range 01:00–02:30 across a 02:00→03:00 jump ends at
 * the jump rather than at 03:30 (Temporal's "compatible" answer, which would add an hour nobody offered).
 */
export function wallClockToEpochMs(date: Temporal.PlainDate, minutes: number, zone: string): number {
  const day = date.add({ days: Math.floor(minutes / DAY_MINUTES) });
  const ofDay = minutes % DAY_MINUTES;
  const wall = day.toPlainDateTime(new Temporal.PlainTime(Math.floor(ofDay / 60), ofDay % 60));
  const at = wall.toZonedDateTime(zone, { disambiguation: "compatible" });
  if (Temporal.PlainDateTime.compare(at.toPlainDateTime(), wall) === 0) return at.epochMilliseconds;
  // In a gap "earlier" lands before the jump (by the gap's length), so the next transition is the jump itself.
  const jump = wall.toZonedDateTime(zone, { disambiguation: "earlier" }).getTimeZoneTransition("next");
  return jump ? jump.epochMilliseconds : at.epochMilliseconds;
}

/** The ranges for one local date: a date override replaces that weekday's hours (an empty override is a day off). */
function rangesOn(availability: Availability, date: Temporal.PlainDate) {
  const override = availability.overrides[date.toString()];
  return override ?? availability.weekly[WEEKDAYS[date.dayOfWeek - 1]!];
}

/**
 * The mentor's open ranges as instants that touch [fromMs, toMs]. It starts a day early because yesterday's
 * 22:00–02:00 still reaches into today.
 */
export function openRanges(availability: Availability, fromMs: number, toMs: number): OpenRange[] {
  const zone = availability.timeZone;
  requireZone(zone, "The mentor's");
  const last = zoned(toMs, zone).toPlainDate();
  const ranges: OpenRange[] = [];
  for (let date = zoned(fromMs, zone).toPlainDate().subtract({ days: 1 }); Temporal.PlainDate.compare(date, last) <= 0; date = date.add({ days: 1 })) {
    for (const range of rangesOn(availability, date)) {
      const minutes = rangeMinutes(range);
      const startMs = wallClockToEpochMs(date, minutes.start, zone);
      const endMs = wallClockToEpochMs(date, minutes.end, zone);
      // A range that falls wholly inside a spring-forward gap has no instants at all.
      if (endMs <= startMs || endMs < fromMs || startMs > toMs) continue;
      ranges.push({ startMs, endMs, mentorDate: date.toString() });
    }
  }
  ranges.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  // Touching or overlapping ranges (split hours, or yesterday's late range running into today's) are one stretch:
  // a slot may run across the seam, since the mentor is free throughout.
  const joined: OpenRange[] = [];
  for (const range of ranges) {
    const previous = joined.at(-1);
    if (previous && range.startMs <= previous.endMs) previous.endMs = Math.max(previous.endMs, range.endMs);
    else joined.push({ ...range });
  }
  return joined;
}

/** Busy intervals widened by the buffer on both sides: a session may start no sooner than `buffer` after another ends. */
export function blockedIntervals(busy: readonly BusyInterval[], bufferMinutes: number): BusyInterval[] {
  const pad = bufferMinutes * MINUTE_MS;
  return busy.filter((b) => b.endMs > b.startMs).map((b) => ({ startMs: b.startMs - pad, endMs: b.endMs + pad }));
}

export function overlapsAny(startMs: number, endMs: number, intervals: readonly BusyInterval[]): boolean {
  return intervals.some((b) => startMs < b.endMs && b.startMs < endMs);
}

/**
 * True when `startMs` is on the 15-minute grid of the mentor's wall clock and on a UTC quarter-hour. The two agree
 * for every offset in use today (all are multiples of 15 minutes); requiring both keeps lock cells exact even if a
 * zone ever chose an odd offset — such starts are simply not offered.
 */
export function isOnSlotGrid(startMs: number, mentorTimeZone: string): boolean {
  if (!Number.isInteger(startMs) || startMs % GRID_MS !== 0) return false;
  const local = zoned(startMs, mentorTimeZone);
  return local.minute % SLOT_GRID_MINUTES === 0 && local.second === 0 && local.millisecond === 0;
}

const hhmm = (at: Temporal.ZonedDateTime) => at.toPlainTime().toString({ smallestUnit: "minute" });

/**
 * Bookable start instants: on the 15-minute grid of the mentor's clock, wholly inside one open stretch, no sooner
 * than now + minimum notice, no later than now + horizon, and clear of every busy interval widened by the buffer.
 * Grouped by the viewer's local date, earliest first.
 */
export function planSlots(input: SlotsInput): SlotDay[] {
  const { availability, nowMs, durationMinutes, viewerTimeZone } = input;
  if (!isSessionDuration(durationMinutes)) throw new RangeError(`A session lasts 30, 45 or 60 minutes, not ${durationMinutes}.`);
  requireZone(viewerTimeZone, "The viewer's");
  const durationMs = durationMinutes * MINUTE_MS;
  const earliestMs = nowMs + availability.minimumNoticeMinutes * MINUTE_MS;
  const latestMs = nowMs + availability.horizonDays * DAY_MINUTES * MINUTE_MS;
  const blocked = blockedIntervals(input.busy, availability.bufferMinutes);

  const starts = new Set<number>();
  for (const range of openRanges(availability, earliestMs, latestMs)) {
    const first = Math.max(Math.ceil(range.startMs / GRID_MS), Math.ceil(earliestMs / GRID_MS)) * GRID_MS;
    for (let startMs = first; startMs + durationMs <= range.endMs && startMs <= latestMs; startMs += GRID_MS) {
      if (!overlapsAny(startMs, startMs + durationMs, blocked)) starts.add(startMs);
    }
  }

  const days: SlotDay[] = [];
  for (const startMs of [...starts].sort((a, b) => a - b)) {
    const mentor = zoned(startMs, availability.timeZone);
    // The isOnSlotGrid test, inlined to reuse this conversion: the start is already a UTC quarter-hour.
    if (mentor.minute % SLOT_GRID_MINUTES !== 0 || mentor.second !== 0) continue;
    const viewer = zoned(startMs, viewerTimeZone);
    const slot: Slot = {
      startMs,
      endMs: startMs + durationMs,
      viewerDate: viewer.toPlainDate().toString(),
      viewerTime: hhmm(viewer),
      mentorDate: mentor.toPlainDate().toString(),
      mentorTime: hhmm(mentor),
      mentorOffset: mentor.offset,
    };
    const day = days.at(-1);
    if (day && day.date === slot.viewerDate) day.slots.push(slot);
    else days.push({ date: slot.viewerDate, slots: [slot] });
  }
  return days;
}
