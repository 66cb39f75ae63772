// The emulator-backed stages of `npm test`, run by scripts/test.mjs inside one `emulators:exec` (one start of the
// suite for all of them; scripts/emulators.mjs has already waited for every function to be registered). Stops at
// the first failure; each stage's time goes to artifacts/reports/timings-emulators.json.
import { playwright, runStage, saveTimings, vitest } from "./test-stages.mjs";

const results = [];
async function stage(name, command) {
  const result = await runStage(name, command, { live: true });
  results.push(result);
  saveTimings("emulators", results);
  if (!result.ok) process.exit(1);
}

// The rules harness would warn that the hub lists no database emulator when the stand-in's host is set.
await stage("Firestore rules tests", `env -u FIREBASE_DATABASE_EMULATOR_HOST ${vitest(["firestore-rules"], "firestore-rules")}`);
await stage("live chat tests", vitest(["rtdb-live"], "rtdb-live"));
await stage("functions tests", vitest(["functions"], "functions"));
await stage("web build for the browser tests", "npm run --silent build:emulator -w web");
// Built as its own stage, so its time shows; Playwright then only serves it (playwright.config.ts).
await stage("browser tests", `MENTORMATCH_WEB_BUILT=1 ${playwright("e2e")}`);
