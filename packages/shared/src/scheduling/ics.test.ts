import { describe, expect, it } from "vitest";
import { buildIcs, escapeIcsText, foldIcsLine, googleCalendarLink, icsDateTime, icsUid, type CalendarEvent } from "./ics.js";

const event: CalendarEvent = {
  sessionId: "s123",
  sequence: 2,
  method: "REQUEST",
  startMs: Date.parse("2026-11-23T09:00Z"),
  endMs: Date.parse("2026-11-23T09:45Z"),
  stampMs: Date.parse("2026-11-20T12:34:56.789Z"),
  summary: "Mentoring: Ada & Grace",
  description: "Agenda: CV review, interview prep; bring questions\nSee you!",
  location: "https://meet.jit.si/MentorMatch-s123-abcdefabcdefabcd",
  url: "https://mentormatch.example/sessions/s123",
  organizer: { name: "Ada Lovelace", email: "ada@example.org" },
  attendees: [
    { name: "Ada Lovelace", email: "ada@example.org" },
    { name: "Grace Hopper", email: "grace@example.org" },
  ],
};

const octets = (text: string) => new TextEncoder().encode(text).length;
const unfold = (ics: string) => ics.replace(/\r\n /g, "");

describe("buildIcs", () => {
  it("builds a REQUEST with CRLF line endings, UTC times and escaped text", () => {
    expect(buildIcs(event).split("\r\n")).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//MentorMatch//Sessions//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:REQUEST",
      "BEGIN:VEVENT",
      "UID:session-s123@mentormatch",
      "SEQUENCE:2",
      "DTSTAMP:20261120T123456Z",
      "DTSTART:20261123T090000Z",
      "DTEND:20261123T094500Z",
      "STATUS:CONFIRMED",
      "SUMMARY:Mentoring: Ada & Grace",
      "DESCRIPTION:Agenda: CV review\\, interview prep\\; bring questions\\nSee you!",
      "LOCATION:https://meet.jit.si/MentorMatch-s123-abcdefabcdefabcd",
      "URL:https://mentormatch.example/sessions/s123",
      'ORGANIZER;CN="Ada Lovelace":mailto:ada@example.org',
      'ATTENDEE;CN="Ada Lovelace";ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:ada@examp',
      " le.org",
      'ATTENDEE;CN="Grace Hopper";ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:grace@exa',
      " mple.org",
      "END:VEVENT",
      "END:VCALENDAR",
      "",
    ]);
  });

  it("a CANCEL keeps the UID, carries the new SEQUENCE and STATUS:CANCELLED", () => {
    const ics = buildIcs({ ...event, method: "CANCEL", sequence: 3 });
    expect(ics).toContain("\r\nMETHOD:CANCEL\r\n");
    expect(ics).toContain("\r\nSTATUS:CANCELLED\r\n");
    expect(ics).toContain("\r\nSEQUENCE:3\r\n");
    expect(ics).toContain(`\r\nUID:${icsUid("s123")}\r\n`);
    expect(ics).not.toContain("CONFIRMED");
  });

  it("leaves out optional properties that are not given", () => {
    const ics = buildIcs({ ...event, description: undefined, location: undefined, url: undefined });
    expect(ics).not.toMatch(/\r\n(DESCRIPTION|LOCATION|URL):/);
  });

  it("uses only CRLF, and no physical line exceeds 75 octets", () => {
    const ics = buildIcs({ ...event, description: "Ünïcödé ✓ 日本語 🙂 ".repeat(40) });
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of ics.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(unfold(ics)).toContain(`DESCRIPTION:${"Ünïcödé ✓ 日本語 🙂 ".repeat(40)}`);
  });

  it("text cannot forge a property: line breaks are escaped and control characters dropped", () => {
    const ics = buildIcs({
      ...event,
      summary: "Hi\r\nATTENDEE:mailto:evil@example.com",
      organizer: { name: 'Ada "The Countess"\r\nX: Lovelace; Jr', email: "ada@example.org\r\nATTENDEE:mailto:evil@example.com" },
    });
    const lines = unfold(ics).split("\r\n");
    expect(lines.filter((line) => line.startsWith("ATTENDEE"))).toHaveLength(2);
    expect(lines).toContain("SUMMARY:Hi\\nATTENDEE:mailto:evil@example.com");
    expect(lines).toContain('ORGANIZER;CN="Ada The Countess X: Lovelace; Jr":mailto:ada@example.orgATTENDEE:mailto:evil@example.com');
  });

  it.each<[string, Partial<CalendarEvent>]>([
    ["a session id with a slash", { sessionId: "a/b" }],
    ["a negative sequence", { sequence: -1 }],
    ["a fractional sequence", { sequence: 1.5 }],
    ["an end before the start", { endMs: Date.parse("2026-11-23T08:00Z") }],
    ["an empty event", { endMs: Date.parse("2026-11-23T09:00Z") }],
  ])("refuses %s", (_name, over) => {
    expect(() => buildIcs({ ...event, ...over })).toThrow(RangeError);
  });
});

