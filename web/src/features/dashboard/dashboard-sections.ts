import type { SessionLike } from "../sessions/session-format";
import { canRespond } from "../sessions/session-format";

export interface DashboardSections<T> {
  /** Proposals to me I can still answer, earliest first. */
  toReview: T[];
  /** Accepted sessions that start or are running today (my zone), earliest first. */
  today: T[];
  /** Accepted sessions after today, earliest first. */
  upcoming: T[];
  /** My proposals waiting for the other person. */
  waiting: T[];
  /** Accepted sessions that have ended: someone still has to record what happened. */
  awaitingCompletion: T[];
  /** Completed sessions I have not rated yet (`rated` holds the ids I have). */
  awaitingFeedback: T[];
}

const dayOf = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(ms));

/**
 * Splits the two bounded lists the dashboard reads (pending/accepted not ended; ended in the last two weeks) into its
 * sections at `nowMs`. "Today" is the viewer's calendar day in their zone, and includes a session that is running.
 */
export function dashboardSections<T extends SessionLike>(
  upcoming: readonly T[],
  recent: readonly T[],
  uid: string,
  nowMs: number,
  timeZone: string,
  rated: ReadonlySet<string>,
): DashboardSections<T> {
  const out: DashboardSections<T> = { toReview: [], today: [], upcoming: [], waiting: [], awaitingCompletion: [], awaitingFeedback: [] };
  const today = dayOf(nowMs, timeZone);
  const seen = new Set<string>();
  for (const session of upcoming) {
    seen.add(session.id);
    if (session.endMs <= nowMs) {
      // The upcoming listener's bound is fixed when it opened: one that has since ended belongs with the recent ones.
      if (session.status === "accepted") out.awaitingCompletion.push(session);
      continue;
    }
    if (session.status === "accepted") (dayOf(session.startMs, timeZone) <= today ? out.today : out.upcoming).push(session);
    else if (session.status === "pending" && session.proposedBy === uid) out.waiting.push(session);
    else if (canRespond(session, uid, nowMs)) out.toReview.push(session);
  }
  for (const session of recent) {
    if (seen.has(session.id) || session.endMs > nowMs) continue;
    if (session.status === "accepted") out.awaitingCompletion.push(session);
    else if (session.status === "completed" && !rated.has(session.id)) out.awaitingFeedback.push(session);
  }
  const byStart = (a: T, b: T) => a.startMs - b.startMs;
  for (const list of [out.toReview, out.today, out.upcoming, out.waiting]) list.sort(byStart);
  const newestFirst = (a: T, b: T) => b.endMs - a.endMs;
  out.awaitingCompletion.sort(newestFirst);
  out.awaitingFeedback.sort(newestFirst);
  return out;
}
