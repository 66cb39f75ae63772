import { SESSION_KINDS, SESSION_STATUSES } from "@mentormatch/shared";
import { useEffect, useId, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useSessionData } from "../../app/session-data";
import { NameSearchInput, ResultsBar } from "../../components/list-controls";
import { LoadMore } from "../../components/load-more";
import { EmptyState, ErrorState, ListSkeleton } from "../../components/states";
import { useDebouncedValue } from "../../components/use-debounced-value";
import { usePagedResults } from "../../components/use-paged-results";
import { usePageTitle } from "../../components/use-page-title";
import { fetchAdminSessionsPage, type AdminSessionsCursor } from "../../data/admin-sessions";
import type { Session } from "../../data/sessions";
import { browserTimeZone } from "../auth/time-zones";
import { AdminLinks } from "../analytics/admin-header";
import { DataTable, ExportCsvButton, type TableColumn } from "../analytics/data-table";
import { STATUS_LABELS, formatWhen, sessionLink } from "../sessions/session-format";
import { KIND_LABELS, adminSessionsParams, matchesPeople, parseAdminSessionsFilters, type AdminSessionsFilters } from "./admin-sessions-filters";

/** Every session, regular and mini, for admins: filter by status and kind, find people on the loaded rows, open one. */
export function AdminSessionsPage() {
  usePageTitle("All sessions");
  const timeZone = useSessionData().profile?.timezone || browserTimeZone();
  const [params, setParams] = useSearchParams();
  const initial = parseAdminSessionsFilters(params);
  const [status, setStatus] = useState(initial.status);
  const [kind, setKind] = useState(initial.kind);
  const [text, setText] = useState(initial.q);
  const q = useDebouncedValue(text).trim();
  const filters: AdminSessionsFilters = { status, kind, q: q.slice(0, 60) };
  // The filters live in the address (written with `replace`), so a reload or a shared link keeps them.
  const address = adminSessionsParams(filters).toString();
  useEffect(() => {
    if (address !== params.toString()) setParams(new URLSearchParams(address), { replace: true });
  }, [address, params, setParams]);

  const search = { status: filters.status, kind: filters.kind };
  const { results, loadMore, reload } = usePagedResults(
    JSON.stringify(search),
    (cursor: AdminSessionsCursor | null) => fetchAdminSessionsPage(search, cursor),
    "admin sessions",
  );
  const rows = results.status === "ready" ? results.items.filter((session) => matchesPeople([session.mentorName, session.menteeName], filters.q)) : [];

  const columns: TableColumn<Session>[] = [
    {
      header: "Start",
      value: (row) => new Date(row.startMs).toISOString(),
      render: (row) => <Link to={sessionLink(row.id)}>{formatWhen(row.startMs, timeZone)}</Link>,
    },
    { header: "Kind", value: (row) => KIND_LABELS[row.kind] },
    { header: "Mentor", value: (row) => row.mentorName },
    { header: "Mentee", value: (row) => row.menteeName },
    { header: "Status", value: (row) => STATUS_LABELS[row.status] },
    { header: "Minutes", value: (row) => row.durationMinutes, numeric: true },
    { header: "Session id", value: (row) => row.id, render: (row) => <code className="small">{row.id}</code> },
  ];

  const ids = { search: useId(), status: useId(), kind: useId() };
  const filtered = Boolean(status || kind || q);
  const clear = () => {
    setStatus("");
    setKind("");
    setText("");
  };
  const loaded = results.status === "ready" ? results.items.length : 0;

  return (
    <section className="page" aria-labelledby="admin-sessions-title">
      <div className="page-head">
        <div>
          <h1 id="admin-sessions-title">All sessions</h1>
          <p className="muted">Every session in the programme, regular and mini, newest first. Times are in {timeZone.replace(/_/g, " ")}.</p>
          <AdminLinks />
        </div>
        <ExportCsvButton name="Sessions" rows={rows} columns={columns} />
      </div>

      <form className="filters admin-filters card" role="search" aria-label="Session filters" onSubmit={(event) => event.preventDefault()}>
        <NameSearchInput id={ids.search} value={text} onChange={setText} placeholder="Mentor or mentee" />
        <div className="filter">
          <label htmlFor={ids.status}>Status</label>
          <select id={ids.status} value={status} onChange={(event) => setStatus(parseAdminSessionsFilters(new URLSearchParams({ status: event.target.value })).status)}>
            <option value="">All statuses</option>
            {SESSION_STATUSES.map((value) => (
              <option key={value} value={value}>
                {STATUS_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={ids.kind}>Kind</label>
          <select id={ids.kind} value={kind} onChange={(event) => setKind(parseAdminSessionsFilters(new URLSearchParams({ kind: event.target.value })).kind)}>
            <option value="">Regular and mini</option>
            {SESSION_KINDS.map((value) => (
              <option key={value} value={value}>
                {KIND_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
      </form>

      <ResultsBar
        status={results.status}
        summary={
          results.status === "ready"
            ? q
              ? `${rows.length} of ${loaded} loaded session${loaded === 1 ? "" : "s"} match “${q}”${results.cursor ? " (load more to search further)" : ""}`
              : `Showing ${loaded} session${loaded === 1 ? "" : "s"}${results.cursor ? "; there are more" : ""}`
            : ""
        }
        loadingLabel="Loading sessions…"
        filtered={filtered}
        onClear={clear}
        testId="admin-sessions-summary"
      />

      {results.status === "loading" ? (
        <ListSkeleton rows={6} />
      ) : results.status === "error" ? (
        <ErrorState message={results.message} onRetry={reload} />
      ) : rows.length === 0 && !results.cursor ? (
        <EmptyState title={filtered ? "No sessions match" : "No sessions yet"} action={filtered ? <button type="button" className="btn" onClick={clear}>Clear filters</button> : undefined} />
      ) : (
        <>
          <section className="card analytics-card">
            <DataTable caption="Sessions" hideCaption columns={columns} rows={rows} rowKey={(row) => row.id} empty="None on the loaded pages match: load more to search further." testId="admin-sessions" />
          </section>
          <LoadMore hasMore={!!results.cursor} loading={results.loadingMore} error={results.moreError} onLoadMore={loadMore} />
        </>
      )}
    </section>
  );
}
