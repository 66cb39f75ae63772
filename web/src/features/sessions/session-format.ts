import { SESSIONS, type SessionStatus } from "@mentormatch/shared";

/** What the lists and the detail page need of a session (the data layer's Session has more). */
export interface SessionLike {
  id: string;
  status: SessionStatus;
  proposedBy: string;
  mentorId: string;
  menteeId: string;
  mentorName: string;
  menteeName: string;
  startMs: number;
  endMs: number;
  meetingLink: string;
  agenda: string;
  version: number;
}

const MINUTE = 60_000;
/** Join opens this long before the start (issue 7), and stays open until the end. */
export const JOIN_OPENS_MINUTES_BEFORE = 10;

export type JoinState = "no-link" | "too-early" | "open" | "over" | "not-accepted";

/** Whether Join works now: only for an accepted session with a link, from 10 minutes before the start to its end. */
export function joinState(session: Pick<SessionLike, "status" | "meetingLink" | "startMs" | "endMs">, nowMs: number): JoinState {
  if (session.status !== "accepted") return "not-accepted";
  if (!session.meetingLink) return "no-link";
  if (nowMs >= session.endMs) return "over";
  if (nowMs < session.startMs - JOIN_OPENS_MINUTES_BEFORE * MINUTE) return "too-early";
  return "open";
}

export const canJoin = (session: Parameters<typeof joinState>[0], nowMs: number) => joinState(session, nowMs) === "open";

/** "Ongoing" comes from the clock: accepted, started and not yet ended. */
export const isOngoing = (session: Pick<SessionLike, "status" | "startMs" | "endMs">, nowMs: number) =>
  session.status === "accepted" && nowMs >= session.startMs && nowMs < session.endMs;

/** Within the cut-off before the start, cancelling needs a reason the other person is shown (the server checks too). */
export const cancelNeedsReason = (startMs: number, nowMs: number) => startMs - nowMs < SESSIONS.cancelReasonCutoffHours * 60 * MINUTE;

/** Pending or accepted and not yet ended: what can still be cancelled (an accepted one only before it starts). */
export function canCancel(session: Pick<SessionLike, "status" | "startMs" | "endMs">, nowMs: number): boolean {
  if (session.status === "pending") return nowMs < session.endMs;
  return session.status === "accepted" && nowMs < session.startMs;
}

/** The invitee answers a proposal, and only before it starts (the server refuses later). */
export const canRespond = (session: Pick<SessionLike, "status" | "proposedBy" | "startMs">, uid: string, nowMs: number) =>
  session.status === "pending" && session.proposedBy !== uid && nowMs < session.startMs;

export interface SessionGroups<T> {
  toReview: T[];
  waiting: T[];
  upcoming: T[];
}

/**
 * The Sessions page's live sections: proposals waiting for my answer, mine waiting for theirs, and accepted ones
 * that have not ended. A proposal to me whose time came without an answer can no longer be accepted, so it is left out.
 */
export function groupSessions<T extends SessionLike>(sessions: readonly T[], uid: string, nowMs: number): SessionGroups<T> {
  const groups: SessionGroups<T> = { toReview: [], waiting: [], upcoming: [] };
  for (const session of sessions) {
    if (session.endMs <= nowMs) continue;
    if (session.status === "accepted") groups.upcoming.push(session);
    else if (session.status === "pending" && session.proposedBy === uid) groups.waiting.push(session);
    else if (canRespond(session, uid, nowMs)) groups.toReview.push(session);
  }
  const byStart = (a: T, b: T) => a.startMs - b.startMs;
  groups.toReview.sort(byStart);
  groups.waiting.sort(byStart);
  groups.upcoming.sort(byStart);
  return groups;
}

/** The other participant, as the viewer sees them. */
export function otherPerson(session: Pick<SessionLike, "mentorId" | "menteeId" | "mentorName" | "menteeName">, uid: string) {
  return session.mentorId === uid
    ? { uid: session.menteeId, name: session.menteeName, role: "mentee" as const }
    : { uid: session.mentorId, name: session.mentorName, role: "mentor" as const };
}

export const STATUS_LABELS: Record<SessionStatus, string> = {
  pending: "Waiting for an answer",
  accepted: "Confirmed",
  declined: "Declined",
  cancelled: "Cancelled",
  completed: "Completed",
  no_show: "Missed",
};

/** "Wed 25 Nov, 09:00" in a zone (24-hour clock, as the rest of the app). */
export function formatWhen(ms: number, timeZone: string): string {
  const date = new Date(ms);
  const day = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short" }).format(date);
  return `${day}, ${formatClock(ms, timeZone)}`;
}

export const formatClock = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(ms));

const localDate = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(ms));

/** "Wed 25 Nov, 09:00–09:45", the end's day added only when it falls on another one. */
export function formatRange(startMs: number, endMs: number, timeZone: string): string {
  const end = localDate(startMs, timeZone) === localDate(endMs, timeZone) ? formatClock(endMs, timeZone) : formatWhen(endMs, timeZone);
  return `${formatWhen(startMs, timeZone)}–${end}`;
}

/**
 * The other person's clock beside mine, only when it reads differently: "14:00 Wed" (the weekday, since their day
 * may not be mine), or null when our zones agree at that moment.
 */
export function theirTime(ms: number, myZone: string, theirZone: string): string | null {
  if (formatWhen(ms, myZone) === formatWhen(ms, theirZone)) return null;
  const weekday = new Intl.DateTimeFormat("en-GB", { timeZone: theirZone, weekday: "short" }).format(new Date(ms));
  return `${formatClock(ms, theirZone)} ${weekday}`;
}

/** A slot day "2026-11-25" (a calendar date, no zone) as "Wednesday 25 November". */
export function describeDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "long", day: "numeric", month: "long" }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** "in 3 hours", "in 2 days", "now": a hint beside an upcoming time. */
export function describeStartsIn(startMs: number, nowMs: number): string {
  const minutes = Math.round((startMs - nowMs) / MINUTE);
  if (minutes <= 0) return "now";
  if (minutes < 60) return `in ${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `in ${hours} hour${hours === 1 ? "" : "s"}`;
  const days = Math.round(hours / 24);
  return `in ${days} days`;
}

/** A session's page in the app. */
export const sessionLink = (sessionId: string) => `/sessions/${sessionId}`;

/** The file name of a session's .ics download. */
export const icsFileName = (session: Pick<SessionLike, "status" | "id">) =>
  session.status === "cancelled" ? `session-${session.id}-cancelled.ics` : `session-${session.id}.ics`;

/** The pill colour of a status (the same palette as the match pills), "Ongoing" its own. */
export function statusPillClass(status: SessionStatus, ongoing: boolean): string {
  if (ongoing) return "pill pill-soon";
  if (status === "accepted") return "pill pill-open";
  if (status === "pending") return "pill pill-full";
  return "pill pill-closed";
}

/** A status as the viewer reads it: a proposal waiting for my answer says so rather than "Waiting for an answer". */
export function statusLabel(session: Pick<SessionLike, "status" | "proposedBy">, uid: string, ongoing: boolean): string {
  if (ongoing) return "Ongoing";
  if (session.status === "pending" && session.proposedBy !== uid) return "Needs your answer";
  return STATUS_LABELS[session.status];
}
