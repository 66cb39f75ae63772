import { useEffect, useMemo, useState } from "react";
import { Link } from "react-router-dom";
import { useSignedInUser } from "../../app/auth-context";
import { useSessionData } from "../../app/session-data";
import { LoadMore } from "../../components/load-more";
import { EmptyState, ErrorState, ListSkeleton } from "../../components/states";
import { useNow } from "../../components/use-now";
import { usePageTitle } from "../../components/use-page-title";
import { usePagedResults } from "../../components/use-paged-results";
import { fetchPastSessions, watchUpcomingSessions, type Session } from "../../data/sessions";
import { errorMessage } from "../../lib/error-message";
import { browserTimeZone } from "../auth/time-zones";
import { useProfiles } from "../requests/use-profiles";
import { SessionCard } from "./session-card";
import { groupSessions, otherPerson } from "./session-format";

type LiveState = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; sessions: Session[] };

/** My pending and accepted sessions, live. The query's "not ended" bound is taken once per visit (or retry). */
function useUpcomingSessions(uid: string, attempt: number): LiveState {
  const [state, setState] = useState<{ key: string; value: LiveState } | null>(null);
  const key = `${uid}:${attempt}`;
  useEffect(
    () =>
      watchUpcomingSessions(
        uid,
        Date.now(),
        (sessions) => setState({ key, value: { status: "ready", sessions } }),
        (error) => {
          console.error("upcoming sessions listener failed", error);
          setState({ key, value: { status: "error", message: errorMessage(error) } });
        },
      ),
    [uid, key],
  );
  return state?.key === key ? state.value : { status: "loading" };
}

export function SessionsPage() {
  usePageTitle("Sessions");
  const uid = useSignedInUser().uid;
  const timeZone = useSessionData().profile?.timezone || browserTimeZone();
  // Every 15 s: Join opens and "Ongoing" starts on time without a reload.
  const now = useNow(15_000);
  const nowMs = now.getTime();
  const [attempt, setAttempt] = useState(0);
  const live = useUpcomingSessions(uid, attempt);
  const groups = useMemo(() => groupSessions(live.status === "ready" ? live.sessions : [], uid, nowMs), [live, uid, nowMs]);
  const [pastFrom] = useState(() => Date.now());
  const past = usePagedResults(`${uid}:${attempt}`, (cursor: Parameters<typeof fetchPastSessions>[2]) => fetchPastSessions(uid, pastFrom, cursor), "past sessions");
  const everyone = [...(live.status === "ready" ? live.sessions : []), ...(past.results.status === "ready" ? past.results.items : [])];
  const profiles = useProfiles(everyone.map((session) => otherPerson(session, uid).uid));
  const zoneOf = (session: Session) => profiles.get(otherPerson(session, uid).uid)?.timezone;

  const section = (key: string, title: string, items: Session[], empty: string) => (
    <section className="match-section" aria-labelledby={`${key}-title`} data-testid={`sessions-${key}`}>
      <h2 id={`${key}-title`}>
        {title}
        {items.length ? ` (${items.length})` : ""}
      </h2>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="match-list session-list">
          {items.map((session) => (
            <SessionCard key={session.id} session={session} uid={uid} nowMs={nowMs} timeZone={timeZone} otherTimeZone={zoneOf(session)} />
          ))}
        </ul>
      )}
    </section>
  );

  const nothingLive = live.status === "ready" && groups.toReview.length + groups.waiting.length + groups.upcoming.length === 0;

  return (
    <section className="page" aria-labelledby="sessions-title">
      <div className="page-head">
        <div>
          <h1 id="sessions-title">Sessions</h1>
          <p className="muted">Times are in your time zone ({timeZone.replace(/_/g, " ")}).</p>
        </div>
        <Link to="/requests" className="btn">
          Book a session
        </Link>
      </div>

      {live.status === "loading" ? (
        <ListSkeleton rows={3} />
      ) : live.status === "error" ? (
        <ErrorState message={live.message} onRetry={() => setAttempt((n) => n + 1)} />
      ) : nothingLive ? (
        <EmptyState title="No sessions planned" action={<Link to="/requests" className="btn btn-primary">Choose who to meet</Link>}>
          <p>Book a session with your mentor or mentee from Requests or from your conversation; it appears here at once.</p>
        </EmptyState>
      ) : (
        <>
          {groups.toReview.length ? section("review", "To review", groups.toReview, "") : null}
          {section("upcoming", "Upcoming", groups.upcoming, "No confirmed sessions yet.")}
          {groups.waiting.length ? section("waiting", "Waiting for an answer", groups.waiting, "") : null}
        </>
      )}

      <section className="match-section" aria-labelledby="past-title" data-testid="sessions-past">
        <h2 id="past-title">Past</h2>
        {past.results.status === "loading" ? (
          <ListSkeleton rows={2} />
        ) : past.results.status === "error" ? (
          <ErrorState message={past.results.message} onRetry={past.reload} />
        ) : past.results.items.length === 0 ? (
          <p className="muted">Sessions you had appear here.</p>
        ) : (
          <>
            <ul className="match-list session-list">
              {past.results.items.map((session) => (
                <SessionCard
                  key={session.id}
                  session={session}
                  uid={uid}
                  nowMs={nowMs}
                  timeZone={timeZone}
                  otherTimeZone={zoneOf(session)}
                  showActions={false}
                />
              ))}
            </ul>
            <LoadMore
              hasMore={past.results.cursor !== null}
              loading={past.results.loadingMore}
              error={past.results.moreError}
              onLoadMore={() => void past.loadMore()}
            />
          </>
        )}
      </section>
    </section>
  );
}
