// `npm test`: everything CI checks, in the order that fails fastest.
//   1. typecheck and lint every workspace
//   2. pure unit tests (shared, functions planners, web helpers) and RTDB rules (targaryen, in-process)
//   3. with the auth, firestore and functions emulators and a Realtime Database up (the official emulator, or the
//      local stand-in where its jar cannot be had), in one run of the suite (scripts/test-emulator-stages.mjs):
//      Firestore rules, live chat through the RTDB SDK, functions, the web build, then the browser tests
// Prints the time of each stage, the ten slowest test files and, last, one line "N passed, N failed".
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./emulator-env.mjs";
import { buildFunctions, emulatorsExec } from "./emulators.mjs";
import { REPORTS, fileTimes, printSlowest, totals } from "./test-report.mjs";
import { loadTimings, runStage, saveTimings, vitest } from "./test-stages.mjs";

rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

const started = Date.now();
const results = [];
let failedStage = null;

async function stage(name, run) {
  if (failedStage) return;
  const result = typeof run === "string" ? await runStage(name, run, { live: true }) : await timedCall(name, run);
  results.push(result);
  saveTimings("main", results);
  if (!result.ok) failedStage = name;
}

async function timedCall(name, run) {
  const began = Date.now();
  console.log(`\n=== ${name}`);
  let ok;
  try {
    ok = (await run()) !== false;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    ok = false;
  }
  const seconds = (Date.now() - began) / 1000;
  console.log(`=== ${name}: ${ok ? "ok" : "FAILED"} in ${seconds.toFixed(1)} s`);
  return { name, ok, seconds, started: began };
}

await stage("typecheck", "npm run --silent typecheck");
await stage("lint", "npm run --silent lint");
await stage("unit and RTDB rules tests", vitest(["unit", "rtdb-rules"], "unit"));
await stage("build functions", () => buildFunctions());
await stage("emulator tests: Firestore rules, live chat, functions, browser", () =>
  emulatorsExec(`node ${join(ROOT, "scripts", "test-emulator-stages.mjs")}`, {
    only: ["auth", "firestore", "functions", "database"],
    build: false,
    testEnv: true,
  }) === 0,
);

const { passed, failed, skipped, byReport } = totals();
printSlowest(fileTimes());

console.log("\n=== summary (start offset, time, stage)");
const timings = loadTimings();
for (const { name, seconds, ok, started: began } of timings)
  console.log(`${ok ? "ok    " : "FAILED"} +${((began - started) / 1000).toFixed(0).padStart(4)} s ${seconds.toFixed(1).padStart(7)} s  ${name}`);
console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
for (const row of byReport) console.log(`  ${row.name}: ${row.passed} passed, ${row.failed} failed${row.skipped ? `, ${row.skipped} skipped` : ""}`);
if (skipped) console.log(`${skipped} test(s) were skipped: skipped tests are not allowed here.`);
if (failedStage) console.log(`stopped at: ${failedStage}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedStage || failed || skipped || passed === 0 ? 1 : 0);
