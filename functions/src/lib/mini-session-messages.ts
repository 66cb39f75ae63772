import { appLinks, type SessionDoc } from "@mentormatch/shared";
import type { NotifyInput } from "./notify.js";
import { sessionIcsAttachment } from "./session-calendar.js";
import { formatSessionTime } from "./session-messages.js";

/**
 * What a mini session tells its two people (seed 003's "session scheduled" and "post-session follow-up", in our own
 * words). Every value goes into the shared email template as plain text, which escapes it. Keys are per request and
 * session: a request given back and scheduled again by another mentor is a new session and a new email; the
 * follow-up is once per request, since a request completes once.
 */

export type MiniSessionFacts = Pick<
  SessionDoc,
  "mentorId" | "menteeId" | "mentorName" | "menteeName" | "durationMinutes" | "agenda" | "meetingLink" | "meetingType" | "phone" | "location" | "title" | "version" | "kind"
> & { startMs: number; endMs: number };

const quoted = (text: string) => `“${text}”`;
const otherName = (session: MiniSessionFacts, uid: string) => (uid === session.mentorId ? session.menteeName : session.mentorName);

function format(ms: number, timeZone: string, options: Intl.DateTimeFormatOptions, fallback: string): string {
  try {
    return new Intl.DateTimeFormat("en-GB", { timeZone, ...options }).format(new Date(ms));
  } catch {
    return fallback;
  }
}

/** "Tuesday 24 November 2026" on the recipient's calendar. */
export const formatMiniDate = (ms: number, timeZone: string) =>
  format(ms, timeZone, { weekday: "long", day: "numeric", month: "long", year: "numeric" }, new Date(ms).toISOString().slice(0, 10));

/** "09:30–10:00 CET" on the recipient's clock (the zone's name from the start, which a DST change cannot split). */
export function formatMiniTimes(startMs: number, endMs: number, timeZone: string): string {
  const clock = (ms: number) => format(ms, timeZone, { hour: "2-digit", minute: "2-digit" }, new Date(ms).toISOString().slice(11, 16));
  const zone = format(startMs, timeZone, { timeZoneName: "short" }, "UTC").split(" ").at(-1) ?? timeZone;
  return `${clock(startMs)}–${clock(endMs)} ${zone}`;
}

/** How they meet, as one line: the link to join, the number to call, or the place. */
export function miniMeetingLine(session: Pick<MiniSessionFacts, "meetingType" | "meetingLink" | "phone" | "location">): string {
  if (session.meetingType === "phone") return `By phone: ${session.phone}`;
  if (session.meetingType === "in_person") return `In person at: ${session.location}`;
  return session.meetingLink ? `Meeting link: ${session.meetingLink}` : "No meeting link yet.";
}

/** To each person once the claimer picked a time: the time on their own clock, the length, how to meet, and the .ics. */
export function miniScheduledMessage(input: {
  requestId: string;
  sessionId: string;
  session: MiniSessionFacts;
  recipientUid: string;
  recipientTimeZone: string;
  nowMs: number;
}): NotifyInput {
  const { session, recipientUid } = input;
  const other = otherName(session, recipientUid);
  const when = formatSessionTime(session.startMs, input.recipientTimeZone);
  const studentIsReading = recipientUid === session.menteeId;
  const opening = studentIsReading
    ? `${other} scheduled your mini mentorship session ${quoted(session.title)}.`
    : `You scheduled the mini mentorship session ${quoted(session.title)} with ${other}.`;
  return {
    kind: "mini_scheduled",
    text: `Mini session ${quoted(session.title)} with ${other} is scheduled for ${when}.`,
    link: appLinks.session(input.sessionId),
    dedupeKey: `mini:${input.requestId}:${input.sessionId}:scheduled`,
    email: {
      subject: `Your mini mentorship session is scheduled: ${when}`,
      heading: "Your mini mentorship session is scheduled",
      paragraphs: [
        opening,
        `Date: ${formatMiniDate(session.startMs, input.recipientTimeZone)}`,
        `Time: ${formatMiniTimes(session.startMs, session.endMs, input.recipientTimeZone)}`,
        `Duration: ${session.durationMinutes} minutes`,
        miniMeetingLine(session),
        ...(session.agenda ? [`Agenda: ${quoted(session.agenda)}`] : []),
        "The attached calendar file adds it to your calendar. We will remind you both 24 hours and 1 hour before it starts.",
      ],
      action: { label: "View the session", path: appLinks.session(input.sessionId) },
      attachments: (recipient) => [
        sessionIcsAttachment({ sessionId: input.sessionId, session, method: "REQUEST", recipientUid, recipient, nowMs: input.nowMs }),
      ],
    },
  };
}

/** To each person after the mini session was completed: please rate the other, on the session's page. */
export function miniFollowUpMessage(input: { requestId: string; sessionId: string; title: string; otherName: string }): NotifyInput {
  return {
    kind: "mini_follow_up",
    text: `How was your mini session ${quoted(input.title)} with ${input.otherName}? Rate it on the session page.`,
    link: appLinks.session(input.sessionId),
    dedupeKey: `mini:${input.requestId}:follow-up`,
    email: {
      subject: "How was your mini mentorship session?",
      heading: "How did it go?",
      paragraphs: [
        `Thank you for your mini mentorship session ${quoted(input.title)} with ${input.otherName}. We hope it helped.`,
        "Take a minute to rate it and say what worked: your feedback helps the next student and the next mentor.",
      ],
      action: { label: "Rate the session", path: appLinks.session(input.sessionId) },
    },
  };
}

/**
 * To the student when the mentor cancelled the scheduled session: the request is back on the board for another
 * mentor. Carries the calendar cancellation (the scheduled email put the event there).
 */
export function miniReopenedMessage(input: {
  requestId: string;
  sessionId: string;
  session: MiniSessionFacts;
  reason: string;
  recipientTimeZone: string;
  nowMs: number;
}): NotifyInput {
  const { session } = input;
  const when = formatSessionTime(session.startMs, input.recipientTimeZone);
  return {
    kind: "mini_released",
    text: `${session.mentorName} cancelled your mini session on ${when}. Your request ${quoted(session.title)} is back on the board for other mentors.`,
    link: appLinks.miniRequest(input.requestId),
    dedupeKey: `mini:${input.requestId}:${input.sessionId}:mentor-cancelled`,
    email: {
      subject: `Cancelled: your mini session on ${when}; your request is open again`,
      heading: "Your mini session was cancelled",
      paragraphs: [
        `${session.mentorName} cancelled your mini mentorship session ${quoted(session.title)} on ${when}.`,
        ...(input.reason ? [`Their reason: ${quoted(input.reason)}`] : []),
        "Your request is back on the board, so another mentor can claim it. We will email you when someone does.",
        "The attached calendar file removes the session from your calendar.",
      ],
      action: { label: "View your request", path: appLinks.miniRequest(input.requestId) },
      attachments: (recipient) => [
        sessionIcsAttachment({ sessionId: input.sessionId, session, method: "CANCEL", recipientUid: session.menteeId, recipient, nowMs: input.nowMs }),
      ],
    },
  };
}
