import { availabilitySchema, planSlots, type Availability } from "@mentormatch/shared/scheduling";
import { describe, expect, it } from "vitest";
import {
  availabilityToForm,
  copyDay,
  defaultAvailability,
  describeDate,
  describeMinutes,
  describeSlot,
  formToAvailability,
  localDate,
  nextRange,
  noticeChoices,
  pickSpreadSlots,
  scheduleFormSchema,
  slotWindows,
  wallTime,
  type ScheduleForm,
} from "./schedule-form";

const stored: Availability = {
  timeZone: "Asia/Tokyo",
  weekly: {
    mon: [{ start: "09:00", end: "12:00" }, { start: "13:00", end: "17:00" }],
    tue: [],
    wed: [{ start: "22:00", end: "02:00" }],
    thu: [],
    fri: [{ start: "08:00", end: "24:00" }],
    sat: [],
    sun: [],
  },
  overrides: { "2026-12-28": [{ start: "10:00", end: "11:30" }], "2026-11-01": [], "2026-12-24": [] },
  minimumNoticeMinutes: 720,
  horizonDays: 56,
  bufferMinutes: 15,
};

describe("availabilityToForm / formToAvailability", () => {
  it("lists upcoming overrides by date, a day off as dayOff, and leaves out those before today", () => {
    const form = availabilityToForm(stored, "2026-11-22");
    expect(form.overrides).toEqual([
      { date: "2026-12-24", dayOff: true, ranges: [] },
      { date: "2026-12-28", dayOff: false, ranges: [{ start: "10:00", end: "11:30" }] },
    ]);
  });

  it("keeps an override dated today", () => {
    expect(availabilityToForm(stored, "2026-11-01").overrides[0]).toEqual({ date: "2026-11-01", dayOff: true, ranges: [] });
  });

  it("round-trips to the same document, minus past overrides, and the result passes availabilitySchema", () => {
    const back = formToAvailability(scheduleFormSchema.parse(availabilityToForm(stored, "2026-11-22")));
    const { "2026-11-01": _past, ...upcoming } = stored.overrides;
    expect(back).toEqual({ ...stored, overrides: upcoming });
    expect(availabilitySchema.parse(back)).toEqual(back);
  });

  it("writes a day off as an empty list even if ranges were left in the form", () => {
    const form: ScheduleForm = { ...availabilityToForm(stored, "2026-11-22"), overrides: [{ date: "2027-01-04", dayOff: true, ranges: [{ start: "09:00", end: "10:00" }] }] };
    expect(formToAvailability(form).overrides).toEqual({ "2027-01-04": [] });
  });

  it("does not share range objects with the stored document (editing the form cannot change it)", () => {
    const form = availabilityToForm(stored, "2026-11-22");
    expect(form.weekly.mon[0]).toEqual(stored.weekly.mon[0]);
    expect(form.weekly.mon[0]).not.toBe(stored.weekly.mon[0]);
  });
});

describe("scheduleFormSchema", () => {
  const valid = () => availabilityToForm(stored, "2026-11-22");
  const issues = (form: unknown) => {
    const result = scheduleFormSchema.safeParse(form);
    return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
  };

  it.each([
    ["a bad time", { weekly: { ...valid().weekly, mon: [{ start: "25:00", end: "26:00" }] } }, "weekly.mon.0.start", "Start times look like 09:30."],
    ["overlapping ranges", { weekly: { ...valid().weekly, mon: [{ start: "09:00", end: "12:00" }, { start: "11:00", end: "13:00" }] } }, "weekly.mon", "Ranges on the same day must not overlap."],
    ["a range that starts when it ends", { weekly: { ...valid().weekly, tue: [{ start: "10:00", end: "10:00" }] } }, "weekly.tue.0.end", "A range must not start and end at the same time."],
    ["a horizon over 26 weeks", { horizonDays: 200 }, "horizonDays", "The booking window can be at most 26 weeks."],
    ["a horizon of 0", { horizonDays: 0 }, "horizonDays", "The booking window must be at least one day."],
    ["an impossible override date", { overrides: [{ date: "2026-02-30", dayOff: true, ranges: [] }] }, "overrides.0.date", "That date does not exist."],
    ["custom hours with no hours", { overrides: [{ date: "2026-12-01", dayOff: false, ranges: [] }] }, "overrides.0.ranges", "Add hours for this date, or mark it as a day off."],
    [
      "two overrides for one date",
      { overrides: [{ date: "2026-12-01", dayOff: true, ranges: [] }, { date: "2026-12-01", dayOff: true, ranges: [] }] },
      "overrides.1.date",
      "This date already has an override.",
    ],
    ["a zone that is not a place", { timeZone: "Factory" }, "timeZone", "Choose the time zone of a place (for example Europe/London)."],
  ])("puts the message for %s next to its field", (_what, change, path, message) => {
    expect(issues({ ...valid(), ...change })).toContainEqual({ path, message });
  });

  it("accepts the stored form as it is", () => {
    expect(issues(valid())).toEqual([]);
  });
});

describe("copyDay", () => {
  it("copies a day's ranges to Monday–Friday by default, leaving the weekend, as new objects", () => {
    const weekly = copyDay(stored.weekly, "mon");
    for (const day of ["mon", "tue", "wed", "thu", "fri"] as const) expect(weekly[day]).toEqual(stored.weekly.mon);
    expect(weekly.sat).toEqual([]);
    expect(weekly.tue[0]).not.toBe(stored.weekly.mon[0]);
    expect(stored.weekly.tue).toEqual([]);
  });

  it("copies to the given days only", () => {
    const weekly = copyDay(stored.weekly, "fri", ["sat", "sun"]);
    expect(weekly.sat).toEqual([{ start: "08:00", end: "24:00" }]);
    expect(weekly.mon).toEqual(stored.weekly.mon);
  });
});

