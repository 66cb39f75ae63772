import type { ProgrammeStats, StatsMentorRow } from "@mentormatch/shared";
import { useId, useMemo, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useSessionData } from "../../app/session-data";
import { EmptyState, ErrorState, ListSkeleton } from "../../components/states";
import { usePageTitle } from "../../components/use-page-title";
import { browserTimeZone } from "../auth/time-zones";
import { completionOf, formatRate, formatRating } from "./analytics-format";
import { DEFAULT_FILTERS, RANGE_WEEKS, analyticsFiltersSchema, filtersToParams, parseAnalyticsFilters, type AnalyticsFilters, type RangeWeeks } from "./analytics-filters";
import { selectWeeks, sumWeeks, weekLabel, type WeekRow } from "./analytics-series";
import { TableCard, type TableColumn } from "./data-table";
import { Figure, MiniMetricsSection } from "./mini-metrics";
import { TrendChart } from "./trend-chart";
import { AdminLinks, StatsFreshness } from "./admin-header";
import { useProgrammeStats, useRefreshStats } from "./use-programme-stats";
import { UtilisationList } from "./utilisation-list";
import "./analytics.css";

export function AnalyticsPage({ heading = "Programme analytics" }: { heading?: string }) {
  usePageTitle(heading);
  const { state, retry } = useProgrammeStats();
  const timeZone = useSessionData().profile?.timezone || browserTimeZone();
  const stats = state.status === "ready" ? state.stats : null;
  const { refreshing, refresh } = useRefreshStats();

  return (
    <section className="page analytics" aria-labelledby="analytics-title">
      <div className="page-head">
        <div>
          <h1 id="analytics-title">{heading}</h1>
          <p className="muted">How the programme is doing: people, matches, sessions, ratings and mini mentorship.</p>
          <AdminLinks />
        </div>
        {state.status === "ready" && stats ? <StatsFreshness stats={stats} timeZone={timeZone} /> : null}
      </div>
      {state.status === "loading" ? (
        <div aria-busy="true" aria-label="Loading figures">
          <ListSkeleton rows={6} />
        </div>
      ) : state.status === "error" ? (
        <ErrorState message={state.message} onRetry={retry} />
      ) : !stats ? (
        <EmptyState
          title="No figures yet — Refresh to compute them"
          action={
            <button type="button" className="btn btn-primary" onClick={() => void refresh()} disabled={refreshing}>
              {refreshing ? "Computing…" : "Refresh"}
            </button>
          }
        >
          <p>The figures are computed every night. Refresh computes them now.</p>
        </EmptyState>
      ) : (
        <AnalyticsBody stats={stats} />
      )}
    </section>
  );
}

const WEEK_COLUMNS = {
  week: { header: "Week starting", value: (row: WeekRow) => row.weekStart, render: (row: WeekRow) => weekLabel(row.weekStart) },
  sessions: { header: "Sessions", value: (row: WeekRow) => row.sessions, numeric: true },
  completed: { header: "Completed", value: (row: WeekRow) => row.completed, numeric: true },
  newMatches: { header: "New matches", value: (row: WeekRow) => row.newMatches, numeric: true },
  avgRating: { header: "Average rating", value: (row: WeekRow) => row.avgRating, render: (row: WeekRow) => formatRating(row.avgRating), numeric: true },
  ratingCount: { header: "Ratings", value: (row: WeekRow) => row.ratingCount, numeric: true },
  miniPosted: { header: "Mini requests posted", value: (row: WeekRow) => row.miniPosted, numeric: true },
  miniClaimed: { header: "Mini requests claimed", value: (row: WeekRow) => row.miniClaimed, numeric: true },
} satisfies Record<string, TableColumn<WeekRow>>;

const RATING_COLUMNS: TableColumn<StatsMentorRow>[] = [
  { header: "Mentor", value: (row) => row.displayName, render: (row) => <Link to={`/mentors/${row.uid}`}>{row.displayName}</Link> },
  { header: "Department", value: (row) => row.department },
  { header: "Average rating", value: (row) => row.ratingAvg, render: (row) => formatRating(row.ratingCount ? row.ratingAvg : null), numeric: true },
  { header: "Ratings", value: (row) => row.ratingCount, numeric: true },
  { header: "Score", value: (row) => row.ratingScore, render: (row) => row.ratingScore.toFixed(2), numeric: true },
];
const SESSIONS_COLUMNS: TableColumn<StatsMentorRow>[] = [
  RATING_COLUMNS[0]!,
  RATING_COLUMNS[1]!,
  { header: "Completed sessions", value: (row) => row.completedSessions, numeric: true },
  { header: "Average rating", value: (row) => row.ratingAvg, render: (row) => formatRating(row.ratingCount ? row.ratingAvg : null), numeric: true },
];

