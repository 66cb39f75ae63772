import { expect, type Browser, type Page } from "@playwright/test";
import {
  DEMO_PROJECT_ID,
  FUNCTIONS_REGION,
  buildSearchTokens,
  defaultEmailPrefs,
  defaultProfileFields,
  paths,
  type Department,
  type Role,
} from "@mentormatch/shared";
import { getApps, initializeApp, type App } from "firebase-admin/app";
import { getAuth, type UserRecord } from "firebase-admin/auth";
import { FieldValue, getFirestore } from "firebase-admin/firestore";
import { DEMO_LOGINS } from "../../scripts/seed-data";
import { postToCallable } from "../functions-emulator";

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

/** The password of every person a browser test makes (seeded people use SEED_PASSWORD). */
export const TEST_PASSWORD = "correct-horse-battery";

/** Calls a callable as `email`, through the functions emulator, as the web app would (the callable protocol). */
export async function callAs(email: string, password: string, name: string, data: unknown): Promise<unknown> {
  const signIn = await fetch(`http://${AUTH_HOST}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=fake-api-key`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password, returnSecureToken: true }),
  });
  const { idToken } = (await signIn.json()) as { idToken: string };
  const { json: body } = await postToCallable<{ result?: unknown; error?: unknown }>(
    `${FUNCTIONS_ORIGIN}/${PROJECT_ID}/${FUNCTIONS_REGION}/${name}`,
    JSON.stringify({ data }),
    { authorization: `Bearer ${idToken}` },
  );
  expect(body.error, `${name} answered an error`).toBeUndefined();
  return body.result;
}

/** The seeded admin calls a callable. */
export function callAsAdmin(name: string, data: unknown): Promise<unknown> {
  return callAs(DEMO_LOGINS.admin.email, DEMO_LOGINS.admin.password, name, data);
}

/**
 * A registered, verified person made the way registerAccount makes one (profile, settings, claim), so a spec needs
 * no sign-up screens and changes no seeded user.
 */
export async function createMember(input: {
  name: string;
  email: string;
  role: Role;
  title?: string;
  department?: Department | "";
  learningGoals?: string[];
  expertise?: string[];
}): Promise<string> {
  const auth = getAuth(adminApp());
  const db = getFirestore(adminApp());
  const { uid } = await auth.createUser({ email: input.email, password: TEST_PASSWORD, displayName: input.name, emailVerified: true });
  const profile = {
    ...defaultProfileFields({ displayName: input.name, timezone: "Europe/London", role: input.role }),
    title: input.title ?? "",
    department: input.department ?? "",
    learningGoals: input.learningGoals ?? [],
    expertise: input.expertise ?? [],
  };
  const batch = db.batch();
  batch.create(db.doc(paths.user(uid)), {
    ...profile,
    uid,
    role: input.role,
    activeMenteeCount: 0,
    ratingAvg: 0,
    ratingCount: 0,
    ratingScore: 0,
    sessionCount: 0,
    searchTokens: buildSearchTokens(profile),
    createdAt: FieldValue.serverTimestamp(),
    updatedAt: FieldValue.serverTimestamp(),
  });
  batch.create(db.doc(paths.userSettings(uid)), { email: input.email, emailPrefs: defaultEmailPrefs(), createdAt: FieldValue.serverTimestamp() });
  await batch.commit();
  await auth.setCustomUserClaims(uid, { role: input.role });
  return uid;
}

/** Signs in on the page and waits for the signed-in shell. */
export async function signInOn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}

/** A separate browser (its own session) signed in as `email`. */
export async function signedInPage(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInOn(page, email, password);
  return page;
}
