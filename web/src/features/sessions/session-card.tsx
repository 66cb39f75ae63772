import { useId } from "react";
import { Link } from "react-router-dom";
import type { Session } from "../../data/sessions";
import { JoinButton, SessionActions } from "./session-actions";
import { describeStartsIn, formatRange, isOngoing, otherPerson, sessionLink, statusLabel, statusPillClass, theirTime } from "./session-format";

/** A session in a list: who, when (mine, with theirs beside it), the agenda's first line, and what I can do now. */
export function SessionCard({
  session,
  uid,
  nowMs,
  timeZone,
  otherTimeZone,
  showActions = true,
}: {
  session: Session;
  uid: string;
  nowMs: number;
  timeZone: string;
  otherTimeZone: string | undefined;
  showActions?: boolean;
}) {
  const id = useId();
  const other = otherPerson(session, uid);
  const ongoing = isOngoing(session, nowMs);
  const theirs = otherTimeZone ? theirTime(session.startMs, timeZone, otherTimeZone) : null;
  const live = session.status === "pending" || session.status === "accepted";
  return (
    <li className="card session-card" aria-labelledby={`${id}-title`} data-testid="session-card" data-session-id={session.id}>
      <div className="session-card-head">
        <h3 id={`${id}-title`} className="session-card-title">
          <Link to={sessionLink(session.id)}>
            {session.durationMinutes}-minute {session.kind === "mini" ? "mini session" : "session"} with {other.name}
          </Link>
        </h3>
        <span className={statusPillClass(session.status, ongoing)} data-testid="session-status">
          {statusLabel(session, uid, ongoing)}
        </span>
      </div>
      <p className="session-when">
        <time dateTime={new Date(session.startMs).toISOString()}>{formatRange(session.startMs, session.endMs, timeZone)}</time>
        {live && session.startMs > nowMs ? <span className="muted small"> · {describeStartsIn(session.startMs, nowMs)}</span> : null}
      </p>
      {theirs ? (
        <p className="muted small" data-testid="their-time">
          {other.name}'s time: {theirs}
        </p>
      ) : null}
      {session.agenda ? <p className="session-agenda">{session.agenda}</p> : null}
      {session.status === "pending" && session.proposedBy !== uid ? <p className="muted small">{other.name} proposed this time.</p> : null}
      {session.responseNote && session.status !== "pending" ? (
        <p className="muted small">
          {session.proposedBy === uid ? `${other.name}'s note` : "Your note"}: {session.responseNote}
        </p>
      ) : null}
      {session.status === "cancelled" && session.cancelReason ? (
        <p className="muted small">
          {session.cancelledBy === uid ? "Your reason" : `${other.name}'s reason`}: {session.cancelReason}
        </p>
      ) : null}
      {showActions ? (
        <div className="session-card-actions">
          {/* A phone call or a meeting in person (mini sessions) has nothing to join. */}
          {session.status === "accepted" && session.meetingType === "video" ? (
            <div className="match-actions">
              <JoinButton session={session} nowMs={nowMs} />
            </div>
          ) : null}
          <SessionActions session={session} uid={uid} nowMs={nowMs} />
        </div>
      ) : null}
    </li>
  );
}
