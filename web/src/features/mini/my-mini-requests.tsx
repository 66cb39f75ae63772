import { MINI, MINI_SESSION_TYPE_LABELS, MINI_STATUSES, MINI_URGENCY_LABELS, appLinks, type MiniStatus } from "@mentormatch/shared";
import { useEffect, useId, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useSignedInUser } from "../../app/auth-context";
import { useSessionData } from "../../app/session-data";
import { EmptyState, ErrorState, ListSkeleton } from "../../components/states";
import { useNow } from "../../components/use-now";
import { usePageTitle } from "../../components/use-page-title";
import { watchMyMiniRequests, type MiniRequest } from "../../data/mini-requests";
import { errorMessage } from "../../lib/error-message";
import { browserTimeZone } from "../auth/time-zones";
import { formatRelativeTime } from "../notifications/notification-format";
import { describeAge, describeExpiry } from "../requests/match-format";
import { useProfiles } from "../requests/use-profiles";
import { formatRange, theirTime } from "../sessions/session-format";
import { MINI_STATUS_LABELS, canPostAgain, countByStatus, effectiveStatus, miniStatusPillClass } from "./mini-status";

type State = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; requests: MiniRequest[] };

const isStatus = (value: string | null): value is MiniStatus => (MINI_STATUSES as readonly (string | null)[]).includes(value);

/** What a tab with nothing in it says. */
const EMPTY_TEXT: Record<MiniStatus, string> = {
  open: "No requests waiting for a mentor.",
  claimed: "No requests waiting to be scheduled.",
  scheduled: "No scheduled mini sessions.",
  completed: "No completed mini sessions yet.",
  cancelled: "No cancelled requests.",
  expired: `No expired requests. Open requests expire after ${MINI.expiryDays} days without a claim.`,
};

