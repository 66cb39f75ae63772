import { MINI_SESSION_TYPE_LABELS, MINI_URGENCY_LABELS, SESSIONS, appLinks, type MiniMeetingType, type MiniStatus } from "@mentormatch/shared";
import { useEffect, useId, useState } from "react";
import toast from "react-hot-toast";
import { Link, useParams } from "react-router-dom";
import { useAuth, useSignedInUser } from "../../app/auth-context";
import { useSessionData } from "../../app/session-data";
import { EmptyState, ErrorState, ListSkeleton } from "../../components/states";
import { useConfirmStep } from "../../components/use-confirm-step";
import { useNow } from "../../components/use-now";
import { usePageTitle } from "../../components/use-page-title";
import { cancelMiniRequest, watchMiniRequest, type MiniRequest } from "../../data/mini-requests";
import { watchSession, type Session } from "../../data/sessions";
import { callableErrorFrom, errorCode, errorMessage } from "../../lib/error-message";
import { browserTimeZone } from "../auth/time-zones";
import { formatRelativeTime } from "../notifications/notification-format";
import { useProfiles } from "../requests/use-profiles";
import { JoinButton } from "../sessions/session-actions";
import { describeDate, formatRange, formatWhen } from "../sessions/session-format";
import { MentorRequestActions } from "./mentor-request-actions";
import { MINI_STATUS_LABELS, canCancelMini, canPostAgain, effectiveStatus, formatSlot, miniStatusPillClass, miniTimeline } from "./mini-status";
import { ReasonField } from "../../components/reason-field";

type State = { status: "loading" } | { status: "error"; message: string; denied: boolean } | { status: "ready"; request: MiniRequest | null };

const MEETING_LABELS: Record<MiniMeetingType, string> = { video: "Video call", phone: "Phone call", in_person: "In person" };

