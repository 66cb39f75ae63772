import {
  DEMO_PROJECT_ID,
  FUNCTIONS_REGION,
  type CallableInput,
  type CallableName,
  type CallableOutput,
  type SelfServiceRole,
} from "@mentormatch/shared";
import { getApps as getAdminApps, initializeApp as initializeAdminApp } from "firebase-admin/app";
import { getAuth as getAdminAuth } from "firebase-admin/auth";
import { getFirestore as getAdminFirestore } from "firebase-admin/firestore";
import { deleteApp, initializeApp, type FirebaseApp } from "firebase/app";
import { connectAuthEmulator, createUserWithEmailAndPassword, getAuth, type Auth, type User } from "firebase/auth";
import { connectFunctionsEmulator, getFunctions, httpsCallable, type Functions } from "firebase/functions";
import { expect } from "vitest";
import { postToCallable, retryWhileLoading } from "../functions-emulator";

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
  /** Through the shared contract: a change to a callable's input or output breaks the tests that use it. */
  call<N extends CallableName>(name: N, input: CallableInput<N>): Promise<CallableOutput<N>>;
  /** Anything at all, for the tests that send what the contract forbids (attacks, bad input). */
  callRaw(name: string, data?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

const openApps: FirebaseApp[] = [];

/**
 * The SDK gives up on a call after 70 s; a function's first call on a busy machine waits for its worker to boot
 * (the emulators allow up to 5 minutes, scripts/emulator-env.mjs), so the client waits as long as a test may.
 */
const CALL_OPTIONS = { timeout: 170_000 };

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
    call: async <N extends CallableName>(name: N, input: CallableInput<N>) =>
      (await retryWhileLoading(name, () => httpsCallable(functions, name, CALL_OPTIONS)(input))).data as CallableOutput<N>,
    callRaw: async (name: string, data?: unknown) => (await retryWhileLoading(name, () => httpsCallable(functions, name, CALL_OPTIONS)(data))).data,
    close: () => deleteApp(app),
  };
}

export interface SignedInClient extends Client {
  user: User;
  uid: string;
  email: string;
}

/**
 * Signs up a brand-new user through the Auth emulator, as the web app's sign-up form does. By default the address
 * is then verified (as clicking the emailed link does) and the token refreshed, since a role needs a verified email.
 * The test run allows example.com and mentormatch.dev (scripts/emulators.mjs TEST_FUNCTIONS_ENV).
 */
export async function signUp(label = "user", options: { verified?: boolean; domain?: string } = {}): Promise<SignedInClient> {
  const client = newClient();
  const email = `${uniqueId(label)}@${options.domain ?? "example.com"}`.toLowerCase();
  const { user } = await createUserWithEmailAndPassword(client.auth, email, PASSWORD);
  if (options.verified !== false) await verifyEmail(user);
  return { ...client, user, uid: user.uid, email };
}

/** Marks the address verified with the Admin SDK and refreshes the token, as the app does after the link. */
export async function verifyEmail(user: User): Promise<void> {
  await adminAuth.updateUser(user.uid, { emailVerified: true });
  await user.reload();
  await user.getIdToken(true);
}

/** A verified user who registered with `role` through the callable, as the sign-up form does. */
export async function registered(role: SelfServiceRole, displayName = `${role} ${uniqueId("n").slice(0, 6)}`): Promise<SignedInClient> {
  const client = await signUp(role);
  const result = await client.call("registerAccount", { role, displayName, timezone: "Europe/Berlin" });
  if (result.status !== "registered") throw new Error(`registerAccount answered ${result.status}`);
  await client.user.getIdToken(true);
  return client;
}

/** An admin as the seed makes one: registered, then the stored role and the claim set with the Admin SDK. */
export async function makeAdmin(label = "admin", displayName = "Ada Admin"): Promise<SignedInClient> {
  const client = await signUp(label);
  await client.call("registerAccount", { role: "mentee", displayName, timezone: "UTC" });
  await adminAuth.setCustomUserClaims(client.uid, { role: "admin", beta: true });
  await adminDb.doc(`users/${client.uid}`).update({ role: "admin", capacity: 0, acceptingRequests: false });
  await client.user.getIdToken(true);
  return client;
}

export async function closeClients(): Promise<void> {
  await Promise.all(openApps.splice(0).map((app) => deleteApp(app).catch(() => undefined)));
}

/**
 * Polls until `fn` returns something truthy: triggers run a moment after the write that fires them. The deadline is
 * only there to end a test that would wait forever: a busy machine can take long to boot a trigger's worker.
 */
export async function waitFor<T>(
  fn: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  timeoutMs = 90_000,
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
export interface CallableFailure {
  code: string;
  message: string;
  details?: { message?: string; fields?: Record<string, string> };
}

export async function expectCallableError(promise: Promise<unknown>, code: string, message?: string): Promise<CallableFailure> {
  const error = await promise.then(
    () => null,
    (err: unknown) => err as { code?: string; message?: string },
  );
  expect(error, `expected functions/${code}`).not.toBeNull();
  expect(error!.code, error!.message).toBe(`functions/${code}`);
  if (message !== undefined) expect(error!.message).toContain(message);
  return error as CallableFailure;
}

/** The welcome mail and every other mail for one user. */
export async function mailsFor(uid: string) {
  const snap = await adminDb.collection("mail").where("uid", "==", uid).get();
  return snap.docs;
}

/**
 * A callable request as raw JSON, bypassing the client SDK's encoding: how an attacker would send keys such as
 * "__proto__" that a JavaScript object literal cannot carry as its own property.
 */
export async function postCallable(name: string, body: string, idToken?: string): Promise<{ status: number; error?: { status: string; message: string; details?: unknown }; result?: unknown }> {
  const { status, json } = await postToCallable<{ error?: { status: string; message: string; details?: unknown }; result?: unknown }>(
    `http://127.0.0.1:5001/${PROJECT_ID}/${FUNCTIONS_REGION}/${name}`,
    body,
    idToken ? { Authorization: `Bearer ${idToken}` } : {},
  );
  return { status, ...json };
}

/** The verification email's link, as the person would find it in their inbox (the mail document's text). */
export async function verificationCodeFor(uid: string): Promise<string> {
  const mails = (await mailsFor(uid)).filter((mail) => mail.get("subject") === "Confirm your email for MentorMatch");
  const text = String(mails[mails.length - 1]?.get("text") ?? "");
  const match = /\/verify-email\?oobCode=([^\s&]+)/.exec(text);
  if (!match) throw new Error(`no verification link in ${mails.length} mail(s) for ${uid}`);
  return decodeURIComponent(match[1]!);
}
