import { appLinks } from "@mentormatch/shared";
import { useEffect, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { useSignedInUser } from "../../app/auth-context";
import { useSessionData } from "../../app/session-data";
import { EmptyState, ErrorState, ListSkeleton } from "../../components/states";
import { useNow } from "../../components/use-now";
import { usePageTitle } from "../../components/use-page-title";
import { watchSession, type Session } from "../../data/sessions";
import { errorMessage } from "../../lib/error-message";
import { browserTimeZone } from "../auth/time-zones";
import { useProfiles } from "../requests/use-profiles";
import { JoinButton, SessionActions } from "./session-actions";
import { downloadIcs, googleLinkFor, icsFor } from "./session-calendar";
import { SessionFollowUp } from "./session-follow-up";
import { SessionObserverView } from "./session-observer-view";
import { formatRange, formatWhen, icsFileName, isOngoing, otherPerson, statusLabel, statusPillClass } from "./session-format";

type State = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; session: Session | null };

export function SessionDetailPage() {
  const { sessionId = "" } = useParams();
  const user = useSignedInUser();
  const profile = useSessionData().profile;
  const timeZone = profile?.timezone || browserTimeZone();
  const now = useNow(15_000);
  const nowMs = now.getTime();
  const [state, setState] = useState<{ id: string; value: State } | null>(null);
  const [attempt, setAttempt] = useState(0);
  usePageTitle("Session");

  useEffect(
    () =>
      watchSession(
        sessionId,
        (session) => setState({ id: sessionId, value: { status: "ready", session } }),
        (error) => setState({ id: sessionId, value: { status: "error", message: errorMessage(error) } }),
      ),
    [sessionId, attempt],
  );
  const current: State = state?.id === sessionId ? state.value : { status: "loading" };
  const session = current.status === "ready" ? current.session : null;
  const other = session ? otherPerson(session, user.uid) : null;
  const otherZone = useProfiles(other ? [other.uid] : []).get(other?.uid ?? "")?.timezone;

  if (current.status === "loading")
    return (
      <section className="page" aria-busy="true" aria-label="Session">
        <ListSkeleton rows={4} />
      </section>
    );
  if (current.status === "error")
    return (
      <section className="page" aria-label="Session">
        <ErrorState message={current.message} onRetry={() => setAttempt((n) => n + 1)} />
      </section>
    );
  if (!session || !other)
    return (
      <section className="page" aria-label="Session">
        <EmptyState title="Session not found" action={<Link to="/sessions" className="btn">All sessions</Link>}>
          <p>It may have been removed, or the link is not one of your sessions.</p>
        </EmptyState>
      </section>
    );
  // Admins may read any session (from the all-sessions table) but are neither person: a read-only view.
  if (!session.participants.includes(user.uid)) return <SessionObserverView session={session} timeZone={timeZone} />;

  const viewer = { uid: user.uid, name: profile?.displayName || user.displayName || "You", email: user.email ?? "" };
  const origin = window.location.origin;
  const showCalendar = session.status !== "declined" && viewer.email !== "";
  const ongoing = isOngoing(session, nowMs);
  const isMini = session.kind === "mini";

  return (
    <section className="page session-detail" aria-labelledby="session-title">
      <p>
        {/* A mini session's matchId is its request's id: back to the request, which has the rest of its story. */}
        {isMini ? <Link to={appLinks.miniRequest(session.matchId)}>← The mini session request</Link> : <Link to="/sessions">← All sessions</Link>}
      </p>
      <div className="page-head">
        <div>
          <h1 id="session-title">
            {isMini ? "Mini session" : "Session"} with {other.name}
          </h1>
          {/* The request's title, unless the agenda below already says just that. */}
          {isMini && session.title && session.title !== session.agenda ? <p className="muted">{session.title}</p> : null}
          <p>
            <span className={statusPillClass(session.status, ongoing)} data-testid="session-status">
              {statusLabel(session, user.uid, ongoing)}
            </span>
          </p>
        </div>
      </div>

      <section className="card" aria-labelledby="session-when-title">
        <h2 id="session-when-title" className="section-title">
          When
        </h2>
        <dl className="session-facts">
          <dt>Your time ({timeZone.replace(/_/g, " ")})</dt>
          <dd>
            <time dateTime={new Date(session.startMs).toISOString()} data-testid="session-my-time">
              {formatRange(session.startMs, session.endMs, timeZone)}
            </time>
          </dd>
          {otherZone && otherZone !== timeZone ? (
            <>
              <dt>
                {other.name}'s time ({otherZone.replace(/_/g, " ")})
              </dt>
              <dd data-testid="session-their-time">{formatRange(session.startMs, session.endMs, otherZone)}</dd>
            </>
          ) : null}
          <dt>Length</dt>
          <dd>{session.durationMinutes} minutes</dd>
          <dt>Proposed by</dt>
          <dd>{session.proposedBy === user.uid ? "You" : other.name}</dd>
          {session.respondedAt ? (
            <>
              <dt>Answered</dt>
              <dd>{formatWhen(session.respondedAt.toMillis(), timeZone)}</dd>
            </>
          ) : null}
          {session.responseNote ? (
            <>
              <dt>{session.proposedBy === user.uid ? `${other.name}'s note` : "Your note"}</dt>
              <dd>{session.responseNote}</dd>
            </>
          ) : null}
          {session.cancelledAt ? (
            <>
              <dt>Cancelled</dt>
              <dd>
                {formatWhen(session.cancelledAt.toMillis(), timeZone)} by {session.cancelledBy === user.uid ? "you" : other.name}
                {session.cancelReason ? `: ${session.cancelReason}` : ""}
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <section className="card" aria-labelledby="session-agenda-title">
        <h2 id="session-agenda-title" className="section-title">
          Agenda
        </h2>
        {session.agenda ? <p className="session-agenda">{session.agenda}</p> : <p className="muted">No agenda yet.</p>}
      </section>

      <section className="card" aria-labelledby="session-meeting-title">
        <h2 id="session-meeting-title" className="section-title">
          Meeting
        </h2>
        {session.meetingLink ? (
          <p className="session-link">
            <a href={session.meetingLink} target="_blank" rel="noopener noreferrer">
              {session.meetingLink}
            </a>
          </p>
        ) : session.meetingType === "phone" && session.phone ? (
          <p>
            By phone: <a href={`tel:${session.phone.replace(/[^+0-9]/g, "")}`}>{session.phone}</a>
          </p>
        ) : session.meetingType === "in_person" && session.location ? (
          <p>In person: {session.location}</p>
        ) : (
          <p className="muted">No meeting link: agree on one with {other.name} in chat.</p>
        )}
        {session.meetingType === "video" ? (
          <div className="match-actions">
            <JoinButton session={session} nowMs={nowMs} />
          </div>
        ) : null}
      </section>

      {showCalendar ? (
        <section className="card" aria-labelledby="session-calendar-title">
          <h2 id="session-calendar-title" className="section-title">
            Add to calendar
          </h2>
          <div className="match-actions">
            <button
              type="button"
              className="btn"
              onClick={() => downloadIcs(icsFileName(session), icsFor(session, viewer, Date.now(), origin))}
              data-testid="download-ics"
            >
              {session.status === "cancelled" ? "Download cancellation (.ics)" : "Download .ics"}
            </button>
            {session.status !== "cancelled" ? (
              <a className="btn" href={googleLinkFor(session, viewer, nowMs, origin)} target="_blank" rel="noopener noreferrer">
                Google Calendar<span className="sr-only"> (opens in a new tab)</span>
              </a>
            ) : null}
          </div>
        </section>
      ) : null}

      <SessionFollowUp session={session} uid={user.uid} otherName={other.name} nowMs={nowMs} />

      {/* What either person can do now. */}
      <section className="card" aria-labelledby="session-actions-title" data-testid="session-actions">
        <h2 id="session-actions-title" className="section-title">
          Actions
        </h2>
        <SessionActions session={session} uid={user.uid} nowMs={nowMs} />
        {!isMini && (session.status === "pending" || session.status === "accepted") && session.startMs > nowMs ? (
          <p>
            <Link to={`/sessions/book/${session.matchId}?move=${session.id}`} className="btn" data-testid="reschedule-session">
              Propose another time
            </Link>
          </p>
        ) : null}
        {/* Mini sessions have no match, so no chat of their own. */}
        {isMini ? null : (
          <p className="muted small">
            <Link to={`/messages/${session.matchId}`}>Message {other.name}</Link>
          </p>
        )}
      </section>
    </section>
  );
}
