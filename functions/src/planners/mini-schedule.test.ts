import type { Availability } from "@mentormatch/shared/scheduling";
import { describe, expect, it } from "vitest";
import {
  MINI_MOVE_MESSAGE,
  OUTSIDE_PREFERRED_MESSAGE,
  defaultMiniAgenda,
  fitsPreferred,
  planMiniOnCancel,
  planMiniOnComplete,
  planMiniSlots,
  planScheduleMini,
  preferredWindows,
  scheduleMiniLockIds,
  type MiniRequestFacts,
} from "./mini-schedule.js";
import { SLOT_TAKEN_MESSAGE } from "./session.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString().replace(":00.000Z", "Z");

const allDay = [{ start: "00:00", end: "24:00" }];
/** The claimer: free all day in UTC, an hour's notice, 60 days ahead, a 15-minute break after each session. */
const mentorHours: Availability = {
  timeZone: "UTC",
  weekly: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
  overrides: {},
  minimumNoticeMinutes: 60,
  horizonDays: 60,
  bufferMinutes: 15,
};

const request = (fields: Partial<MiniRequestFacts> = {}): MiniRequestFacts => ({
  studentId: "stu",
  claimedAtMs: at("2026-11-20T00:00:00Z"),
  firstClaimedAtMs: at("2026-11-20T00:00:00Z"),
  expiresAtMs: at("2026-11-27T00:00:00Z"),
  studentName: "Sam Student",
  title: "Mock interview for a backend role",
  specificQuestions: "How do I explain my side project?",
  durationMinutes: 30,
  preferredDateStart: "2026-11-24",
  preferredDateEnd: "2026-11-25",
  preferredTimeSlots: [{ from: "09:00", to: "11:00" }],
  timezone: "Europe/Berlin",
  status: "claimed",
  claimedBy: "mark",
  claimedByName: "Mark Mentor",
  sessionId: null,
  meetingLink: "",
  releasedBy: [],
  scheduleByMs: at("2026-11-22T00:00:00Z"),
  scheduledStartMs: null,
  ...fields,
});

const starts = (input: Parameters<typeof planMiniSlots>[0]) => planMiniSlots(input).days.flatMap((day) => day.slots.map((slot) => iso(slot.startMs)));

describe("preferredWindows: each preferred date × each daily window, on the student's clock", () => {
  it.each([
    [
      "Berlin (UTC+1 in November), two days",
      { timezone: "Europe/Berlin", preferredDateStart: "2026-11-24", preferredDateEnd: "2026-11-25", preferredTimeSlots: [{ from: "09:00", to: "11:00" }] },
      [["2026-11-24T08:00Z", "2026-11-24T10:00Z"], ["2026-11-25T08:00Z", "2026-11-25T10:00Z"]],
    ],
    [
      "New York on spring-forward day: 01:30–03:30 is one real hour (02:00–03:00 never happens)",
      { timezone: "America/New_York", preferredDateStart: "2026-03-08", preferredDateEnd: "2026-03-08", preferredTimeSlots: [{ from: "01:30", to: "03:30" }] },
      [["2026-03-08T06:30Z", "2026-03-08T07:30Z"]],
    ],
    [
      "New York on spring-forward day: a window wholly inside the skipped hour has no time at all",
      { timezone: "America/New_York", preferredDateStart: "2026-03-08", preferredDateEnd: "2026-03-08", preferredTimeSlots: [{ from: "02:00", to: "02:45" }] },
      [],
    ],
    [
      "New York on fall-back day: 01:00–02:00 on the clock lasts two real hours (01:00 EDT to 02:00 EST)",
      { timezone: "America/New_York", preferredDateStart: "2026-11-01", preferredDateEnd: "2026-11-01", preferredTimeSlots: [{ from: "01:00", to: "02:00" }] },
      [["2026-11-01T05:00Z", "2026-11-01T07:00Z"]],
    ],
    [
      "Auckland (UTC+13): the student's morning of the 25th is the 24th in UTC",
      { timezone: "Pacific/Auckland", preferredDateStart: "2026-11-25", preferredDateEnd: "2026-11-25", preferredTimeSlots: [{ from: "09:00", to: "10:00" }] },
      [["2026-11-24T20:00Z", "2026-11-24T21:00Z"]],
    ],
    [
      "two windows that touch join (the student is free throughout); a separate one stays apart",
      {
        timezone: "UTC",
        preferredDateStart: "2026-11-24",
        preferredDateEnd: "2026-11-24",
        preferredTimeSlots: [{ from: "10:00", to: "11:00" }, { from: "09:00", to: "10:00" }, { from: "14:00", to: "15:00" }],
      },
      [["2026-11-24T09:00Z", "2026-11-24T11:00Z"], ["2026-11-24T14:00Z", "2026-11-24T15:00Z"]],
    ],
    ["a zone nobody can compute with", { timezone: "Factory" }, []],
    ["a stored window that ends before it starts is ignored", { preferredTimeSlots: [{ from: "11:00", to: "09:00" }] }, []],
  ])("%s", (_what, fields, expected) => {
    const windows = preferredWindows(request(fields as Partial<MiniRequestFacts>));
    expect(windows.map((w) => [iso(w.startMs), iso(w.endMs)])).toEqual(expected);
  });

  it("fitsPreferred: the whole session inside one window, ends included", () => {
    const windows = [{ startMs: at("2026-11-24T08:00:00Z"), endMs: at("2026-11-24T10:00:00Z") }];
    expect(fitsPreferred(at("2026-11-24T08:00:00Z"), at("2026-11-24T08:30:00Z"), windows)).toBe(true);
    expect(fitsPreferred(at("2026-11-24T09:30:00Z"), at("2026-11-24T10:00:00Z"), windows)).toBe(true);
    expect(fitsPreferred(at("2026-11-24T09:45:00Z"), at("2026-11-24T10:15:00Z"), windows)).toBe(false);
    expect(fitsPreferred(at("2026-11-24T07:45:00Z"), at("2026-11-24T08:15:00Z"), windows)).toBe(false);
  });
});

