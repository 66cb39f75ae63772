// Works out how the emulator suite can run on this machine and prepares what it needs.
//  - Firestore: the Google Cloud SDK ships the emulator jar without a Main-Class, so `java -jar` fails. A
//    manifest-only wrapper jar that names the main class and puts the SDK jar on its Class-Path fixes that;
//    firebase-tools is pointed at it through FIRESTORE_EMULATOR_BINARY_PATH.
//  - Realtime Database: the official emulator when its jar is here and intact (cached by firebase-tools, or
//    DATABASE_EMULATOR_BINARY_PATH; checksum verified); otherwise the local stand-in in tools/rtdb-standin
//    (firebase-server + targaryen), on the same port. Either way one line says which one runs.
import { createHash } from "node:crypto";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const PROJECT_ID = "demo-mentormatch";
export const SDK_FIRESTORE_JAR = "/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar";
const FIRESTORE_MAIN_CLASS = "com.google.cloud.datastore.emulator.firestore.CloudFirestore";
const WORK_DIR = join(ROOT, ".emulators");

export const PORTS = { auth: 9099, firestore: 8080, functions: 5001, database: 9000, hub: 4400 };

function javaMajorVersion() {
  const result = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (result.error) return null;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr + result.stdout);
  if (!match) return null;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

function firestoreEmulatorCached() {
  const cache = join(homedir(), ".cache", "firebase", "emulators");
  return existsSync(cache) && readdirSync(cache).some((name) => /^cloud-firestore-emulator-v[\d.]+\.jar$/.test(name));
}

/** The jar firebase-tools 14.27 runs, and its checksum (its emulator/downloadableEmulatorInfo.json). */
export const DATABASE_EMULATOR_JAR = {
  name: "firebase-database-emulator-v4.11.2.jar",
  sha256: "b70d99344caf17c98b6f910fa8f6edf32a7c016cb1035e8915f70d38901eb97f",
};
export const DATABASE_STANDIN = join(ROOT, "tools", "rtdb-standin", "standin.mjs");
export const DATABASE_RULES = join(ROOT, "database.rules.json");
/** The instance the rules apply to on the real emulator (`<project>-default-rtdb`); the stand-in ignores `ns`. */
export const DATABASE_URL = `https://${PROJECT_ID}-default-rtdb.firebaseio.com`;
const DOWNLOAD_FAILED_STAMP = join(WORK_DIR, "database-emulator-download-failed");

/** firebase.json's database emulator address, so a LAN host set there applies to the stand-in too. */
export function databaseAddress() {
  const config = JSON.parse(readFileSync(join(ROOT, "firebase.json"), "utf8")).emulators?.database ?? {};
  const host = config.host ?? "127.0.0.1";
  const port = config.port ?? PORTS.database;
  return { host, port, clientHost: `${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}` };
}

