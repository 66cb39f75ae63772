import type { StatsMentorRow } from "@mentormatch/shared";
import { useState } from "react";
import { Link } from "react-router-dom";
import { utilisationPercent } from "./analytics-format";
import { ExportCsvButton, type TableColumn } from "./data-table";

const SHOW_FIRST = 20;

const COLUMNS: TableColumn<StatsMentorRow>[] = [
  { header: "Mentor", value: (row) => row.displayName },
  { header: "Department", value: (row) => row.department },
  { header: "Active mentees", value: (row) => row.activeMentees },
  { header: "Capacity", value: (row) => row.capacity },
  { header: "Utilisation %", value: (row) => utilisationPercent(row.activeMentees, row.capacity) },
];

/**
 * Each mentor's active mentees against their capacity, fullest first, as progress bars a screen reader announces
 * ("Ada Lovelace: 2 of 3 mentees, 67%"). Long programmes show the first twenty until asked for the rest.
 */
export function UtilisationList({ mentors, atCapacity, idle }: { mentors: readonly StatsMentorRow[]; atCapacity: number; idle: number }) {
  const [all, setAll] = useState(false);
  const shown = all ? mentors : mentors.slice(0, SHOW_FIRST);
  return (
    <section className="card analytics-card" aria-labelledby="utilisation-title">
      <div className="analytics-card-head">
        <h2 id="utilisation-title" className="section-title">
          Mentor utilisation
        </h2>
        <ExportCsvButton name="Mentor utilisation" rows={mentors} columns={COLUMNS} />
      </div>
      <p className="muted small">
        {atCapacity} at capacity, {idle} idle (no active mentees), of {mentors.length} mentor{mentors.length === 1 ? "" : "s"}.
      </p>
      {mentors.length === 0 ? (
        <p className="muted">No mentors yet.</p>
      ) : (
        <ul className="utilisation-list" data-testid="utilisation">
          {shown.map((row) => {
            const percent = utilisationPercent(row.activeMentees, row.capacity);
            const text = `${row.activeMentees} of ${row.capacity} mentee${row.capacity === 1 ? "" : "s"}, ${percent}%`;
            const full = row.capacity > 0 && row.activeMentees >= row.capacity;
            return (
              <li key={row.uid} className="utilisation-row">
                <span className="utilisation-name">
                  <Link to={`/mentors/${row.uid}`}>{row.displayName}</Link>
                  {full ? <span className="pill pill-full">Full</span> : row.activeMentees === 0 ? <span className="pill pill-closed">Idle</span> : null}
                </span>
                <span
                  className="progress utilisation-bar"
                  role="progressbar"
                  aria-label={`${row.displayName} utilisation`}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={percent}
                  aria-valuetext={text}
                >
                  <span style={{ width: `${percent}%` }} />
                </span>
                <span className="utilisation-figure muted small" aria-hidden="true">
                  {text}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {mentors.length > SHOW_FIRST ? (
        <button type="button" className="link-btn" onClick={() => setAll((v) => !v)} aria-expanded={all}>
          {all ? `Show the first ${SHOW_FIRST}` : `Show all ${mentors.length} mentors`}
        </button>
      ) : null}
    </section>
  );
}
