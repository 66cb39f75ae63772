import { DEMO_PROJECT_ID, FUNCTIONS_REGION } from "@mentormatch/shared";
import { getApps as getAdminApps, initializeApp as initializeAdminApp } from "firebase-admin/app";
import { getAuth as getAdminAuth } from "firebase-admin/auth";
import { getFirestore as getAdminFirestore } from "firebase-admin/firestore";
import { deleteApp, initializeApp, type FirebaseApp } from "firebase/app";
import { connectAuthEmulator, createUserWithEmailAndPassword, getAuth, type Auth, type User } from "firebase/auth";
import { connectFunctionsEmulator, getFunctions, httpsCallable, type Functions } from "firebase/functions";
import { expect } from "vitest";

if (!process.env.FIRESTORE_EMULATOR_HOST || !process.env.FIREBASE_AUTH_EMULATOR_HOST)
  throw new Error(
    "The functions tests need the emulators: node scripts/emulators.mjs exec --only auth,firestore,functions -- 'npx vitest run --project functions'",
  );

export const PROJECT_ID = process.env.GCLOUD_PROJECT ?? DEMO_PROJECT_ID;
export const PASSWORD = "correct-horse-battery";

// The default admin app, the same one functions/src/lib/app.ts picks up when a test calls notify or deliverMail.
const adminApp = getAdminApps()[0] ?? initializeAdminApp({ projectId: PROJECT_ID });
export const adminDb = getAdminFirestore(adminApp);
export const adminAuth = getAdminAuth(adminApp);

let counter = 0;
/** Unique per run and per call, so test files never see each other's users. */
export function uniqueId(label: string): string {
  counter += 1;
  return `${label}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 7)}`;
}

export interface Client {
  app: FirebaseApp;
  auth: Auth;
  functions: Functions;
  call<T = unknown>(name: string, data?: unknown): Promise<T>;
  close(): Promise<void>;
}

const openApps: FirebaseApp[] = [];

/** A separate client SDK app, as a separate browser would be: its own auth state. */
export function newClient(): Client {
  const app = initializeApp({ projectId: PROJECT_ID, apiKey: "fake-api-key" }, uniqueId("client"));
  openApps.push(app);
  const auth = getAuth(app);
  connectAuthEmulator(auth, `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}`, { disableWarnings: true });
  const functions = getFunctions(app, FUNCTIONS_REGION);
  connectFunctionsEmulator(functions, "127.0.0.1", 5001);
  return {
    app,
    auth,
    functions,
    call: async <T,>(name: string, data?: unknown) => (await httpsCallable(functions, name)(data)).data as T,
    close: () => deleteApp(app),
  };
}

export interface SignedInClient extends Client {
  user: User;
  uid: string;
  email: string;
}

/** Signs up a brand-new user through the Auth emulator, as the web app's sign-up form does. */
export async function signUp(label = "user"): Promise<SignedInClient> {
  const client = newClient();
  const email = `${uniqueId(label)}@example.com`.toLowerCase();
  const { user } = await createUserWithEmailAndPassword(client.auth, email, PASSWORD);
  return { ...client, user, uid: user.uid, email };
}

export async function closeClients(): Promise<void> {
  await Promise.all(openApps.splice(0).map((app) => deleteApp(app).catch(() => undefined)));
}

/** Polls until `fn` returns something truthy: triggers run a moment after the write that fires them. */
export async function waitFor<T>(
  fn: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  timeoutMs = 20_000,
  what = "condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`waitFor(${what}) timed out after ${timeoutMs} ms${last ? `: ${String(last)}` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Expects a callable to fail with `code` ("invalid-argument", …) and a message containing `message`. */
export async function expectCallableError(promise: Promise<unknown>, code: string, message?: string): Promise<void> {
  const error = await promise.then(
    () => null,
    (err: unknown) => err as { code?: string; message?: string },
  );
  expect(error, `expected functions/${code}`).not.toBeNull();
  expect(error!.code).toBe(`functions/${code}`);
  if (message !== undefined) expect(error!.message).toContain(message);
}

/** The welcome mail and every other mail for one user. */
export async function mailsFor(uid: string) {
  const snap = await adminDb.collection("mail").where("uid", "==", uid).get();
  return snap.docs;
}
