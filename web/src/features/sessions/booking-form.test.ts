import { describe, expect, it } from "vitest";
import { bookingFormSchema, defaultBookingValues, mergeSlotDays, toBookInput, type BookingFormValues } from "./booking-form";

const MATCH = "mentor1_mentee1";
const START = Date.UTC(2026, 10, 25, 9, 0);
const values = (overrides: Partial<BookingFormValues> = {}): BookingFormValues => ({ ...defaultBookingValues(), startMs: START, ...overrides });
const errorsOf = (input: BookingFormValues) => {
  const result = bookingFormSchema(MATCH).safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
};

describe("toBookInput", () => {
  it.each([
    ["room", { createRoom: true }],
    ["paste", { meetingLink: "https://zoom.us/j/1" }],
    ["none", {}],
  ] as const)("link mode %s", (linkMode, extra) => {
    expect(toBookInput(values({ linkMode, meetingLink: "https://zoom.us/j/1" }), MATCH)).toEqual({
      matchId: MATCH,
      startMs: START,
      durationMinutes: 30,
      agenda: "",
      ...extra,
    });
  });
});

describe("bookingFormSchema", () => {
  it("accepts a chosen slot with a room and gives the callable's input", () => {
    const result = bookingFormSchema(MATCH).safeParse(values({ agenda: "  Plan  " }));
    expect(result.success && result.data).toEqual({ matchId: MATCH, startMs: START, durationMinutes: 30, agenda: "  Plan  ", createRoom: true });
  });
  it.each([
    ["no time chosen", values({ startMs: 0 }), "startMs", "Choose a time."],
    ["a link that is not https", values({ linkMode: "paste", meetingLink: "http://zoom.us/j/1" }), "meetingLink", "Meeting links must start with https://"],
    ["an empty pasted link", values({ linkMode: "paste", meetingLink: " " }), "meetingLink", "Paste the meeting link."],
    ["a link with credentials", values({ linkMode: "paste", meetingLink: "https://a:b@zoom.us/j/1" }), "meetingLink", "Meeting links cannot contain a user name or password."],
    ["an agenda over 1000", values({ agenda: "x".repeat(1001) }), "agenda", "The agenda can be at most 1000 characters."],
    ["a duration other than 30/45/60", values({ durationMinutes: 40 }), "durationMinutes", "A session lasts 30, 45 or 60 minutes."],
  ])("refuses %s on its field", (_label, input, field, message) => {
    expect(errorsOf(input)[field]).toBe(message);
  });
  it("ignores a typed link when a room is chosen", () => {
    expect(errorsOf(values({ linkMode: "room", meetingLink: "not a link" }))).toEqual({});
  });
});

describe("mergeSlotDays", () => {
  const slot = (startMs: number) => ({ startMs, endMs: startMs + 1, viewerDate: "", viewerTime: "", mentorDate: "", mentorTime: "", mentorOffset: "" });
  it("joins a day split across two windows without duplicates, in order", () => {
    const merged = mergeSlotDays(
      [
        { date: "2026-11-25", slots: [slot(1), slot(2)] },
        { date: "2026-11-26", slots: [slot(5)] },
      ],
      [
        { date: "2026-11-26", slots: [slot(5), slot(4)] },
        { date: "2026-11-27", slots: [slot(9)] },
        { date: "2026-11-28", slots: [] },
      ],
    );
    expect(merged.map((day) => [day.date, day.slots.map((s) => s.startMs)])).toEqual([
      ["2026-11-25", [1, 2]],
      ["2026-11-26", [4, 5]],
      ["2026-11-27", [9]],
    ]);
  });
});
