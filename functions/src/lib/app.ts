import { getApps, initializeApp, type App } from "firebase-admin/app";
import { getAuth, type Auth } from "firebase-admin/auth";
import { getDatabaseWithUrl, type Database } from "firebase-admin/database";
import { getFirestore, type Firestore } from "firebase-admin/firestore";

// Lazily, so importing a function module (or a test importing lib/) never initialises an app it does not use.
function adminApp(): App {
  return getApps()[0] ?? initializeApp();
}

export function db(): Firestore {
  return getFirestore(adminApp());
}

export function adminAuth(): Auth {
  return getAuth(adminApp());
}

/**
 * The Realtime Database (chat). Cloud Functions and the functions emulator name it in FIREBASE_CONFIG; an app
 * made without it (a test, a script) gets the project's default instance, `<project>-default-rtdb`. With
 * FIREBASE_DATABASE_EMULATOR_HOST set, the Admin SDK talks to that host instead, as admin (rules do not apply).
 */
export function rtdb(): Database {
  const app = adminApp();
  const projectId = app.options.projectId ?? process.env.GCLOUD_PROJECT ?? process.env.GOOGLE_CLOUD_PROJECT;
  return getDatabaseWithUrl(app.options.databaseURL ?? `https://${projectId}-default-rtdb.firebaseio.com`, app);
}
