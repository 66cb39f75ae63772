// Runs the stages of `npm test` and keeps their times. A stage that runs alone streams its output; stages that run
// side by side write to their own log (artifacts/reports/logs/) and print it whole when they end, so outputs never
// interleave. Every stage's time goes to artifacts/reports/timings-<group>.json for the summary.
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./emulator-env.mjs";
import { REPORTS } from "./test-report.mjs";

const LOGS = join(REPORTS, "logs");
const running = new Set();

const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/** Stops every stage still running (their whole process groups), e.g. once another stage has failed. */
export function stopAll(signal = "SIGTERM") {
  for (const child of running) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  }
}

/**
 * Runs `command` (a shell line) as stage `name`. `live`: output straight to the terminal; otherwise to the stage's
 * log, printed whole at the end. Resolves with { name, ok, seconds, started }; never rejects.
 */
export function runStage(name, command, { live = false, env = {} } = {}) {
  const started = Date.now();
  if (live) console.log(`\n=== ${name}`);
  mkdirSync(LOGS, { recursive: true });
  const logPath = join(LOGS, `${slug(name)}.log`);
  const log = live ? null : createWriteStream(logPath);
  // Its own process group, so stopAll ends the stage's children too (vitest workers, browsers, servers).
  const child = spawn("sh", ["-c", command], {
    cwd: ROOT,
    env: { ...process.env, ...env, FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? "1" : "0") },
    stdio: live ? "inherit" : ["ignore", "pipe", "pipe"],
    detached: true,
  });
  running.add(child);
  if (log) {
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
  }
  return new Promise((resolve) => {
    child.on("close", (code, signal) => {
      running.delete(child);
      const seconds = (Date.now() - started) / 1000;
      const ok = code === 0;
      const finish = () => {
        if (!live) {
          console.log(`\n=== ${name} (output)`);
          process.stdout.write(readFileSync(logPath, "utf8"));
        }
        console.log(`=== ${name}: ${ok ? "ok" : signal ? `stopped (${signal})` : "FAILED"} in ${seconds.toFixed(1)} s`);
        resolve({ name, ok, seconds, started });
      };
      if (log) log.end(finish);
      else finish();
    });
  });
}

/** Runs `run` as a stage made of other stages (its time is the whole), resolving like runStage. */
export async function group(name, run) {
  const started = Date.now();
  const ok = await run();
  return { name, ok, seconds: (Date.now() - started) / 1000, started };
}

export function saveTimings(groupName, results) {
  mkdirSync(REPORTS, { recursive: true });
  writeFileSync(join(REPORTS, `timings-${groupName}.json`), JSON.stringify(results, null, 2));
}

/** Every saved stage time ({ name, ok, seconds, started }), in the order the stages started. */
export function loadTimings() {
  if (!existsSync(REPORTS)) return [];
  return readdirSync(REPORTS)
    .filter((name) => /^timings-.+\.json$/.test(name))
    .flatMap((name) => JSON.parse(readFileSync(join(REPORTS, name), "utf8")))
    .sort((a, b) => a.started - b.started);
}

/** A vitest run of `projects` that also writes its JSON report (vitest-<report>.json) for the totals and times. */
export const vitest = (projects, report) =>
  [
    "npx vitest run",
    ...projects.map((project) => `--project ${project}`),
    "--reporter=default",
    `--reporter=json --outputFile.json=${join(REPORTS, `vitest-${report}.json`)}`,
  ].join(" ");

/** The Playwright run, with its JSON report (playwright-<report>.json). */
export const playwright = (report) =>
  `PLAYWRIGHT_JSON_OUTPUT_NAME=${join(REPORTS, `playwright-${report}.json`)} npx playwright test --reporter=list,json`;
