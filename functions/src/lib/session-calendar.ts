import type { MailAttachment, SessionDoc } from "@mentormatch/shared";
import { buildIcs } from "@mentormatch/shared/scheduling";
import { mailFrom } from "./config.js";
import type { MailRecipient } from "./notify.js";

type CalendarSession = Pick<SessionDoc, "mentorId" | "menteeId" | "mentorName" | "menteeName" | "agenda" | "meetingLink" | "version"> &
  Partial<Pick<SessionDoc, "kind" | "title" | "meetingType" | "phone" | "location">> & {
    startMs: number;
    endMs: number;
  };

/** The event's title: a mini session names its request, as its emails do. */
export function sessionTitle(session: Pick<CalendarSession, "kind" | "title">, otherName: string): string {
  return session.kind === "mini" && session.title ? `Mini session: ${session.title} with ${otherName}` : `Mentoring session with ${otherName}`;
}

/** Where the event happens: the meeting link, or for a mini session by phone or in person, the number or the place. */
export function sessionPlace(session: Pick<CalendarSession, "meetingType" | "phone" | "location" | "meetingLink">): { location?: string; url?: string } {
  if (session.meetingType === "phone" && session.phone) return { location: `Phone: ${session.phone}` };
  if (session.meetingType === "in_person" && session.location) return { location: session.location };
  return session.meetingLink ? { location: session.meetingLink, url: session.meetingLink } : {};
}

/** The address in "Name <address>", or the whole value when it is a bare address. */
export function senderAddress(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1]?.trim() || from.trim();
}

/**
 * A session's .ics for one recipient. The organiser is MentorMatch itself and the only attendee is the recipient: the
 * other person's address lives in their private settings and must not travel in someone else's mail. Every copy has
 * the same UID and SEQUENCE = version, so a calendar updates (a reschedule) or removes (CANCEL) the event it has.
 */
export function sessionIcsAttachment(input: {
  sessionId: string;
  session: CalendarSession;
  method: "REQUEST" | "CANCEL";
  /** The recipient's uid, to name the other person in the title. */
  recipientUid: string;
  recipient: MailRecipient;
  nowMs: number;
}): MailAttachment {
  const { session } = input;
  const other = input.recipientUid === session.mentorId ? session.menteeName : session.mentorName;
  const ics = buildIcs({
    sessionId: input.sessionId,
    sequence: session.version,
    method: input.method,
    startMs: session.startMs,
    endMs: session.endMs,
    stampMs: input.nowMs,
    summary: sessionTitle(session, other),
    ...(session.agenda ? { description: session.agenda } : {}),
    ...sessionPlace(session),
    organizer: { name: "MentorMatch", email: senderAddress(mailFrom()) },
    attendees: [{ name: input.recipient.displayName, email: input.recipient.email }],
  });
  return {
    filename: input.method === "CANCEL" ? "session-cancelled.ics" : "session.ics",
    contentType: `text/calendar; charset=utf-8; method=${input.method}`,
    content: Buffer.from(ics, "utf8").toString("base64"),
  };
}
