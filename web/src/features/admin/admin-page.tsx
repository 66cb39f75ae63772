import { ROLES, type Role } from "@mentormatch/shared";
import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { Icon } from "../../components/icons";
import { ErrorState } from "../../components/states";
import { usePageTitle } from "../../components/use-page-title";
import { countUsersWithRole } from "../../data/profiles";
import { errorMessage } from "../../lib/error-message";

const LABELS: Record<Role, string> = { mentor: "Mentors", mentee: "Mentees", admin: "Admins" };

type State = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; counts: Record<Role, number> };

export function AdminPage() {
  usePageTitle("Admin");
  const [state, setState] = useState<State>({ status: "loading" });

  const load = useCallback(() => {
    let cancelled = false;
    setState({ status: "loading" });
    Promise.all(ROLES.map((role) => countUsersWithRole(role)))
      .then((values) => {
        if (!cancelled) setState({ status: "ready", counts: Object.fromEntries(ROLES.map((role, i) => [role, values[i] ?? 0])) as Record<Role, number> });
      })
      .catch((error: unknown) => !cancelled && setState({ status: "error", message: errorMessage(error) }));
    return () => {
      cancelled = true;
    };
  }, []);
  useEffect(load, [load]);

  return (
    <section className="page" aria-labelledby="admin-title">
      <div className="page-head">
        <div>
          <h1 id="admin-title">Programme overview</h1>
          <p className="muted">People registered on MentorMatch, counted from their profiles.</p>
        </div>
        <Link to="/admin/people" className="btn btn-primary">
          <Icon name="mentors" size={18} />
          Manage people
        </Link>
      </div>
      {state.status === "error" ? (
        <ErrorState message={state.message} onRetry={load} />
      ) : (
        <dl className="stats" aria-busy={state.status === "loading"}>
          {ROLES.map((role) => (
            <div key={role} className="stat card">
              <dt>{LABELS[role]}</dt>
              <dd>{state.status === "ready" ? state.counts[role] : <span className="skeleton skeleton-inline" aria-label="Loading" />}</dd>
              <dd className="stat-small">
                <Link to={`/admin/people?role=${role}`}>View {LABELS[role].toLowerCase()}</Link>
              </dd>
            </div>
          ))}
        </dl>
      )}
      <p className="muted">Match, session and rating statistics will appear here once those features launch.</p>
    </section>
  );
}
