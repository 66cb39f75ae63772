import { Link } from "react-router-dom";
import { useAuth } from "../../app/auth-context";
import { useSessionData } from "../../app/session-data";
import { Icon, type IconName } from "../../components/icons";
import { PageLoader } from "../../components/page-loader";
import { usePageTitle } from "../../components/use-page-title";
import { mentorAvailability } from "../directory/mentor-availability";
import { describeUnread, greetingFor } from "../notifications/notification-format";
import { completenessPercent, profileChecklist } from "../profile/profile-completeness";
import { describePendingRequests } from "../requests/match-format";
import { SuggestedMentors } from "../suggestions/suggested-mentors";
import { ImpactDashboard } from "./impact-dashboard";

export function DashboardPage() {
  usePageTitle("Dashboard");
  const { role, user } = useAuth();
  const { profile, profileLoading, unreadCount, pendingRequestCount } = useSessionData();
  if (profileLoading) return <PageLoader label="Loading your dashboard" />;

  const firstName = (profile?.displayName || user?.displayName || "").split(/\s+/)[0] ?? "";
  const checklist = profile ? profileChecklist(profile, role) : [];
  const percent = profile ? completenessPercent(checklist) : 0;
  const todo = checklist.filter((item) => !item.done);

  const links: { to: string; label: string; text: string; icon: IconName }[] = [
    role === "mentor"
      ? { to: `/mentors/${user?.uid ?? ""}`, label: "See your listing", text: "How mentees see you in the directory.", icon: "mentors" }
      : { to: "/mentors", label: "Find a mentor", text: "Search by name, department or expertise.", icon: "mentors" },
    { to: "/profile", label: "Edit your profile", text: "Keep your title, bio and expertise current.", icon: "profile" },
    { to: "/settings", label: "Email settings", text: "Choose which emails you receive.", icon: "settings" },
  ];

  return (
    <section className="page" aria-labelledby="dash-title">
      <div>
        <h1 id="dash-title">
          {greetingFor(new Date().getHours())}
          {firstName ? `, ${firstName}` : ""}
        </h1>
        <p className="muted">Here's what's happening in your mentoring programme.</p>
      </div>

      {user && (role === "mentor" || role === "mentee") ? <ImpactDashboard uid={user.uid} role={role} /> : null}

      {role === "mentor" || role === "mentee" ? <h2 className="section-title">Your programme</h2> : null}
      <div className="dash-grid">
        <div className="card">
          <h2>Your profile</h2>
          {!profile ? (
            <p className="muted">Your profile is still being set up.</p>
          ) : todo.length === 0 ? (
            <p>
              Your profile is complete. <Link to="/profile">Review it</Link>
            </p>
          ) : (
            <>
              <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label="Profile completeness">
                <span style={{ width: `${percent}%` }} />
              </div>
              <p>
                {percent}% complete. {role === "mentor" ? "A full profile helps mentees find you." : "A full profile helps mentors understand your goals."}
              </p>
              <ul className="checklist">
                {todo.map((item) => (
                  <li key={item.key}>
                    <span aria-hidden="true">○</span> {item.label}
                  </li>
                ))}
              </ul>
              <Link to="/profile" className="btn btn-primary">
                Complete your profile
              </Link>
            </>
          )}
        </div>

        <div className="card">
          <h2>Notifications</h2>
          <p className="big-number" aria-hidden="true">
            {unreadCount >= 100 ? "99+" : unreadCount}
          </p>
          <p>{describeUnread(unreadCount)}</p>
          <Link to="/notifications" className="btn">
            Open notifications
          </Link>
        </div>

        {role === "mentor" && profile ? (
          <div className="card">
            <h2>Your availability</h2>
            <p className="big-number">{mentorAvailability(profile).label}</p>
            <p className="muted">
              Capacity {profile.capacity}, mentoring {profile.activeMenteeCount} now.
            </p>
            <Link to="/profile" className="btn">
              Change capacity
            </Link>
          </div>
        ) : null}

        {role === "mentor" ? (
          <div className="card">
            <h2>Requests</h2>
            <p className="big-number" aria-hidden="true">
              {pendingRequestCount >= 100 ? "99+" : pendingRequestCount}
            </p>
            <p>{describePendingRequests(pendingRequestCount)}</p>
            <Link to="/requests" className="btn">
              Open requests
            </Link>
          </div>
        ) : null}
      </div>

      {role === "mentee" && profile ? <SuggestedMentors /> : null}

      <h2 className="section-title">Quick links</h2>
      <ul className="quick-links">
        {links.map((link) => (
          <li key={link.to}>
            <Link to={link.to} className="card quick-link">
              <Icon name={link.icon} size={22} />
              <span>
                <span className="quick-link-label">{link.label}</span>
                <span className="muted">{link.text}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