describe("escapeIcsText", () => {
  it.each<[string, string]>([
    ["plain", "plain"],
    ["a\\b", "a\\\\b"],
    ["a;b", "a\\;b"],
    ["a,b", "a\\,b"],
    ["a\nb", "a\\nb"],
    ["a\r\nb", "a\\nb"],
    ["a\rb", "a\\nb"],
    ["tab\tstays", "tab\tstays"],
    ["bell\u0007gone", "bellgone"],
    ["\\n is not a newline", "\\\\n is not a newline"],
    ["all: \\;,\n", "all: \\\\\\;\\,\\n"],
  ])("%j", (input, expected) => {
    expect(escapeIcsText(input)).toBe(expected);
  });
});

describe("foldIcsLine", () => {
  it.each<[string, string, string[]]>([
    ["exactly 75 octets stay on one line", "X".repeat(75), ["X".repeat(75)]],
    ["76 octets fold once", "X".repeat(76), ["X".repeat(75), " X"]],
    ["continuations hold 74 octets after their space", "X".repeat(75 + 74 + 1), ["X".repeat(75), ` ${"X".repeat(74)}`, " X"]],
    ["3-byte characters never split", `DESCRIPTION:${"日".repeat(30)}`, [`DESCRIPTION:${"日".repeat(21)}`, ` ${"日".repeat(9)}`]],
    ["4-byte characters (surrogate pairs) never split", `SUMMARY:${"🙂".repeat(20)}`, [`SUMMARY:${"🙂".repeat(16)}`, ` ${"🙂".repeat(4)}`]],
    ["2-byte characters fill to 74 then wrap", `D:${"é".repeat(40)}`, [`D:${"é".repeat(36)}`, ` ${"é".repeat(4)}`]],
  ])("%s", (_name, line, expected) => {
    const folded = foldIcsLine(line);
    expect(folded.split("\r\n")).toEqual(expected);
    for (const physical of folded.split("\r\n")) {
      expect(octets(physical)).toBeLessThanOrEqual(75);
      // A split inside a surrogate pair would not survive a round trip through UTF-8.
      expect(new TextDecoder().decode(new TextEncoder().encode(physical))).toBe(physical);
    }
    expect(folded.replace(/\r\n /g, "")).toBe(line);
  });
});

describe("icsDateTime", () => {
  it.each<[string, string]>([
    ["2026-11-23T09:00:00.000Z", "20261123T090000Z"],
    ["2026-11-23T09:00:00.999Z", "20261123T090000Z"],
    ["2027-01-01T00:00:05Z", "20270101T000005Z"],
  ])("%s → %s", (iso, expected) => {
    expect(icsDateTime(Date.parse(iso))).toBe(expected);
  });
});

describe("googleCalendarLink", () => {
  it("builds Google's template link with UTC dates", () => {
    expect(googleCalendarLink({ ...event, description: "CV & interview", location: undefined })).toBe(
      "https://calendar.google.com/calendar/render?action=TEMPLATE&text=Mentoring%3A+Ada+%26+Grace&dates=20261123T090000Z%2F20261123T094500Z&details=CV+%26+interview",
    );
  });

  it("round-trips any text through the query string", () => {
    const summary = "Sesión 🙂 a&b=c #1 ?x";
    const url = new URL(googleCalendarLink({ ...event, summary }));
    expect(url.origin + url.pathname).toBe("https://calendar.google.com/calendar/render");
    expect(url.searchParams.get("text")).toBe(summary);
    expect(url.searchParams.get("details")).toBe(event.description);
    expect(url.searchParams.get("location")).toBe(event.location);
    expect(url.searchParams.get("dates")).toBe("20261123T090000Z/20261123T094500Z");
  });
});
