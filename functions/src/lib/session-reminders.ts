import { appLinks, paths, type SessionDoc } from "@mentormatch/shared";
import { planReminders, type ReminderKind } from "@mentormatch/shared/scheduling";
import { Timestamp, type DocumentReference, type Firestore, type Transaction } from "firebase-admin/firestore";
import { db as defaultDb } from "./app.js";
import { prepareNotifications, type NotifyInput } from "./notify.js";
import { miniMeetingLine } from "./mini-session-messages.js";
import { sessionIcsAttachment } from "./session-calendar.js";
import { formatSessionTime } from "./session-messages.js";
import { readSession, readTimeZone, sessionFacts } from "./sessions.js";

export interface SessionReminderResult {
  /** Sessions the query found due. */
  examined: number;
  /** Reminders this run sent (one per session and kind; each tells both people). */
  sent: number;
  /** Whether the query hit its limit: more may be due, and the next run takes them. */
  more: boolean;
  /** Documents read: the query's results plus every transaction read (retries included), for `npm run bench:reads`. */
  documentsRead: number;
}

/** One key per session, version and reminder: a rerun or an overlapping run cannot remind twice, a reschedule can. */
export const reminderDedupeKey = (sessionId: string, version: number, kind: ReminderKind) => `session:${sessionId}:${version}:reminder-${kind}`;

const LEAD_TEXT: Record<ReminderKind, string> = { "24h": "in 24 hours", "1h": "in 1 hour" };

type Facts = SessionDoc & { startMs: number; endMs: number };