function sha256(path) {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/** The official emulator's jar when it is here and intact; `notes` gets a line when a jar is here but wrong. */
function databaseEmulatorJar(notes) {
  const override = process.env.DATABASE_EMULATOR_BINARY_PATH;
  const path = override || join(homedir(), ".cache", "firebase", "emulators", DATABASE_EMULATOR_JAR.name);
  if (!existsSync(path)) {
    if (override) notes.push(`DATABASE_EMULATOR_BINARY_PATH=${override} does not exist.`);
    return null;
  }
  if (sha256(path) === DATABASE_EMULATOR_JAR.sha256) return path;
  notes.push(`${path} is not ${DATABASE_EMULATOR_JAR.name} (sha256 differs); not using it.`);
  return null;
}

/** Builds (once) the manifest-only jar that makes the Cloud SDK's Firestore emulator runnable with `java -jar`. */
export function firestoreWrapperJar() {
  const jarPath = join(WORK_DIR, "cloud-firestore-emulator-wrapper.jar");
  if (existsSync(jarPath)) return jarPath;
  mkdirSync(WORK_DIR, { recursive: true });
  const manifest = join(WORK_DIR, "firestore-manifest.txt");
  writeFileSync(manifest, `Main-Class: ${FIRESTORE_MAIN_CLASS}\nClass-Path: ${pathToFileURL(SDK_FIRESTORE_JAR).href}\n`);
  execFileSync("jar", ["cfm", jarPath, manifest], { stdio: "inherit" });
  return jarPath;
}

/**
 * Lets firebase-tools fetch the Realtime Database emulator into its cache. Where that fails (these machines) it is
 * not tried again for a day, so each `npm start` / `npm test` does not wait for it.
 */
function tryDownloadDatabaseEmulator() {
  if (process.env.DATABASE_EMULATOR_BINARY_PATH) return;
  if (existsSync(DOWNLOAD_FAILED_STAMP) && Date.now() - statSync(DOWNLOAD_FAILED_STAMP).mtimeMs < 24 * 3600_000) return;
  const result = spawnSync(join(ROOT, "node_modules", ".bin", "firebase"), ["setup:emulators:database"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
  if (result.status !== 0) {
    mkdirSync(WORK_DIR, { recursive: true });
    writeFileSync(DOWNLOAD_FAILED_STAMP, `${new Date().toISOString()}\n${result.stdout}${result.stderr}`);
  }
}

/**
 * Returns the environment for firebase-tools, the emulators it should start, which Realtime Database runs
 * (`database`: "emulator", "standin" or null when not wanted) and one-line notes. Throws with a clear message
 * when nothing can work (no Java, no Firestore emulator). For "standin" the caller starts it (`node …standInArgs()`,
 * or standInArgs(command) to run a command while it is up) before the functions emulator, which then reaches it
 * through FIREBASE_DATABASE_EMULATOR_HOST, set in `env`.
 */
export function prepareEmulators({ wantDatabase = true, quiet = false } = {}) {
  const java = javaMajorVersion();
  if (java === null) throw new Error("Java is not installed: the Firebase emulators need Java 11 or newer (apt-get install openjdk-17-jre-headless).");
  if (java < 11) throw new Error(`Java ${java} is too old: the Firebase emulators need Java 11 or newer.`);
  const env = { ...process.env };
  // firebase-tools gives up on loading the functions after 10 s (discovery) and on booting a function's worker after
  // 30 s ("Failed to load function.", and the request is never answered). A busy 2-core machine can take longer to
  // start a Node process; slow must not mean failed, so it waits up to 5 minutes (a caller's own value wins).
  env.FUNCTIONS_DISCOVERY_TIMEOUT ??= "300";
  const notes = [];
  if (process.env.FIRESTORE_EMULATOR_BINARY_PATH) {
    // The caller chose a binary; respect it.
  } else if (existsSync(SDK_FIRESTORE_JAR)) {
    env.FIRESTORE_EMULATOR_BINARY_PATH = firestoreWrapperJar();
  } else if (!firestoreEmulatorCached()) {
    notes.push(`Firestore emulator: no Cloud SDK jar at ${SDK_FIRESTORE_JAR}; firebase-tools will try to download its own.`);
  }
  const only = ["auth", "firestore", "functions"];
  let database = null;
  if (wantDatabase) {
    // Functions name the project's default instance, the one the real emulator applies database.rules.json to.
    env.DATABASE_URL = DATABASE_URL;
    let jar = databaseEmulatorJar(notes);
    if (!jar) {
      tryDownloadDatabaseEmulator();
      jar = databaseEmulatorJar([]);
    }
    if (jar) {
      only.push("database");
      database = "emulator";
      if (process.env.DATABASE_EMULATOR_BINARY_PATH) env.DATABASE_EMULATOR_BINARY_PATH = jar;
      notes.push(`Realtime Database: the official emulator (${jar}).`);
    } else {
      database = "standin";
      env.FIREBASE_DATABASE_EMULATOR_HOST = databaseAddress().clientHost;
      delete env.DATABASE_EMULATOR_BINARY_PATH;
      notes.push("Realtime Database: local stand-in (firebase-server + targaryen), not the official emulator — see docs/ARCHITECTURE.md.");
    }
  }
  if (!quiet) for (const note of notes) console.log(`! ${note}`);
  return { env, only, notes, database, hasDatabase: database !== null };
}

/** The arguments that start the stand-in and, with a command after them, run that command while it is up. */
export function standInArgs(command = []) {
  const { host, port } = databaseAddress();
  return [DATABASE_STANDIN, "--host", host, "--port", String(port), "--rules", DATABASE_RULES, ...(command.length ? ["--", ...command] : [])];
}
