import { MINI_SESSION_TYPES, MINI_SESSION_TYPE_LABELS, MINI_STATUSES, MINI_URGENCY_LABELS, appLinks } from "@mentormatch/shared";
import { useEffect, useId, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useSessionData } from "../../app/session-data";
import { ResultsBar } from "../../components/list-controls";
import { LoadMore } from "../../components/load-more";
import { EmptyState, ErrorState, ListSkeleton } from "../../components/states";
import { usePagedResults } from "../../components/use-paged-results";
import { usePageTitle } from "../../components/use-page-title";
import { fetchAdminMiniPage, type AdminMiniCursor } from "../../data/admin-mini";
import type { MiniRequest } from "../../data/mini-requests";
import { browserTimeZone } from "../auth/time-zones";
import { AdminLinks, StatsFreshness } from "../analytics/admin-header";
import { DataTable, ExportCsvButton, type TableColumn } from "../analytics/data-table";
import { MINI_STATUS_LABELS, MiniMetricsSection } from "../analytics/mini-metrics";
import { useProgrammeStats } from "../analytics/use-programme-stats";
import { matchesPeople } from "../admin-sessions/admin-sessions-filters";
import { formatWhen } from "../sessions/session-format";
import { EMPTY_MINI_FILTERS, adminMiniFiltersSchema, adminMiniParams, adminMiniSearch, parseAdminMiniFilters, type AdminMiniFilters, type MiniFilterErrors } from "./admin-mini-filters";

const day = (ms: number | null, timeZone: string) => (ms === null ? "" : formatWhen(ms, timeZone));

/**
 * Every mini request in one table for admins (issue 8 §4): filter by status, type, posting dates and people, a page at
 * a time; each row opens the request's own page. Above it, seed 003's success metrics from `stats/programme`.
 */