describe("planMiniSlots: the claimer's bookable starts that fit the student's windows", () => {
  const NOW = at("2026-11-20T00:00:00Z");
  const base = { nowMs: NOW, availability: mentorHours, busy: [], viewerTimeZone: "UTC" };

  it.each([
    [
      "Berlin student, UTC mentor: 30 minutes inside 08:00–10:00Z, both days",
      { request: request() },
      ["08:00", "08:15", "08:30", "08:45", "09:00", "09:15", "09:30"].flatMap((t) => [`2026-11-24T${t}Z`]).concat(
        ["08:00", "08:15", "08:30", "08:45", "09:00", "09:15", "09:30"].map((t) => `2026-11-25T${t}Z`),
      ),
    ],
    [
      "a 60-minute session needs an hour of the window",
      { request: request({ durationMinutes: 60, preferredDateEnd: "2026-11-24" }) },
      ["2026-11-24T08:00Z", "2026-11-24T08:15Z", "2026-11-24T08:30Z", "2026-11-24T08:45Z", "2026-11-24T09:00Z"],
    ],
    [
      "both people's sessions and the mentor's 15-minute break are kept clear",
      {
        request: request({ preferredDateEnd: "2026-11-24" }),
        busy: [{ startMs: at("2026-11-24T08:30:00Z"), endMs: at("2026-11-24T09:00:00Z") }],
      },
      ["2026-11-24T09:15Z", "2026-11-24T09:30Z"],
    ],
    [
      "the mentor's hours decide too: an override leaves only 09:00–09:45 UTC",
      {
        request: request({ preferredDateEnd: "2026-11-24" }),
        availability: { ...mentorHours, overrides: { "2026-11-24": [{ start: "09:00", end: "09:45" }] } },
      },
      ["2026-11-24T09:00Z", "2026-11-24T09:15Z"],
    ],
    [
      "spring forward in New York (2026-03-08): 01:30–03:30 is one real hour, so three 30-minute starts",
      {
        nowMs: at("2026-03-01T00:00:00Z"),
        request: request({ timezone: "America/New_York", preferredDateStart: "2026-03-08", preferredDateEnd: "2026-03-08", preferredTimeSlots: [{ from: "01:30", to: "03:30" }] }),
      },
      ["2026-03-08T06:30Z", "2026-03-08T06:45Z", "2026-03-08T07:00Z"],
    ],
    [
      "fall back in New York (2026-11-01): 01:00–02:00 is two real hours, so five 60-minute starts",
      {
        nowMs: at("2026-10-25T00:00:00Z"),
        request: request({
          timezone: "America/New_York",
          durationMinutes: 60,
          preferredDateStart: "2026-11-01",
          preferredDateEnd: "2026-11-01",
          preferredTimeSlots: [{ from: "01:00", to: "02:00" }],
        }),
      },
      ["2026-11-01T05:00Z", "2026-11-01T05:15Z", "2026-11-01T05:30Z", "2026-11-01T05:45Z", "2026-11-01T06:00Z"],
    ],
    [
      "a student 21 hours ahead of the mentor (Auckland vs Los Angeles): the student's Wednesday morning is the mentor's Tuesday lunch",
      {
        request: request({ timezone: "Pacific/Auckland", preferredDateStart: "2026-11-25", preferredDateEnd: "2026-11-25", preferredTimeSlots: [{ from: "09:00", to: "10:00" }] }),
        availability: {
          ...mentorHours,
          timeZone: "America/Los_Angeles",
          weekly: { ...mentorHours.weekly, tue: [{ start: "09:00", end: "17:00" }], wed: [] },
        },
        viewerTimeZone: "America/Los_Angeles",
      },
      ["2026-11-24T20:00Z", "2026-11-24T20:15Z", "2026-11-24T20:30Z"],
    ],
    [
      "within the mentor's minimum notice: nothing that soon",
      { nowMs: at("2026-11-24T08:30:00Z"), request: request({ preferredDateEnd: "2026-11-24" }) },
      ["2026-11-24T09:30Z"],
    ],
    ["preferred days all past: nothing", { nowMs: at("2026-11-27T00:00:00Z"), request: request() }, []],
  ])("%s", (_what, overrides, expected) => {
    expect(starts({ ...base, ...overrides } as Parameters<typeof planMiniSlots>[0])).toEqual(expected);
  });

  it("the spring-forward case is grouped by the viewer's date with the mentor's clock beside it", () => {
    const { days } = planMiniSlots({
      ...base,
      nowMs: at("2026-03-01T00:00:00Z"),
      availability: { ...mentorHours, timeZone: "America/New_York" },
      viewerTimeZone: "America/New_York",
      request: request({ timezone: "America/New_York", preferredDateStart: "2026-03-08", preferredDateEnd: "2026-03-08", preferredTimeSlots: [{ from: "01:30", to: "03:30" }] }),
    });
    expect(days.map((day) => [day.date, day.slots.map((slot) => `${slot.viewerTime} ${slot.mentorOffset}`)])).toEqual([
      ["2026-03-08", ["01:30 -05:00", "01:45 -05:00", "03:00 -04:00"]],
    ]);
  });

  it("pages from the student's first window and stops after their last", () => {
    const far = request({ preferredDateStart: "2026-12-20", preferredDateEnd: "2027-01-10", preferredTimeSlots: [{ from: "10:00", to: "10:30" }], timezone: "UTC" });
    const first = planMiniSlots({ ...base, request: far });
    // The first page starts at the first window (not now, a month earlier) and covers SESSIONS.slotWindowDays (14).
    expect(first.days[0]!.date).toBe("2026-12-20");
    expect(first.days).toHaveLength(14);
    expect(first.nextFromMs).toBe(at("2026-12-20T10:00:00Z") + 14 * 24 * HOUR);
    const second = planMiniSlots({ ...base, request: far, fromMs: first.nextFromMs! });
    expect(second.days.map((day) => day.date)).toEqual(["2027-01-03", "2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-08", "2027-01-09", "2027-01-10"]);
    expect(second.nextFromMs).toBeNull();
  });
});

