import { Link } from "react-router-dom";
import { useSessionData } from "../../app/session-data";
import { Icon } from "../../components/icons";
import { EmptyState, ErrorState } from "../../components/states";
import { usePageTitle } from "../../components/use-page-title";
import { browserTimeZone } from "../auth/time-zones";
import { formatRate } from "../analytics/analytics-format";
import { AdminLinks, StatsFreshness } from "../analytics/admin-header";
import { useProgrammeStats } from "../analytics/use-programme-stats";

/**
 * The admins' landing page: the headline figures from `stats/programme` (one document, however large the programme;
 * it used to count profiles with a query per role) and the way to the full analytics and the other admin pages.
 */
export function AdminPage() {
  usePageTitle("Admin");
  const { state, retry } = useProgrammeStats();
  const timeZone = useSessionData().profile?.timezone || browserTimeZone();
  const stats = state.status === "ready" ? state.stats : null;
  const figure = (value: number | string | undefined) =>
    state.status === "loading" ? <span className="skeleton skeleton-inline" aria-label="Loading" /> : (value ?? "—");

  return (
    <section className="page" aria-labelledby="admin-title">
      <div className="page-head">
        <div>
          <h1 id="admin-title">Programme overview</h1>
          <p className="muted">The programme at a glance. The analytics page has trends, top mentors, utilisation and exports.</p>
          <AdminLinks />
        </div>
        <div className="match-actions">
          <Link to="/admin/analytics" className="btn btn-primary">
            <Icon name="dashboard" size={18} />
            Open analytics
          </Link>
          <Link to="/admin/people" className="btn">
            <Icon name="mentors" size={18} />
            Manage people
          </Link>
        </div>
      </div>
      {state.status === "error" ? (
        <ErrorState message={state.message} onRetry={retry} />
      ) : (
        <>
          <dl className="stats" aria-busy={state.status === "loading"}>
            <div className="stat card">
              <dt>Mentors</dt>
              <dd>{figure(stats?.totals.mentors)}</dd>
              <dd className="stat-small">
                <Link to="/admin/people?role=mentor">View mentors</Link>
              </dd>
            </div>
            <div className="stat card">
              <dt>Mentees</dt>
              <dd>{figure(stats?.totals.mentees)}</dd>
              <dd className="stat-small">
                <Link to="/admin/people?role=mentee">View mentees</Link>
              </dd>
            </div>
            <div className="stat card">
              <dt>Active matches</dt>
              <dd>{figure(stats?.totals.activeMatches)}</dd>
              <dd className="stat-small">
                <Link to="/admin/people?role=admin">View admins</Link>
              </dd>
            </div>
            <div className="stat card">
              <dt>Sessions completed</dt>
              <dd>{figure(stats?.totals.sessionsCompleted)}</dd>
              <dd className="stat-small">
                <Link to="/admin/sessions">All sessions</Link>
              </dd>
            </div>
            <div className="stat card">
              <dt>Mentor utilisation</dt>
              <dd>{figure(stats ? formatRate(stats.utilisation) : undefined)}</dd>
              <dd className="stat-small">
                <Link to="/admin/mini">Mini requests</Link>
              </dd>
            </div>
          </dl>
          {state.status === "ready" && !stats ? (
            <EmptyState title="No figures yet — Refresh to compute them">
              <StatsFreshness stats={null} timeZone={timeZone} />
            </EmptyState>
          ) : state.status === "ready" ? (
            <StatsFreshness stats={stats} timeZone={timeZone} />
          ) : null}
        </>
      )}
    </section>
  );
}
