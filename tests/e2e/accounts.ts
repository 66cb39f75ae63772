import { expect } from "@playwright/test";
import { DEMO_PROJECT_ID, FUNCTIONS_REGION } from "@mentormatch/shared";
import { getApps, initializeApp, type App } from "firebase-admin/app";
import { getAuth, type UserRecord } from "firebase-admin/auth";
import { DEMO_LOGINS } from "../../scripts/seed-data";

// The emulators as the functions see them, for what a browser test sets up or checks behind the app's back.
// Global setup runs with FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST set, and the workers inherit them.
export const PROJECT_ID = process.env.GCLOUD_PROJECT || DEMO_PROJECT_ID;
const AUTH_HOST = process.env.FIREBASE_AUTH_EMULATOR_HOST ?? "127.0.0.1:9099";
const FUNCTIONS_ORIGIN = "http://127.0.0.1:5001";

export function adminApp(): App {
  return getApps().find((app) => app.name === "e2e") ?? initializeApp({ projectId: PROJECT_ID }, "e2e");
}

/** The Auth emulator's account for `email`, or null. */
export async function authUser(email: string): Promise<UserRecord | null> {
  return getAuth(adminApp())
    .getUserByEmail(email)
    .catch((error: { code?: string }) => (error.code === "auth/user-not-found" ? null : Promise.reject(error)));
}

/** The seeded admin calls a callable through the functions emulator, as the web app would (the callable protocol). */
export async function callAsAdmin(name: string, data: unknown): Promise<unknown> {
  const signIn = await fetch(`http://${AUTH_HOST}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=fake-api-key`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: DEMO_LOGINS.admin.email, password: DEMO_LOGINS.admin.password, returnSecureToken: true }),
  });
  const { idToken } = (await signIn.json()) as { idToken: string };
  const response = await fetch(`${FUNCTIONS_ORIGIN}/${PROJECT_ID}/${FUNCTIONS_REGION}/${name}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${idToken}` },
    body: JSON.stringify({ data }),
  });
  const body = (await response.json()) as { result?: unknown; error?: unknown };
  expect(body.error, `${name} answered an error`).toBeUndefined();
  return body.result;
}
