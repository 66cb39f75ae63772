import type { SessionLike } from "../sessions/session-format";

type Slot = Pick<SessionLike, "id" | "status" | "mentorId" | "menteeId" | "startMs" | "endMs">;

const otherOf = (session: Slot, uid: string) => (session.mentorId === uid ? session.menteeId : session.mentorId);
const overlaps = (a: Slot, b: Slot) => a.startMs < b.endMs && b.startMs < a.endMs;

/**
 * For each of my pending proposals that has not ended, the other pending proposals of mine it overlaps that involve a
 * different person (accepting one would leave me double-booked, so the dashboard highlights both and names the other).
 * Two proposals with the same person are one conversation, not a clash. Ids map to the clashing ones, earliest first.
 */
export function findConflicts<T extends Slot>(sessions: readonly T[], uid: string, nowMs: number): Map<string, T[]> {
  const pending = sessions
    .filter((session) => session.status === "pending" && session.endMs > nowMs && (session.mentorId === uid || session.menteeId === uid))
    .sort((a, b) => a.startMs - b.startMs);
  const conflicts = new Map<string, T[]>();
  for (const session of pending) {
    const clashes = pending.filter((other) => other.id !== session.id && otherOf(other, uid) !== otherOf(session, uid) && overlaps(session, other));
    if (clashes.length) conflicts.set(session.id, clashes);
  }
  return conflicts;
}
