import { useId, type ReactNode } from "react";
import { csvFileName, toCsv, type CsvColumn } from "./csv";

/** A column: its CSV header and value, and optionally how the cell shows on the page. */
export interface TableColumn<T> extends CsvColumn<T> {
  render?: (row: T) => ReactNode;
  numeric?: boolean;
}

/** Saves text as a file through a temporary link (the same way the session page saves its .ics). */
export function downloadText(fileName: string, text: string, type = "text/csv;charset=utf-8"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "Export CSV" for a table: exactly the rows and columns it shows. */
export function ExportCsvButton<T>({ name, rows, columns }: { name: string; rows: readonly T[]; columns: readonly CsvColumn<T>[] }) {
  return (
    // The name starts with the visible words, so voice control's "click Export CSV" still finds it.
    <button
      type="button"
      className="btn btn-small"
      aria-label={`Export CSV: ${name}`}
      onClick={() => downloadText(csvFileName(name, Date.now()), toCsv(rows, columns))}
      disabled={rows.length === 0}
    >
      Export CSV
    </button>
  );
}

/**
 * A plain table with a caption, column headers, and a scroll box of its own so a wide table scrolls sideways at
 * phone width instead of the page. The scroll box is focusable (and named by the caption) so keyboard users can
 * scroll it too.
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  empty = "Nothing to show.",
  hideCaption = false,
  focusable = true,
  testId,
}: {
  caption: string;
  columns: readonly TableColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  empty?: string;
  hideCaption?: boolean;
  /** False while the table is only there for screen readers (a chart's): no invisible tab stop. */
  focusable?: boolean;
  testId?: string;
}) {
  const captionId = useId();
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={focusable ? 0 : undefined}>
      <table className="data-table" data-testid={testId}>
        <caption id={captionId} className={hideCaption ? "sr-only" : undefined}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={column.numeric ? "num" : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)}>
              {columns.map((column, c) => {
                const content = column.render ? column.render(row) : column.value(row);
                const className = column.numeric ? "num" : undefined;
                return c === 0 ? (
                  <th key={column.header} scope="row" className={className}>
                    {content}
                  </th>
                ) : (
                  <td key={column.header} className={className}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A titled card holding a table, with its CSV export beside the title. */
export function TableCard<T>({
  title,
  id,
  description,
  columns,
  rows,
  rowKey,
  empty,
  testId,
  children,
}: {
  title: string;
  id: string;
  description?: ReactNode;
  columns: readonly TableColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  empty?: string;
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <section className="card analytics-card" aria-labelledby={id}>
      <div className="analytics-card-head">
        <h2 id={id} className="section-title">
          {title}
        </h2>
        <ExportCsvButton name={title} rows={rows} columns={columns} />
      </div>
      {description ? <p className="muted small">{description}</p> : null}
      {children}
      <DataTable caption={title} hideCaption columns={columns} rows={rows} rowKey={rowKey} empty={empty} testId={testId} />
    </section>
  );
}
