// Seeds the emulators with the demo programme in scripts/seed-data.ts. Refuses anything but a demo- project on
// the emulators: it deletes every document and account first.
//   FIRESTORE_EMULATOR_HOST=127.0.0.1:8080 FIREBASE_AUTH_EMULATOR_HOST=127.0.0.1:9099 npx tsx scripts/seed.ts
import { DEMO_PROJECT_ID, dedupeDocId, inviteIdOf, paths } from "@mentormatch/shared";
import { getApps, initializeApp, type App } from "firebase-admin/app";
import { getAuth, type Auth } from "firebase-admin/auth";
import { FieldValue, Timestamp, getFirestore, type Firestore } from "firebase-admin/firestore";
import { pathToFileURL } from "node:url";
import { DEMO_LOGINS, SEED_INVITE_EMAIL, SEED_PASSWORD, seedAuditLog, seedNotifications, seedUsers, type SeedUser } from "./seed-data.js";

export interface SeedResult {
  projectId: string;
  users: number;
  mentors: number;
  mentees: number;
  admins: number;
  notifications: number;
  ms: number;
}

const CONCURRENCY = 8;
const BATCH_SIZE = 400;

/** Throws unless both emulators are configured and the project is a demo- project that cannot be real. */
export function seedTarget(env: NodeJS.ProcessEnv = process.env): { projectId: string; firestoreHost: string; authHost: string } {
  const firestoreHost = env.FIRESTORE_EMULATOR_HOST;
  const authHost = env.FIREBASE_AUTH_EMULATOR_HOST;
  const projectId = env.GCLOUD_PROJECT || env.GOOGLE_CLOUD_PROJECT || DEMO_PROJECT_ID;
  if (!firestoreHost || !authHost)
    throw new Error(
      "seed: refusing to run without the emulators. Set FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST " +
        "(e.g. 127.0.0.1:8080 and 127.0.0.1:9099), or run it through `node scripts/emulators.mjs exec`.",
    );
  if (!projectId.startsWith("demo-"))
    throw new Error(`seed: refusing to seed project "${projectId}": only demo- projects, which cannot touch real data.`);
  return { projectId, firestoreHost, authHost };
}

function seedApp(projectId: string): App {
  const name = `mentormatch-seed-${projectId}`;
  return getApps().find((app) => app.name === name) ?? initializeApp({ projectId }, name);
}

async function clearEmulators(projectId: string, firestoreHost: string, authHost: string): Promise<void> {
  const urls = [
    `http://${firestoreHost}/emulator/v1/projects/${projectId}/databases/(default)/documents`,
    `http://${authHost}/emulator/v1/projects/${projectId}/accounts`,
  ];
  await Promise.all(
    urls.map(async (url) => {
      const response = await fetch(url, { method: "DELETE" });
      if (!response.ok) throw new Error(`seed: clearing ${url} failed: ${response.status} ${await response.text()}`);
    }),
  );
}

async function inPool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(runners);
}

async function upsertAccount(auth: Auth, user: SeedUser): Promise<void> {
  const fields = { email: user.email, password: SEED_PASSWORD, displayName: user.profile.displayName, emailVerified: true };
  try {
    await auth.createUser({ uid: user.uid, ...fields });
  } catch (err) {
    // Seeding without a reset: the account is already there, so bring it back to the seeded state.
    if ((err as { code?: string }).code !== "auth/uid-already-exists") throw err;
    await auth.updateUser(user.uid, fields);
  }
  await auth.setCustomUserClaims(user.uid, { role: user.role });
}

async function writeDocuments(db: Firestore, users: SeedUser[]): Promise<number> {
  const writes: [string, Record<string, unknown>][] = [];
  for (const user of users) {
    writes.push([
      paths.user(user.uid),
      { ...user.profile, uid: user.uid, role: user.role, createdAt: FieldValue.serverTimestamp(), updatedAt: FieldValue.serverTimestamp() },
    ]);
    writes.push([paths.userSettings(user.uid), { email: user.email, emailPrefs: user.emailPrefs, createdAt: FieldValue.serverTimestamp() }]);
  }
  const notifications = seedNotifications();
  for (const n of notifications)
    writes.push([
      paths.notification(n.uid, dedupeDocId(n.id)),
      { kind: n.kind, text: n.text, link: n.link, read: false, createdAt: FieldValue.serverTimestamp(), readAt: null },
    ]);
  // The audit history is dated back from now, so the People page reads "2 days ago" whenever the demo runs.
  const now = Date.now();
  const admin = DEMO_LOGINS.admin;
  for (const entry of seedAuditLog()) {
    const { id, daysAgo, ...fields } = entry;
    writes.push([paths.auditEntry(id), { ...fields, actorUid: admin.uid, actorName: admin.displayName, at: Timestamp.fromMillis(now - daysAgo * 86_400_000) }]);
  }
  writes.push([
    paths.invite(inviteIdOf(SEED_INVITE_EMAIL)),
    { email: SEED_INVITE_EMAIL, invitedBy: admin.uid, invitedByName: admin.displayName, createdAt: Timestamp.fromMillis(now - 2 * 86_400_000), acceptedAt: null, acceptedUid: null },
  ]);
  const batches: (typeof writes)[] = [];
  for (let i = 0; i < writes.length; i += BATCH_SIZE) batches.push(writes.slice(i, i + BATCH_SIZE));
  await Promise.all(
    batches.map((chunk) => {
      const batch = db.batch();
      for (const [path, data] of chunk) batch.set(db.doc(path), data);
      return batch.commit();
    }),
  );
  return notifications.length;
}

/** Seeds the demo programme; with `reset` (the default) it first empties Firestore and Auth in the emulators. */
export async function seed({ reset = true }: { reset?: boolean } = {}): Promise<SeedResult> {
  const started = Date.now();
  const { projectId, firestoreHost, authHost } = seedTarget();
  if (reset) await clearEmulators(projectId, firestoreHost, authHost);
  const app = seedApp(projectId);
  const users = seedUsers();
  await inPool(users, CONCURRENCY, (user) => upsertAccount(getAuth(app), user));
  const notifications = await writeDocuments(getFirestore(app), users);
  const count = (role: string) => users.filter((user) => user.role === role).length;
  return {
    projectId,
    users: users.length,
    mentors: count("mentor"),
    mentees: count("mentee"),
    admins: count("admin"),
    notifications,
    ms: Date.now() - started,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  seed()
    .then((result) => {
      console.log(
        `seeded ${result.projectId}: ${result.mentors} mentors, ${result.mentees} mentees, ${result.admins} admin, ` +
          `${result.notifications} notifications in ${result.ms} ms`,
      );
      for (const [role, login] of Object.entries(DEMO_LOGINS)) console.log(`  ${role.padEnd(6)} ${login.email} / ${login.password}`);
      process.exit(0);
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
