import { LIMITS, appLinks, type MatchStatus } from "@mentormatch/shared";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import toast from "react-hot-toast";
import { Link } from "react-router-dom";
import { useAuth, useSignedInUser } from "../../app/auth-context";
import { useSessionData } from "../../app/session-data";
import { Avatar } from "../../components/avatar";
import { EmptyState, ErrorState, ListSkeleton } from "../../components/states";
import { useConfirmStep } from "../../components/use-confirm-step";
import { useNow } from "../../components/use-now";
import { usePageTitle } from "../../components/use-page-title";
import { acceptMatch, declineMatch, endMatch, watchMatches, type Match } from "../../data/matches";
import { errorMessage } from "../../lib/error-message";
import { formatExactTime } from "../admin/audit-format";
import {
  STATUS_LABELS,
  describeAge,
  describeCharactersLeft,
  describeClosedMatch,
  describeExpiry,
  groupMatches,
  otherName,
} from "./match-format";
import { useProfiles } from "./use-profiles";
import { withdrawRequest } from "./withdraw-request";

const OPEN: MatchStatus[] = ["pending", "accepted"];
const CLOSED: MatchStatus[] = ["declined", "cancelled", "expired", "ended"];
/** Past matches shown (newest first); older ones are left out. */
const PAST_LIMIT = 20;

type ListState = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; matches: Match[] };

function useMatchList(uid: string, statuses: MatchStatus[], max: number, attempt: number): ListState {
  const [state, setState] = useState<ListState>({ status: "loading" });
  const key = statuses.join(",");
  useEffect(() => {
    setState({ status: "loading" });
    return watchMatches(
      { uid, statuses: key.split(",") as MatchStatus[] },
      (matches) => setState({ status: "ready", matches }),
      (error) => {
        console.error("matches listener failed", error);
        setState({ status: "error", message: errorMessage(error) });
      },
      max,
    );
  }, [uid, key, max, attempt]);
  return state;
}

