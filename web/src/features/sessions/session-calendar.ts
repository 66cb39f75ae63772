import { buildIcs, googleCalendarLink, type CalendarEvent } from "@mentormatch/shared/scheduling";
import { otherPerson, type SessionLike } from "./session-format";

/** The address the emails come from: the organiser of every copy, as in the server's .ics (functions/src/lib/session-calendar.ts). */
const ORGANIZER = { name: "MentorMatch", email: "no-reply@mentormatch.dev" };

/**
 * The calendar event for the viewer's copy. The only attendee is the viewer: the other person's address is private.
 * The UID and SEQUENCE (= version) are the emailed copies' too, so a calendar that has one updates it instead of
 * adding a second; a cancelled session gives METHOD:CANCEL, which removes it.
 */
export function calendarEventFor(
  session: SessionLike,
  viewer: { uid: string; name: string; email: string },
  nowMs: number,
  appOrigin: string,
): CalendarEvent {
  const other = otherPerson(session, viewer.uid);
  const page = `${appOrigin}/sessions/${session.id}`;
  const description = [session.agenda, session.meetingLink ? `Join: ${session.meetingLink}` : "", `Session page: ${page}`].filter(Boolean).join("\n\n");
  return {
    sessionId: session.id,
    sequence: session.version,
    method: session.status === "cancelled" || session.status === "declined" ? "CANCEL" : "REQUEST",
    startMs: session.startMs,
    endMs: session.endMs,
    stampMs: nowMs,
    summary: `Mentoring session with ${other.name}`,
    description,
    ...(session.meetingLink ? { location: session.meetingLink, url: session.meetingLink } : { url: page }),
    organizer: ORGANIZER,
    attendees: [{ name: viewer.name, email: viewer.email }],
  };
}

export const icsFor = (...args: Parameters<typeof calendarEventFor>) => buildIcs(calendarEventFor(...args));

export function googleLinkFor(...args: Parameters<typeof calendarEventFor>): string {
  const event = calendarEventFor(...args);
  return googleCalendarLink({
    startMs: event.startMs,
    endMs: event.endMs,
    summary: event.summary,
    ...(event.description ? { description: event.description } : {}),
    ...(event.location ? { location: event.location } : {}),
  });
}

/** Saves the .ics through a temporary object URL (the browser's download, no server round trip). */
export function downloadIcs(fileName: string, ics: string): void {
  const url = URL.createObjectURL(new Blob([ics], { type: "text/calendar;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