describe("planScheduleMini", () => {
  const NOW = at("2026-11-20T00:00:00Z");
  const START = at("2026-11-24T08:30:00Z");
  const meeting = { meetingType: "video" as const, meetingLink: "https://meet.jit.si/room", phone: "", location: "" };
  const input = (fields: Partial<Parameters<typeof planScheduleMini>[0]> = {}) => ({
    request: request(),
    callerUid: "mark",
    nowMs: NOW,
    startMs: START,
    availability: mentorHours,
    takenLockIds: [],
    sessionId: "s1",
    meeting,
    ...fields,
  });

  it.each([
    ["a request that does not exist", { request: null }, "not-found", "That request does not exist.", undefined],
    ["another mentor", { callerUid: "nora" }, "permission-denied", "Only the mentor who claimed this request can schedule it.", undefined],
    ["an open request (nobody's claim)", { request: request({ status: "open", claimedBy: null }) }, "permission-denied", "Only the mentor who claimed", undefined],
    ["a request already scheduled at another time", { request: request({ status: "scheduled", sessionId: "s0", scheduledStartMs: START + HOUR }) }, "failed-precondition", "already scheduled", undefined],
    ["a cancelled request", { request: request({ status: "cancelled" }) }, "failed-precondition", "The student cancelled this request.", undefined],
    ["a completed request", { request: request({ status: "completed" }) }, "failed-precondition", "This request is completed.", undefined],
    ["past the 48-hour deadline", { nowMs: at("2026-11-22T00:00:00Z") }, "failed-precondition", "48 hours to schedule this request have passed", undefined],
    ["no hours set", { availability: null }, "failed-precondition", "Set your available hours", undefined],
    ["outside the student's windows (an hour too late)", { startMs: at("2026-11-24T10:00:00Z") }, "invalid-argument", OUTSIDE_PREFERRED_MESSAGE, "startMs"],
    ["running past the end of a window", { startMs: at("2026-11-24T09:45:00Z") }, "invalid-argument", OUTSIDE_PREFERRED_MESSAGE, "startMs"],
    ["on a day outside the preferred dates", { startMs: at("2026-11-26T08:30:00Z") }, "invalid-argument", OUTSIDE_PREFERRED_MESSAGE, "startMs"],
    [
      "inside the windows but outside the mentor's hours",
      { availability: { ...mentorHours, overrides: { "2026-11-24": [] } } },
      "invalid-argument",
      "That time is outside your available hours.",
      "startMs",
    ],
    [
      "inside the windows but within the notice",
      { nowMs: at("2026-11-24T08:00:00Z"), request: request({ scheduleByMs: at("2026-11-25T00:00:00Z") }) }, "invalid-argument", "That is sooner than the 1 hour of notice you ask for", "startMs"],
    ["inside the windows but beyond the horizon", { availability: { ...mentorHours, horizonDays: 2 } }, "invalid-argument", "further ahead than the 2 days", "startMs"],
    ["off the 15-minute grid", { startMs: START + 5 * MINUTE }, "invalid-argument", "Sessions start on the hour", "startMs"],
    ["a lock taken meanwhile", { takenLockIds: ["stu_2026-11-24T08:30Z"] }, "already-exists", SLOT_TAKEN_MESSAGE, "startMs"],
  ])("refuses %s", (_what, fields, code, message, field) => {
    const plan = planScheduleMini(input(fields as Partial<Parameters<typeof planScheduleMini>[0]>));
    expect(plan.action).toBe("refuse");
    if (plan.action !== "refuse") return;
    expect(plan.code).toBe(code);
    expect(plan.message).toContain(message);
    expect(plan.fields).toEqual(field ? { [field]: plan.message } : undefined);
  });

  it("schedules an accepted session holding both people's cells at once, with the first reminder due and the request updated", () => {
    const plan = planScheduleMini(input());
    expect(plan).toMatchObject({
      action: "schedule",
      startMs: START,
      endMs: START + 30 * MINUTE,
      mentorId: "mark",
      menteeId: "stu",
      // The mentor's 30 minutes + the 15-minute break; the student's 30 minutes.
      lockIds: ["mark_2026-11-24T08:30Z", "mark_2026-11-24T08:45Z", "mark_2026-11-24T09:00Z", "stu_2026-11-24T08:30Z", "stu_2026-11-24T08:45Z"],
      nextReminderAt: new Date(START - 24 * HOUR),
    });
    // The request's side is the lifecycle planner's `schedule`.
    expect(plan.action === "schedule" && plan.requestUpdate).toEqual({
      status: "scheduled",
      sessionId: "s1",
      scheduledAt: new Date(NOW),
      scheduledStartAt: new Date(START),
      scheduleBy: null,
      updatedAt: new Date(NOW),
      ...meeting,
    });
    expect(scheduleMiniLockIds(request(), "mark", mentorHours, START)).toEqual(plan.action === "schedule" ? plan.lockIds : null);
  });

  it("a retry of a committed schedule (same claimer, same start) is a no-op with the stored answer", () => {
    const scheduled = request({ status: "scheduled", sessionId: "s1", scheduledStartMs: START, meetingLink: "https://meet.jit.si/room" });
    expect(planScheduleMini(input({ request: scheduled, sessionId: "s2" }))).toEqual({
      action: "noop",
      sessionId: "s1",
      startMs: START,
      endMs: START + 30 * MINUTE,
      meetingLink: "https://meet.jit.si/room",
    });
    // Another mentor asking for the same time is not a retry.
    expect(planScheduleMini(input({ request: scheduled, callerUid: "nora" }))).toMatchObject({ action: "refuse", code: "permission-denied" });
  });

  it("needs no locks when it cannot be scheduled at all", () => {
    expect(scheduleMiniLockIds(null, "mark", mentorHours, START)).toEqual([]);
    expect(scheduleMiniLockIds(request(), "nora", mentorHours, START)).toEqual([]);
    expect(scheduleMiniLockIds(request(), "mark", null, START)).toEqual([]);
  });

  it("defaultMiniAgenda: the title and the student's questions, cut to the limit", () => {
    expect(defaultMiniAgenda(request(), 1000)).toBe("Mock interview for a backend role\n\nQuestions: How do I explain my side project?");
    expect(defaultMiniAgenda(request({ specificQuestions: "" }), 1000)).toBe("Mock interview for a backend role");
    const cut = defaultMiniAgenda(request({ specificQuestions: "x".repeat(2000) }), 1000);
    expect(cut).toHaveLength(1000);
    expect(cut.endsWith("…")).toBe(true);
  });
});

