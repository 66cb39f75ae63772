// Reads the machine-readable test reports `npm test` writes (vitest JSON, Playwright JSON) in artifacts/reports:
// totals for the closing line, and each file's time for the list of the slowest.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { ROOT } from "./emulator-env.mjs";

export const REPORTS = join(ROOT, "artifacts", "reports");

const readJson = (path) => JSON.parse(readFileSync(path, "utf8"));

/** Every report in the directory: `vitest-<name>.json` and `playwright-<name>.json`. */
function reports(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^(vitest|playwright)-.+\.json$/.test(name))
    .sort()
    .map((name) => ({ kind: name.startsWith("vitest") ? "vitest" : "playwright", name: name.replace(/^\w+-|\.json$/g, ""), path: join(dir, name) }));
}

function playwrightTests(suite) {
  return [...(suite.specs ?? []).flatMap((spec) => spec.tests ?? []), ...(suite.suites ?? []).flatMap(playwrightTests)];
}

/** One row per test file: which report, the file, its time in ms (from its first test's start to its last's end), its tests. */
export function fileTimes(dir = REPORTS) {
  const rows = [];
  for (const { kind, name, path } of reports(dir)) {
    const report = readJson(path);
    if (kind === "vitest") {
      for (const file of report.testResults)
        rows.push({ report: name, file: relative(ROOT, file.name), ms: file.endTime - file.startTime, tests: file.assertionResults.length });
    } else {
      for (const suite of report.suites ?? []) {
        const tests = playwrightTests(suite);
        const ms = tests.reduce((sum, test) => sum + (test.results ?? []).reduce((s, result) => s + result.duration, 0), 0);
        rows.push({ report: name, file: join("tests", "e2e", suite.file), ms, tests: tests.length });
      }
    }
  }
  return rows.sort((a, b) => b.ms - a.ms);
}

/** Passed, failed and skipped over every report; a file that failed to load counts as a failure. */
export function totals(dir = REPORTS) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const byReport = [];
  for (const { kind, name, path } of reports(dir)) {
    const report = readJson(path);
    let p;
    let f;
    let s;
    if (kind === "vitest") {
      p = report.numPassedTests;
      // A file that fails to load has no failed tests of its own: count it, or the closing line would say 0 failed.
      f = report.numFailedTests + report.testResults.filter((file) => file.status === "failed" && !file.assertionResults.some((t) => t.status === "failed")).length;
      s = report.numPendingTests + (report.numTodoTests ?? 0);
    } else {
      const { stats } = report;
      p = stats.expected + stats.flaky;
      f = stats.unexpected + (report.errors?.length ?? 0);
      s = stats.skipped;
    }
    passed += p;
    failed += f;
    skipped += s;
    byReport.push({ name, passed: p, failed: f, skipped: s });
  }
  return { passed, failed, skipped, byReport };
}

export function printSlowest(rows, count = 10) {
  console.log(`\n=== the ${Math.min(count, rows.length)} slowest test files (time from a file's first test to its last)`);
  for (const row of rows.slice(0, count))
    console.log(`${(row.ms / 1000).toFixed(1).padStart(7)} s  ${String(row.tests).padStart(4)} tests  ${row.file}  [${row.report}]`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? REPORTS;
  printSlowest(fileTimes(dir), Number(process.argv[3] ?? 10));
  const { byReport, passed, failed, skipped } = totals(dir);
  for (const row of byReport) console.log(`${row.name}: ${row.passed} passed, ${row.failed} failed, ${row.skipped} skipped`);
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
}