/** The reminder to one participant: the time in their zone with the other person's beside it, the agenda, the link. */
export function reminderMessage(input: {
  sessionId: string;
  session: Facts;
  kind: ReminderKind;
  recipientUid: string;
  recipientTimeZone: string;
  otherTimeZone: string;
  nowMs: number;
}): NotifyInput {
  const { session, sessionId, kind } = input;
  const other = input.recipientUid === session.mentorId ? session.menteeName : session.mentorName;
  const when = formatSessionTime(session.startMs, input.recipientTimeZone);
  const theirs = formatSessionTime(session.startMs, input.otherTimeZone);
  const lead = LEAD_TEXT[kind];
  // A mini session has no match and no chat: it is named by its request, and may be by phone or in person.
  const mini = session.kind === "mini";
  const what = mini ? `mini session “${session.title}”` : "session";
  return {
    kind: "session_reminder",
    text: `Reminder: your ${what} with ${other} starts ${lead}, ${when}.`,
    link: mini ? appLinks.session(sessionId) : appLinks.sessions(),
    dedupeKey: reminderDedupeKey(sessionId, session.version, kind),
    email: {
      subject: `Reminder: ${what} with ${other} ${lead} (${when})`,
      heading: `Your ${mini ? "mini mentorship session" : "session"} starts ${lead}`,
      paragraphs: [
        `Your ${session.durationMinutes}-minute ${what} with ${other} starts ${when}${theirs === when ? "" : ` (${other}'s time: ${theirs})`}.`,
        ...(session.agenda ? [`Agenda: “${session.agenda}”`] : []),
        mini ? miniMeetingLine(session) : session.meetingLink ? `Join: ${session.meetingLink}` : "No meeting link yet: agree on one in your chat.",
        "The attached calendar file adds it to your calendar, or updates it there.",
      ],
      action: { label: "Your sessions", path: appLinks.sessions() },
      attachments: (recipient) => [
        sessionIcsAttachment({ sessionId, session, method: "REQUEST", recipientUid: input.recipientUid, recipient, nowMs: input.nowMs }),
      ],
    },
  };
}

/** Counts the documents a transaction reads (retries included), without changing what it does. */
export function countingReads(tx: Transaction, counter: { reads: number }): Transaction {
  return new Proxy(tx, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== "function") return value;
      if (prop === "getAll") {
        return (...args: unknown[]) => {
          counter.reads += args.filter((arg) => typeof (arg as DocumentReference | null)?.path === "string").length;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      if (prop === "get") {
        return async (...args: unknown[]) => {
          const result = (await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args)) as { size?: number };
          counter.reads += typeof result.size === "number" ? result.size : 1;
          return result;
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
}

/**
 * Emails (and notifies in the app) both people of each accepted session 24 hours and 1 hour before it. The query reads
 * only what is due (`status == accepted && nextReminderAt <= now`, earliest first, at most `limit`), never all
 * sessions. Each session is then its own transaction that re-reads it and asks planReminders, and marks
 * `remindersSent[kind] = version` and the next `nextReminderAt` in the same commit as both notifications (dedupe key
 * per session, version and kind): a second run finds it sent, two overlapping runs contend on the session and the
 * loser's retry finds it sent. A reschedule bumps the version and clears the fields, so old reminders never fire; a
 * cancel clears `nextReminderAt`, and planReminders sends nothing for a session that is not accepted.
 * The scheduled `sendSessionReminders` calls it every 5 minutes; tests and `npm run bench:reads` call it with `now`.
 */
export async function sendSessionReminders(options: { now: Date; limit?: number; db?: Firestore }): Promise<SessionReminderResult> {
  const firestore = options.db ?? defaultDb();
  const limit = options.limit ?? 200;
  const nowMs = options.now.getTime();
  const due = await firestore
    .collection(paths.sessions())
    .where("status", "==", "accepted")
    .where("nextReminderAt", "<=", Timestamp.fromDate(options.now))
    .orderBy("nextReminderAt")
    .limit(limit)
    .select()
    .get();
  const counter = { reads: due.size };
  let sent = 0;
  for (const doc of due.docs) {
    const didSend = await firestore.runTransaction(async (rawTx) => {
      const tx = countingReads(rawTx, counter);
      const stored = readSession(await tx.get(doc.ref));
      if (!stored) return false;
      const session = sessionFacts(stored);
      const reminder = {
        status: session.status,
        startMs: session.startMs,
        version: session.version,
        confirmedAtMs: session.confirmedAt?.toMillis() ?? 0,
        remindersSent: session.remindersSent,
      };
      const plan = planReminders(reminder, nowMs);
      const kind = plan.due[0];
      if (!kind) {
        // Nothing to send (answered late, cancelled meanwhile, already sent): move the marker on so the query stops
        // finding it.
        const next = plan.nextReminderAt === null ? null : Timestamp.fromMillis(plan.nextReminderAt);
        if (stored.nextReminderAt?.toMillis() !== next?.toMillis()) tx.update(doc.ref, { nextReminderAt: next });
        return false;
      }
      const remindersSent = { ...session.remindersSent, [kind]: session.version };
      const next = planReminders({ ...reminder, remindersSent }, nowMs).nextReminderAt;
      const [mentorSnap, menteeSnap] = await tx.getAll(firestore.doc(paths.user(session.mentorId)), firestore.doc(paths.user(session.menteeId)));
      const zones = { [session.mentorId]: readTimeZone(mentorSnap), [session.menteeId]: readTimeZone(menteeSnap) };
      const message = (uid: string, other: string) =>
        reminderMessage({ sessionId: doc.id, session, kind, recipientUid: uid, recipientTimeZone: zones[uid]!, otherTimeZone: zones[other]!, nowMs });
      const notifications = await prepareNotifications(
        tx,
        [
          { uid: session.mentorId, input: message(session.mentorId, session.menteeId) },
          { uid: session.menteeId, input: message(session.menteeId, session.mentorId) },
        ],
        { db: firestore },
      );
      tx.update(doc.ref, {
        remindersSent,
        nextReminderAt: next === null ? null : Timestamp.fromMillis(next),
        updatedAt: Timestamp.fromMillis(nowMs),
      });
      notifications.write();
      return true;
    });
    if (didSend) sent++;
  }
  return { examined: due.size, sent, more: due.size === limit, documentsRead: counter.reads };
}
