import { useId, useState } from "react";
import { axisTicks, barRects, linePath, niceMax } from "./chart-scale";
import { DataTable, ExportCsvButton, type TableColumn } from "./data-table";

export interface ChartSeries {
  name: string;
  values: readonly (number | null)[];
}

const W = 640;
const H = 200;
const PAD = { left: 36, right: 8, top: 8, bottom: 24 };
const BOX = { width: W - PAD.left - PAD.right, height: H - PAD.top - PAD.bottom };

/**
 * A trend as plain SVG (a few hundred bytes, no chart library), with the same numbers as a table. The SVG is hidden
 * from screen readers, which read the table instead; sighted people can open the table with "Show table".
 */
export function TrendChart<T>({
  title,
  kind,
  labels,
  series,
  floor = 0,
  fixedTop,
  rows,
  columns,
  rowKey,
  testId,
}: {
  title: string;
  kind: "bar" | "line";
  labels: readonly string[];
  series: readonly ChartSeries[];
  /** The bottom of the value axis (ratings start at 1). */
  floor?: number;
  /** A fixed top (ratings end at 5) instead of one fitted to the data. */
  fixedTop?: number;
  rows: readonly T[];
  columns: readonly TableColumn<T>[];
  rowKey: (row: T, index: number) => string;
  testId?: string;
}) {
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  const max = Math.max(0, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const top = fixedTop ?? niceMax(max);
  const ticks = axisTicks(top - floor, 4).map((tick) => tick + floor);
  const bars = kind === "bar" ? barRects(series.map((s) => s.values.map((v) => v ?? 0)), top, BOX) : [];
  // Every label would overlap at 52 weeks: show about eight.
  const labelEvery = Math.max(1, Math.ceil(labels.length / 8));
  const slot = labels.length ? BOX.width / labels.length : 0;
  const empty = labels.length === 0;

  return (
    <figure className="card analytics-card chart" aria-labelledby={`${id}-title`} data-testid={testId}>
      <div className="analytics-card-head">
        <h3 id={`${id}-title`} className="section-title">
          {title}
        </h3>
        <div className="chart-actions">
          <button type="button" className="btn btn-small" aria-expanded={showTable} aria-controls={`${id}-table`} onClick={() => setShowTable((v) => !v)}>
            {showTable ? "Hide table" : "Show table"}
          </button>
          <ExportCsvButton name={title} rows={rows} columns={columns} />
        </div>
      </div>
      {empty ? (
        <p className="muted">No weeks in this range.</p>
      ) : (
        <>
          <svg className="chart-svg" viewBox={`0 0 ${W} ${H}`} role="presentation" aria-hidden="true" focusable="false">
            <g transform={`translate(${PAD.left} ${PAD.top})`}>
              {ticks.map((tick) => {
                const y = BOX.height - ((tick - floor) / (top - floor || 1)) * BOX.height;
                return (
                  <g key={tick}>
                    <line className="chart-grid" x1={0} x2={BOX.width} y1={y} y2={y} />
                    <text className="chart-tick" x={-6} y={y + 4} textAnchor="end">
                      {tick}
                    </text>
                  </g>
                );
              })}
              {bars.map((rects, s) =>
                rects.map((rect, i) => <rect key={`${s}-${i}`} className={`chart-s${s}`} x={rect.x} y={rect.y} width={Math.max(0, rect.width - 1)} height={rect.height} />),
              )}
              {kind === "line"
                ? series.map((s, i) => {
                    const path = linePath(s.values, top, BOX, floor);
                    return <path key={s.name} className={`chart-line chart-s${i}`} d={path} />;
                  })
                : null}
              {kind === "line"
                ? series.map((s, i) =>
                    s.values.map((value, j) =>
                      value === null ? null : (
                        <circle
                          key={`${i}-${j}`}
                          className={`chart-s${i}`}
                          cx={j * slot + slot / 2}
                          cy={BOX.height - ((Math.min(top, value) - floor) / (top - floor || 1)) * BOX.height}
                          r={2.5}
                        />
                      ),
                    ),
                  )
                : null}
              {labels.map((label, i) =>
                i % labelEvery === 0 ? (
                  <text key={label} className="chart-tick" x={i * slot + slot / 2} y={BOX.height + 16} textAnchor="middle">
                    {label}
                  </text>
                ) : null,
              )}
            </g>
          </svg>
          {series.length > 1 ? (
            <ul className="chart-legend" aria-hidden="true">
              {series.map((s, i) => (
                <li key={s.name}>
                  <span className={`chart-swatch chart-s${i}`} />
                  {s.name}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
      <div id={`${id}-table`} className={showTable ? "chart-table" : "sr-only"}>
        <DataTable caption={title} hideCaption columns={columns} rows={rows} rowKey={rowKey} focusable={showTable} empty="No weeks in this range." />
      </div>
    </figure>
  );
}