/** `/mini-sessions/:requestId`: everything about one request, for its student, the mentor who claimed it and admins. */
export function MiniRequestPage() {
  const { requestId = "" } = useParams();
  const user = useSignedInUser();
  const { role } = useAuth();
  const timeZone = useSessionData().profile?.timezone || browserTimeZone();
  const now = useNow(30_000);
  const nowMs = now.getTime();
  const [state, setState] = useState<{ id: string; value: State } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const current: State = state?.id === requestId ? state.value : { status: "loading" };
  const request = current.status === "ready" ? current.request : null;
  usePageTitle(request ? `Mini session request: ${request.title}` : "Mini session request");

  useEffect(
    () =>
      watchMiniRequest(
        requestId,
        (value) => setState({ id: requestId, value: { status: "ready", request: value } }),
        (error) =>
          setState({ id: requestId, value: { status: "error", message: errorMessage(error), denied: errorCode(error) === "permission-denied" } }),
      ),
    [requestId, attempt],
  );

  const isStudent = request?.studentId === user.uid;
  const isClaimer = request !== null && request.claimedBy === user.uid;
  // The other person's zone for "their time": the claimer's profile for the student, the request's zone for the mentor.
  const claimerZone = useProfiles(isStudent && request?.claimedBy ? [request.claimedBy] : []).get(request?.claimedBy ?? "")?.timezone;

  if (current.status === "loading")
    return (
      <section className="page" aria-busy="true" aria-label="Mini session request">
        <ListSkeleton rows={5} />
      </section>
    );
  if (current.status === "error" && !current.denied)
    return (
      <section className="page" aria-label="Mini session request">
        <ErrorState message={current.message} onRetry={() => setAttempt((n) => n + 1)} />
      </section>
    );
  if (!request)
    return (
      <section className="page" aria-label="Mini session request">
        <EmptyState title="Request not found" action={<Link to={appLinks.mini()} className="btn">Mini sessions</Link>}>
          <p>It may have been claimed by another mentor, or the link is not one of your requests.</p>
        </EmptyState>
      </section>
    );

  const status = effectiveStatus(request, nowMs);
  const otherZone = isStudent ? claimerZone : request.timezone;
  const otherName = isStudent ? request.claimedByName : request.studentName;
  const startMs = request.scheduledStartMs;
  const endMs = startMs === null ? null : startMs + request.durationMinutes * 60_000;
  const backLink = role === "admin" && !isStudent ? appLinks.adminMini() : appLinks.mini();

  return (
    <section className="page mini-detail" aria-labelledby="mini-detail-title">
      <p>
        <Link to={backLink}>← {role === "mentor" ? "Mini sessions" : role === "admin" ? "All mini requests" : "My requests"}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1 id="mini-detail-title">{request.title}</h1>
          <p>
            <span className={miniStatusPillClass(status)} data-testid="mini-detail-status" aria-live="polite">
              {MINI_STATUS_LABELS[status]}
            </span>{" "}
            <span className="muted">
              {MINI_SESSION_TYPE_LABELS[request.sessionType]} · {request.durationMinutes} minutes · {MINI_URGENCY_LABELS[request.urgency]} urgency
            </span>
          </p>
        </div>
      </div>

      <div className="mini-detail-grid">
        <div className="mini-detail-main">
          {startMs !== null && endMs !== null && request.sessionId && (status === "scheduled" || status === "completed") ? (
            <section className="card" aria-labelledby="mini-session-title" data-testid="mini-detail-session">
              <h2 id="mini-session-title" className="section-title">
                The session
              </h2>
              <dl className="session-facts">
                <dt>Your time ({timeZone.replace(/_/g, " ")})</dt>
                <dd>
                  <time dateTime={new Date(startMs).toISOString()} data-testid="mini-my-time">
                    {formatRange(startMs, endMs, timeZone)}
                  </time>
                </dd>
                {otherZone && otherZone !== timeZone && otherName ? (
                  <>
                    <dt>
                      {otherName}'s time ({otherZone.replace(/_/g, " ")})
                    </dt>
                    <dd data-testid="mini-their-time">{formatRange(startMs, endMs, otherZone)}</dd>
                  </>
                ) : null}
                {request.meetingType ? (
                  <>
                    <dt>How</dt>
                    <dd>{MEETING_LABELS[request.meetingType]}</dd>
                  </>
                ) : null}
                {request.meetingType === "video" && request.meetingLink ? (
                  <>
                    <dt>Meeting link</dt>
                    <dd className="session-link">
                      <a href={request.meetingLink} target="_blank" rel="noopener noreferrer">
                        {request.meetingLink}
                      </a>
                    </dd>
                  </>
                ) : null}
                {request.meetingType === "phone" && request.phone ? (
                  <>
                    <dt>Phone</dt>
                    <dd>
                      <a href={`tel:${request.phone.replace(/[^+0-9]/g, "")}`}>{request.phone}</a>
                    </dd>
                  </>
                ) : null}
                {request.meetingType === "in_person" && request.location ? (
                  <>
                    <dt>Place</dt>
                    <dd>{request.location}</dd>
                  </>
                ) : null}
              </dl>
              <p className="muted small">Join, the calendar file, notes and ratings are on the session's page.</p>
              <div className="match-actions">
                {isStudent || isClaimer ? <LiveJoinButton sessionId={request.sessionId} nowMs={nowMs} /> : null}
                <Link to={appLinks.session(request.sessionId)} className="btn" data-testid="mini-open-session">
                  Open session
                </Link>
              </div>
            </section>
          ) : null}

          <section className="card" aria-labelledby="mini-about-title">
            <h2 id="mini-about-title" className="section-title">
              The request
            </h2>
            <p className="session-agenda" data-testid="mini-description">
              {request.description}
            </p>
            <dl className="session-facts">
              <dt>Posted by</dt>
              <dd>{isStudent ? "You" : request.studentName}</dd>
              <dt>Preferred days</dt>
              <dd>
                {request.preferredDateStart === request.preferredDateEnd
                  ? describeDate(request.preferredDateStart)
                  : `${describeDate(request.preferredDateStart)} to ${describeDate(request.preferredDateEnd)}`}
              </dd>
              <dt>Preferred times ({request.timezone.replace(/_/g, " ")})</dt>
              <dd>{request.preferredTimeSlots.map(formatSlot).join(", ")}</dd>
              {request.tags.length > 0 ? (
                <>
                  <dt>Tags</dt>
                  <dd>
                    <ul className="chips" aria-label="Tags">
                      {request.tags.map((tag) => (
                        <li key={tag} className="chip">
                          {tag}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </>
              ) : null}
              {request.relevantExperience ? (
                <>
                  <dt>Relevant experience</dt>
                  <dd className="session-agenda">{request.relevantExperience}</dd>
                </>
              ) : null}
              {request.specificQuestions ? (
                <>
                  <dt>Specific questions</dt>
                  <dd className="session-agenda">{request.specificQuestions}</dd>
                </>
              ) : null}
              {request.resumeUrl ? (
                <>
                  <dt>Resume</dt>
                  <dd className="session-link">
                    <a href={request.resumeUrl} target="_blank" rel="noopener noreferrer">
                      {request.resumeUrl}
                    </a>
                  </dd>
                </>
              ) : null}
              {request.portfolioUrl ? (
                <>
                  <dt>Portfolio</dt>
                  <dd className="session-link">
                    <a href={request.portfolioUrl} target="_blank" rel="noopener noreferrer">
                      {request.portfolioUrl}
                    </a>
                  </dd>
                </>
              ) : null}
              {status === "cancelled" ? (
                <>
                  <dt>Cancelled</dt>
                  <dd data-testid="mini-cancelled">
                    {request.cancelledAtMs !== null ? formatWhen(request.cancelledAtMs, timeZone) : "Yes"}
                    {request.cancelReason ? `: ${request.cancelReason}` : ""}
                  </dd>
                </>
              ) : null}
            </dl>
          </section>

          {isStudent ? <StudentActions request={request} status={status} /> : null}
          {isClaimer ? <MentorActionsCard request={request} /> : null}
        </div>

        <aside className="mini-detail-side">
          <section className="card" aria-labelledby="mini-claim-title">
            <h2 id="mini-claim-title" className="section-title">
              Mentor
            </h2>
            {request.claimedBy && (status === "claimed" || status === "scheduled" || status === "completed") ? (
              <>
                <p data-testid="mini-claimer">
                  {isClaimer ? (
                    "You claimed this request."
                  ) : (
                    <>
                      Claimed by <Link to={appLinks.mentor(request.claimedBy)}>{request.claimedByName || "a mentor"}</Link>
                    </>
                  )}
                </p>
                {status === "claimed" && request.scheduleByMs !== null ? (
                  <p className="muted small">
                    To be scheduled by {formatWhen(request.scheduleByMs, timeZone)} ({formatRelativeTime(new Date(request.scheduleByMs), now)}); otherwise it goes
                    back on the board.
                  </p>
                ) : null}
              </>
            ) : status === "open" ? (
              <p className="muted">
                Waiting for a mentor to claim it. It expires {formatRelativeTime(new Date(request.expiresAtMs), now)} ({formatWhen(request.expiresAtMs, timeZone)}).
              </p>
            ) : (
              <p className="muted">No mentor.</p>
            )}
          </section>

          <section className="card" aria-labelledby="mini-timeline-title">
            <h2 id="mini-timeline-title" className="section-title">
              Progress
            </h2>
            <ol className="mini-timeline" data-testid="mini-timeline">
              {miniTimeline(request, nowMs).map((step) => (
                <li key={step.key} className={`mini-step mini-step-${step.state}`} aria-current={step.state === "current" ? "step" : undefined}>
                  <span className="mini-step-label">{step.label}</span>
                  {step.atMs !== null && step.state === "done" ? (
                    <time className="muted small" dateTime={new Date(step.atMs).toISOString()}>
                      {formatWhen(step.atMs, timeZone)}
                    </time>
                  ) : step.state === "current" ? (
                    <span className="muted small">Next</span>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        </aside>
      </div>
    </section>
  );
}

/**
 * The session's own Join (open from 10 minutes before the start), read live from the session, so the rule for when
 * it opens stays the session engine's. Nothing while it loads or if it cannot be read: "Open session" is beside it.
 */
function LiveJoinButton({ sessionId, nowMs }: { sessionId: string; nowMs: number }) {
  const [session, setSession] = useState<Session | null>(null);
  useEffect(() => watchSession(sessionId, setSession, (error) => console.warn("mini session listener failed", error)), [sessionId]);
  // A phone call or a meeting in person has nothing to join.
  return session && session.meetingType === "video" ? <JoinButton session={session} nowMs={nowMs} /> : null;
}

/** The student's own actions: cancel (with a reason the mentor is shown) while nobody has met, or post again after. */
function StudentActions({ request, status }: { request: MiniRequest; status: MiniStatus }) {
  const id = useId();
  const confirm = useConfirmStep();
  const [reason, setReason] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const cancellable = canCancelMini(status);
  const mentorKnows = status === "claimed" || status === "scheduled";
  if (!cancellable && !canPostAgain(status)) return null;

  async function cancel() {
    const value = reason.trim();
    if (value.length > SESSIONS.noteMax) {
      setFieldError(`The reason can be at most ${SESSIONS.noteMax} characters.`);
      return;
    }
    setFieldError(null);
    confirm.save();
    try {
      await cancelMiniRequest(request.id, value);
      toast.success(mentorKnows ? `Request cancelled. ${request.claimedByName || "The mentor"} has been told.` : "Request cancelled.");
      setReason("");
      confirm.close();
    } catch (error) {
      const inline = callableErrorFrom(error)?.fields.reason;
      if (inline) setFieldError(inline);
      else toast.error(errorMessage(error));
      confirm.ask();
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="mini-student-actions">
      <h2 id={`${id}-title`} className="section-title">
        Actions
      </h2>
      {cancellable && confirm.phase !== "idle" ? (
        <div className="person-confirm session-confirm" role="group" aria-labelledby={`${id}-q`} onKeyDown={confirm.onKeyDown}>
          <p id={`${id}-q`} className="person-question">
            Cancel this request?{status === "scheduled" ? " The scheduled session is cancelled with it." : ""}
          </p>
          <ReasonField
            id={`${id}-reason`}
            label="Reason"
            optional
            value={reason}
            onChange={setReason}
            error={fieldError}
            hint={mentorKnows ? `${request.claimedByName || "The mentor"} will be told, with your reason if you give one.` : "It leaves the board at once."}
          />
          <div className="person-confirm-actions">
            <button type="button" ref={confirm.confirmButton} className="btn btn-danger" disabled={confirm.phase === "saving"} onClick={() => void cancel()}>
              {confirm.phase === "saving" ? "Cancelling…" : "Yes, cancel request"}
            </button>
            <button type="button" className="btn" disabled={confirm.phase === "saving"} onClick={confirm.close}>
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <div className="match-actions">
          {cancellable ? (
            <button type="button" ref={confirm.actionButton} className="btn" onClick={confirm.ask} data-testid="mini-cancel">
              Cancel request
            </button>
          ) : null}
          {canPostAgain(status) ? (
            <Link to={`${appLinks.newMiniRequest()}?from=${encodeURIComponent(request.id)}`} className="btn btn-primary" data-testid="mini-post-again">
              Post again
            </Link>
          ) : null}
        </div>
      )}
    </section>
  );
}

/**
 * The claimer's actions (schedule before the deadline, give it back) come from the mentor side, as they are; once it
 * is scheduled, the session card above already links to the session.
 */
function MentorActionsCard({ request }: { request: MiniRequest }) {
  if (request.status !== "claimed") return null;
  return (
    <section className="card" aria-labelledby="mini-mentor-actions-title">
      <h2 id="mini-mentor-actions-title" className="section-title">
        Your actions
      </h2>
      <MentorRequestActions request={request} />
    </section>
  );
}
