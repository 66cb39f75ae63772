import { Link } from "react-router-dom";
import { Icon, type IconName } from "../../components/icons";
import { usePageTitle } from "../../components/use-page-title";

type Feature = "sessions" | "mini";

const FEATURES: Record<Feature, { title: string; icon: IconName; summary: string; points: string[] }> = {
  sessions: {
    title: "Sessions",
    icon: "sessions",
    summary: "Plan mentoring sessions and keep track of them.",
    points: [
      "Propose a time in either person's time zone, with an agenda and a meeting link.",
      "Reminders 24 hours and 1 hour before, and feedback once a session is done.",
    ],
  },
  mini: {
    title: "Mini sessions",
    icon: "mini",
    summary: "One-off help without a long-term match.",
    points: [
      "Mentees post a short request, such as interview prep or a portfolio review.",
      "Any mentor can claim it and schedule a 30–60 minute session.",
    ],
  },
};

/** Honest placeholder for features that are designed but not built: what it will do, and no pretend data. */
export function UpcomingPage({ feature }: { feature: Feature }) {
  const info = FEATURES[feature];
  usePageTitle(info.title);
  return (
    <section className="page narrow-wide" aria-labelledby="upcoming-title">
      <h1 id="upcoming-title">{info.title}</h1>
      <div className="card upcoming">
        <span className="upcoming-icon">
          <Icon name={info.icon} size={28} />
        </span>
        <div>
          <p className="pill pill-soon">Coming soon</p>
          <p className="lead">{info.summary}</p>
          <ul className="bullets">
            {info.points.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ul>
          <p className="muted">
            Meanwhile, <Link to="/mentors">browse the mentor directory</Link> and <Link to="/profile">complete your profile</Link>.
          </p>
        </div>
      </div>
    </section>
  );
}
