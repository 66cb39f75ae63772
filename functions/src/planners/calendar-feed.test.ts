import { CALENDAR_FEED, sessionIndexes } from "@mentormatch/shared";
import { buildIcsCalendar, icsUid } from "@mentormatch/shared/scheduling";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { feedStatusOf, planCalendarFeed, planCalendarFeedQuery, type FeedSession } from "./calendar-feed.js";

const APP = "https://mentor.example";
const START = Date.parse("2026-12-10T09:00:00Z");

function session(overrides: Partial<FeedSession> = {}): FeedSession {
  return {
    id: "s1",
    kind: "match",
    mentorId: "ada",
    menteeId: "sam",
    mentorName: "Ada Lovelace",
    menteeName: "Sam Okafor",
    status: "accepted",
    version: 1,
    agenda: "CV review; interview prep",
    meetingLink: "https://meet.jit.si/MentorMatch-s1-abc",
    meetingType: "video",
    phone: "",
    location: "",
    title: "",
    startMs: START,
    endMs: START + 45 * 60_000,
    updatedMs: START - 86_400_000,
    ...overrides,
  };
}

describe("feedStatusOf", () => {
  it.each([
    ["pending", "TENTATIVE", 0],
    ["accepted", "CONFIRMED", 0],
    ["completed", "CONFIRMED", 0],
    ["no_show", "CONFIRMED", 0],
    ["cancelled", "CANCELLED", 1],
    ["declined", "CANCELLED", 1],
  ] as const)("%s → STATUS:%s, SEQUENCE + %i", (status, ics, bump) => {
    expect(feedStatusOf(status)).toMatchObject({ status: ics, bump });
  });
});

describe("planCalendarFeedQuery", () => {
  it("is bounded, newest end first, from 90 days back", () => {
    const now = Date.parse("2026-12-04T12:00:00Z");
    expect(planCalendarFeedQuery("sam", now)).toEqual({
      participant: "sam",
      endAtFromMs: now - 90 * 86_400_000,
      order: "desc",
      limit: CALENDAR_FEED.maxEvents,
    });
  });

  it("is served by an index the Sessions page already has (participants contains + endAt desc)", () => {
    const fields = sessionIndexes().map((index) => index.fields.map((f) => `${f.fieldPath}:${"arrayConfig" in f ? f.arrayConfig : f.order}`).join(","));
    expect(fields).toContain("participants:CONTAINS,endAt:DESCENDING");
  });
});

