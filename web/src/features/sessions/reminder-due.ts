import type { SessionLike } from "./session-format";

const MINUTE = 60_000;
/** The in-app reminder shows this long before an accepted session's start (issue 7). */
export const REMINDER_MINUTES_BEFORE = 15;

/**
 * Accepted sessions whose reminder is due at `nowMs`: from 15 minutes before the start until the start, and not
 * already shown (`shown`: ids every tab has recorded). A session that has started gets no reminder: Join is on its card.
 */
export function remindersDue<T extends Pick<SessionLike, "id" | "status" | "startMs">>(sessions: readonly T[], nowMs: number, shown: ReadonlySet<string>): T[] {
  return sessions
    .filter(
      (session) =>
        session.status === "accepted" &&
        !shown.has(reminderKey(session)) &&
        nowMs >= session.startMs - REMINDER_MINUTES_BEFORE * MINUTE &&
        nowMs < session.startMs,
    )
    .sort((a, b) => a.startMs - b.startMs);
}

/** The marker of a session's reminder: a moved session (new start) is reminded again. */
export const reminderKey = (session: Pick<SessionLike, "id" | "startMs">) => `${session.id}@${session.startMs}`;

/** When the next reminder becomes due after `nowMs` (to wake up then), or null when none is coming. */
export function nextReminderAt(sessions: readonly Pick<SessionLike, "status" | "startMs">[], nowMs: number): number | null {
  let next: number | null = null;
  for (const session of sessions) {
    if (session.status !== "accepted") continue;
    const at = session.startMs - REMINDER_MINUTES_BEFORE * MINUTE;
    if (at > nowMs && (next === null || at < next)) next = at;
  }
  return next;
}

export interface ReminderBrief {
  agenda: string;
  actionItems: string[];
  goals: string[];
}

/** The short brief's lines: only what is there, so an empty brief shows nothing. */
export function briefLines(brief: ReminderBrief): { label: string; items: string[] }[] {
  const lines: { label: string; items: string[] }[] = [];
  if (brief.agenda.trim()) lines.push({ label: "Agenda", items: [brief.agenda.trim()] });
  const actions = brief.actionItems.filter((item) => item.trim());
  if (actions.length) lines.push({ label: "Last time's action items", items: actions });
  const goals = brief.goals.filter((goal) => goal.trim());
  if (goals.length) lines.push({ label: "Mentee's goals", items: goals });
  return lines;
}
