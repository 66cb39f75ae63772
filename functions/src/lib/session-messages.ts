import { appLinks, type SessionDoc } from "@mentormatch/shared";
import type { NotifyInput } from "./notify.js";

/**
 * What each session change tells the other person. One dedupe key per session, version and event
 * (`session:{id}:{version}:{event}`), so a retried callable tells nobody twice, and a reschedule (a new version)
 * tells them again.
 */
export type SessionEvent = "proposed" | "accepted" | "declined" | "cancelled" | "rescheduled";

export type SessionFacts = Pick<SessionDoc, "mentorId" | "menteeId" | "mentorName" | "menteeName" | "durationMinutes" | "agenda" | "meetingLink" | "version"> & {
  startMs: number;
};

export function sessionDedupeKey(sessionId: string, version: number, event: SessionEvent): string {
  return `session:${sessionId}:${version}:${event}`;
}

/** "Tue 24 Nov, 14:30 CET": the time as the recipient's own clock shows it. */
export function formatSessionTime(ms: number, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat("en-GB", {
      timeZone,
      weekday: "short",
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "short",
    }).format(new Date(ms));
  } catch {
    return `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
  }
}

const quoted = (text: string) => `“${text}”`;
const excerpt = (text: string, max = 120) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);
const nameOf = (session: SessionFacts, uid: string) => (uid === session.mentorId ? session.mentorName : session.menteeName);

interface Audience {
  sessionId: string;
  session: SessionFacts;
  /** Who acted: the other person is told. */
  actorUid: string;
  /** The recipient's zone, for the time in the text. */
  recipientTimeZone: string;
}

/** To the invitee: a new proposal to accept or decline. */
export function proposedMessage({ sessionId, session, actorUid, recipientTimeZone }: Audience): NotifyInput {
  const who = nameOf(session, actorUid);
  const when = formatSessionTime(session.startMs, recipientTimeZone);
  return {
    kind: "session_proposed",
    text: `${who} proposed a ${session.durationMinutes}-minute session on ${when}. Accept or decline it.`,
    link: appLinks.sessions(),
    dedupeKey: sessionDedupeKey(sessionId, session.version, "proposed"),
    email: {
      subject: `${who} proposed a session on ${when}`,
      heading: "A session to accept or decline",
      paragraphs: [
        `${who} proposed a ${session.durationMinutes}-minute session on ${when}.`,
        ...(session.agenda ? [`Agenda: ${quoted(session.agenda)}`] : []),
        ...(session.meetingLink ? [`Meeting link: ${session.meetingLink}`] : []),
        "The time is held for you both until you answer.",
      ],
      action: { label: "Answer on your Sessions page", path: appLinks.sessions() },
    },
  };
}

/** To the proposer: the invitee accepted or declined, with their note. */
export function answeredMessage({ sessionId, session, actorUid, recipientTimeZone }: Audience, accepted: boolean, note: string): NotifyInput {
  const who = nameOf(session, actorUid);
  const when = formatSessionTime(session.startMs, recipientTimeZone);
  const noteText = note ? ` ${quoted(excerpt(note))}` : "";
  return accepted
    ? {
        kind: "session_accepted",
        text: `${who} accepted your session on ${when}.${noteText}`,
        link: appLinks.sessions(),
        dedupeKey: sessionDedupeKey(sessionId, session.version, "accepted"),
        email: {
          subject: `Session confirmed: ${when} with ${who}`,
          heading: "Your session is confirmed",
          paragraphs: [
            `${who} accepted your ${session.durationMinutes}-minute session on ${when}.`,
            ...(note ? [`Their note: ${quoted(note)}`] : []),
            ...(session.meetingLink ? [`Meeting link: ${session.meetingLink}`] : []),
            "We will remind you both 24 hours and 1 hour before it starts.",
          ],
          action: { label: "Your sessions", path: appLinks.sessions() },
        },
      }
    : {
        kind: "session_declined",
        text: `${who} declined your session on ${when}.${noteText}`,
        link: appLinks.sessions(),
        dedupeKey: sessionDedupeKey(sessionId, session.version, "declined"),
        email: {
          subject: `${who} declined the session on ${when}`,
          heading: "Your proposed session was declined",
          paragraphs: [
            `${who} declined your session on ${when}; the time is free again.`,
            ...(note ? [`Their note: ${quoted(note)}`] : []),
            "You can propose another time.",
          ],
          action: { label: "Your sessions", path: appLinks.sessions() },
        },
      };
}

/** To the other person: a pending or accepted session was cancelled, with the reason when one was given. */
export function cancelledMessage({ sessionId, session, actorUid, recipientTimeZone }: Audience, reason: string): NotifyInput {
  const who = nameOf(session, actorUid);
  const when = formatSessionTime(session.startMs, recipientTimeZone);
  return {
    kind: "session_cancelled",
    text: `${who} cancelled the session on ${when}.${reason ? ` ${quoted(excerpt(reason))}` : ""}`,
    link: appLinks.sessions(),
    dedupeKey: sessionDedupeKey(sessionId, session.version, "cancelled"),
    email: {
      subject: `Cancelled: the session on ${when} with ${who}`,
      heading: "A session was cancelled",
      paragraphs: [`${who} cancelled the session on ${when}.`, ...(reason ? [`Their reason: ${quoted(reason)}`] : [])],
      action: { label: "Your sessions", path: appLinks.sessions() },
    },
  };
}

/** To the other person: the session moved to a new time (a new version) for them to accept or decline. */
export function rescheduledMessage({ sessionId, session, actorUid, recipientTimeZone }: Audience, previousStartMs: number, note: string): NotifyInput {
  const who = nameOf(session, actorUid);
  const when = formatSessionTime(session.startMs, recipientTimeZone);
  const was = formatSessionTime(previousStartMs, recipientTimeZone);
  return {
    kind: "session_proposed",
    text: `${who} moved your session to ${when} (was ${was}). Accept or decline the new time.${note ? ` ${quoted(excerpt(note))}` : ""}`,
    link: appLinks.sessions(),
    dedupeKey: sessionDedupeKey(sessionId, session.version, "rescheduled"),
    email: {
      subject: `${who} proposed a new time: ${when}`,
      heading: "A session moved to a new time",
      paragraphs: [
        `${who} proposed moving your ${session.durationMinutes}-minute session from ${was} to ${when}.`,
        ...(note ? [`Their reason: ${quoted(note)}`] : []),
        ...(session.agenda ? [`Agenda: ${quoted(session.agenda)}`] : []),
        "The new time is held for you both until you answer; the old one is free again.",
      ],
      action: { label: "Answer on your Sessions page", path: appLinks.sessions() },
    },
  };
}
