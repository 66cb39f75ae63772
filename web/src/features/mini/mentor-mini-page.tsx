import { MINI, MINI_SESSION_TYPE_LABELS, appLinks } from "@mentormatch/shared";
import { useEffect, useId, useState, type ReactNode } from "react";
import { Link } from "react-router-dom";
import { useSignedInUser } from "../../app/auth-context";
import { useSessionData } from "../../app/session-data";
import { EmptyState, ErrorState, ListSkeleton } from "../../components/states";
import { useNow } from "../../components/use-now";
import { usePageTitle } from "../../components/use-page-title";
import { watchMyClaimedMiniRequests } from "../../data/mini-board";
import type { MiniRequest } from "../../data/mini-requests";
import { errorMessage } from "../../lib/error-message";
import { browserTimeZone } from "../auth/time-zones";
import { describeStartsIn, formatRange, theirTime } from "../sessions/session-format";
import { GiveBackButton } from "./mentor-request-actions";
import { describeScheduleBy } from "./mentor-format";
import { UrgencyBadge } from "./mini-request-facts";

type ListState = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; requests: MiniRequest[] };

/** "My mini sessions" for a mentor: what I claimed (schedule it or give it back), what is booked, what is done. Live. */
export function MentorMiniPage() {
  usePageTitle("My mini sessions");
  const uid = useSignedInUser().uid;
  const timeZone = useSessionData().profile?.timezone || browserTimeZone();
  const now = useNow(30_000);
  const [state, setState] = useState<ListState>({ status: "loading" });
  const [retry, setRetry] = useState(0);

  useEffect(() => {
    setState({ status: "loading" });
    return watchMyClaimedMiniRequests(
      uid,
      (requests) => setState({ status: "ready", requests }),
      (error) => setState({ status: "error", message: errorMessage(error) }),
    );
  }, [uid, retry]);

  const requests = state.status === "ready" ? state.requests : [];
  const claimed = requests.filter((request) => request.status === "claimed").sort((a, b) => (a.scheduleByMs ?? 0) - (b.scheduleByMs ?? 0));
  const scheduled = requests.filter((request) => request.status === "scheduled").sort((a, b) => (a.scheduledStartMs ?? 0) - (b.scheduledStartMs ?? 0));
  const completed = requests.filter((request) => request.status === "completed");
  const nowMs = now.getTime();

  return (
    <section className="page mini-mentor" aria-labelledby="mentor-mini-title">
      <div className="page-head">
        <div>
          <h1 id="mentor-mini-title">My mini sessions</h1>
          <p className="muted">
            One-off sessions you claimed from the board. You can hold {MINI.maxClaimedPerMentor} unscheduled at once, and each must be scheduled within{" "}
            {MINI.scheduleWithinHours} hours of claiming.
          </p>
        </div>
        <Link to={appLinks.miniBoard()} className="btn btn-primary">
          Browse open requests
        </Link>
      </div>

      {state.status === "loading" ? (
        <ListSkeleton rows={3} />
      ) : state.status === "error" ? (
        <ErrorState message={state.message} onRetry={() => setRetry((n) => n + 1)} />
      ) : requests.length === 0 ? (
        <EmptyState
          title="No mini sessions yet"
          action={
            <Link to={appLinks.miniBoard()} className="btn btn-primary">
              Browse open requests
            </Link>
          }
        >
          <p>Claim a request on the board and it shows here until you have met.</p>
        </EmptyState>
      ) : (
        <>
          <Section title="Claimed" testId="mini-claimed" empty="Nothing waiting to be scheduled." count={claimed.length}>
            {claimed.map((request) => {
              const deadline = request.scheduleByMs === null ? null : describeScheduleBy(request.scheduleByMs, nowMs);
              return (
                <MiniRow key={request.id} request={request}>
                  {deadline ? (
                    <p className={deadline.tone === "ok" ? "muted small" : "field-error"} data-testid="mini-deadline">
                      {deadline.text}
                    </p>
                  ) : null}
                  <div className="form-actions">
                    <Link to={appLinks.scheduleMini(request.id)} className="btn btn-primary btn-small">
                      Schedule
                    </Link>
                    <GiveBackButton request={request} />
                  </div>
                </MiniRow>
              );
            })}
          </Section>
          <Section title="Scheduled" testId="mini-scheduled" empty="No mini sessions booked." count={scheduled.length}>
            {scheduled.map((request) => {
              const startMs = request.scheduledStartMs;
              const theirs = startMs === null ? null : theirTime(startMs, timeZone, request.timezone);
              return (
                <MiniRow key={request.id} request={request}>
                  {startMs !== null ? (
                    <p className="session-when">
                      <time dateTime={new Date(startMs).toISOString()}>{formatRange(startMs, startMs + request.durationMinutes * 60_000, timeZone)}</time>
                      {startMs > nowMs ? <span className="muted small"> · {describeStartsIn(startMs, nowMs)}</span> : null}
                      {theirs ? (
                        <span className="muted small">
                          {" "}
                          · {request.studentName}'s time: {theirs}
                        </span>
                      ) : null}
                    </p>
                  ) : null}
                  {request.sessionId ? (
                    <Link to={appLinks.session(request.sessionId)} className="btn btn-small">
                      Open session
                    </Link>
                  ) : null}
                </MiniRow>
              );
            })}
          </Section>
          <Section title="Completed" testId="mini-completed" empty="None completed yet." count={completed.length}>
            {completed.map((request) => (
              <MiniRow key={request.id} request={request}>
                {request.sessionId ? (
                  <Link to={appLinks.session(request.sessionId)} className="btn btn-small btn-ghost">
                    Notes and feedback
                  </Link>
                ) : null}
              </MiniRow>
            ))}
          </Section>
        </>
      )}
    </section>
  );
}

function Section({ title, testId, empty, count, children }: { title: string; testId: string; empty: string; count: number; children: ReactNode }) {
  const id = useId();
  return (
    <section className="match-section" aria-labelledby={id} data-testid={testId}>
      <h2 id={id} className="section-title">
        {title} <span className="muted">({count})</span>
      </h2>
      {count === 0 ? <p className="muted">{empty}</p> : <ul className="match-list">{children}</ul>}
    </section>
  );
}

function MiniRow({ request, children }: { request: MiniRequest; children: ReactNode }) {
  const id = useId();
  return (
    <li className="card mini-card" aria-labelledby={id} data-testid="mini-row" data-request-id={request.id}>
      <div className="mini-card-head">
        <h3 id={id} className="mini-card-title">
          <Link to={appLinks.miniRequest(request.id)}>{request.title}</Link>
        </h3>
        <UrgencyBadge urgency={request.urgency} />
      </div>
      <p className="muted small">
        {request.studentName} · {MINI_SESSION_TYPE_LABELS[request.sessionType]} · {request.durationMinutes} minutes
      </p>
      {children}
    </li>
  );
}
