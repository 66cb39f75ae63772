import { useEffect, useMemo, useState } from "react";
import { Link } from "react-router-dom";
import { useSignedInUser } from "../../app/auth-context";
import { useSessionData } from "../../app/session-data";
import { Avatar } from "../../components/avatar";
import { ListSkeleton } from "../../components/states";
import { watchMatches } from "../../data/matches";
import type { Profile } from "../../data/profiles";
import { suggestionPool } from "../../data/suggestions";
import { errorMessage } from "../../lib/error-message";
import { pickSuggestions } from "./suggestions";

type PoolState = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; mentors: Profile[] };

/**
 * Up to three mentors suited to the signed-in mentee (their goals against the mentors' expertise, department, open
 * spots, how quickly they answer), with the reasons. Leaves out mentors they already asked or are matched with.
 */
export function SuggestedMentors({ variant = "card", from = "/" }: { variant?: "card" | "strip"; from?: string }) {
  const uid = useSignedInUser().uid;
  const { profile } = useSessionData();
  const [pool, setPool] = useState<PoolState>({ status: "loading" });
  const [excluded, setExcluded] = useState<string[] | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    suggestionPool()
      .then((mentors) => !cancelled && setPool({ status: "ready", mentors }))
      .catch((error: unknown) => !cancelled && setPool({ status: "error", message: errorMessage(error) }));
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  useEffect(
    () =>
      watchMatches(
        { uid, side: "outgoing", statuses: ["pending", "accepted"] },
        (matches) => setExcluded(matches.map((match) => match.mentorId)),
        (error) => {
          // Without the list, suggestions may include a mentor already asked; requestMatch would say so.
          console.warn("open matches listener failed", error);
          setExcluded([]);
        },
      ),
    [uid],
  );

  const suggestions = useMemo(
    () => (profile && pool.status === "ready" && excluded ? pickSuggestions(profile, pool.mentors, excluded) : []),
    [profile, pool, excluded],
  );

  const title = variant === "strip" ? "Suggested for you" : "Suggested mentors";
  const body =
    pool.status === "loading" || !excluded || !profile ? (
      <ListSkeleton rows={variant === "strip" ? 1 : 3} />
    ) : pool.status === "error" ? (
      <p className="muted">
        Suggestions could not be loaded. {pool.message}{" "}
        <button type="button" className="link-btn" onClick={() => setAttempt((n) => n + 1)}>
          Try again
        </button>
      </p>
    ) : suggestions.length === 0 ? (
      <p className="muted">
        {profile.learningGoals.length === 0 ? (
          <>
            Add learning goals to <Link to="/profile">your profile</Link> and we'll suggest mentors who match them.
          </>
        ) : (
          <>
            No mentor with open spots matches your goals right now. <Link to="/mentors">Browse all mentors</Link>.
          </>
        )}
      </p>
    ) : (
      <ul className={variant === "strip" ? "suggestion-strip" : "suggestion-list"} aria-labelledby={`suggested-${variant}`}>
        {suggestions.map(({ mentor, reasonText }) => (
          <li key={mentor.uid} className="suggestion" data-testid="suggestion">
            <Avatar name={mentor.displayName} url={mentor.avatarUrl} size="sm" />
            <div className="grow">
              <Link to={`/mentors/${mentor.uid}`} state={{ from }} className="suggestion-name">
                {mentor.displayName}
              </Link>
              <p className="mentor-meta small">{[mentor.title, mentor.department].filter(Boolean).join(" · ")}</p>
              <p className="suggestion-reasons small">{reasonText}</p>
            </div>
          </li>
        ))}
      </ul>
    );

  return (
    <section className={variant === "strip" ? "card suggestions suggestions-strip" : "card suggestions"} aria-labelledby={`suggested-${variant}`} data-testid="suggested-mentors">
      <h2 id={`suggested-${variant}`}>{title}</h2>
      {body}
    </section>
  );
}
