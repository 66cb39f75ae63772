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

/** The last reconciliation, as an admin reads it: when, and whether history agreed. */
function checkedLine(stats: ProgrammeStats, timeZone: string): string {
  const check = stats.reconciliation;
  if (!check) return "Not checked against history yet.";
  const when = formatUpdated(check.at.toMillis(), timeZone);
  if (check.driftCount === 0) return `Checked against history ${when}: all ${check.checked} figures agreed.`;
  const listed = check.drift.slice(0, 3).map((drift) => `${drift.figure} ${drift.found} → ${drift.expected}`).join("; ");
  return `Checked against history ${when}: ${check.driftCount} of ${check.checked} figures differed and were corrected where they can be (${listed}).`;
}

/** "Last updated …" and Refresh, on every page that shows figures from `stats/programme`. */
export function StatsFreshness({ stats, timeZone }: { stats: ProgrammeStats | null; timeZone: string }) {
  const { refreshing, refresh } = useRefreshStats();
  return (
    <div className="stats-freshness">
      <p className="muted" data-testid="stats-updated" aria-live="polite">
        {stats ? `Live: last change ${formatUpdated(stats.computedAt.toMillis(), timeZone)}.` : "Not computed yet."}
        {stats ? ` ${checkedLine(stats, timeZone)}` : null}
      </p>
      <button type="button" className="btn" onClick={() => void refresh()} disabled={refreshing} aria-busy={refreshing}>
        {refreshing ? "Refreshing…" : "Refresh"}
      </button>
    </div>
  );
}