type DepartmentRow = ProgrammeStats["departments"][number];
const DEPARTMENT_COLUMNS: TableColumn<DepartmentRow>[] = [
  { header: "Department", value: (row) => row.department },
  { header: "Mentors", value: (row) => row.mentors, numeric: true },
  { header: "Mentees", value: (row) => row.mentees, numeric: true },
  { header: "Active matches", value: (row) => row.activeMatches, numeric: true },
  { header: "Sessions", value: (row) => row.sessionsTotal, numeric: true },
  { header: "Completed", value: (row) => row.sessionsCompleted, numeric: true },
  { header: "Upcoming", value: (row) => row.sessionsUpcoming, numeric: true },
  { header: "Cancelled", value: (row) => row.sessionsCancelled, numeric: true },
  { header: "No-show", value: (row) => row.sessionsNoShow, numeric: true },
  { header: "Completion rate", value: (row) => completionOf(row), render: (row) => formatRate(completionOf(row)), numeric: true },
];

function AnalyticsBody({ stats }: { stats: ProgrammeStats }) {
  const [params, setParams] = useSearchParams();
  const departments = useMemo(() => stats.departments.map((row) => row.department), [stats.departments]);
  const { filters, errors } = useMemo(() => parseAnalyticsFilters(params, departments), [params, departments]);
  const setFilters = (next: AnalyticsFilters) => setParams(filtersToParams(next), { replace: true });

  const rows = useMemo(() => selectWeeks(stats.weeks, filters), [stats.weeks, filters]);
  const inRange = sumWeeks(rows);
  const dept = filters.department ? stats.departments.find((row) => row.department === filters.department) : undefined;
  const counts = dept ?? stats.totals;
  const mentors = filters.department ? stats.mentors.filter((row) => row.department === filters.department) : stats.mentors;
  const capacity = mentors.reduce((sum, row) => sum + row.capacity, 0);
  const active = mentors.reduce((sum, row) => sum + row.activeMentees, 0);
  const utilisation = filters.department ? (capacity > 0 ? active / capacity : null) : stats.utilisation;
  const atCapacity = filters.department ? mentors.filter((row) => row.capacity > 0 && row.activeMentees >= row.capacity).length : stats.mentorsAtCapacity;
  const idle = filters.department ? mentors.filter((row) => row.activeMentees === 0).length : stats.mentorsIdle;
  const byDept = (list: StatsMentorRow[]) => (filters.department ? list.filter((row) => row.department === filters.department) : list);
  const scope = filters.department ? filters.department : "the whole programme";
  const labels = rows.map((row) => weekLabel(row.weekStart));

  return (
    <>
      <FiltersForm filters={filters} errors={errors} departments={departments} onChange={setFilters} />

      <section className="analytics-section" aria-labelledby="overview-title">
        <h2 id="overview-title" className="section-title">
          Overview <span className="muted small">({scope}, now)</span>
        </h2>
        <dl className="stats" data-testid="overview">
          <Figure label="Mentors" value={counts.mentors} testId="figure-mentors" />
          <Figure label="Mentees" value={counts.mentees} testId="figure-mentees" />
          <Figure label="Active matches" value={counts.activeMatches} testId="figure-active-matches" />
          <Figure label="Pending requests" value={counts.pendingRequests} />
          <Figure label="Sessions" value={counts.sessionsTotal} testId="figure-sessions" />
          <Figure label="Completed" value={counts.sessionsCompleted} testId="figure-completed" />
          <Figure label="Upcoming" value={counts.sessionsUpcoming} />
          <Figure label="Cancelled" value={counts.sessionsCancelled} />
          <Figure label="No-show" value={counts.sessionsNoShow} />
          <Figure label="Completion rate" value={formatRate(dept ? completionOf(dept) : stats.completionRate)} note="completed of those that ended" />
          <Figure label="Mentees rate mentors" value={formatRating(stats.ratingOfMentors.avg)} note={`${stats.ratingOfMentors.count} ratings, whole programme`} />
          <Figure label="Mentors rate mentees" value={formatRating(stats.ratingOfMentees.avg)} note={`${stats.ratingOfMentees.count} ratings, whole programme`} />
          <Figure label="Mentor utilisation" value={formatRate(utilisation)} note="active mentees ÷ capacity" />
          <Figure label="Mentors at capacity" value={atCapacity} />
          <Figure label="Idle mentors" value={idle} note="no active mentees" />
        </dl>
      </section>

      <section className="analytics-section" aria-labelledby="range-title">
        <h2 id="range-title" className="section-title">
          In the selected weeks <span className="muted small">({rows.length ? `${weekLabel(rows[0]!.weekStart)} – week of ${weekLabel(rows[rows.length - 1]!.weekStart)}` : "none"})</span>
        </h2>
        <dl className="stats stats-compact" data-testid="range-totals">
          <Figure label="Sessions" value={inRange.sessions} />
          <Figure label="Completed" value={inRange.completed} />
          <Figure label="New matches" value={inRange.newMatches} />
          <Figure label="Average rating" value={formatRating(inRange.avgRating)} note={`${inRange.ratingCount} ratings, both ways`} />
          <Figure label="Mini requests posted" value={inRange.miniPosted} />
          <Figure label="Mini requests claimed" value={inRange.miniClaimed} />
        </dl>
      </section>

      <section className="analytics-section" aria-labelledby="trends-title">
        <h2 id="trends-title" className="section-title">
          Trends
        </h2>
        <div className="chart-grid">
          <TrendChart
            title="Sessions per week"
            kind="bar"
            labels={labels}
            series={[
              { name: "Sessions", values: rows.map((row) => row.sessions) },
              { name: "Completed", values: rows.map((row) => row.completed) },
            ]}
            rows={rows}
            columns={[WEEK_COLUMNS.week, WEEK_COLUMNS.sessions, WEEK_COLUMNS.completed]}
            rowKey={(row) => row.weekStart}
            testId="chart-sessions"
          />
          <TrendChart
            title="New matches per week"
            kind="bar"
            labels={labels}
            series={[{ name: "New matches", values: rows.map((row) => row.newMatches) }]}
            rows={rows}
            columns={[WEEK_COLUMNS.week, WEEK_COLUMNS.newMatches]}
            rowKey={(row) => row.weekStart}
            testId="chart-matches"
          />
          <TrendChart
            title="Average rating per week"
            kind="line"
            labels={labels}
            series={[{ name: "Average rating", values: rows.map((row) => row.avgRating) }]}
            floor={1}
            fixedTop={5}
            rows={rows}
            columns={[WEEK_COLUMNS.week, WEEK_COLUMNS.avgRating, WEEK_COLUMNS.ratingCount]}
            rowKey={(row) => row.weekStart}
            testId="chart-rating"
          />
          <TrendChart
            title="Mini requests posted and claimed"
            kind="bar"
            labels={labels}
            series={[
              { name: "Posted", values: rows.map((row) => row.miniPosted) },
              { name: "Claimed", values: rows.map((row) => row.miniClaimed) },
            ]}
            rows={rows}
            columns={[WEEK_COLUMNS.week, WEEK_COLUMNS.miniPosted, WEEK_COLUMNS.miniClaimed]}
            rowKey={(row) => row.weekStart}
            testId="chart-mini"
          />
        </div>
      </section>

      <div className="analytics-two">
        <TableCard
          title="Top mentors by rating"
          id="top-rating-title"
          description="Ranked by a confidence-adjusted score, so one 5-star review does not outrank forty at 4.9."
          columns={RATING_COLUMNS}
          rows={byDept(stats.topByRating)}
          rowKey={(row) => row.uid}
          empty="No rated mentors yet."
          testId="top-rating"
        />
        <TableCard
          title="Top mentors by completed sessions"
          id="top-sessions-title"
          columns={SESSIONS_COLUMNS}
          rows={byDept(stats.topBySessions)}
          rowKey={(row) => row.uid}
          empty="No completed sessions yet."
          testId="top-sessions"
        />
      </div>

      <UtilisationList mentors={mentors} atCapacity={atCapacity} idle={idle} />

      <TableCard
        title="Departments"
        id="departments-title"
        description="People, matches and sessions per department (a session's department is its mentor's)."
        columns={DEPARTMENT_COLUMNS}
        rows={stats.departments}
        rowKey={(row) => row.department}
        empty="No departments yet."
        testId="departments"
      />

      <MiniMetricsSection mini={stats.mini} />
    </>
  );
}

