import { isSessionDuration, type Availability, type BusyInterval } from "./availability-schema.js";
import { blockedIntervals, isOnSlotGrid, MINUTE_MS, openRanges, overlapsAny } from "./slots.js";

export type BookingProblem =
  | "invalid-duration"
  | "invalid-start"
  | "in-the-past"
  | "within-minimum-notice"
  | "beyond-horizon"
  | "off-grid"
  | "outside-availability"
  | "overlaps-busy";

export type BookingCheck = { ok: true } | { ok: false; problem: BookingProblem; message: string };

export interface BookingRequest {
  nowMs: number;
  availability: Availability;
  busy: readonly BusyInterval[];
  startMs: number;
  durationMinutes: number;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** "12 hours", "1 hour 30 minutes", "2 days": how a notice period reads in a sentence. */
export function describeMinutes(total: number): string {
  if (total % (24 * 60) === 0 && total > 0) return plural(total / (24 * 60), "day");
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (hours === 0) return plural(minutes, "minute");
  return minutes === 0 ? plural(hours, "hour") : `${plural(hours, "hour")} ${plural(minutes, "minute")}`;
}

/** "8 weeks" for 56 days, "10 days" otherwise. */
export function describeDays(days: number): string {
  return days % 7 === 0 ? plural(days / 7, "week") : plural(days, "day");
}

const refuse = (problem: BookingProblem, message: string): BookingCheck => ({ ok: false, problem, message });

/**
 * Whether a requested start and duration is bookable now, with a reason a person can act on when it is not. Agrees
 * with `planSlots`: a start it offers passes here, so the server can re-check what the client chose.
 */
export function checkBookingRequest(request: BookingRequest): BookingCheck {
  const { availability, nowMs, startMs, durationMinutes } = request;
  if (!isSessionDuration(durationMinutes)) return refuse("invalid-duration", "A session lasts 30, 45 or 60 minutes.");
  if (!Number.isSafeInteger(startMs)) return refuse("invalid-start", "Choose a start time.");
  if (startMs < nowMs) return refuse("in-the-past", "That time has already passed: choose a later one.");
  if (startMs < nowMs + availability.minimumNoticeMinutes * MINUTE_MS) {
    return refuse("within-minimum-notice", `This mentor needs at least ${describeMinutes(availability.minimumNoticeMinutes)} of notice: choose a later time.`);
  }
  if (startMs > nowMs + availability.horizonDays * 24 * 60 * MINUTE_MS) {
    return refuse("beyond-horizon", `This mentor takes bookings up to ${describeDays(availability.horizonDays)} ahead: choose an earlier time.`);
  }
  if (!isOnSlotGrid(startMs, availability.timeZone)) return refuse("off-grid", "Sessions start on the hour or at :15, :30 or :45.");
  const endMs = startMs + durationMinutes * MINUTE_MS;
  const fits = openRanges(availability, startMs, endMs).some((range) => range.startMs <= startMs && endMs <= range.endMs);
  if (!fits) return refuse("outside-availability", "That time is outside this mentor's available hours.");
  if (overlapsAny(startMs, endMs, blockedIntervals(request.busy, availability.bufferMinutes))) {
    return refuse("overlaps-busy", "That time overlaps another session (or the break the mentor keeps between sessions).");
  }
  return { ok: true };
}
