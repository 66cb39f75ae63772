import { DEMO_PROJECT_ID, rtdbPaths } from "@mentormatch/shared";
import { getApps as getAdminApps, initializeApp as initializeAdminApp } from "firebase-admin/app";
import { getAuth as getAdminAuth } from "firebase-admin/auth";
import { deleteApp, initializeApp, setLogLevel, type FirebaseApp } from "firebase/app";
import { connectAuthEmulator, createUserWithEmailAndPassword, getAuth } from "firebase/auth";
import {
  connectDatabaseEmulator,
  getDatabase,
  increment,
  onValue,
  push,
  ref,
  serverTimestamp,
  update,
  type Database,
  type DatabaseReference,
  type Query,
} from "firebase/database";
import { rtdb } from "../../functions/src/lib/app";

const AUTH_HOST = process.env.FIREBASE_AUTH_EMULATOR_HOST;
const DATABASE_HOST = process.env.FIREBASE_DATABASE_EMULATOR_HOST;
if (!AUTH_HOST || !DATABASE_HOST)
  throw new Error(
    "The live RTDB tests need the Auth emulator and a Realtime Database (emulator or stand-in): node scripts/emulators.mjs exec --only auth,database -- 'npx vitest run --project rtdb-live'",
  );

// The SDK warns on every refused write; here most refusals are the point of the test.
setLogLevel("error");

export const PROJECT_ID = process.env.GCLOUD_PROJECT ?? DEMO_PROJECT_ID;
/** The project's default instance: where the real emulator applies database.rules.json (the stand-in ignores it). */
const DATABASE_URL = `https://${PROJECT_ID}-default-rtdb.firebaseio.com`;
const [databaseHost, databasePort] = DATABASE_HOST.split(":") as [string, string];

// An admin app made as the functions tests make theirs (project id only): functions' rtdb() must find the
// database on its own, and is what every admin write here goes through, as the functions will.
const adminApp = getAdminApps()[0] ?? initializeAdminApp({ projectId: PROJECT_ID });
export const adminAuth = getAdminAuth(adminApp);
export const admin = rtdb();

let counter = 0;
export function uniqueId(label: string): string {
  counter += 1;
  return `${label}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 7)}`;
}

export interface Person {
  uid: string;
  app: FirebaseApp;
  db: Database;
  close(): Promise<void>;
}

const openApps: FirebaseApp[] = [];

/**
 * A person in their own browser: signs up through the Auth emulator, gets a verified address and a role claim
 * from the Admin SDK (as registerAccount does), then opens the Realtime Database with the refreshed token.
 */
export async function signedIn(role: "mentor" | "mentee" | "admin" | null, options: { verified?: boolean } = {}): Promise<Person> {
  const app = initializeApp({ projectId: PROJECT_ID, apiKey: "fake-api-key", databaseURL: DATABASE_URL }, uniqueId("rtdb"));
  openApps.push(app);
  const auth = getAuth(app);
  connectAuthEmulator(auth, `http://${AUTH_HOST}`, { disableWarnings: true });
  const { user } = await createUserWithEmailAndPassword(auth, `${uniqueId(role ?? "norole")}@example.com`, "correct-horse-battery");
  if (options.verified !== false) await adminAuth.updateUser(user.uid, { emailVerified: true });
  if (role) await adminAuth.setCustomUserClaims(user.uid, { role });
  await user.getIdToken(true);
  return { uid: user.uid, app, db: connect(app), close: () => deleteApp(app) };
}

function connect(app: FirebaseApp): Database {
  const db = getDatabase(app);
  connectDatabaseEmulator(db, databaseHost, Number(databasePort));
  return db;
}

export async function closeAll(): Promise<void> {
  await Promise.all(openApps.splice(0).map((app) => deleteApp(app).catch(() => undefined)));
}

/** A chat between two people as accepting a match opens it (functions' chat membership): members, open, by admin. */
export async function openChat(a: Person, b: Person): Promise<string> {
  const chatId = uniqueId("chat");
  await admin.ref(`chats/${chatId}`).update({ [`members/${a.uid}`]: true, [`members/${b.uid}`]: true, "meta/closed": false });
  return chatId;
}

/**
 * A send as the chat feature does it, in one multi-path update: the message, and both chat-list entries' summary
 * naming the other member (the first send creates the entries) with the recipient's unread counter one up, and the
 * recipient's unread-mail marker.
 */
export async function send(from: Person, to: Person, chatId: string, text: string): Promise<string> {
  const id = push(ref(from.db, rtdbPaths.chatMessages(chatId))).key!;
  const summary = { lastMessageId: id, lastMessage: text.slice(0, 140), lastMessageAt: serverTimestamp(), lastFrom: from.uid };
  const fields = (uid: string, extra: object) =>
    Object.fromEntries(Object.entries({ ...summary, ...extra }).map(([key, value]) => [`${rtdbPaths.userChats(uid)}/${chatId}/${key}`, value]));
  await update(ref(from.db), {
    [`${rtdbPaths.chatMessages(chatId)}/${id}`]: { from: from.uid, text, sentAt: serverTimestamp() },
    ...fields(from.uid, { peerId: to.uid }),
    ...fields(to.uid, { peerId: from.uid, unread: increment(1) }),
    // The recipient's due-marker for the unread-message email.
    [rtdbPaths.unreadMailMarker(to.uid, chatId)]: { uid: to.uid, chatId, at: serverTimestamp() },
  });
  return id;
}

/** Resolves with the first value at `target` that `accept` takes; fails after `timeoutMs`. */
export function valueWhere<T>(target: DatabaseReference | Query, accept: (value: T | null) => boolean, timeoutMs = 5_000): Promise<T | null> {
  return new Promise((resolve, reject) => {
    let last: unknown;
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no accepted value at ${target.toString()} within ${timeoutMs} ms; last: ${JSON.stringify(last)}`));
    }, timeoutMs);
    const stop = onValue(
      target,
      (snap) => {
        last = snap.val();
        if (!accept(snap.val() as T | null)) return;
        clearTimeout(timer);
        // The first call can come before onValue returns (a value already cached): stop on the next turn.
        setTimeout(() => stop());
        resolve(snap.val() as T | null);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** The error code a rejected database call carries ("PERMISSION_DENIED", …), or null when it succeeded. */
export async function failure(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    return code ?? message ?? String(error);
  }
}