describe("the session engine's hooks for a mini session", () => {
  const NOW = at("2026-11-24T10:00:00Z");
  const scheduled = request({ status: "scheduled", sessionId: "s1", releasedBy: ["old"] });

  it.each([
    ["completed: the request completes and both are asked to rate", scheduled, "s1", "completed", { followUp: true }],
    ["a no-show: the request completes, nobody is asked to rate (feedback needs a completed session)", scheduled, "s1", "no_show", { followUp: false }],
    ["a session the request no longer points at: untouched", scheduled, "s0", "completed", null],
    ["a request that is not scheduled: untouched", request({ status: "cancelled", sessionId: "s1" }), "s1", "completed", null],
    ["no request: untouched", null, "s1", "completed", null],
  ] as const)("complete, %s", (_what, req, sessionId, status, expected) => {
    const plan = planMiniOnComplete({ request: req, sessionId, status, nowMs: NOW });
    if (expected === null) expect(plan).toBeNull();
    else expect(plan).toEqual({ update: { status: "completed", completedAt: new Date(NOW), updatedAt: new Date(NOW) }, ...expected });
  });

  it.each([
    ["the student cancels: the request is cancelled with the reason", "stu", "s1", scheduled, "cancel"],
    ["the mentor cancels: the request goes back to the board", "mark", "s1", scheduled, "reopen"],
    ["an old session of the request: untouched", "mark", "s0", scheduled, null],
    ["a request already cancelled: untouched", "stu", "s1", request({ status: "cancelled", sessionId: "s1" }), null],
  ] as const)("cancel, %s", (_what, callerUid, sessionId, req, action) => {
    const plan = planMiniOnCancel({ request: req, sessionId, callerUid, reason: "Something came up", nowMs: NOW });
    if (action === null) return expect(plan).toBeNull();
    expect(plan?.action).toBe(action);
    if (plan?.action === "cancel") {
      expect(plan.update).toEqual({ status: "cancelled", cancelledBy: "stu", cancelReason: "Something came up", cancelledAt: new Date(NOW), scheduleBy: null, updatedAt: new Date(NOW) });
    }
    if (plan?.action === "reopen") {
      expect(plan.update).toMatchObject({ status: "open", claimedBy: null, claimedByName: "", sessionId: null, scheduledStartAt: null, meetingType: null, releasedBy: ["old", "mark"] });
    }
  });

  it("a mentor who gave the same request back before is listed once", () => {
    const plan = planMiniOnCancel({ request: { ...scheduled, releasedBy: ["mark", "old"] }, sessionId: "s1", callerUid: "mark", reason: "", nowMs: NOW });
    expect(plan?.action === "reopen" && plan.update.releasedBy).toEqual(["old", "mark"]);
  });

  it("names the way to move a mini session", () => {
    expect(MINI_MOVE_MESSAGE).toBe("Mini sessions are moved by cancelling and scheduling again.");
  });
});
