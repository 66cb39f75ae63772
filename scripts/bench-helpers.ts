// Shared by the benchmarks that drive the functions emulator (bench-races, bench-latency): people made the way
// registerAccount leaves them, and signed-in client apps that call callables. Never touches a real project.
import { DEMO_PROJECT_ID, FUNCTIONS_REGION, buildSearchTokens, defaultProfileFields, paths, type CallableName } from "@mentormatch/shared";
import { initializeApp as initializeAdminApp } from "firebase-admin/app";
import { getAuth as getAdminAuth } from "firebase-admin/auth";
import { getFirestore as getAdminFirestore } from "firebase-admin/firestore";
import { deleteApp, initializeApp, type FirebaseApp } from "firebase/app";
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword } from "firebase/auth";
import { connectFunctionsEmulator, getFunctions, httpsCallable, type HttpsCallable } from "firebase/functions";

export const BENCH_PASSWORD = "bench-password";

/** The Admin SDK on the emulators, or exit with a sentence when not inside them. */
export function benchAdmin(name: string) {
  const projectId = process.env.GCLOUD_PROJECT ?? DEMO_PROJECT_ID;
  if (!process.env.FIRESTORE_EMULATOR_HOST || !process.env.FIREBASE_AUTH_EMULATOR_HOST || !projectId.startsWith("demo-")) {
    console.error(`${name}: run it inside the emulators (npm run ${name}); it never touches a real project.`);
    process.exit(2);
  }
  const app = initializeAdminApp({ projectId }, name);
  return { app, projectId, firestore: getAdminFirestore(app), auth: getAdminAuth(app) };
}

export type BenchAdmin = ReturnType<typeof benchAdmin>;

/** A member as registerAccount leaves one: a verified account with the role claim and a profile. */
export async function makePerson(
  admin: BenchAdmin,
  uid: string,
  role: "mentor" | "mentee",
  displayName: string,
  extra: Record<string, unknown> = {},
) {
  await admin.auth.createUser({ uid, email: `${uid}@example.com`, password: BENCH_PASSWORD, emailVerified: true, displayName });
  await admin.auth.setCustomUserClaims(uid, { role });
  const profile = {
    ...defaultProfileFields({ displayName, timezone: "UTC", role }),
    uid,
    role,
    activeMenteeCount: 0,
    ratingAvg: 0,
    ratingCount: 0,
    sessionCount: 0,
    searchTokens: buildSearchTokens({ displayName, expertise: [] }),
    createdAt: new Date(),
    updatedAt: new Date(),
    ...extra,
  };
  await admin.firestore.doc(paths.user(uid)).set(profile);
  return profile;
}

export interface BenchClient {
  app: FirebaseApp;
  uid: string;
  callable<I = Record<string, unknown>, O = unknown>(name: CallableName): HttpsCallable<I, O>;
  close(): Promise<void>;
}

/** A client app signed in as `uid` (made by makePerson), pointed at the emulators. */
export async function signedInClient(projectId: string, uid: string, appName = `bench-${uid}`): Promise<BenchClient> {
  const app = initializeApp({ projectId, apiKey: "fake-api-key" }, appName);
  const clientAuth = getAuth(app);
  connectAuthEmulator(clientAuth, `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}`, { disableWarnings: true });
  const functions = getFunctions(app, FUNCTIONS_REGION);
  connectFunctionsEmulator(functions, "127.0.0.1", 5001);
  await signInWithEmailAndPassword(clientAuth, `${uid}@example.com`, BENCH_PASSWORD);
  return {
    app,
    uid,
    callable: <I, O>(name: CallableName) => httpsCallable<I, O>(functions, name),
    close: () => deleteApp(app),
  };
}

/** The p-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
