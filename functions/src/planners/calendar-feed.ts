import { CALENDAR_FEED, appLinks, type SessionDoc } from "@mentormatch/shared";
import type { IcsCalendar, IcsEvent, IcsStatus } from "@mentormatch/shared/scheduling";
import { sessionPlace, sessionTitle } from "../lib/session-calendar.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The feed's one read: a person's sessions that ended at most `pastDays` ago or are still to come, newest end first,
 * bounded. `participants array-contains` + `endAt desc` is the Sessions page's Past index (`sessionIndexes()`), so
 * no index is added; newest first means that if the limit is ever reached, the oldest past sessions drop, never the
 * upcoming ones.
 */
export function planCalendarFeedQuery(uid: string, nowMs: number) {
  return {
    participant: uid,
    endAtFromMs: nowMs - CALENDAR_FEED.pastDays * DAY_MS,
    order: "desc" as const,
    limit: CALENDAR_FEED.maxEvents,
  };
}

export type FeedSession = Pick<
  SessionDoc,
  | "kind"
  | "mentorId"
  | "menteeId"
  | "mentorName"
  | "menteeName"
  | "status"
  | "version"
  | "agenda"
  | "meetingLink"
  | "meetingType"
  | "phone"
  | "location"
  | "title"
> & { id: string; startMs: number; endMs: number; updatedMs: number };

/**
 * How a session's state reads in a subscribed calendar. A proposal is TENTATIVE; one that ends (cancelled, or a
 * proposal declined) is CANCELLED with SEQUENCE one above its version: the cancel itself does not bump `version`,
 * and a calendar keeps the copy it has unless the sequence grows. Completed and missed sessions stay as they were.
 */
export function feedStatusOf(status: SessionDoc["status"]): { status: IcsStatus; bump: number; prefix: string } {
  switch (status) {
    case "pending":
      return { status: "TENTATIVE", bump: 0, prefix: "Proposed: " };
    case "cancelled":
      return { status: "CANCELLED", bump: 1, prefix: "Cancelled: " };
    case "declined":
      return { status: "CANCELLED", bump: 1, prefix: "Declined: " };
    case "accepted":
    case "completed":
    case "no_show":
      return { status: "CONFIRMED", bump: 0, prefix: "" };
  }
}

/**
 * One person's feed. Each event is the emails' event (same UID, `buildIcs`'s fields) from that person's side, with
 * what both participants already see in the session — title, agenda, where to meet, a link to the session page —
 * and nothing else: no private or shared notes, no reasons, no addresses. DTSTAMP is the session's last change (a
 * feed without METHOD reads it as LAST-MODIFIED), so the same sessions give the same bytes and the ETag holds.
 */
export function planCalendarFeed(input: { uid: string; sessions: readonly FeedSession[]; appUrl: string }): IcsCalendar {
  const events = input.sessions
    .filter((session) => session.mentorId === input.uid || session.menteeId === input.uid)
    .map((session): IcsEvent => {
      const other = input.uid === session.mentorId ? session.menteeName : session.mentorName;
      const state = feedStatusOf(session.status);
      const page = `${input.appUrl}${appLinks.session(session.id)}`;
      const place = sessionPlace(session);
      const join = session.meetingType === "video" && session.meetingLink ? `Join: ${session.meetingLink}` : "";
      return {
        sessionId: session.id,
        sequence: session.version + state.bump,
        status: state.status,
        startMs: session.startMs,
        endMs: session.endMs,
        stampMs: session.updatedMs,
        summary: `${state.prefix}${sessionTitle(session, other)}`,
        description: [session.agenda, join, `Session page: ${page}`].filter(Boolean).join("\n\n"),
        ...(place.location ? { location: place.location } : {}),
        url: place.url ?? page,
      };
    })
    .sort((a, b) => a.startMs - b.startMs || a.sessionId.localeCompare(b.sessionId));
  return { name: "MentorMatch sessions", refreshMinutes: CALENDAR_FEED.refreshMinutes, events };
}
