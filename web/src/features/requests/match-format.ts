import { LIMITS, type MatchStatus } from "@mentormatch/shared";
import { formatRelativeTime } from "../notifications/notification-format";

/** What the grouping and the sentences need of a match (timestamps as Dates or anything with toMillis). */
export interface MatchLike {
  id: string;
  mentorId: string;
  menteeId: string;
  mentorName: string;
  menteeName: string;
  status: MatchStatus;
  updatedAt: { toMillis(): number };
  endedBy?: string | null;
}

export interface MatchGroups<M extends MatchLike> {
  /** Pending requests sent to `uid` as mentor, oldest first (answer in order). */
  incoming: M[];
  /** Pending requests `uid` sent as mentee, newest first. */
  outgoing: M[];
  /** Accepted matches, newest first. */
  active: M[];
  /** Declined, cancelled, expired or ended, newest first. */
  past: M[];
}

const newestFirst = (a: MatchLike, b: MatchLike) => b.updatedAt.toMillis() - a.updatedAt.toMillis();

/** Sorts one person's matches into the Requests page's sections; a match seen twice (two lists) counts once. */
export function groupMatches<M extends MatchLike>(matches: readonly M[], uid: string): MatchGroups<M> {
  const groups: MatchGroups<M> = { incoming: [], outgoing: [], active: [], past: [] };
  const seen = new Set<string>();
  for (const match of [...matches].sort(newestFirst)) {
    if (seen.has(match.id)) continue;
    seen.add(match.id);
    if (match.status === "pending") {
      if (match.mentorId === uid) groups.incoming.push(match);
      else if (match.menteeId === uid) groups.outgoing.push(match);
    } else if (match.status === "accepted") groups.active.push(match);
    else groups.past.push(match);
  }
  groups.incoming.reverse();
  return groups;
}

/** The other person's name in a match, seen by `uid`. */
export function otherName(match: Pick<MatchLike, "mentorId" | "mentorName" | "menteeName">, uid: string): string {
  return match.mentorId === uid ? match.menteeName : match.mentorName;
}

/** A closed match in one line, from `uid`'s side: "Ada Lovelace declined your request", "You ended this mentoring". */
export function describeClosedMatch(match: MatchLike, uid: string): string {
  const asMentor = match.mentorId === uid;
  const other = otherName(match, uid);
  switch (match.status) {
    case "declined":
      return asMentor ? `You declined ${other}'s request` : `${other} declined your request`;
    case "cancelled":
      return asMentor ? `${other} withdrew their request` : `You withdrew your request to ${other}`;
    case "expired":
      return asMentor ? `${other}'s request expired unanswered` : `Your request to ${other} expired unanswered`;
    case "ended":
      if (match.endedBy === uid) return `You ended your mentoring with ${other}`;
      if (match.endedBy === match.mentorId || match.endedBy === match.menteeId) return `${other} ended your mentoring`;
      return `Your mentoring with ${other} ended`;
    case "accepted":
      return asMentor ? `You mentor ${other}` : `${other} is your mentor`;
    case "pending":
      return asMentor ? `${other} asked you to mentor them` : `You asked ${other} to mentor you`;
  }
}

export const STATUS_LABELS: Record<MatchStatus, string> = {
  pending: "Waiting for an answer",
  accepted: "Active",
  declined: "Declined",
  cancelled: "Withdrawn",
  expired: "Expired",
  ended: "Ended",
};

/** "Expires in 2 weeks", "Expires in 5 hours", "Expired": when a pending request stops waiting. */
export function describeExpiry(expiresAt: Date, now: Date): string {
  if (expiresAt.getTime() <= now.getTime()) return "Expired";
  return `Expires ${formatRelativeTime(expiresAt, now)}`;
}

/** "sent 2 hours ago": a server time a little ahead of this device's clock reads as now. */
export function describeAge(sentAt: Date, now: Date): string {
  return formatRelativeTime(sentAt.getTime() > now.getTime() ? now : sentAt, now);
}

/** The request form's starting note, from the mentee's learning goals (cut to the limit at a line break). */
export function defaultRequestNote(goals: readonly string[], mentorName: string, max: number = LIMITS.matchMessage): string {
  const first = mentorName.trim().split(/\s+/)[0] || "there";
  const cleaned = goals.map((goal) => goal.trim()).filter(Boolean);
  const lines = [`Hi ${first}, I'd like you to mentor me.`];
  if (cleaned.length === 1) lines.push(`My goal: ${cleaned[0]}.`);
  else if (cleaned.length > 1) lines.push("My goals:", ...cleaned.map((goal) => `- ${goal}`));
  let note = "";
  for (const line of lines) {
    const next = note ? `${note}\n${line}` : line;
    if (next.length > max) break;
    note = next;
  }
  return note.slice(0, max);
}

/** "480 characters left", "1 character left", "12 characters too many". */
export function describeCharactersLeft(length: number, max: number = LIMITS.matchMessage): string {
  const left = max - length;
  if (left >= 0) return `${left} character${left === 1 ? "" : "s"} left`;
  return `${-left} character${left === -1 ? "" : "s"} too many`;
}

/** The sidebar counter's text for screen readers. */
export function describePendingRequests(count: number, limit = 100): string {
  if (count <= 0) return "No requests waiting";
  if (count >= limit) return `More than ${limit - 1} requests waiting`;
  return `${count} request${count === 1 ? "" : "s"} waiting for your answer`;
}