describe("nextRange", () => {
  it.each([
    [[], { start: "09:00", end: "17:00" }],
    [[{ start: "09:00", end: "12:00" }], { start: "13:00", end: "15:00" }],
    [[{ start: "09:00", end: "22:30" }], { start: "23:30", end: "24:00" }],
    [[{ start: "09:00", end: "23:30" }], { start: "09:00", end: "17:00" }],
    [[{ start: "20:00", end: "24:00" }], { start: "09:00", end: "17:00" }],
    [[{ start: "22:00", end: "02:00" }], { start: "09:00", end: "17:00" }],
  ])("after %j offers %j", (ranges, expected) => {
    expect(nextRange(ranges)).toEqual(expected);
  });
});

describe("defaultAvailability", () => {
  it("is office hours on working days in the given zone, and valid", () => {
    const value = defaultAvailability("America/Chicago");
    expect(value.weekly.mon).toEqual([{ start: "09:00", end: "17:00" }]);
    expect(value.weekly.sun).toEqual([]);
    expect(availabilitySchema.parse(value)).toEqual(value);
  });
});

describe("formatting", () => {
  it("describes a slot in the viewer's day and time with the mentor's clock and weekday beside it", () => {
    expect(describeSlot({ viewerDate: "2026-11-25", viewerTime: "09:00", mentorDate: "2026-11-25", mentorTime: "17:00" })).toBe(
      "Wed 25 Nov, 09:00 (mentor: 17:00 Wed)",
    );
    expect(describeSlot({ viewerDate: "2026-11-24", viewerTime: "23:30", mentorDate: "2026-11-25", mentorTime: "08:30" })).toBe(
      "Tue 24 Nov, 23:30 (mentor: 08:30 Wed)",
    );
  });

  it("formats a calendar date as itself whatever the host zone", () => {
    expect(describeDate("2026-12-31")).toBe("Thu 31 Dec");
    expect(describeDate("2027-01-01")).toBe("Fri 1 Jan");
  });

  it.each([
    [0, "No notice"],
    [60, "1 hour"],
    [720, "12 hours"],
    [1440, "1 day"],
    [2880, "2 days"],
    [10080, "1 week"],
    [20160, "2 weeks"],
    [90, "90 minutes"],
  ])("describes %i minutes as %s", (minutes, text) => {
    expect(describeMinutes(minutes)).toBe(text);
  });

  it("offers a stored notice that is not a standard choice, in order", () => {
    expect(noticeChoices(90)).toContain(90);
    expect(noticeChoices(90).indexOf(90)).toBe(noticeChoices(90).indexOf(60) + 1);
    expect(noticeChoices(720)).toEqual([...noticeChoices(720)].sort((a, b) => a - b));
    expect(noticeChoices(720).filter((n) => n === 720)).toHaveLength(1);
  });

  it("gives the local date and time in a zone", () => {
    const at = Date.UTC(2026, 10, 22, 23, 30);
    expect(localDate(at, "Europe/London")).toBe("2026-11-22");
    expect(localDate(at, "Asia/Tokyo")).toBe("2026-11-23");
    expect(wallTime(at, "Asia/Tokyo")).toBe("08:30");
    expect(wallTime(Date.UTC(2026, 10, 22, 0, 0), "UTC")).toBe("00:00");
  });
});

describe("with planSlots", () => {
  // Tokyo mentor (UTC+9), Monday 09:00–12:00 and 13:00–17:00; a viewer in New York (UTC−5 in November).
  const nowMs = Date.UTC(2026, 10, 22, 0, 0); // Sunday 09:00 in Tokyo
  const days = planSlots({ nowMs, availability: { ...stored, minimumNoticeMinutes: 0, overrides: {} }, busy: [], durationMinutes: 30, viewerTimeZone: "America/New_York" });
  const slots = days.flatMap((day) => day.slots);

  it("picks sessions that could follow each other, at most three a day", () => {
    const picked = pickSpreadSlots(slots, 8);
    expect(picked.slice(0, 3).map(describeSlot)).toEqual([
      "Sun 22 Nov, 19:00 (mentor: 09:00 Mon)",
      "Sun 22 Nov, 19:30 (mentor: 09:30 Mon)",
      "Sun 22 Nov, 20:00 (mentor: 10:00 Mon)",
    ]);
    expect(picked).toHaveLength(8);
    for (let i = 1; i < picked.length; i++) expect(picked[i]!.startMs).toBeGreaterThanOrEqual(picked[i - 1]!.endMs);
    const perDay = new Map<string, number>();
    for (const slot of picked) perDay.set(slot.viewerDate, (perDay.get(slot.viewerDate) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(3);
  });

  // A day's last stretch ends where its last start's session ends, which may be past the viewer's midnight.
  it("folds a day's starts into the stretches they fill", () => {
    const first = days[0]!;
    expect(slotWindows(first.slots, (endMs) => wallTime(endMs, "America/New_York")).map((w) => `${w.from}–${w.to}`)).toEqual(["19:00–22:00", "23:00–00:15"]);
  });

  it("returns nothing to pick or fold from no slots", () => {
    expect(pickSpreadSlots([], 8)).toEqual([]);
    expect(slotWindows([], () => "")).toEqual([]);
  });
});
