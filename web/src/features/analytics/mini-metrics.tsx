import { MINI_STATUSES, type MiniMetrics, type MiniStatus } from "@mentormatch/shared";
import { formatMinutes, formatRate, formatRating } from "./analytics-format";
import { monthLabel } from "./analytics-series";
import type { TableColumn } from "./data-table";
import { TrendChart } from "./trend-chart";

export const MINI_STATUS_LABELS: Record<MiniStatus, string> = {
  open: "Open",
  claimed: "Claimed",
  scheduled: "Scheduled",
  completed: "Completed",
  cancelled: "Cancelled",
  expired: "Expired",
};

type MonthRow = MiniMetrics["perMonth"][number];
const MONTH_COLUMNS: TableColumn<MonthRow>[] = [
  { header: "Month", value: (row) => row.month, render: (row) => monthLabel(row.month) },
  { header: "Posted", value: (row) => row.posted, numeric: true },
  { header: "Claimed", value: (row) => row.claimed, numeric: true },
];

/** Seed 003's success metrics for mini mentorship, from `stats/programme`.mini (the analytics and the mini table). */
export function MiniMetricsSection({ mini, headingLevel = 2 }: { mini: MiniMetrics; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const repeatRate = mini.students > 0 ? mini.repeatStudents / mini.students : null;
  return (
    <section className="analytics-section" aria-labelledby="mini-metrics-title">
      <Heading id="mini-metrics-title" className="section-title">
        Mini mentorship
      </Heading>
      <dl className="stats stats-compact" data-testid="mini-by-status">
        {MINI_STATUSES.map((status) => (
          <div key={status} className="stat card">
            <dt>{MINI_STATUS_LABELS[status]}</dt>
            <dd>{mini.byStatus[status] ?? 0}</dd>
          </div>
        ))}
      </dl>
      <dl className="stats stats-compact" data-testid="mini-metrics">
        <Figure label="Median time to claim" value={formatMinutes(mini.medianMinutesToClaim)} />
        <Figure label="Median claim to scheduled" value={formatMinutes(mini.medianMinutesToSchedule)} />
        <Figure label="Completion rate" value={formatRate(mini.completionRate)} />
        <Figure label="Cancellation rate" value={formatRate(mini.cancellationRate)} />
        <Figure label="No-show rate" value={formatRate(mini.noShowRate)} />
        <Figure
          label="Repeat use"
          value={formatRate(repeatRate)}
          note={`${mini.repeatStudents} of ${mini.students} student${mini.students === 1 ? "" : "s"} asked more than once`}
        />
        <Figure label="Students rate mentors" value={formatRating(mini.avgRatingOfMentors)} note="average, out of 5" />
        <Figure label="Mentors rate students" value={formatRating(mini.avgRatingOfStudents)} note="average, out of 5" />
      </dl>
      <TrendChart
        title="Mini requests per month"
        kind="bar"
        labels={mini.perMonth.map((row) => monthLabel(row.month))}
        series={[
          { name: "Posted", values: mini.perMonth.map((row) => row.posted) },
          { name: "Claimed", values: mini.perMonth.map((row) => row.claimed) },
        ]}
        rows={mini.perMonth}
        columns={MONTH_COLUMNS}
        rowKey={(row) => row.month}
        testId="chart-mini-months"
      />
    </section>
  );
}

export function Figure({ label, value, note, testId }: { label: string; value: string | number; note?: string; testId?: string }) {
  return (
    <div className="stat card" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{value}</dd>
      {note ? <dd className="stat-note">{note}</dd> : null}
    </div>
  );
}
