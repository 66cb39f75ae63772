/** One column of a CSV export: its header and how a row becomes that cell. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
}

/**
 * A spreadsheet opening a cell that starts with = + - @ (or a tab / carriage return before one) runs it as a formula,
 * so a display name like `=HYPERLINK(…)` would become a link in the admin's spreadsheet. Such text cells get a
 * leading apostrophe, which spreadsheets show as text. Numbers are ours, never typed by a person, and stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV (CRLF line ends, quoted only where needed), headers first. */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const lines = [columns.map((column) => cell(column.header)).join(",")];
  for (const row of rows) lines.push(columns.map((column) => cell(column.value(row))).join(","));
  return lines.join("\r\n") + "\r\n";
}

/** "mentormatch-top-mentors-2026-11-22.csv": the table's name and the day it was exported. */
export function csvFileName(name: string, nowMs: number): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `mentormatch-${slug || "table"}-${new Date(nowMs).toISOString().slice(0, 10)}.csv`;
}