const RANGE_LABELS: Record<RangeWeeks, string> = { 4: "Last 4 weeks", 12: "Last 12 weeks", 26: "Last 26 weeks", 52: "Last 52 weeks" };

/** Range and department, kept in the address; a custom range is checked by the same schema before it is applied. */
function FiltersForm({
  filters,
  errors,
  departments,
  onChange,
}: {
  filters: AnalyticsFilters;
  errors: Partial<Record<"weeks" | "from" | "to" | "dept", string>>;
  departments: readonly string[];
  onChange: (filters: AnalyticsFilters) => void;
}) {
  const ids = { range: useId(), from: useId(), to: useId(), dept: useId() };
  const custom = Boolean(filters.from && filters.to);
  const [customOpen, setCustomOpen] = useState(custom);
  const [draft, setDraft] = useState({ from: filters.from, to: filters.to });
  const [draftErrors, setDraftErrors] = useState<{ from?: string; to?: string }>({});
  const shownErrors = { ...errors, ...draftErrors };

  function applyDates(event: FormEvent) {
    event.preventDefault();
    const parsed = analyticsFiltersSchema.safeParse({ from: draft.from, to: draft.to });
    const problems: { from?: string; to?: string } = {};
    if (!draft.from) problems.from = "Choose the first date.";
    if (!draft.to) problems.to = "Choose the last date.";
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if ((field === "from" || field === "to") && !problems[field]) problems[field] = issue.message;
      }
    setDraftErrors(problems);
    if (!problems.from && !problems.to) onChange({ ...filters, from: draft.from, to: draft.to });
  }

  return (
    <form className="filters analytics-filters card" aria-label="Analytics filters" onSubmit={applyDates} noValidate>
      <div className="filter">
        <label htmlFor={ids.range}>Weeks</label>
        <select
          id={ids.range}
          value={customOpen ? "custom" : String(filters.weeks)}
          aria-invalid={Boolean(shownErrors.weeks)}
          aria-describedby={shownErrors.weeks ? `${ids.range}-error` : undefined}
          onChange={(event) => {
            if (event.target.value === "custom") {
              setCustomOpen(true);
              return;
            }
            setCustomOpen(false);
            setDraftErrors({});
            onChange({ ...filters, weeks: Number(event.target.value) as RangeWeeks, from: "", to: "" });
          }}
        >
          {RANGE_WEEKS.map((weeks) => (
            <option key={weeks} value={weeks}>
              {RANGE_LABELS[weeks]}
            </option>
          ))}
          <option value="custom">Custom dates…</option>
        </select>
        {shownErrors.weeks ? (
          <p id={`${ids.range}-error`} className="field-error">
            {shownErrors.weeks}
          </p>
        ) : null}
      </div>
      {customOpen ? (
        <>
          <DateField id={ids.from} label="From" value={draft.from} error={shownErrors.from} onChange={(from) => setDraft((d) => ({ ...d, from }))} />
          <DateField id={ids.to} label="To" value={draft.to} error={shownErrors.to} onChange={(to) => setDraft((d) => ({ ...d, to }))} />
          <div className="filter filter-apply">
            <button type="submit" className="btn">
              Apply dates
            </button>
          </div>
        </>
      ) : null}
      <div className="filter">
        <label htmlFor={ids.dept}>Department</label>
        <select
          id={ids.dept}
          value={filters.department}
          aria-invalid={Boolean(shownErrors.dept)}
          aria-describedby={shownErrors.dept ? `${ids.dept}-error` : undefined}
          onChange={(event) => onChange({ ...filters, department: event.target.value })}
        >
          <option value="">All departments</option>
          {departments.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        {shownErrors.dept ? (
          <p id={`${ids.dept}-error`} className="field-error">
            {shownErrors.dept}
          </p>
        ) : null}
      </div>
      {filters.department || custom || filters.weeks !== DEFAULT_FILTERS.weeks ? (
        <div className="filter filter-apply">
          <button
            type="button"
            className="link-btn"
            onClick={() => {
              setCustomOpen(false);
              setDraft({ from: "", to: "" });
              setDraftErrors({});
              onChange(DEFAULT_FILTERS);
            }}
          >
            Clear filters
          </button>
        </div>
      ) : null}
    </form>
  );
}

function DateField({ id, label, value, error, onChange }: { id: string; label: string; value: string; error?: string; onChange: (value: string) => void }) {
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={value}
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
