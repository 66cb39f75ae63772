import { describe, expect, it } from "vitest";
import { availabilitySchema, isSessionDuration, rangeMinutes } from "./availability-schema.js";

const valid = {
  timeZone: "Pacific/Auckland",
  weekly: { mon: [{ start: "09:00", end: "12:00" }, { start: "13:00", end: "17:00" }], fri: [{ start: "22:00", end: "02:00" }] },
  overrides: { "2026-12-25": [], "2026-12-24": [{ start: "10:00", end: "12:00" }] },
  minimumNoticeMinutes: 720,
  horizonDays: 56,
  bufferMinutes: 15,
};

const firstMessage = (input: unknown) => {
  const result = availabilitySchema.safeParse(input);
  return result.success ? null : result.error.issues[0]!.message;
};

describe("availabilitySchema", () => {
  it("accepts a full availability and fills missing weekdays and overrides", () => {
    const { overrides: _overrides, ...withoutOverrides } = valid;
    const parsed = availabilitySchema.parse({ ...withoutOverrides, weekly: { tue: [{ start: "00:00", end: "24:00" }] } });
    expect(parsed.weekly).toEqual({ mon: [], tue: [{ start: "00:00", end: "24:00" }], wed: [], thu: [], fri: [], sat: [], sun: [] });
    expect(parsed.overrides).toEqual({});
    expect(availabilitySchema.parse(valid).overrides["2026-12-25"]).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ["an unknown time zone", { ...valid, timeZone: "Mars/Olympus" }, "Choose a time zone from the list (for example Europe/London)."],
    ["tzdata's placeholder zone", { ...valid, timeZone: "Factory" }, "Choose the time zone of a place (for example Europe/London)."],
    ["a start that is not HH:mm", { ...valid, weekly: { mon: [{ start: "9:00", end: "12:00" }] } }, "Start times look like 09:30."],
    ["a start of 24:00", { ...valid, weekly: { mon: [{ start: "24:00", end: "02:00" }] } }, "Start times look like 09:30."],
    ["an end of 25:00", { ...valid, weekly: { mon: [{ start: "09:00", end: "25:00" }] } }, "End times look like 17:00."],
    ["a range that starts and ends at once", { ...valid, weekly: { mon: [{ start: "09:00", end: "09:00" }] } }, "A range must not start and end at the same time."],
    [
      "overlapping ranges on one day",
      { ...valid, weekly: { mon: [{ start: "09:00", end: "12:00" }, { start: "11:00", end: "13:00" }] } },
      "Ranges on the same day must not overlap.",
    ],
    [
      "a late range overlapping an earlier one past midnight",
      { ...valid, weekly: { mon: [{ start: "22:00", end: "03:00" }, { start: "23:00", end: "23:30" }] } },
      "Ranges on the same day must not overlap.",
    ],
    [
      "more than 6 ranges a day",
      { ...valid, weekly: { mon: Array.from({ length: 7 }, (_, i) => ({ start: `0${i}:00`, end: `0${i}:30` })) } },
      "At most 6 ranges a day.",
    ],
    ["an unknown weekday", { ...valid, weekly: { monday: [] } }, 'Unrecognized key: "monday"'],
    ["an unknown field in a range", { ...valid, weekly: { mon: [{ start: "09:00", end: "10:00", note: "x" }] } }, 'Unrecognized key: "note"'],
    ["an unknown top-level field", { ...valid, role: "admin" }, 'Unrecognized key: "role"'],
    ["an override for an impossible date", { ...valid, overrides: { "2026-02-30": [] } }, "That date does not exist."],
    ["an override keyed by a word", { ...valid, overrides: { tomorrow: [] } }, "Dates look like 2026-11-22."],
    [
      "too many overrides",
      { ...valid, overrides: Object.fromEntries(Array.from({ length: 121 }, (_, i) => [new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10), []])) },
      "At most 120 date overrides.",
    ],
    ["negative notice", { ...valid, minimumNoticeMinutes: -1 }, "Minimum notice cannot be negative."],
    ["fractional notice", { ...valid, minimumNoticeMinutes: 1.5 }, "Minimum notice is a whole number of minutes."],
    ["more than 14 days' notice", { ...valid, minimumNoticeMinutes: 14 * 24 * 60 + 1 }, "Minimum notice can be at most 14 days."],
    ["a zero-day horizon", { ...valid, horizonDays: 0 }, "The booking window must be at least one day."],
    ["a horizon past 26 weeks", { ...valid, horizonDays: 183 }, "The booking window can be at most 26 weeks."],
    ["a 10-minute buffer", { ...valid, bufferMinutes: 10 }, "The buffer is 0, 15, 30, 45 or 60 minutes."],
  ])("refuses %s", (_name, input, message) => {
    expect(firstMessage(input)).toBe(message);
  });
});

describe("rangeMinutes", () => {
  it.each<[string, string, { start: number; end: number }]>([
    ["09:00", "17:30", { start: 540, end: 1050 }],
    ["22:00", "02:00", { start: 1320, end: 1560 }],
    ["18:00", "00:00", { start: 1080, end: 1440 }],
    ["00:00", "24:00", { start: 0, end: 1440 }],
  ])("%s–%s", (start, end, expected) => {
    expect(rangeMinutes({ start, end })).toEqual(expected);
  });
});

describe("isSessionDuration", () => {
  it.each<[unknown, boolean]>([
    [30, true],
    [45, true],
    [60, true],
    [0, false],
    [15, false],
    [90, false],
    ["30", false],
    [30.0000001, false],
  ])("%s → %s", (minutes, expected) => {
    expect(isSessionDuration(minutes)).toBe(expected);
  });
});
