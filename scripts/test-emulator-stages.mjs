// The emulator-backed stages of `npm test`, run by scripts/test.mjs inside one `emulators:exec` (one start of the
// suite for all of them; scripts/emulators.mjs has already waited for every function to be registered). Three lanes
// side by side:
//   - the Firestore rules tests: each file on a `demo-…-rules-<name>` project of its own, no Auth, no functions
//   - live chat, the functions tests, then the browser tests: they share the demo project's Auth and the Realtime
//     Database, which the seed (seed.test.ts, the browser tests' setup) resets, so they take turns
//   - the web build for the browser tests
// The functions and browser tests stream their output; the others print theirs whole when they end. The first
// failure stops the rest; each stage's time goes to artifacts/reports/timings-emulators.json.
import { playwright, runStage, saveTimings, stopAll, vitest } from "./test-stages.mjs";

const results = [];
let failed = false;

async function stage(name, command, { live = false } = {}) {
  if (failed) return false;
  const result = await runStage(name, command, { live });
  results.push(result);
  saveTimings("emulators", results);
  if (!result.ok && !failed) {
    failed = true;
    stopAll("SIGINT");
  }
  return result.ok;
}

// The rules harness would warn that the hub lists no database emulator when the stand-in's host is set.
const rules = stage("Firestore rules tests", `env -u FIREBASE_DATABASE_EMULATOR_HOST ${vitest(["firestore-rules"], "firestore-rules")}`);
const webBuild = stage("web build for the browser tests", "npm run --silent build:emulator -w web");
const demoProject = (async () =>
  (await stage("live chat tests", vitest(["rtdb-live"], "rtdb-live"), { live: true })) &&
  (await stage("functions tests", vitest(["functions"], "functions"), { live: true })) &&
  (await webBuild) &&
  // Built in a stage of its own above; Playwright then only serves it (playwright.config.ts).
  (await stage("browser tests", `MENTORMATCH_WEB_BUILT=1 ${playwright("e2e")}`, { live: true })))();
await Promise.all([rules, webBuild, demoProject]);
process.exit(failed ? 1 : 0);
