import { appLinks } from "@mentormatch/shared";
import { Link } from "react-router-dom";
import type { Session } from "../../data/sessions";
import { STATUS_LABELS, formatRange, formatWhen, statusPillClass } from "./session-format";
import { SessionOutcomeLists } from "./session-outcome-lists";

/**
 * A session as an admin sees it from the all-sessions table: everything that was recorded, read only. An admin is
 * neither person, so there is no Join, calendar, private notes, feedback or action (each is a participant's own, and
 * the rules refuse them to anyone else).
 */
export function SessionObserverView({ session, timeZone }: { session: Session; timeZone: string }) {
  const nameOf = (uid: string | null) => (uid === session.mentorId ? session.mentorName : uid === session.menteeId ? session.menteeName : "someone else");
  return (
    <section className="page session-detail" aria-labelledby="session-title">
      <p>
        <Link to="/admin/sessions">← All sessions</Link>
      </p>
      <div className="page-head">
        <div>
          <h1 id="session-title">
            {session.kind === "mini" ? "Mini session" : "Session"}: {session.mentorName} with {session.menteeName}
          </h1>
          <p>
            <span className={statusPillClass(session.status, false)} data-testid="session-status">
              {STATUS_LABELS[session.status]}
            </span>{" "}
            <span className="muted small">You are viewing this as a programme admin.</span>
          </p>
        </div>
      </div>
      <section className="card" aria-labelledby="session-when-title">
        <h2 id="session-when-title" className="section-title">
          Details
        </h2>
        <dl className="session-facts">
          <dt>When ({timeZone.replace(/_/g, " ")})</dt>
          <dd data-testid="session-my-time">{formatRange(session.startMs, session.endMs, timeZone)}</dd>
          <dt>Length</dt>
          <dd>{session.durationMinutes} minutes</dd>
          <dt>Mentor</dt>
          <dd>
            <Link to={`/mentors/${session.mentorId}`}>{session.mentorName}</Link>
          </dd>
          <dt>Mentee</dt>
          <dd>{session.menteeName}</dd>
          <dt>Proposed by</dt>
          <dd>{nameOf(session.proposedBy)}</dd>
          {session.kind === "mini" ? (
            <>
              <dt>Mini request</dt>
              <dd>
                <Link to={appLinks.miniRequest(session.matchId)}>{session.title || "Open the request"}</Link>
              </dd>
            </>
          ) : null}
          {session.respondedAt ? (
            <>
              <dt>Answered</dt>
              <dd>
                {formatWhen(session.respondedAt.toMillis(), timeZone)}
                {session.responseNote ? `: ${session.responseNote}` : ""}
              </dd>
            </>
          ) : null}
          {session.cancelledAt ? (
            <>
              <dt>Cancelled</dt>
              <dd>
                {formatWhen(session.cancelledAt.toMillis(), timeZone)} by {nameOf(session.cancelledBy)}
                {session.cancelReason ? `: ${session.cancelReason}` : ""}
              </dd>
            </>
          ) : null}
          {session.completedAt ? (
            <>
              <dt>Recorded</dt>
              <dd>
                {formatWhen(session.completedAt.toMillis(), timeZone)} by {nameOf(session.completedBy)}
                {session.actualMinutes ? `, ${session.actualMinutes} minutes` : ""}
                {session.attendance ? ` (mentor ${session.attendance.mentor ? "came" : "missed it"}, mentee ${session.attendance.mentee ? "came" : "missed it"})` : ""}
              </dd>
            </>
          ) : null}
          <dt>Meeting</dt>
          <dd>
            {session.meetingType === "phone"
              ? `Phone: ${session.phone}`
              : session.meetingType === "in_person"
                ? `In person: ${session.location}`
                : session.meetingLink || "No link"}
          </dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="session-agenda-title">
        <h2 id="session-agenda-title" className="section-title">
          Agenda
        </h2>
        {session.agenda ? <p className="session-agenda">{session.agenda}</p> : <p className="muted">No agenda.</p>}
        {session.sharedNotes ? (
          <>
            <h3 className="small">Shared notes</h3>
            <p className="session-agenda">{session.sharedNotes}</p>
          </>
        ) : null}
        <SessionOutcomeLists session={session} />
      </section>
    </section>
  );
}
