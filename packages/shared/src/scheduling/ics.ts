import { ID_PATTERN } from "../schemas/common.js";

export interface CalendarPerson {
  name: string;
  email: string;
}

export interface CalendarEvent {
  sessionId: string;
  /** The session's version: calendars replace an event only when SEQUENCE grows. */
  sequence: number;
  /** REQUEST adds or updates the event, CANCEL removes it. */
  method: "REQUEST" | "CANCEL";
  startMs: number;
  endMs: number;
  /** When this copy was made (DTSTAMP). */
  stampMs: number;
  summary: string;
  description?: string;
  /** The meeting link, so calendars show it where people look for a place. */
  location?: string;
  url?: string;
  organizer: CalendarPerson;
  attendees: readonly CalendarPerson[];
}

const CRLF = "\r\n";
const MAX_LINE_OCTETS = 75;
// Control characters other than tab are not allowed in TEXT values and could forge new lines in any value.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/** The same UID for every copy of a session's event, so a calendar updates or cancels the one it already has. */
export function icsUid(sessionId: string): string {
  return `session-${sessionId}@mentormatch`;
}

/** UTC date-time, `YYYYMMDDTHHMMSSZ`. */
export function icsDateTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma are escaped, and any line break becomes `\n`. */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\r\n|\r|\n/g, "\n")
    .replace(CONTROL, "")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\n/g, "\\n");
}

/** A parameter value is always quoted; a quote or a control character cannot appear inside one, so they go. */
function quoteParam(value: string): string {
  return `"${value.replace(/\r\n|\r|\n/g, " ").replace(CONTROL, "").replace(/"/g, "")}"`;
}

/** URIs carry no escaping, but a line break in one would start a new property: drop control characters and spaces. */
function cleanUri(value: string): string {
  return value.replace(/[\r\n]/g, "").replace(CONTROL, "").replace(/\s/g, "");
}

const utf8 = new TextEncoder();
const octets = (text: string) => utf8.encode(text).length;

/**
 * Splits a content line into lines of at most 75 octets (§3.1); each continuation starts with one space, which counts
 * toward its 75. Splits fall between characters, never inside a multi-byte UTF-8 sequence or a surrogate pair.
 */
export function foldIcsLine(line: string): string {
  if (octets(line) <= MAX_LINE_OCTETS) return line;
  const lines: string[] = [];
  let current = "";
  let size = 0;
  for (const char of line) {
    const width = octets(char);
    const limit = lines.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (size + width > limit) {
      lines.push(current);
      current = "";
      size = 0;
    }
    current += char;
    size += width;
  }
  lines.push(current);
  return lines.join(`${CRLF} `);
}

/** RFC 5545 §3.8.1.11: an event's state. A subscribed feed says CANCELLED where an email sends METHOD:CANCEL. */
export type IcsStatus = "CONFIRMED" | "TENTATIVE" | "CANCELLED";

/** One VEVENT of a calendar: the email's copy (`buildIcs`) or one of a feed's events (`buildIcsCalendar`). */
export interface IcsEvent extends Omit<CalendarEvent, "method" | "organizer" | "attendees"> {
  status: IcsStatus;
  /** A feed names no organiser or attendees: they would make calendars treat it as an invitation. */
  organizer?: CalendarPerson;
  attendees?: readonly CalendarPerson[];
}

export interface IcsCalendar {
  /** iTIP method (RFC 5546) for a copy sent by email; a published feed has none. */
  method?: "REQUEST" | "CANCEL";
  /** The calendar's name in the subscriber's list (RFC 7986 NAME and the widely read X-WR-CALNAME). */
  name?: string;
  /** How often a subscriber should fetch it again (RFC 7986 REFRESH-INTERVAL, and X-PUBLISHED-TTL for Outlook). */
  refreshMinutes?: number;
  events: readonly IcsEvent[];
}

function eventLines(event: IcsEvent): string[] {
  if (!ID_PATTERN.test(event.sessionId)) throw new RangeError("A calendar event needs a valid session id.");
  if (!Number.isSafeInteger(event.sequence) || event.sequence < 0) throw new RangeError("SEQUENCE is a whole number from 0.");
  if (!(event.endMs > event.startMs)) throw new RangeError("A calendar event must end after it starts.");
  const person = (property: string, who: CalendarPerson, extra = "") =>
    `${property};CN=${quoteParam(who.name)}${extra}:mailto:${cleanUri(who.email)}`;
  return [
    "BEGIN:VEVENT",
    `UID:${icsUid(event.sessionId)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${icsDateTime(event.stampMs)}`,
    `DTSTART:${icsDateTime(event.startMs)}`,
    `DTEND:${icsDateTime(event.endMs)}`,
    `STATUS:${event.status}`,
    `SUMMARY:${escapeIcsText(event.summary)}`,
    ...(event.description ? [`DESCRIPTION:${escapeIcsText(event.description)}`] : []),
    ...(event.location ? [`LOCATION:${escapeIcsText(event.location)}`] : []),
    ...(event.url ? [`URL:${cleanUri(event.url)}`] : []),
    ...(event.organizer ? [person("ORGANIZER", event.organizer)] : []),
    ...(event.attendees ?? []).map((who) => person("ATTENDEE", who, ";ROLE=REQ-PARTICIPANT;RSVP=FALSE")),
    "END:VEVENT",
  ];
}

/** An iCalendar object (RFC 5545) with any number of events: one for an email's copy, every session for a feed. */
export function buildIcsCalendar(calendar: IcsCalendar): string {
  const refresh = calendar.refreshMinutes;
  if (refresh !== undefined && !(Number.isSafeInteger(refresh) && refresh > 0)) throw new RangeError("The refresh interval is whole minutes.");
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//MentorMatch//Sessions//EN",
    "CALSCALE:GREGORIAN",
    ...(calendar.method ? [`METHOD:${calendar.method}`] : []),
    ...(calendar.name ? [`NAME:${escapeIcsText(calendar.name)}`, `X-WR-CALNAME:${escapeIcsText(calendar.name)}`] : []),
    ...(refresh ? [`REFRESH-INTERVAL;VALUE=DURATION:PT${refresh}M`, `X-PUBLISHED-TTL:PT${refresh}M`] : []),
    ...calendar.events.flatMap(eventLines),
    "END:VCALENDAR",
  ];
  return lines.map(foldIcsLine).join(CRLF) + CRLF;
}

/** An iCalendar file (RFC 5545, methods from RFC 5546) for a session: attach it to the invitation or cancellation email. */
export function buildIcs(event: CalendarEvent): string {
  const { method, ...rest } = event;
  return buildIcsCalendar({ method, events: [{ ...rest, status: method === "CANCEL" ? "CANCELLED" : "CONFIRMED" }] });
}

/** "Add to Google Calendar": Google's event template link, which needs no account access from us. */
export function googleCalendarLink(event: Pick<CalendarEvent, "startMs" | "endMs" | "summary" | "description" | "location">): string {
  const params = new URLSearchParams({
    action: "TEMPLATE",
    text: event.summary,
    dates: `${icsDateTime(event.startMs)}/${icsDateTime(event.endMs)}`,
  });
  if (event.description) params.set("details", event.description);
  if (event.location) params.set("location", event.location);
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}
