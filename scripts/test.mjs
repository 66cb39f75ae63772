// `npm test`: everything CI checks, in the order that fails fastest.
//   1. typecheck and lint every workspace
//   2. pure unit tests (shared, functions planners, web helpers) and RTDB rules (targaryen, in-process)
//   3. with the auth, firestore and functions emulators and a Realtime Database up (the official emulator, or the
//      local stand-in where its jar cannot be had): Firestore rules, live chat through the RTDB SDK, functions,
//      then the browser test
// Prints the time of each stage and, last, one line "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./emulator-env.mjs";
import { buildFunctions, emulatorsExec } from "./emulators.mjs";

const REPORTS = join(ROOT, "artifacts", "reports");
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

const timings = [];
let failedStage = null;

function stage(name, run) {
  if (failedStage) return;
  const started = Date.now();
  console.log(`\n=== ${name}`);
  const ok = run();
  const seconds = (Date.now() - started) / 1000;
  timings.push({ name, seconds, ok });
  console.log(`=== ${name}: ${ok ? "ok" : "FAILED"} in ${seconds.toFixed(1)} s`);
  if (!ok) failedStage = name;
}

const sh = (command, args, env = {}) =>
  spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } }).status === 0;

const vitest = (projects, report) => [
  "npx vitest run",
  ...projects.map((project) => `--project ${project}`),
  "--reporter=default",
  `--reporter=json --outputFile.json=${join(REPORTS, report)}`,
].join(" ");

const started = Date.now();
stage("typecheck", () => sh("npm", ["run", "--silent", "typecheck"]));
stage("lint", () => sh("npm", ["run", "--silent", "lint"]));
stage("unit and RTDB rules tests", () => sh("sh", ["-c", vitest(["unit", "rtdb-rules"], "unit.json")]));
stage("build functions", () => {
  try {
    buildFunctions();
    return true;
  } catch {
    return false;
  }
});
stage("emulator tests: Firestore rules, live chat, functions, browser", () => {
  const inside = [
    // The rules harness would warn that the hub lists no database emulator when the stand-in's host is set.
    `env -u FIREBASE_DATABASE_EMULATOR_HOST ${vitest(["firestore-rules"], "rules.json")}`,
    vitest(["rtdb-live"], "rtdb-live.json"),
    vitest(["functions"], "functions.json"),
    `PLAYWRIGHT_JSON_OUTPUT_NAME=${join(REPORTS, "e2e.json")} npx playwright test --reporter=list,json`,
  ].join(" && ");
  return emulatorsExec(inside, { only: ["auth", "firestore", "functions", "database"], build: false, testEnv: true }) === 0;
});

// Totals from the machine-readable reports, so the closing line counts every test that ran.
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of ["unit.json", "rules.json", "rtdb-live.json", "functions.json"]) {
  const path = join(REPORTS, file);
  if (!existsSync(path)) continue;
  const report = JSON.parse(readFileSync(path, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A file that fails to load has no failed tests of its own: count it, or the closing line would say 0 failed.
  failed += report.testResults.filter((file) => file.status === "failed" && !file.assertionResults.some((t) => t.status === "failed")).length;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}
const e2ePath = join(REPORTS, "e2e.json");
if (existsSync(e2ePath)) {
  const { stats } = JSON.parse(readFileSync(e2ePath, "utf8"));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  skipped += stats.skipped;
}

console.log("\n=== summary");
for (const { name, seconds, ok } of timings) console.log(`${ok ? "ok    " : "FAILED"} ${seconds.toFixed(1).padStart(7)} s  ${name}`);
console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (skipped) console.log(`${skipped} test(s) were skipped: skipped tests are not allowed here.`);
if (failedStage) console.log(`stopped at: ${failedStage}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedStage || failed || skipped || passed === 0 ? 1 : 0);
