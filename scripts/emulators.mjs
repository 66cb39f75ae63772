// `node scripts/emulators.mjs exec [--no-build] [--only a,b] -- <command…>`: runs a command with the emulator
// suite up (firebase emulators:exec), after building functions. Used by `npm test` and handy by hand. Where the
// Realtime Database stand-in replaces the official emulator, it starts first and stops after (see emulator-env.mjs).
import { spawnSync } from "node:child_process";
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ID, ROOT, prepareEmulators, standInArgs } from "./emulator-env.mjs";

export function buildFunctions() {
  const result = spawnSync("npm", ["run", "build", "-w", "functions", "--silent"], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new Error("functions build failed");
}

/**
 * What the test run changes in the functions' settings: sign-up is limited to the test users' domains, so the
 * tests exercise the organisation-only path (the demo, `npm start`, stays open). Appended to dist/.env.local,
 * which the build writes afresh each time.
 */
export const TEST_FUNCTIONS_ENV = { ALLOWED_EMAIL_DOMAINS: "example.com,mentormatch.dev" };

export function writeFunctionsEnv(values) {
  const lines = Object.entries(values).map(([key, value]) => `${key}=${value}`);
  appendFileSync(join(ROOT, "functions", "dist", ".env.local"), `\n# added by scripts/emulators.mjs for this run\n${lines.join("\n")}\n`);
}

export function emulatorsExec(command, { only, build = true, testEnv = false } = {}) {
  if (build) buildFunctions();
  if (testEnv) writeFunctionsEnv(TEST_FUNCTIONS_ENV);
  const prepared = prepareEmulators({ wantDatabase: !only || only.includes("database") });
  const emulators = only ? only.filter((name) => prepared.only.includes(name)) : prepared.only;
  // With the functions emulator up, the command starts once it lists every exported function (a call before that
  // would answer 404); functions-ready.mjs polls for it with a generous deadline.
  const script = emulators.includes("functions") ? `node ${join(ROOT, "scripts", "functions-ready.mjs")} && ${command}` : command;
  const firebase = [join(ROOT, "node_modules", ".bin", "firebase"), "emulators:exec", "--project", PROJECT_ID, "--only", emulators.join(","), script];
  // The stand-in runs firebase-tools as its child, so it is listening before the functions emulator starts.
  const [program, ...args] = prepared.database === "standin" ? [process.execPath, ...standInArgs(firebase)] : firebase;
  const running = [...emulators, ...(prepared.database === "standin" ? ["database-standin"] : [])];
  const result = spawnSync(program, args, { cwd: ROOT, env: { ...prepared.env, MENTORMATCH_EMULATORS: running.join(",") }, stdio: "inherit" });
  return result.status ?? 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const dashes = args.indexOf("--");
  const flags = dashes === -1 ? args : args.slice(0, dashes);
  const command = dashes === -1 ? "" : args.slice(dashes + 1).join(" ");
  if (flags[0] !== "exec" || !command) {
    console.error("usage: node scripts/emulators.mjs exec [--no-build] [--test-env] [--only auth,firestore,functions,database] -- <command>");
    process.exit(2);
  }
  const onlyIndex = flags.indexOf("--only");
  const only = onlyIndex === -1 ? undefined : flags[onlyIndex + 1].split(",");
  process.exit(
    emulatorsExec(command, {
      only,
      build: !flags.includes("--no-build") && (!only || only.includes("functions")),
      testEnv: flags.includes("--test-env"),
    }),
  );
}
