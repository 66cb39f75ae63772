import { describe, expect, it } from "vitest";
import { availabilitySchema, SESSION_DURATIONS, type BusyInterval } from "./availability-schema.js";
import { checkBookingRequest, describeDays, describeMinutes, type BookingProblem } from "./booking-check.js";
import { planSlots } from "./slots.js";

const at = (iso: string) => Date.parse(iso);

const availability = availabilitySchema.parse({
  timeZone: "Europe/London",
  weekly: { mon: [{ start: "09:00", end: "11:30" }] },
  minimumNoticeMinutes: 720,
  horizonDays: 56,
  bufferMinutes: 15,
});
const NOW = at("2026-11-22T00:00Z");
const BUSY: BusyInterval[] = [{ startMs: at("2026-11-23T10:00Z"), endMs: at("2026-11-23T10:30Z") }];

describe("checkBookingRequest", () => {
  it.each<[string, number, number, BookingProblem | "ok", string | null]>([
    ["a free slot inside the hours", at("2026-11-23T09:00Z"), 30, "ok", null],
    ["ending where the buffer before busy time begins", at("2026-11-23T09:15Z"), 30, "ok", null],
    ["starting where the buffer after busy time ends", at("2026-11-23T10:45Z"), 30, "ok", null],
    ["a zero-minute session", at("2026-11-23T09:00Z"), 0, "invalid-duration", "A session lasts 30, 45 or 60 minutes."],
    ["an odd duration", at("2026-11-23T09:00Z"), 20, "invalid-duration", "A session lasts 30, 45 or 60 minutes."],
    ["a fractional duration", at("2026-11-23T09:00Z"), 30.5, "invalid-duration", "A session lasts 30, 45 or 60 minutes."],
    ["a duration past the longest", at("2026-11-23T09:00Z"), 90, "invalid-duration", "A session lasts 30, 45 or 60 minutes."],
    ["no start", Number.NaN, 30, "invalid-start", "Choose a start time."],
    ["a start in the past", at("2026-11-21T09:00Z"), 30, "in-the-past", "That time has already passed: choose a later one."],
    ["a start within the minimum notice", at("2026-11-22T09:00Z"), 30, "within-minimum-notice", "This mentor needs at least 12 hours of notice: choose a later time."],
    ["a start beyond the horizon", at("2027-01-18T09:00Z"), 30, "beyond-horizon", "This mentor takes bookings up to 8 weeks ahead: choose an earlier time."],
    ["a start off the quarter-hour grid", at("2026-11-23T09:10Z"), 30, "off-grid", "Sessions start on the hour or at :15, :30 or :45."],
    ["a start with stray seconds", at("2026-11-23T09:00:30Z"), 30, "off-grid", "Sessions start on the hour or at :15, :30 or :45."],
    ["a day without hours", at("2026-11-24T09:00Z"), 30, "outside-availability", "That time is outside this mentor's available hours."],
    ["a session running past the end of the hours", at("2026-11-23T11:00Z"), 45, "outside-availability", "That time is outside this mentor's available hours."],
    ["overlapping busy time", at("2026-11-23T10:00Z"), 30, "overlaps-busy", "That time overlaps another session (or the break the mentor keeps between sessions)."],
    ["inside the buffer before busy time", at("2026-11-23T09:30Z"), 30, "overlaps-busy", "That time overlaps another session (or the break the mentor keeps between sessions)."],
  ])("%s", (_name, startMs, duration, problem, message) => {
    const result = checkBookingRequest({ nowMs: NOW, availability, busy: BUSY, startMs, durationMinutes: duration });
    if (problem === "ok") expect(result).toEqual({ ok: true });
    else expect(result).toEqual({ ok: false, problem, message });
  });

  it("agrees with planSlots on every quarter-hour and a few off-grid starts, across DST, midnight and busy time", () => {
    const la = availabilitySchema.parse({
      timeZone: "America/Los_Angeles",
      weekly: {
        sat: [{ start: "22:00", end: "02:00" }],
        sun: [{ start: "00:30", end: "03:00" }, { start: "09:00", end: "10:00" }],
        mon: [{ start: "08:00", end: "09:30" }],
      },
      overrides: { "2026-11-02": [{ start: "10:00", end: "11:00" }] },
      minimumNoticeMinutes: 60,
      horizonDays: 3,
      bufferMinutes: 30,
    });
    const now = at("2026-10-31T12:07Z");
    const busy: BusyInterval[] = [{ startMs: at("2026-11-01T09:00Z"), endMs: at("2026-11-01T09:30Z") }];
    for (const duration of SESSION_DURATIONS) {
      const offered = new Set(
        planSlots({ nowMs: now, availability: la, busy, durationMinutes: duration, viewerTimeZone: "Europe/London" }).flatMap((day) =>
          day.slots.map((slot) => slot.startMs),
        ),
      );
      expect(offered.size).toBeGreaterThan(5);
      let accepted = 0;
      for (let startMs = at("2026-10-31T00:00Z"); startMs <= at("2026-11-04T00:00Z"); startMs += 5 * 60_000) {
        const ok = checkBookingRequest({ nowMs: now, availability: la, busy, startMs, durationMinutes: duration }).ok;
        if (ok) accepted++;
        expect(ok, `${new Date(startMs).toISOString()} for ${duration} minutes`).toBe(offered.has(startMs));
      }
      expect(accepted).toBe(offered.size);
    }
  });
});

describe("describeMinutes", () => {
  it.each<[number, string]>([
    [0, "0 minutes"],
    [1, "1 minute"],
    [45, "45 minutes"],
    [60, "1 hour"],
    [90, "1 hour 30 minutes"],
    [720, "12 hours"],
    [1440, "1 day"],
    [1500, "25 hours"],
    [2880, "2 days"],
  ])("%s → %s", (minutes, expected) => {
    expect(describeMinutes(minutes)).toBe(expected);
  });
});

describe("describeDays", () => {
  it.each<[number, string]>([
    [1, "1 day"],
    [7, "1 week"],
    [10, "10 days"],
    [56, "8 weeks"],
  ])("%s → %s", (days, expected) => {
    expect(describeDays(days)).toBe(expected);
  });
});
