import { useEffect, useId, useMemo, useState, type ReactNode } from "react";
import toast from "react-hot-toast";
import { Link } from "react-router-dom";
import { useSessionData } from "../../app/session-data";
import { EmptyState, ErrorState, ListSkeleton } from "../../components/states";
import { useNow } from "../../components/use-now";
import { getOwnFeedback } from "../../data/feedback";
import { respondToSession, watchRecentSessions, watchUpcomingSessions, type Session } from "../../data/sessions";
import { errorMessage } from "../../lib/error-message";
import { browserTimeZone } from "../auth/time-zones";
import { SessionCard } from "../sessions/session-card";
import { formatRange, formatWhen, otherPerson, sessionLink } from "../sessions/session-format";
import { describeClash, findConflicts, holdsMyTime } from "./conflicts";
import { dashboardSections } from "./dashboard-sections";

type Live = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; sessions: Session[] };
type Watch = typeof watchUpcomingSessions;

/** One bounded live list, its time bound taken once per visit (or retry). */
function useLiveSessions(watch: Watch, uid: string, attempt: number, label: string): Live {
  const [state, setState] = useState<{ key: string; value: Live } | null>(null);
  const key = `${uid}:${attempt}`;
  useEffect(
    () =>
      watch(
        uid,
        Date.now(),
        (sessions) => setState({ key, value: { status: "ready", sessions } }),
        (error) => {
          console.error(`${label} listener failed`, error);
          setState({ key, value: { status: "error", message: errorMessage(error) } });
        },
      ),
    [watch, uid, key, label],
  );
  return state?.key === key ? state.value : { status: "loading" };
}

/**
 * Which of my recently completed sessions I have already rated: one get per session, at most RECENT_LIMIT. One that
 * cannot be read counts as not rated: the link then opens the session page, which knows.
 */
