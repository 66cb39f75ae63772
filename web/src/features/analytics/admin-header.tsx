import type { ProgrammeStats } from "@mentormatch/shared";
import { Link } from "react-router-dom";
import { formatUpdated, useRefreshStats } from "./use-programme-stats";
import "./analytics.css";

/** The admin links the old overview had, kept on the page that replaced it. */
export function AdminLinks() {
  return (
    <nav className="page-links" aria-label="Admin pages">
      <Link to="/admin/people">People</Link>
      <Link to="/admin/sessions">All sessions</Link>
      <Link to="/admin/mini">Mini requests</Link>
      <Link to="/admin/support">Support inbox</Link>
      <Link to="/admin/moderation">Moderation</Link>
    </nav>
  );
}

/** "Last updated …" and Refresh, on every page that shows figures from `stats/programme`. */
export function StatsFreshness({ stats, timeZone }: { stats: ProgrammeStats | null; timeZone: string }) {
  const { refreshing, refresh } = useRefreshStats();
  return (
    <div className="stats-freshness">
      <p className="muted" data-testid="stats-updated" aria-live="polite">
        {stats
          ? `Last updated ${formatUpdated(stats.computedAt.toMillis(), timeZone)} from ${stats.sourceDocs.toLocaleString("en-GB")} records.`
          : "Not computed yet."}
      </p>
      <button type="button" className="btn" onClick={() => void refresh()} disabled={refreshing} aria-busy={refreshing}>
        {refreshing ? "Refreshing…" : "Refresh"}
      </button>
    </div>
  );
}

