// `npm start`: the whole product on this machine. Builds functions, starts the emulators (auth, firestore,
// functions; the Realtime Database emulator where its jar is here, else the local stand-in first), seeds demo
// data, starts the local mail capture and the Vite dev server, then prints where to go. Ctrl-C stops everything;
// running it again starts fresh.
import { spawn } from "node:child_process";
import { createConnection } from "node:net";
import { join } from "node:path";
import { PORTS, PROJECT_ID, ROOT, databaseAddress, prepareEmulators, standInArgs } from "./emulator-env.mjs";
import { buildFunctions, writeFunctionsEnv } from "./emulators.mjs";

const WEB_PORT = 5173;
const MAIL_PORT = 9925;
const children = [];

function portInUse(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function waitForPort(port, label, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await portInUse(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${label} did not start on port ${port} within ${timeoutMs / 1000} s`);
}

// Two lines per function run: seeding alone runs the profile trigger 69 times and would bury the summary.
const NOISE = /^i {2}functions: (Beginning execution of|Finished) "/;

/**
 * Forwards the emulators' output without the per-run noise, and resolves when firebase-tools prints its ready
 * banner, so our own summary is printed after it, not before.
 */
function waitForReadyBanner(child, timeoutMs = 180_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the emulator suite did not become ready")), timeoutMs);
    let pending = "";
    child.stdout.on("data", (chunk) => {
      const lines = (pending + chunk.toString()).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) if (!NOISE.test(line)) process.stdout.write(`${line}\n`);
      if (chunk.toString().includes("All emulators ready")) {
        clearTimeout(timer);
        // Let the port table that follows the banner print first.
        setTimeout(resolve, 500);
      }
    });
  });
}

function run(command, args, options = {}) {
  const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", ...options });
  children.push(child);
  return child;
}

let stopping = false;
function stopAll(code = 0) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGINT");
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

async function main() {
  const busy = [];
  for (const [name, port] of [...Object.entries(PORTS), ["web", WEB_PORT], ["mail capture", MAIL_PORT]])
    if (await portInUse(port)) busy.push(`${name} (${port})`);
  if (busy.length) throw new Error(`ports already in use: ${busy.join(", ")}. Is another \`npm start\` still running?`);

  console.log("› building functions");
  buildFunctions();
  // The functions emulator asks for every param that no dotenv file sets, and its terminal is not ours to answer
  // with: the demo's value is written for this run (no domains: anyone with a verified address may join).
  writeFunctionsEnv({ ALLOWED_EMAIL_DOMAINS: "" });
  const prepared = prepareEmulators();

  const { startMailCapture } = await import("./mail-capture.mjs");
  const mail = await startMailCapture({ port: MAIL_PORT });

  if (prepared.database === "standin") {
    console.log("› starting the Realtime Database stand-in");
    const standIn = run(process.execPath, standInArgs());
    standIn.once("exit", (code) => {
      if (stopping) return;
      console.error(`Realtime Database stand-in exited (${code}); stopping.`);
      stopAll(code ?? 1);
    });
    await waitForPort(databaseAddress().port, "Realtime Database stand-in", 30_000);
  }

  console.log(`› starting emulators: ${prepared.only.join(", ")}`);
  const emulators = run(
    join(ROOT, "node_modules", ".bin", "firebase"),
    ["emulators:start", "--project", PROJECT_ID, "--only", prepared.only.join(",")],
    { env: prepared.env, stdio: ["ignore", "pipe", "inherit"] },
  );
  const ready = waitForReadyBanner(emulators);
  emulators.once("exit", (code) => {
    console.error(`emulators exited (${code}); stopping.`);
    stopAll(code ?? 1);
  });
  await ready;
  await waitForPort(PORTS.firestore, "Firestore emulator");
  await waitForPort(PORTS.auth, "Auth emulator");

  console.log("› seeding demo data");
  const emulatorEnv = {
    ...process.env,
    GCLOUD_PROJECT: PROJECT_ID,
    FIRESTORE_EMULATOR_HOST: `127.0.0.1:${PORTS.firestore}`,
    FIREBASE_AUTH_EMULATOR_HOST: `127.0.0.1:${PORTS.auth}`,
    // The seed clears the Realtime Database and writes the demo chats when one runs (emulator or stand-in).
    ...(prepared.hasDatabase ? { FIREBASE_DATABASE_EMULATOR_HOST: databaseAddress().clientHost } : {}),
  };
  const seeded = spawn(process.execPath, ["--import", "tsx", join(ROOT, "scripts", "seed.ts")], {
    cwd: ROOT,
    stdio: "inherit",
    env: emulatorEnv,
  });
  const seedCode = await new Promise((resolve) => seeded.once("exit", resolve));
  if (seedCode !== 0) throw new Error("seeding failed");

  console.log("› starting the web app");
  // vite itself, not `npm run dev`: npm does not pass a signal on to its child, which would outlive us.
  run(join(ROOT, "node_modules", ".bin", "vite"), ["--mode", "emulator", "--port", String(WEB_PORT), "--strictPort", "--host", "127.0.0.1"], {
    cwd: join(ROOT, "web"),
  });
  await waitForPort(WEB_PORT, "Vite dev server");

  const { DEMO_LOGINS, SEED_CALENDAR_FEED } = await import("./seed-data.ts");
  console.log("\n──────────────────────────────────────────────");
  console.log(` MentorMatch is running:  http://localhost:${WEB_PORT}`);
  console.log(` Emails sent locally:     ${mail.url}`);
  for (const [role, login] of Object.entries(DEMO_LOGINS)) console.log(` ${role.padEnd(7)} ${login.email} / ${login.password}`);
  console.log(` Sam's calendar feed:    webcal://localhost:${WEB_PORT}/calendar/${SEED_CALENDAR_FEED.token}.ics`);
  for (const note of prepared.notes) console.log(` ! ${note}`);
  console.log(" Ctrl-C stops everything.");
  console.log("──────────────────────────────────────────────\n");
}

main().catch((error) => {
  console.error(`npm start: ${error.message}`);
  stopAll(1);
});
