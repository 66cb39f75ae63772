import { Link } from "react-router-dom";
import { Avatar } from "../../components/avatar";
import { pluralize } from "../../components/rating";
import { RatingStars } from "../../components/rating-stars";
import type { Profile } from "../../data/profiles";
import { describeResponsiveness } from "@mentormatch/shared";
import { mentorAvailability } from "./mentor-availability";

const MAX_CHIPS = 4;

export function MentorCard({ mentor, from }: { mentor: Profile; from: string }) {
  const availability = mentorAvailability(mentor);
  const extra = mentor.expertise.length - MAX_CHIPS;
  const responds = describeResponsiveness(mentor.medianResponseHours);
  return (
    <article className="card mentor-card" data-testid="mentor-card">
      <div className="mentor-card-head">
        <Avatar name={mentor.displayName} url={mentor.avatarUrl} />
        <div className="mentor-card-id">
          <h2 className="mentor-name">
            {/* The whole card is clickable through this link's ::after, but only the name is announced. */}
            <Link to={`/mentors/${mentor.uid}`} state={{ from }} className="stretched-link">
              {mentor.displayName}
            </Link>
          </h2>
          <p className="mentor-meta">
            {[mentor.title, mentor.department].filter(Boolean).join(" · ") || <span className="muted">No title yet</span>}
          </p>
        </div>
      </div>
      {mentor.expertise.length > 0 ? (
        <ul className="chips" aria-label="Expertise">
          {mentor.expertise.slice(0, MAX_CHIPS).map((tag) => (
            <li key={tag} className="chip">
              {tag}
            </li>
          ))}
          {extra > 0 ? <li className="chip chip-more">+{extra} more</li> : null}
        </ul>
      ) : null}
      <div className="mentor-card-foot">
        <RatingStars average={mentor.ratingAvg} count={mentor.ratingCount} />
        <span className="muted">{pluralize(mentor.sessionCount, "session")}</span>
        <span className={`pill pill-${availability.tone}`}>{availability.label}</span>
      </div>
      {responds ? <p className="mentor-activity muted small">{responds.charAt(0).toUpperCase() + responds.slice(1)}</p> : null}
    </article>
  );
}
