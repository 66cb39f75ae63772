import { describe, expect, it } from "vitest";
import { csvFileName, toCsv, type CsvColumn } from "./csv";

interface Row {
  name: string;
  count: number | null;
}
const columns: CsvColumn<Row>[] = [
  { header: "Name", value: (row) => row.name },
  { header: "Count", value: (row) => row.count },
];

describe("toCsv", () => {
  it.each([
    ["plain text", { name: "Ada", count: 3 }, "Ada,3"],
    ["a comma is quoted", { name: "Lovelace, Ada", count: 1 }, '"Lovelace, Ada",1'],
    ["quotes are doubled inside quotes", { name: 'Ada "Countess"', count: 1 }, '"Ada ""Countess""",1'],
    ["a newline is quoted", { name: "Line one\nLine two", count: 1 }, '"Line one\nLine two",1'],
    ["a carriage return is quoted", { name: "a\rb", count: 1 }, '"a\rb",1'],
    ["= starts a formula: made text", { name: "=HYPERLINK(\"http://x\")", count: 1 }, '"\'=HYPERLINK(""http://x"")",1'],
    ["+ is guarded", { name: "+1 555", count: 1 }, "'+1 555,1"],
    ["- is guarded", { name: "-2+3", count: 1 }, "'-2+3,1"],
    ["@ is guarded", { name: "@SUM(A1)", count: 1 }, "'@SUM(A1),1"],
    ["a leading tab is guarded", { name: "\t=1", count: 1 }, "'\t=1,1"],
    ["a formula character later is fine", { name: "a=b", count: 1 }, "a=b,1"],
    ["negative numbers stay numbers", { name: "x", count: -4 }, "x,-4"],
    ["null is an empty cell", { name: "x", count: null }, "x,"],
    ["an empty string stays empty", { name: "", count: 0 }, ",0"],
  ])("%s", (_label, row, line) => {
    expect(toCsv([row], columns)).toBe(`Name,Count\r\n${line}\r\n`);
  });

  it("writes only the header for no rows, and guards headers too", () => {
    expect(toCsv([], columns)).toBe("Name,Count\r\n");
    expect(toCsv([], [{ header: "=Total", value: () => 1 }])).toBe("'=Total\r\n");
  });

  it("keeps row order and every column", () => {
    const csv = toCsv(
      [
        { name: "B", count: 2 },
        { name: "A", count: 1 },
      ],
      columns,
    );
    expect(csv.split("\r\n")).toEqual(["Name,Count", "B,2", "A,1", ""]);
  });

  it("writes booleans and drops non-finite numbers", () => {
    const cols: CsvColumn<{ ok: boolean; n: number }>[] = [
      { header: "ok", value: (r) => r.ok },
      { header: "n", value: (r) => r.n },
    ];
    expect(toCsv([{ ok: true, n: Number.NaN }], cols)).toBe("ok,n\r\ntrue,\r\n");
  });
});

describe("csvFileName", () => {
  it.each([
    ["Top mentors", "mentormatch-top-mentors-2026-11-22.csv"],
    ["  Sessions per week! ", "mentormatch-sessions-per-week-2026-11-22.csv"],
    ["***", "mentormatch-table-2026-11-22.csv"],
  ])("%s", (name, expected) => {
    expect(csvFileName(name, Date.UTC(2026, 10, 22, 12))).toBe(expected);
  });
});
