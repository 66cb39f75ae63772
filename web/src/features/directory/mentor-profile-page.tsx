import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { Link, useLocation, useParams } from "react-router-dom";
import { Avatar } from "../../components/avatar";
import { Icon } from "../../components/icons";
import { PageLoader } from "../../components/page-loader";
import { RatingStars } from "../../components/rating-stars";
import { EmptyState, ErrorState } from "../../components/states";
import { usePageTitle } from "../../components/use-page-title";
import { getProfile, type Profile } from "../../data/profiles";
import { errorMessage } from "../../lib/error-message";
import { useAuth } from "../../app/auth-context";
import { useSessionData } from "../../app/session-data";
import { useNow } from "../../components/use-now";
import { mentorAvailability } from "./mentor-availability";
import { MentorActivity } from "./mentor-activity";
import { RequestPanel } from "./request-panel";
import { BlockAction } from "../moderation/block-action";
import { RecentFeedback } from "../feedback/recent-feedback";

// Its own chunk: it brings the scheduling core (Temporal), which the rest of the profile does not need.
const NextFreeTimes = lazy(() => import("../schedule/next-free-times").then((m) => ({ default: m.NextFreeTimes })));

type State = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; mentor: Profile | null };

export function MentorProfilePage() {
  const { uid = "" } = useParams();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const back = from?.startsWith("/mentors") ? from : "/mentors";
  const [state, setState] = useState<State>({ status: "loading" });

  const load = useCallback(() => {
    setState({ status: "loading" });
    let cancelled = false;
    getProfile(uid)
      .then((profile) => !cancelled && setState({ status: "ready", mentor: profile?.role === "mentor" ? profile : null }))
      .catch((error: unknown) => !cancelled && setState({ status: "error", message: errorMessage(error) }));
    return () => {
      cancelled = true;
    };
  }, [uid]);
  useEffect(load, [load]);

  const mentor = state.status === "ready" ? state.mentor : null;
  usePageTitle(mentor ? mentor.displayName : "Mentor");

  return (
    <section className="page" aria-labelledby="mentor-title">
      <p>
        <Link to={back} className="back-link">
          <Icon name="arrowLeft" size={16} /> Back to mentors
        </Link>
      </p>
      {state.status === "loading" ? (
        <PageLoader label="Loading mentor" />
      ) : state.status === "error" ? (
        <ErrorState message={state.message} onRetry={load} />
      ) : !mentor ? (
        <EmptyState title="Mentor not found">
          <p id="mentor-title">This person isn't listed as a mentor. They may have changed role or the link may be wrong.</p>
        </EmptyState>
      ) : (
        <MentorDetails mentor={mentor} />
      )}
    </section>
  );
}

function MentorDetails({ mentor }: { mentor: Profile }) {
  const availability = mentorAvailability(mentor);
  const { role, user } = useAuth();
  const timeZone = useSessionData().profile?.timezone;
  const now = useNow();
  return (
    <div className="mentor-profile">
      <header className="card mentor-hero">
        <Avatar name={mentor.displayName} url={mentor.avatarUrl} size="lg" />
        <div className="grow">
          <h1 id="mentor-title">{mentor.displayName}</h1>
          <p className="mentor-meta">{[mentor.title, mentor.department].filter(Boolean).join(" · ") || "Mentor"}</p>
          <RatingStars average={mentor.ratingAvg} count={mentor.ratingCount} />
          <MentorActivity mentor={mentor} now={now} timeZone={timeZone} />
        </div>
        <span className={`pill pill-${availability.tone}`}>{availability.label}</span>
        {/* Not on one's own profile: nobody blocks themselves. */}
        {user?.uid !== mentor.uid ? <BlockAction uid={mentor.uid} name={mentor.displayName} /> : null}
      </header>

      {role === "mentee" ? <RequestPanel mentor={mentor} /> : null}

      <Suspense fallback={<div className="card next-free-times" aria-busy="true"><h2>Next free times</h2></div>}>
        <NextFreeTimes mentorId={mentor.uid} mentorName={mentor.displayName} viewerTimeZone={timeZone} />
      </Suspense>

      <dl className="stats">
        <div className="stat card">
          <dt>Completed sessions</dt>
          <dd>{mentor.sessionCount}</dd>
        </div>
        <div className="stat card">
          <dt>Mentees now</dt>
          <dd>
            {mentor.activeMenteeCount} <span className="muted">of {mentor.capacity}</span>
          </dd>
        </div>
        <div className="stat card">
          <dt>Open spots</dt>
          <dd>{mentor.acceptingRequests ? availability.spots : "—"}</dd>
        </div>
        <div className="stat card">
          <dt>Time zone</dt>
          <dd className="stat-small">{mentor.timezone ? mentor.timezone.replace(/_/g, " ") : "Not set"}</dd>
        </div>
      </dl>

      <div className="card">
        <h2>About</h2>
        {mentor.bio ? <p className="bio">{mentor.bio}</p> : <p className="muted">{mentor.displayName} hasn't written a bio yet.</p>}
      </div>
      <RecentFeedback mentorId={mentor.uid} mentorName={mentor.displayName} timeZone={timeZone} />
      <div className="card">
        <h2>Expertise</h2>
        {mentor.expertise.length ? (
          <ul className="chips">
            {mentor.expertise.map((tag) => (
              <li key={tag} className="chip">
                <Link to={`/mentors?expertise=${encodeURIComponent(tag)}`} aria-label={`Find mentors with expertise in ${tag}`}>
                  {tag}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No expertise listed yet.</p>
        )}
      </div>
    </div>
  );
}