describe("planCalendarFeed", () => {
  it("names the other person from each side", () => {
    const [mentee] = planCalendarFeed({ uid: "sam", sessions: [session()], appUrl: APP }).events;
    const [mentor] = planCalendarFeed({ uid: "ada", sessions: [session()], appUrl: APP }).events;
    expect(mentee!.summary).toBe("Mentoring session with Ada Lovelace");
    expect(mentor!.summary).toBe("Mentoring session with Sam Okafor");
  });

  it("a reschedule keeps the id (so the UID) and carries the new version as SEQUENCE", () => {
    const [before] = planCalendarFeed({ uid: "sam", sessions: [session()], appUrl: APP }).events;
    const [after] = planCalendarFeed({ uid: "sam", sessions: [session({ version: 2, status: "pending", startMs: START + 3_600_000, endMs: START + 6_300_000 })], appUrl: APP }).events;
    expect(after!.sessionId).toBe(before!.sessionId);
    expect([before!.sequence, after!.sequence]).toEqual([1, 2]);
    expect(after).toMatchObject({ status: "TENTATIVE", summary: "Proposed: Mentoring session with Ada Lovelace" });
  });

  it("a cancelled session stays with the same UID, STATUS:CANCELLED and a higher SEQUENCE than its last copy", () => {
    const [event] = planCalendarFeed({ uid: "sam", sessions: [session({ status: "cancelled", version: 2 })], appUrl: APP }).events;
    expect(event).toMatchObject({ sessionId: "s1", status: "CANCELLED", sequence: 3, summary: "Cancelled: Mentoring session with Ada Lovelace" });
  });

  it("carries the agenda, the Join link and the session page, and no notes, reasons or addresses", () => {
    const notes = { sharedNotes: "SHARED-NOTE", cancelReason: "REASON", responseNote: "NOTE" };
    const [event] = planCalendarFeed({ uid: "sam", sessions: [{ ...session(), ...notes } as FeedSession], appUrl: APP }).events;
    expect(event!.description).toBe(`CV review; interview prep\n\nJoin: https://meet.jit.si/MentorMatch-s1-abc\n\nSession page: ${APP}/sessions/s1`);
    const ics = buildIcsCalendar(planCalendarFeed({ uid: "sam", sessions: [{ ...session(), ...notes } as FeedSession], appUrl: APP }));
    for (const secret of Object.values(notes)) expect(ics).not.toContain(secret);
    expect(ics).not.toMatch(/ATTENDEE|ORGANIZER|mailto:/);
  });

  it("a mini session by phone names its request and gives the number as the place, the session page as its URL", () => {
    const mini = session({ kind: "mini", title: "Mock interview", meetingType: "phone", phone: "+44 20 7946 0000", meetingLink: "" });
    const [event] = planCalendarFeed({ uid: "sam", sessions: [mini], appUrl: APP }).events;
    expect(event).toMatchObject({ summary: "Mini session: Mock interview with Ada Lovelace", location: "Phone: +44 20 7946 0000", url: `${APP}/sessions/s1` });
  });

  it("leaves out a session the person is not in, and sorts by start", () => {
    const sessions = [session({ id: "late", startMs: START + 86_400_000, endMs: START + 90_000_000 }), session({ id: "early" }), session({ id: "theirs", mentorId: "x", menteeId: "y" })];
    expect(planCalendarFeed({ uid: "sam", sessions, appUrl: APP }).events.map((e) => e.sessionId)).toEqual(["early", "late"]);
  });
});

describe("the feed as RFC 5545 (round trip through ical.js)", () => {
  const sessions = [
    session(),
    session({ id: "s2", status: "cancelled", version: 2, agenda: "Ünïcödé, commas; semicolons \\ and a long line ".repeat(4) }),
    session({ id: "s3", status: "pending", meetingLink: "", agenda: "" }),
  ];
  const ics = buildIcsCalendar(planCalendarFeed({ uid: "sam", sessions, appUrl: APP }));
  const calendar = new ICAL.Component(ICAL.parse(ics));

  it("parses, with the calendar's required properties and no METHOD (a published feed)", () => {
    expect(calendar.name).toBe("vcalendar");
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//MentorMatch//Sessions//EN");
    expect(calendar.getFirstPropertyValue("method")).toBeNull();
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("MentorMatch sessions");
    // Parsed as a DURATION (its VALUE parameter), an hour.
    expect((calendar.getFirstPropertyValue("refresh-interval") as ICAL.Duration).toSeconds()).toBe(3600);
  });

  it("every event has UID, DTSTAMP, DTSTART, DTEND, SEQUENCE and STATUS, with the planned values", () => {
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual(["s1", "s2", "s3"].map(icsUid));
    expect(events.map((e) => e.sequence)).toEqual([1, 3, 1]);
    expect(events.map((e) => e.component.getFirstPropertyValue("status"))).toEqual(["CONFIRMED", "CANCELLED", "TENTATIVE"]);
    for (const event of events) {
      expect(event.component.getFirstPropertyValue("dtstamp")).not.toBeNull();
      expect(event.startDate.toJSDate().getTime()).toBe(START);
      expect(event.endDate.toJSDate().getTime()).toBe(START + 45 * 60_000);
    }
    expect(events[1]!.description).toContain("Ünïcödé, commas; semicolons \\ and a long line");
  });

  it("serialises back to the same content", () => {
    const again = new ICAL.Component(ICAL.parse(calendar.toString()));
    expect(again.toJSON()).toEqual(calendar.toJSON());
  });

  it("has only CRLF line endings and lines of at most 75 octets", () => {
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of ics.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });
});