function useRated(uid: string, sessions: readonly Session[]): ReadonlySet<string> | null {
  const completed = sessions.filter((session) => session.status === "completed").map((session) => session.id);
  const wanted = completed.join(",");
  const [rated, setRated] = useState<{ wanted: string; ids: Set<string> } | null>(null);
  useEffect(() => {
    let live = true;
    const ids = wanted ? wanted.split(",") : [];
    Promise.all(ids.map((id) => getOwnFeedback(id, uid).then((feedback) => (feedback ? id : null)).catch(() => null)))
      .then((found) => {
        if (live) setRated({ wanted, ids: new Set(found.filter((id): id is string => id !== null)) });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [uid, wanted]);
  return rated?.wanted === wanted ? rated.ids : null;
}

/**
 * Inline answer to a proposal. Accepting one that overlaps another person's proposal says which, so the person can
 * act on it; one the server refuses (the time is already held by an accepted session or a proposal of mine) shows
 * the server's sentence, which names that session, right under the buttons.
 */
function ReviewActions({
  session,
  uid,
  conflicts,
  timeZone,
  describedBy,
}: {
  session: Session;
  uid: string;
  conflicts: Session[];
  timeZone: string;
  describedBy: string | undefined;
}) {
  const [saving, setSaving] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const id = useId();
  const other = otherPerson(session, uid).name;

  async function answer(decision: "accept" | "decline") {
    setSaving(true);
    setRefusal(null);
    try {
      await respondToSession(session.id, decision);
      const pending = conflicts.filter((clash) => !holdsMyTime(clash, uid));
      if (decision === "decline") toast.success(`Session with ${other} declined.`);
      else if (pending.length === 0) toast.success(`Session with ${other} accepted.`);
      else
        toast(
          `Session with ${other} accepted. It overlaps ${pending
            .map((clash) => `${describeClash(clash, uid)} (${formatWhen(clash.startMs, timeZone)})`)
            .join(" and ")}: decline that one or suggest another time.`,
          { icon: "⚠️", duration: 10_000 },
        );
    } catch (error) {
      if (decision === "accept") setRefusal(errorMessage(error));
      else toast.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  if (confirming)
    return (
      <div className="person-confirm session-confirm" role="group" aria-labelledby={`${id}-q`}>
        <p id={`${id}-q`} className="person-question">
          Decline {other}&apos;s proposal? <Link to={sessionLink(session.id)}>Add a note on the session page</Link>.
        </p>
        <div className="person-confirm-actions">
          <button type="button" className="btn btn-danger" disabled={saving} onClick={() => void answer("decline")}>
            {saving ? "Saving…" : "Decline session"}
          </button>
          <button type="button" className="btn" disabled={saving} onClick={() => setConfirming(false)}>
            Back
          </button>
        </div>
      </div>
    );
  return (
    <>
      <div className="match-actions session-actions">
        <button type="button" className="btn btn-primary" disabled={saving} aria-describedby={describedBy} onClick={() => void answer("accept")}>
          {saving ? "Saving…" : "Accept"}
        </button>
        <button type="button" className="btn" disabled={saving} onClick={() => setConfirming(true)}>
          Decline
        </button>
      </div>
      {refusal ? (
        <p className="field-error" role="alert" data-testid="accept-refused">
          {refusal}
        </p>
      ) : null}
    </>
  );
}

/** The highlight on an invite that overlaps my other sessions: which, when, and whether it can be accepted as things are. */
function ConflictNotice({ id, clashes, uid, timeZone }: { id: string; clashes: Session[]; uid: string; timeZone: string }) {
  const names = clashes.map((clash) => `${describeClash(clash, uid)} (${formatRange(clash.startMs, clash.endMs, timeZone)})`).join(" and ");
  const blocked = clashes.some((clash) => holdsMyTime(clash, uid));
  return (
    <p id={id} className="notice notice-warning small" data-testid="conflict-warning">
      Overlaps {names}.{" "}
      {blocked ? "Decline this one, or move or cancel that one, before accepting." : "You can accept only one of them."}
    </p>
  );
}

function Stat({ value, label, to, testId }: { value: number; label: string; to: string; testId: string }) {
  return (
    <li>
      <Link to={to} className="card impact-stat" data-testid={testId}>
        <span className="big-number" aria-hidden="true">
          {value >= 100 ? "99+" : value}
        </span>
        <span>{label}</span>
      </Link>
    </li>
  );
}

/**
 * The Impact Dashboard for mentors and mentees: what needs me now, live, from two bounded session listeners (not
 * ended; ended in the last two weeks) plus the shell's counters, so reading it never grows with my history.
 */
export function ImpactDashboard({ uid, role }: { uid: string; role: "mentor" | "mentee" }) {
  const { profile, pendingRequestCount, unreadMessageCount } = useSessionData();
  const timeZone = profile?.timezone || browserTimeZone();
  const nowMs = useNow(15_000).getTime();
  const [attempt, setAttempt] = useState(0);
  const upcoming = useLiveSessions(watchUpcomingSessions, uid, attempt, "dashboard upcoming sessions");
  const recent = useLiveSessions(watchRecentSessions, uid, attempt, "dashboard recent sessions");
  const recentList = useMemo(() => (recent.status === "ready" ? recent.sessions : []), [recent]);
  const rated = useRated(uid, recentList);
  const upcomingList = useMemo(() => (upcoming.status === "ready" ? upcoming.sessions : []), [upcoming]);
  const sections = useMemo(
    () => dashboardSections(upcomingList, recentList, uid, nowMs, timeZone, rated ?? new Set(recentList.map((s) => s.id))),
    [upcomingList, recentList, uid, nowMs, timeZone, rated],
  );
  const conflicts = useMemo(() => findConflicts(upcomingList, uid, nowMs), [upcomingList, uid, nowMs]);

  if (upcoming.status === "error" || recent.status === "error")
    return (
      <ErrorState
        message={upcoming.status === "error" ? upcoming.message : recent.status === "error" ? recent.message : ""}
        onRetry={() => setAttempt((n) => n + 1)}
      />
    );
  if (upcoming.status === "loading" || recent.status === "loading")
    return (
      <div role="status" aria-live="polite">
        <span className="sr-only">Loading your sessions</span>
        <ListSkeleton rows={3} />
      </div>
    );

  const card = (session: Session, actions = true) => (
    <SessionCard key={session.id} session={session} uid={uid} nowMs={nowMs} timeZone={timeZone} otherTimeZone={undefined} showActions={actions} />
  );
  const section = (key: string, title: string, count: number, body: ReactNode) => (
    <section className="match-section impact-section" aria-labelledby={`impact-${key}`} data-testid={`impact-${key}`}>
      <h2 id={`impact-${key}`}>
        {title}
        {count ? ` (${count})` : ""}
      </h2>
      {body}
    </section>
  );
  const nothing =
    sections.toReview.length + sections.today.length + sections.upcoming.length + sections.waiting.length + sections.awaitingCompletion.length + sections.awaitingFeedback.length === 0;

  return (
    <div className="impact">
      <ul className="impact-stats" aria-label="At a glance">
        <Stat value={sections.toReview.length} label={sections.toReview.length === 1 ? "invite to review" : "invites to review"} to="/sessions" testId="stat-invites" />
        <Stat value={sections.today.length} label={sections.today.length === 1 ? "session today" : "sessions today"} to="/sessions" testId="stat-today" />
        <Stat value={unreadMessageCount} label={unreadMessageCount === 1 ? "unread message" : "unread messages"} to="/messages" testId="stat-messages" />
        {role === "mentor" ? (
          <Stat value={pendingRequestCount} label={pendingRequestCount === 1 ? "match request waiting" : "match requests waiting"} to="/requests" testId="stat-requests" />
        ) : null}
      </ul>

      {nothing ? (
        <EmptyState title="Nothing planned" action={<Link to="/requests" className="btn btn-primary">Book a session</Link>}>
          <p>Sessions you book or are invited to show here, with what needs your attention first.</p>
        </EmptyState>
      ) : null}

      {sections.toReview.length
        ? section(
            "review",
            "Invites to review",
            sections.toReview.length,
            <ul className="match-list session-list">
              {sections.toReview.map((session) => {
                const clashes = conflicts.get(session.id) ?? [];
                const noticeId = clashes.length ? `conflict-${session.id}` : undefined;
                return (
                  <li key={session.id} className={clashes.length ? "impact-review impact-conflict" : "impact-review"} data-review-id={session.id}>
                    <ul className="match-list">{card(session, false)}</ul>
                    {noticeId ? <ConflictNotice id={noticeId} clashes={clashes} uid={uid} timeZone={timeZone} /> : null}
                    <ReviewActions session={session} uid={uid} conflicts={clashes} timeZone={timeZone} describedBy={noticeId} />
                  </li>
                );
              })}
            </ul>,
          )
        : null}

      {section(
        "today",
        "Today",
        sections.today.length,
        sections.today.length ? <ul className="match-list session-list">{sections.today.map((session) => card(session))}</ul> : <p className="muted">No sessions today.</p>,
      )}

      {sections.upcoming.length
        ? section("upcoming", "Coming up", sections.upcoming.length, <ul className="match-list session-list">{sections.upcoming.slice(0, 5).map((session) => card(session))}</ul>)
        : null}

      {sections.waiting.length
        ? section("waiting", "Waiting for their answer", sections.waiting.length, <ul className="match-list session-list">{sections.waiting.map((session) => card(session))}</ul>)
        : null}

      {sections.awaitingCompletion.length + sections.awaitingFeedback.length
        ? section(
            "follow-up",
            "Awaiting completion or feedback",
            sections.awaitingCompletion.length + sections.awaitingFeedback.length,
            <ul className="impact-follow-up">
              {sections.awaitingCompletion.map((session) => (
                <li key={session.id}>
                  <Link to={sessionLink(session.id)}>Record how the session with {otherPerson(session, uid).name} went</Link>{" "}
                  <span className="muted small">({formatWhen(session.startMs, timeZone)})</span>
                </li>
              ))}
              {sections.awaitingFeedback.map((session) => (
                <li key={session.id}>
                  <Link to={sessionLink(session.id)}>Rate your session with {otherPerson(session, uid).name}</Link>{" "}
                  <span className="muted small">({formatWhen(session.startMs, timeZone)})</span>
                </li>
              ))}
            </ul>,
          )
        : null}
    </div>
  );
}