export function RequestsPage() {
  usePageTitle("Requests");
  const uid = useSignedInUser().uid;
  const { role } = useAuth();
  const timeZone = useSessionData().profile?.timezone;
  const now = useNow();
  const [attempt, setAttempt] = useState(0);
  const open = useMatchList(uid, OPEN, 50, attempt);
  const past = useMatchList(uid, CLOSED, PAST_LIMIT, attempt);
  const groups = useMemo(() => groupMatches(open.status === "ready" ? open.matches : [], uid), [open, uid]);
  const pastGroups = useMemo(() => groupMatches(past.status === "ready" ? past.matches : [], uid), [past, uid]);
  const menteeIds = groups.incoming.map((match) => match.menteeId);
  const profiles = useProfiles(menteeIds);
  const incomingHeading = useRef<HTMLHeadingElement>(null);
  const outgoingHeading = useRef<HTMLHeadingElement>(null);
  const activeHeading = useRef<HTMLHeadingElement>(null);
  const isMentor = role === "mentor" || groups.incoming.length > 0;
  const isMentee = role === "mentee" || groups.outgoing.length > 0;

  return (
    <section className="page" aria-labelledby="requests-title">
      <div className="page-head">
        <div>
          <h1 id="requests-title">Requests</h1>
          <p className="muted">
            {role === "mentor"
              ? "Mentees who asked you to mentor them, and the people you mentor now."
              : role === "mentee"
                ? "The mentors you asked, and your mentoring now."
                : "Mentoring requests and matches you take part in."}
          </p>
        </div>
        {role === "mentee" ? (
          <Link to="/mentors" className="btn">
            Find a mentor
          </Link>
        ) : null}
      </div>
      <NewRequestAnnouncer count={open.status === "ready" ? groups.incoming.length : null} />

      {open.status === "loading" ? (
        <ListSkeleton rows={3} />
      ) : open.status === "error" ? (
        <ErrorState message={open.message} onRetry={() => setAttempt((n) => n + 1)} />
      ) : (
        <>
          {isMentor ? (
            <section className="match-section" aria-labelledby="incoming-title">
              <h2 id="incoming-title" ref={incomingHeading} tabIndex={-1}>
                Waiting for your answer{groups.incoming.length ? ` (${groups.incoming.length})` : ""}
              </h2>
              {groups.incoming.length === 0 ? (
                <EmptyState title="No requests waiting">
                  <p>When a mentee asks you to mentor them, their request appears here at once.</p>
                </EmptyState>
              ) : (
                <ul className="match-list" aria-labelledby="incoming-title">
                  {groups.incoming.map((match) => (
                    <IncomingRequest
                      key={match.id}
                      match={match}
                      avatarUrl={profiles.get(match.menteeId)?.avatarUrl}
                      now={now}
                      timeZone={timeZone}
                      onDone={() => incomingHeading.current?.focus()}
                    />
                  ))}
                </ul>
              )}
            </section>
          ) : null}

          {isMentee ? (
            <section className="match-section" aria-labelledby="outgoing-title">
              <h2 id="outgoing-title" ref={outgoingHeading} tabIndex={-1}>
                Your requests
              </h2>
              {groups.outgoing.length === 0 ? (
                <EmptyState title="No requests waiting" action={<Link to="/mentors" className="btn">Browse mentors</Link>}>
                  <p>Ask a mentor from their profile. You can have up to 3 requests waiting at once.</p>
                </EmptyState>
              ) : (
                <ul className="match-list" aria-labelledby="outgoing-title">
                  {groups.outgoing.map((match) => (
                    <OutgoingRequest key={match.id} match={match} now={now} timeZone={timeZone} onDone={() => outgoingHeading.current?.focus()} />
                  ))}
                </ul>
              )}
            </section>
          ) : null}

          <section className="match-section" aria-labelledby="active-title">
            <h2 id="active-title" ref={activeHeading} tabIndex={-1}>
              Mentoring now
            </h2>
            {groups.active.length === 0 ? (
              <EmptyState title="No active mentoring">
                <p>{role === "mentor" ? "Accept a request to start mentoring someone." : "Once a mentor accepts your request, you'll see them here."}</p>
              </EmptyState>
            ) : (
              <ul className="match-list" aria-labelledby="active-title">
                {groups.active.map((match) => (
                  <ActiveMatch key={match.id} match={match} uid={uid} now={now} timeZone={timeZone} onDone={() => activeHeading.current?.focus()} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}

      <details className="card match-past" data-testid="past-matches">
        <summary>
          Past requests and mentoring
          {past.status === "ready" ? ` (${past.matches.length >= PAST_LIMIT ? `${PAST_LIMIT}+` : past.matches.length})` : ""}
        </summary>
        {past.status === "loading" ? (
          <ListSkeleton rows={2} />
        ) : past.status === "error" ? (
          <ErrorState message={past.message} onRetry={() => setAttempt((n) => n + 1)} />
        ) : pastGroups.past.length === 0 ? (
          <p className="muted">Nothing here yet.</p>
        ) : (
          <ul className="past-list">
            {pastGroups.past.map((match) => {
              const when = match.updatedAt.toDate();
              return (
                <li key={match.id} className="past-row" data-testid="past-match">
                  <span>
                    {describeClosedMatch(match, uid)}
                    {closingNote(match) ? <span className="past-note muted small">“{closingNote(match)}”</span> : null}
                  </span>
                  <span className="past-meta">
                    <span className={`pill ${match.status === "ended" ? "pill-closed" : "pill-full"}`}>{STATUS_LABELS[match.status]}</span>{" "}
                    <time dateTime={when.toISOString()} title={formatExactTime(when, timeZone)} className="muted small">
                      {describeAge(when, now)}
                    </time>
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </details>
    </section>
  );
}

/** The mentor's answer to a declined request, or the note left when a mentoring ended. */
function closingNote(match: Match): string {
  return match.status === "declined" ? match.responseMessage : match.status === "ended" ? match.endMessage : "";
}

/** Says "New request from …" to screen readers when one arrives while the page is open (not on first load). */
function NewRequestAnnouncer({ count }: { count: number | null }) {
  const [message, setMessage] = useState("");
  const previous = useRef<number | null>(null);
  useEffect(() => {
    if (count === null) return;
    if (previous.current !== null && count > previous.current)
      setMessage(`New mentoring request. ${count} waiting for your answer.`);
    previous.current = count;
  }, [count]);
  return (
    <div className="sr-only" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}

function When({ date, timeZone, children }: { date: Date; timeZone?: string; children: string }) {
  const exact = formatExactTime(date, timeZone);
  return (
    <time dateTime={date.toISOString()} title={exact}>
      {children}
      <span className="sr-only"> ({exact})</span>
    </time>
  );
}

function MatchNote({ label, text }: { label: string; text: string }) {
  if (!text) return null;
  return (
    <div className="match-note">
      <p className="match-note-label">{label}</p>
      <p className="bio">{text}</p>
    </div>
  );
}

function IncomingRequest({
  match,
  avatarUrl,
  now,
  timeZone,
  onDone,
}: {
  match: Match;
  avatarUrl?: string;
  now: Date;
  timeZone?: string;
  onDone: () => void;
}) {
  const [phase, setPhase] = useState<"idle" | "accepting" | "declining" | "saving">("idle");
  const [message, setMessage] = useState("");
  const declineButton = useRef<HTMLButtonElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const ids = { name: useId(), question: useId(), message: useId(), counter: useId() };
  const requested = match.requestedAt.toDate();
  const expires = match.expiresAt.toDate();
  const name = match.menteeName;
  const tooLong = message.trim().length > LIMITS.matchMessage;

  useEffect(() => {
    if (phase === "declining") textarea.current?.focus();
  }, [phase]);

  async function accept() {
    setPhase("accepting");
    try {
      const result = await acceptMatch(match.id);
      toast.success(
        result.changed
          ? `You're now mentoring ${name}. ${result.capacity - result.activeMenteeCount} of ${result.capacity} spots left.`
          : `You already accepted ${name}.`,
      );
      onDone();
    } catch (error) {
      toast.error(errorMessage(error));
      setPhase("idle");
    }
  }

  async function decline() {
    setPhase("saving");
    try {
      await declineMatch(match.id, message);
      toast.success(`You declined ${name}'s request.`);
      onDone();
    } catch (error) {
      toast.error(errorMessage(error));
      setPhase("declining");
    }
  }

  function closeDecline() {
    setPhase("idle");
    setMessage("");
    // Back to the button that asked, once it is rendered again.
    setTimeout(() => declineButton.current?.focus(), 0);
  }

  return (
    <li className="card match-card" data-testid="incoming-request" aria-labelledby={ids.name}>
      <div className="match-head">
        <Avatar name={name} url={avatarUrl} />
        <div className="grow">
          <h3 id={ids.name} className="match-name">
            {name}
          </h3>
          <p className="mentor-meta">{[match.menteeTitle, match.menteeDepartment].filter(Boolean).join(" · ") || <span className="muted">No title yet</span>}</p>
        </div>
      </div>
      {match.goals.length ? (
        <div>
          <p className="match-note-label">Learning goals</p>
          <ul className="chips" aria-label="Learning goals">
            {match.goals.map((goal) => (
              <li key={goal} className="chip">
                {goal}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <MatchNote label="Their note" text={match.message} />
      <p className="match-times muted small">
        Sent <When date={requested} timeZone={timeZone}>{describeAge(requested, now)}</When> · <When date={expires} timeZone={timeZone}>{describeExpiry(expires, now)}</When>
      </p>
      {phase === "declining" || phase === "saving" ? (
        <form
          className="person-confirm"
          aria-labelledby={ids.question}
          onKeyDown={(event) => {
            if (event.key === "Escape" && phase === "declining") closeDecline();
          }}
          onSubmit={(event) => {
            event.preventDefault();
            if (!tooLong) decline();
          }}
        >
          <p id={ids.question} className="person-question">
            Decline {name}'s request?
          </p>
          <div className="field">
            <label htmlFor={ids.message} className="field-label">
              Message to {name} <span className="optional">(optional)</span>
            </label>
            <textarea
              id={ids.message}
              ref={textarea}
              rows={3}
              value={message}
              aria-describedby={ids.counter}
              aria-invalid={tooLong || undefined}
              onChange={(event) => setMessage(event.target.value)}
            />
            <p id={ids.counter} className={tooLong ? "field-error" : "field-hint"}>
              {describeCharactersLeft(message.trim().length)}
            </p>
          </div>
          <div className="person-confirm-actions">
            <button type="submit" className="btn btn-primary" disabled={phase === "saving" || tooLong}>
              {phase === "saving" ? "Declining…" : "Decline request"}
            </button>
            <button type="button" className="btn" disabled={phase === "saving"} onClick={closeDecline}>
              Keep it
            </button>
          </div>
        </form>
      ) : (
        <div className="match-actions">
          <button type="button" className="btn btn-primary" disabled={phase === "accepting"} onClick={accept} aria-describedby={ids.name}>
            {phase === "accepting" ? "Accepting…" : "Accept"}
          </button>
          <button ref={declineButton} type="button" className="btn" disabled={phase === "accepting"} onClick={() => setPhase("declining")} aria-describedby={ids.name}>
            Decline
          </button>
        </div>
      )}
    </li>
  );
}

function OutgoingRequest({ match, now, timeZone, onDone }: { match: Match; now: Date; timeZone?: string; onDone: () => void }) {
  const step = useConfirmStep();
  const { phase } = step;
  const ids = { name: useId(), question: useId() };
  const requested = match.requestedAt.toDate();
  const expires = match.expiresAt.toDate();

  const withdraw = () => withdrawRequest(match, step, onDone);

  return (
    <li className="card match-card" data-testid="outgoing-request" aria-labelledby={ids.name}>
      <div className="match-head">
        <div className="grow">
          <h3 id={ids.name} className="match-name">
            <Link to={`/mentors/${match.mentorId}`}>{match.mentorName}</Link>
          </h3>
          <p className="mentor-meta">{match.mentorTitle || "Mentor"}</p>
        </div>
        <span className="pill pill-soon" data-testid="match-status">
          {STATUS_LABELS.pending}
        </span>
      </div>
      <MatchNote label="Your note" text={match.message} />
      <p className="match-times muted small">
        Sent <When date={requested} timeZone={timeZone}>{describeAge(requested, now)}</When> · <When date={expires} timeZone={timeZone}>{describeExpiry(expires, now)}</When>
      </p>
      {phase === "idle" ? (
        <div className="match-actions">
          <button ref={step.actionButton} type="button" className="btn" onClick={step.ask} aria-describedby={ids.name}>
            Cancel request
          </button>
        </div>
      ) : (
        <div className="person-confirm" role="group" aria-labelledby={ids.question} onKeyDown={step.onKeyDown}>
          <p id={ids.question} className="person-question">
            Withdraw your request to {match.mentorName}?
          </p>
          <div className="person-confirm-actions">
            <button ref={step.confirmButton} type="button" className="btn btn-primary" disabled={phase === "saving"} onClick={withdraw}>
              {phase === "saving" ? "Withdrawing…" : "Yes, withdraw"}
            </button>
            <button type="button" className="btn" disabled={phase === "saving"} onClick={step.close}>
              Keep it
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

function ActiveMatch({ match, uid, now, timeZone, onDone }: { match: Match; uid: string; now: Date; timeZone?: string; onDone: () => void }) {
  const step = useConfirmStep();
  const { phase } = step;
  const ids = { name: useId(), question: useId() };
  const other = otherName(match, uid);
  const asMentor = match.mentorId === uid;
  const since = (match.respondedAt ?? match.updatedAt).toDate();

  async function end() {
    step.save();
    try {
      await endMatch(match.id);
      toast.success(`Your mentoring with ${other} has ended.`);
      onDone();
    } catch (error) {
      toast.error(errorMessage(error));
      step.close();
    }
  }

  return (
    <li className="card match-card" data-testid="active-match" aria-labelledby={ids.name}>
      <div className="match-head">
        <Avatar name={other} />
        <div className="grow">
          <h3 id={ids.name} className="match-name">
            {asMentor ? other : <Link to={`/mentors/${match.mentorId}`}>{other}</Link>}
          </h3>
          <p className="mentor-meta">
            {asMentor ? [match.menteeTitle, match.menteeDepartment].filter(Boolean).join(" · ") || "Your mentee" : match.mentorTitle || "Your mentor"}
          </p>
        </div>
        <span className="pill pill-open" data-testid="match-status">
          {STATUS_LABELS.accepted}
        </span>
      </div>
      <p className="match-times muted small">
        {asMentor ? "Mentoring" : "Your mentor"} since <When date={since} timeZone={timeZone}>{describeAge(since, now)}</When>
      </p>
      <MatchNote label={asMentor ? "Your message" : `${other}'s message`} text={match.responseMessage} />
      {phase === "idle" ? (
        <div className="match-actions">
          <Link to={appLinks.chat(match.id)} className="btn btn-primary" aria-describedby={ids.name} data-testid="message-link">
            Message
          </Link>
          <Link to={appLinks.bookSession(match.id)} className="btn" aria-describedby={ids.name} data-testid="book-session-link">
            Book a session
          </Link>
          <button ref={step.actionButton} type="button" className="btn" onClick={step.ask} aria-describedby={ids.name}>
            End mentoring
          </button>
        </div>
      ) : (
        <div className="person-confirm" role="group" aria-labelledby={ids.question} onKeyDown={step.onKeyDown}>
          <p id={ids.question} className="person-question">
            End your mentoring with {other}?
          </p>
          <p className="person-note">
            {other} will be told.{asMentor ? " Their place is freed for a new mentee." : ""}
          </p>
          <div className="person-confirm-actions">
            <button ref={step.confirmButton} type="button" className="btn btn-primary" disabled={phase === "saving"} onClick={end}>
              {phase === "saving" ? "Ending…" : "Yes, end mentoring"}
            </button>
            <button type="button" className="btn" disabled={phase === "saving"} onClick={step.close}>
              Keep mentoring
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
