import { describe, expect, it } from "vitest";
import type { SessionStatus } from "@mentormatch/shared";
import { calendarEventFor, googleLinkFor, icsFor } from "./session-calendar";
import type { SessionLike } from "./session-format";

const START = Date.UTC(2026, 10, 25, 9, 0);
const VIEWER = { uid: "mentee-1", name: "Sam Okafor", email: "sam@example.com" };
const ORIGIN = "https://mentormatch.example";

const session = (status: SessionStatus, overrides: Partial<SessionLike> = {}): SessionLike => ({
  id: "sess1",
  status,
  proposedBy: "mentee-1",
  mentorId: "mentor-1",
  menteeId: "mentee-1",
  mentorName: "Ada Lovelace",
  menteeName: "Sam Okafor",
  startMs: START,
  endMs: START + 45 * 60_000,
  meetingLink: "https://meet.jit.si/MentorMatch-sess1-abc",
  agenda: "Career plan; portfolio, next steps",
  version: 2,
  ...overrides,
});

describe("calendarEventFor", () => {
  it("an accepted session: REQUEST, the other person in the title, the viewer the only attendee, the link as location", () => {
    const event = calendarEventFor(session("accepted"), VIEWER, START - 86_400_000, ORIGIN);
    expect(event).toMatchObject({
      sessionId: "sess1",
      sequence: 2,
      method: "REQUEST",
      startMs: START,
      summary: "Mentoring session with Ada Lovelace",
      location: "https://meet.jit.si/MentorMatch-sess1-abc",
      attendees: [{ name: "Sam Okafor", email: "sam@example.com" }],
    });
    expect(event.description).toContain("Career plan");
    expect(event.description).toContain(`${ORIGIN}/sessions/sess1`);
  });
  it.each([
    ["cancelled", "CANCEL"],
    ["declined", "CANCEL"],
    ["pending", "REQUEST"],
  ] as const)("a %s session gives METHOD %s", (status, method) => {
    expect(calendarEventFor(session(status), VIEWER, START, ORIGIN).method).toBe(method);
  });
  it("without a link points at the session page", () => {
    const event = calendarEventFor(session("accepted", { meetingLink: "" }), VIEWER, START, ORIGIN);
    expect(event.location).toBeUndefined();
    expect(event.url).toBe(`${ORIGIN}/sessions/sess1`);
  });
});

describe("icsFor and googleLinkFor", () => {
  it("the .ics has the shared UID, UTC times and CRLF lines", () => {
    const ics = icsFor(session("accepted"), VIEWER, START, ORIGIN);
    expect(ics).toContain("UID:session-sess1@mentormatch\r\n");
    expect(ics).toContain("DTSTART:20261125T090000Z\r\n");
    expect(ics).toContain("DTEND:20261125T094500Z\r\n");
    expect(ics).toContain("METHOD:REQUEST\r\n");
    expect(ics).toContain("SEQUENCE:2\r\n");
  });
  it("a cancelled session's .ics cancels", () => {
    const ics = icsFor(session("cancelled"), VIEWER, START, ORIGIN);
    expect(ics).toContain("METHOD:CANCEL\r\n");
    expect(ics).toContain("STATUS:CANCELLED\r\n");
  });
  it("the Google link carries the UTC range and the title", () => {
    const url = new URL(googleLinkFor(session("accepted"), VIEWER, START, ORIGIN));
    expect(url.origin).toBe("https://calendar.google.com");
    expect(url.searchParams.get("dates")).toBe("20261125T090000Z/20261125T094500Z");
    expect(url.searchParams.get("text")).toBe("Mentoring session with Ada Lovelace");
  });
});