/** The mentee's "My requests": every request they posted, live, filtered by status with a count on each filter. */
export function MyMiniRequests() {
  usePageTitle("Mini sessions");
  const uid = useSignedInUser().uid;
  const timeZone = useSessionData().profile?.timezone || browserTimeZone();
  const now = useNow();
  const nowMs = now.getTime();
  const [state, setState] = useState<State>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const [params, setParams] = useSearchParams();
  const chosen = params.get("status");

  useEffect(() => {
    setState({ status: "loading" });
    return watchMyMiniRequests(
      uid,
      (requests) => setState({ status: "ready", requests }),
      (error) => setState({ status: "error", message: errorMessage(error) }),
    );
  }, [uid, attempt]);

  const requests = state.status === "ready" ? state.requests : [];
  const counts = countByStatus(requests, nowMs);
  // Without a choice in the address, the first status that has something in it (a scheduled session beats an empty "Open").
  const filter: MiniStatus = isStatus(chosen) ? chosen : (MINI_STATUSES.find((status) => counts[status] > 0) ?? "open");
  const shown = requests.filter((request) => effectiveStatus(request, nowMs) === filter);
  const claimers = shown.map((request) => request.claimedBy).filter((id): id is string => Boolean(id));
  const profiles = useProfiles(claimers);

  return (
    <section className="page mini-page" aria-labelledby="mini-title">
      <div className="page-head">
        <div>
          <h1 id="mini-title">Mini sessions</h1>
          <p className="muted">One-off help from any mentor: post a request, a mentor claims it and schedules a time that suits you.</p>
        </div>
        <Link to={appLinks.newMiniRequest()} className="btn btn-primary" data-testid="new-mini-request">
          New request
        </Link>
      </div>

      <div className="segmented mini-filters" role="group" aria-label="Show requests by status">
        {MINI_STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            className={`segment${filter === status ? " segment-on" : ""}`}
            aria-pressed={filter === status}
            onClick={() => setParams({ status }, { replace: true })}
            data-testid={`mini-filter-${status}`}
          >
            {MINI_STATUS_LABELS[status]}
            <span className="sr-only">: </span>
            <span className="mini-count" data-testid={`mini-count-${status}`}>
              {state.status === "ready" ? counts[status] : "–"}
            </span>
          </button>
        ))}
      </div>

      {state.status === "loading" ? (
        <div aria-busy="true" aria-label="Loading your requests">
          <ListSkeleton rows={3} />
        </div>
      ) : state.status === "error" ? (
        <ErrorState message={state.message} onRetry={() => setAttempt((n) => n + 1)} />
      ) : requests.length === 0 ? (
        <EmptyState
          title="No requests yet"
          action={
            <Link to={appLinks.newMiniRequest()} className="btn btn-primary">
              Post your first request
            </Link>
          }
        >
          <p>Ask for a mock interview, a resume review or help with a project. A mentor picks it up and schedules a short session.</p>
        </EmptyState>
      ) : (
        <div aria-live="polite">
          {shown.length === 0 ? (
            <p className="muted" data-testid="mini-empty-filter">
              {EMPTY_TEXT[filter]}
            </p>
          ) : (
            <ul className="match-list" aria-label={`${MINI_STATUS_LABELS[filter]} requests`} data-testid="mini-request-list">
              {shown.map((request) => (
                <MiniRequestCard
                  key={request.id}
                  request={request}
                  status={effectiveStatus(request, nowMs)}
                  now={now}
                  timeZone={timeZone}
                  claimerTimeZone={request.claimedBy ? profiles.get(request.claimedBy)?.timezone : undefined}
                />
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

function MiniRequestCard({
  request,
  status,
  now,
  timeZone,
  claimerTimeZone,
}: {
  request: MiniRequest;
  status: MiniStatus;
  now: Date;
  timeZone: string;
  claimerTimeZone: string | undefined;
}) {
  const id = useId();
  const scheduled = request.scheduledStartMs !== null && (status === "scheduled" || status === "completed");
  const endMs = (request.scheduledStartMs ?? 0) + request.durationMinutes * 60_000;
  const theirs = scheduled && claimerTimeZone ? theirTime(request.scheduledStartMs!, timeZone, claimerTimeZone) : null;
  return (
    <li className="card session-card mini-request-card" aria-labelledby={`${id}-title`} data-testid="mini-request-card" data-request-id={request.id}>
      <div className="session-card-head">
        <h3 id={`${id}-title`} className="session-card-title">
          <Link to={appLinks.miniRequest(request.id)}>{request.title}</Link>
        </h3>
        <span className={miniStatusPillClass(status)} data-testid="mini-status">
          {MINI_STATUS_LABELS[status]}
        </span>
      </div>
      <p className="muted small">
        {MINI_SESSION_TYPE_LABELS[request.sessionType]} · {request.durationMinutes} minutes · {MINI_URGENCY_LABELS[request.urgency]} urgency
      </p>
      <p className="muted small">
        Posted {describeAge(new Date(request.createdAtMs), now)}
        {status === "open" ? ` · ${describeExpiry(new Date(request.expiresAtMs), now).toLowerCase()}` : ""}
        {status === "expired" ? ` · expired ${formatRelativeTime(new Date(request.expiredAtMs ?? request.expiresAtMs), now)}` : ""}
        {status === "cancelled" && request.cancelledAtMs !== null ? ` · cancelled ${formatRelativeTime(new Date(request.cancelledAtMs), now)}` : ""}
      </p>
      {request.claimedBy && (status === "claimed" || status === "scheduled" || status === "completed") ? (
        <p className="small">
          {status === "claimed" ? "Claimed by " : "With "}
          <Link to={appLinks.mentor(request.claimedBy)}>{request.claimedByName || "a mentor"}</Link>
          {status === "claimed" && request.scheduleByMs ? (
            <span className="muted"> · to be scheduled {formatRelativeTime(new Date(request.scheduleByMs), now)}</span>
          ) : null}
        </p>
      ) : null}
      {scheduled ? (
        <p className="session-when">
          <time dateTime={new Date(request.scheduledStartMs!).toISOString()}>{formatRange(request.scheduledStartMs!, endMs, timeZone)}</time>
          {theirs ? (
            <span className="muted small" data-testid="their-time">
              {" "}
              · {request.claimedByName}: {theirs}
            </span>
          ) : null}
        </p>
      ) : null}
      {canPostAgain(status) ? (
        <div className="match-actions">
          <Link to={`${appLinks.newMiniRequest()}?from=${encodeURIComponent(request.id)}`} className="btn btn-small" data-testid="mini-post-again">
            Post again
          </Link>
        </div>
      ) : null}
    </li>
  );
}
