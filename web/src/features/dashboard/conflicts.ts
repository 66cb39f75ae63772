import type { SessionLike } from "../sessions/session-format";

type Slot = Pick<SessionLike, "id" | "status" | "proposedBy" | "mentorId" | "menteeId" | "startMs" | "endMs">;
type Named = Pick<SessionLike, "status" | "proposedBy" | "mentorId" | "menteeId" | "mentorName" | "menteeName">;

const otherOf = (session: Pick<Slot, "mentorId" | "menteeId">, uid: string) => (session.mentorId === uid ? session.menteeId : session.mentorId);
const overlaps = (a: Slot, b: Slot) => a.startMs < b.endMs && b.startMs < a.endMs;
const isMine = (session: Slot, uid: string) => session.mentorId === uid || session.menteeId === uid;

/**
 * For each of my pending proposals that has not ended, my other pending or accepted sessions it overlaps that involve
 * a different person. A mentor's proposal does not lock the invited mentee's time (only accepting does), so a mentee
 * can be invited by two mentors at once, or at a time they already committed to: the dashboard highlights the invite
 * and names the other. Two sessions with the same person are one conversation, not a clash. Ids map to the clashing
 * ones, earliest first.
 */
export function findConflicts<T extends Slot>(sessions: readonly T[], uid: string, nowMs: number): Map<string, T[]> {
  const active = sessions
    .filter((session) => (session.status === "pending" || session.status === "accepted") && session.endMs > nowMs && isMine(session, uid))
    .sort((a, b) => a.startMs - b.startMs);
  const conflicts = new Map<string, T[]>();
  for (const session of active) {
    if (session.status !== "pending") continue;
    const clashes = active.filter((other) => other.id !== session.id && otherOf(other, uid) !== otherOf(session, uid) && overlaps(session, other));
    if (clashes.length) conflicts.set(session.id, clashes);
  }
  return conflicts;
}

/**
 * Whether a clash already holds my time, so the server will refuse accepting the invite until it is declined, moved
 * or cancelled: an accepted session, or a proposal I made. Another person's proposal to me holds nothing yet.
 */
export const holdsMyTime = (clash: Pick<Slot, "status" | "proposedBy">, uid: string) => clash.status === "accepted" || clash.proposedBy === uid;

/** How the dashboard names a clash: "your session with Ana Ruiz", "your proposal to Ana Ruiz", "Ana Ruiz's proposal". */
export function describeClash(clash: Named, uid: string): string {
  const name = clash.mentorId === uid ? clash.menteeName : clash.mentorName;
  if (clash.status === "accepted") return `your session with ${name}`;
  return clash.proposedBy === uid ? `your proposal to ${name}` : `${name}'s proposal`;
}
