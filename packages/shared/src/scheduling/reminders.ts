const HOUR_MS = 3_600_000;

/** Email reminders, longest lead first. */
export const REMINDERS = [
  { kind: "24h", leadMs: 24 * HOUR_MS },
  { kind: "1h", leadMs: HOUR_MS },
] as const;
export type ReminderKind = (typeof REMINDERS)[number]["kind"];

export interface ReminderSession {
  status: string;
  startMs: number;
  /** Bumped on every reschedule; a reminder sent for an older version does not count for this one. */
  version: number;
  /** When this version became accepted: a reminder whose moment came before that is covered by the acceptance email. */
  confirmedAtMs: number;
  /** The version each reminder was last sent for. */
  remindersSent: Partial<Record<ReminderKind, number>>;
}

export interface ReminderPlan {
  /** At most one: when the job runs late and both are due, only the nearer one is still worth sending. */
  due: ReminderKind[];
  /** When the job should look at this session again (it queries `nextReminderAt <= now`), or null for never. */
  nextReminderAt: number | null;
}

const NONE: ReminderPlan = { due: [], nextReminderAt: null };

/**
 * Which reminders to email now for a session. Only accepted sessions that have not started get reminders; of the
 * reminders whose moment has come, only the latest can be due (a 24-hour reminder half an hour before the start would
 * mislead), and only if it was not sent for this version and its moment came after the session was confirmed.
 */
export function planReminders(session: ReminderSession, nowMs: number): ReminderPlan {
  if (session.status !== "accepted" || nowMs >= session.startMs) return NONE;
  const pending = (kind: ReminderKind, atMs: number) => atMs >= session.confirmedAtMs && session.remindersSent[kind] !== session.version;

  const reached = REMINDERS.filter((reminder) => nowMs >= session.startMs - reminder.leadMs);
  const current = reached.at(-1);
  const due = current && pending(current.kind, session.startMs - current.leadMs) ? [current.kind] : [];

  const upcoming = REMINDERS.map((reminder) => ({ kind: reminder.kind, atMs: session.startMs - reminder.leadMs })).filter(
    (reminder) => reminder.atMs > nowMs && pending(reminder.kind, reminder.atMs),
  );
  const nextReminderAt = upcoming.length ? Math.min(...upcoming.map((reminder) => reminder.atMs)) : null;
  return { due, nextReminderAt };
}