export function AdminMiniPage() {
  usePageTitle("Mini requests");
  const timeZone = useSessionData().profile?.timezone || browserTimeZone();
  const [params, setParams] = useSearchParams();
  const { filters, errors: addressErrors } = parseAdminMiniFilters(params);
  const [draft, setDraft] = useState<AdminMiniFilters>(filters);
  const [errors, setErrors] = useState<MiniFilterErrors>(addressErrors);
  const { state: statsState, retry } = useProgrammeStats();

  // Select boxes apply at once; dates and the name box apply with the form's button (checked by the same schema).
  const apply = (next: AdminMiniFilters) => {
    const parsed = adminMiniFiltersSchema.safeParse(next);
    if (!parsed.success) {
      const found: MiniFilterErrors = {};
      for (const issue of parsed.error.issues) found[issue.path[0] as keyof AdminMiniFilters] ??= issue.message;
      setErrors(found);
      return;
    }
    setErrors({});
    setParams(adminMiniParams(parsed.data as AdminMiniFilters), { replace: true });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply(draft);
  };
  const addressKey = params.toString();
  useEffect(() => {
    // The address changed under the form (back button, a link): show what it now says.
    const next = parseAdminMiniFilters(new URLSearchParams(addressKey));
    setDraft(next.filters);
    setErrors(next.errors);
  }, [addressKey]);

  const search = adminMiniSearch(filters);
  const { results, loadMore, reload } = usePagedResults(
    JSON.stringify(search),
    (cursor: AdminMiniCursor | null) => fetchAdminMiniPage(search, cursor),
    "admin mini requests",
  );
  const rows = results.status === "ready" ? results.items.filter((row) => matchesPeople([row.studentName, row.claimedByName], filters.q)) : [];

  const columns: TableColumn<MiniRequest>[] = [
    { header: "Title", value: (row) => row.title, render: (row) => <Link to={appLinks.miniRequest(row.id)}>{row.title}</Link> },
    { header: "Type", value: (row) => MINI_SESSION_TYPE_LABELS[row.sessionType] },
    { header: "Status", value: (row) => MINI_STATUS_LABELS[row.status] },
    { header: "Urgency", value: (row) => MINI_URGENCY_LABELS[row.urgency] },
    { header: "Student", value: (row) => row.studentName },
    { header: "Mentor", value: (row) => row.claimedByName },
    { header: "Posted", value: (row) => new Date(row.createdAtMs).toISOString(), render: (row) => day(row.createdAtMs, timeZone) },
    { header: "Claimed", value: (row) => (row.firstClaimedAtMs ? new Date(row.firstClaimedAtMs).toISOString() : ""), render: (row) => day(row.firstClaimedAtMs, timeZone) },
    { header: "Session", value: (row) => (row.scheduledStartMs ? new Date(row.scheduledStartMs).toISOString() : ""), render: (row) => (row.sessionId && row.scheduledStartMs ? <Link to={appLinks.session(row.sessionId)}>{day(row.scheduledStartMs, timeZone)}</Link> : "") },
    { header: "Minutes", value: (row) => row.durationMinutes, numeric: true },
  ];

  const ids = { status: useId(), type: useId(), from: useId(), to: useId(), q: useId() };
  const filtered = Object.values(filters).some(Boolean);
  const clear = () => {
    setDraft(EMPTY_MINI_FILTERS);
    apply(EMPTY_MINI_FILTERS);
  };
  const loaded = results.status === "ready" ? results.items.length : 0;

  return (
    <section className="page" aria-labelledby="admin-mini-title">
      <div className="page-head">
        <div>
          <h1 id="admin-mini-title">Mini requests</h1>
          <p className="muted">Every mini mentorship request, newest first, and how mini mentorship is doing.</p>
          <AdminLinks />
        </div>
        {statsState.status === "ready" ? <StatsFreshness stats={statsState.stats} timeZone={timeZone} /> : null}
      </div>

      {statsState.status === "error" ? (
        <ErrorState message={statsState.message} onRetry={retry} />
      ) : statsState.status === "ready" && statsState.stats ? (
        <MiniMetricsSection mini={statsState.stats.mini} />
      ) : statsState.status === "ready" ? (
        <p className="muted">No figures yet — Refresh to compute them.</p>
      ) : null}

      <section className="analytics-section" aria-labelledby="mini-table-title">
        <div className="analytics-card-head">
          <h2 id="mini-table-title" className="section-title">
            All requests
          </h2>
          <ExportCsvButton name="Mini requests" rows={rows} columns={columns} />
        </div>
        <form className="filters admin-filters card" role="search" aria-label="Mini request filters" onSubmit={onSubmit} noValidate>
          <SelectFilter
            id={ids.status}
            label="Status"
            value={draft.status}
            error={errors.status}
            options={[["", "All statuses"], ...MINI_STATUSES.map((s) => [s, MINI_STATUS_LABELS[s]] as const)]}
            onChange={(status) => {
              const next = { ...draft, status: status as AdminMiniFilters["status"] };
              setDraft(next);
              apply(next);
            }}
          />
          <SelectFilter
            id={ids.type}
            label="Type"
            value={draft.sessionType}
            error={errors.sessionType}
            options={[["", "All types"], ...MINI_SESSION_TYPES.map((t) => [t, MINI_SESSION_TYPE_LABELS[t]] as const)]}
            onChange={(sessionType) => {
              const next = { ...draft, sessionType: sessionType as AdminMiniFilters["sessionType"] };
              setDraft(next);
              apply(next);
            }}
          />
          <InputFilter id={ids.from} label="Posted from" type="date" value={draft.from} error={errors.from} onChange={(from) => setDraft({ ...draft, from })} />
          <InputFilter id={ids.to} label="Posted to" type="date" value={draft.to} error={errors.to} onChange={(to) => setDraft({ ...draft, to })} />
          <InputFilter id={ids.q} label="Student or mentor" type="search" value={draft.q} error={errors.q} onChange={(q) => setDraft({ ...draft, q })} />
          <div className="filter filter-apply">
            <button type="submit" className="btn">
              Apply
            </button>
          </div>
        </form>

        <ResultsBar
          status={results.status}
          summary={
            results.status === "ready"
              ? filters.q
                ? `${rows.length} of ${loaded} loaded request${loaded === 1 ? "" : "s"} match “${filters.q}”${results.cursor ? " (load more to search further)" : ""}`
                : `Showing ${loaded} request${loaded === 1 ? "" : "s"}${results.cursor ? "; there are more" : ""}`
              : ""
          }
          loadingLabel="Loading mini requests…"
          filtered={filtered}
          onClear={clear}
          testId="admin-mini-summary"
        />

        {results.status === "loading" ? (
          <ListSkeleton rows={6} />
        ) : results.status === "error" ? (
          <ErrorState message={results.message} onRetry={reload} />
        ) : rows.length === 0 && !results.cursor ? (
          <EmptyState title={filtered ? "No requests match" : "No mini requests yet"} />
        ) : (
          <>
            <section className="card analytics-card">
              <DataTable caption="Mini requests" hideCaption columns={columns} rows={rows} rowKey={(row) => row.id} empty="None on the loaded pages match: load more to search further." testId="admin-mini" />
            </section>
            <LoadMore hasMore={!!results.cursor} loading={results.loadingMore} error={results.moreError} onLoadMore={loadMore} />
          </>
        )}
      </section>
    </section>
  );
}

function SelectFilter({
  id,
  label,
  value,
  error,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error?: string;
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
}) {
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} aria-invalid={Boolean(error)} aria-describedby={error ? `${id}-error` : undefined} onChange={(event) => onChange(event.target.value)}>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function InputFilter({ id, label, type, value, error, onChange }: { id: string; label: string; type: "date" | "search"; value: string; error?: string; onChange: (value: string) => void }) {
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        maxLength={type === "search" ? 60 : undefined}
        autoComplete="off"
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
