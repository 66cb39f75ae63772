// `npm test`: everything CI checks, in two lanes that run side by side (a 2-core machine has a core to spare while
// tsc or eslint run on one, and the emulator-backed tests mostly wait on the emulators):
//   checks:    typecheck, lint, then the pure unit tests (shared, functions planners, web helpers) and the RTDB
//              rules (targaryen, in-process)
//   emulators: build functions, then one run of the emulator suite (auth, firestore, functions and a Realtime
//              Database: the official emulator, or the local stand-in where its jar cannot be had) for every
//              emulator-backed stage (scripts/test-emulator-stages.mjs): Firestore rules and live chat, the
//              functions tests, the web build, then the browser tests
// The first failure stops everything. The emulator lane streams its output; the checks print theirs whole as each
// ends. Last: the ten slowest test files, each stage's start and time, and one line "N passed, N failed".
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./emulator-env.mjs";
import { REPORTS, fileTimes, printSlowest, totals } from "./test-report.mjs";
import { loadTimings, runStage, saveTimings, stopAll, vitest } from "./test-stages.mjs";

rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

const started = Date.now();
const results = [];
let failedStage = null;

/** Runs the stages of one lane in order; stops at its first failure and, through stopAll, the other lane too. */
async function lane(stages, { live }) {
  for (const [name, command] of stages) {
    if (failedStage) return;
    const result = await runStage(name, command, { live });
    results.push(result);
    saveTimings("main", results);
    if (!result.ok && !failedStage) {
      failedStage = name;
      stopAll("SIGINT");
    }
  }
}

const emulatorStages = `node ${join(ROOT, "scripts", "test-emulator-stages.mjs")}`;
await Promise.all([
  lane(
    [
      ["typecheck", "npm run --silent typecheck"],
      ["lint", "npm run --silent lint"],
      ["unit and RTDB rules tests", vitest(["unit", "rtdb-rules"], "unit")],
    ],
    { live: false },
  ),
  lane(
    [
      ["build functions", "npm run --silent build -w functions"],
      [
        "emulator tests (one run of the suite)",
        `node scripts/emulators.mjs exec --no-build --test-env --only auth,firestore,functions,database -- ${JSON.stringify(emulatorStages)}`,
      ],
    ],
    { live: true },
  ),
]);

const { passed, failed, skipped, byReport } = totals();
printSlowest(fileTimes());

console.log("\n=== summary (start, time, stage)");
for (const { name, seconds, ok, started: began } of loadTimings())
  console.log(`${ok ? "ok    " : "FAILED"} +${((began - started) / 1000).toFixed(0).padStart(4)} s ${seconds.toFixed(1).padStart(7)} s  ${name}`);
console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
for (const row of byReport) console.log(`  ${row.name}: ${row.passed} passed, ${row.failed} failed${row.skipped ? `, ${row.skipped} skipped` : ""}`);
if (skipped) console.log(`${skipped} test(s) were skipped: skipped tests are not allowed here.`);
if (failedStage) console.log(`stopped at: ${failedStage}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedStage || failed || skipped || passed === 0 ? 1 : 0);
