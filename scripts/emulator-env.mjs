// Works out how the emulator suite can run on this machine and prepares what it needs.
//  - Firestore: the Google Cloud SDK ships the emulator jar without a Main-Class, so `java -jar` fails. A
//    manifest-only wrapper jar that names the main class and puts the SDK jar on its Class-Path fixes that;
//    firebase-tools is pointed at it through FIRESTORE_EMULATOR_BINARY_PATH.
//  - Realtime Database: firebase-tools downloads its emulator; where that is impossible we start without it
//    and say so in one line.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
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

function databaseEmulatorCached() {
  const cache = join(homedir(), ".cache", "firebase", "emulators");
  return existsSync(cache) && readdirSync(cache).some((name) => /^firebase-database-emulator-v[\d.]+\.jar$/.test(name));
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

/** Tries to fetch the Realtime Database emulator; answers quickly with no network. */
function tryDownloadDatabaseEmulator() {
  const result = spawnSync(join(ROOT, "node_modules", ".bin", "firebase"), ["setup:emulators:database"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
  return result.status === 0 && databaseEmulatorCached();
}

/**
 * Returns the environment for firebase-tools, the emulators that can run here, and one-line notes on what
 * is missing. Throws with a clear message when nothing can work (no Java, no Firestore emulator).
 */
export function prepareEmulators({ wantDatabase = true, quiet = false } = {}) {
  const java = javaMajorVersion();
  if (java === null) throw new Error("Java is not installed: the Firebase emulators need Java 11 or newer (apt-get install openjdk-17-jre-headless).");
  if (java < 11) throw new Error(`Java ${java} is too old: the Firebase emulators need Java 11 or newer.`);
  const env = { ...process.env };
  const notes = [];
  if (process.env.FIRESTORE_EMULATOR_BINARY_PATH) {
    // The caller chose a binary; respect it.
  } else if (existsSync(SDK_FIRESTORE_JAR)) {
    env.FIRESTORE_EMULATOR_BINARY_PATH = firestoreWrapperJar();
  } else if (!firestoreEmulatorCached()) {
    notes.push(`Firestore emulator: no Cloud SDK jar at ${SDK_FIRESTORE_JAR}; firebase-tools will try to download its own.`);
  }
  const only = ["auth", "firestore", "functions"];
  if (wantDatabase) {
    if (databaseEmulatorCached() || tryDownloadDatabaseEmulator()) only.push("database");
    else notes.push("Realtime Database emulator unavailable (it cannot be downloaded on this machine): chat is off locally; RTDB rules are tested in-process with targaryen.");
  }
  if (!quiet) for (const note of notes) console.log(`! ${note}`);
  return { env, only, notes, hasDatabase: only.includes("database") };
}
