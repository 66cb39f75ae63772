// Benchmark: chat on the local Realtime Database. Prints which database ran, the delivery latency (send → the
// other person's listener) over 500 messages, and the time to open a conversation of 1,000 messages (its first page
// of 30, via limitToLast). Figures, not assertions.
//   npm run bench:chat                          starts the stand-in on a free loopback port for the run
//   FIREBASE_DATABASE_EMULATOR_HOST=127.0.0.1:9000 npm run bench:chat    uses the one `npm start` runs
// The two people are signed in with unsigned emulator tokens (the SDK's mockUserToken), so no Auth emulator is
// needed; the bench's chats are removed at the end.
import { deleteApp, initializeApp, setLogLevel } from "firebase/app";
import {
  connectDatabaseEmulator,
  get,
  getDatabase,
  increment,
  limitToLast,
  onChildAdded,
  orderByKey,
  push,
  query,
  ref,
  serverTimestamp,
  update,
} from "firebase/database";
import { initializeApp as initializeAdminApp } from "firebase-admin/app";
import { getDatabaseWithUrl } from "firebase-admin/database";
import { DATABASE_RULES, DATABASE_URL, PROJECT_ID } from "./emulator-env.mjs";
import { startStandIn } from "../tools/rtdb-standin/standin.mjs";

const MESSAGES = 500;
const HISTORY = 1000;
const PAGE = 30;
const OPENS = 10;
const TIMEOUT_MS = 10_000;

setLogLevel("error");

/** The official emulator answers REST requests; the stand-in only speaks WebSocket (426 Upgrade Required). */
async function whichDatabase(host) {
  const response = await fetch(`http://${host}/.json?ns=${PROJECT_ID}-default-rtdb`).catch(() => null);
  if (!response) throw new Error(`nothing answers at ${host}`);
  return response.status === 426 ? "local stand-in (firebase-server + targaryen), not the official emulator" : "the official emulator";
}

let standIn = null;
let host = process.env.FIREBASE_DATABASE_EMULATOR_HOST;
if (!host) {
  standIn = await startStandIn({ host: "127.0.0.1", port: 0, rulesPath: DATABASE_RULES });
  host = `127.0.0.1:${standIn.port}`;
  process.env.FIREBASE_DATABASE_EMULATOR_HOST = host;
}
console.log(`Realtime Database: ${await whichDatabase(host)} at ${host}`);
const [hostname, port] = host.split(":");

const admin = getDatabaseWithUrl(DATABASE_URL, initializeAdminApp({ projectId: PROJECT_ID }, "bench-admin"));
const apps = [];
let counter = 0;
function person(uid, role) {
  const app = initializeApp({ projectId: PROJECT_ID, apiKey: "fake-api-key", databaseURL: DATABASE_URL }, `bench-${(counter += 1)}`);
  apps.push(app);
  const db = getDatabase(app);
  connectDatabaseEmulator(db, hostname, Number(port), { mockUserToken: { sub: uid, user_id: uid, email_verified: true, role } });
  return { uid, app, db };
}

const stamp = Date.now().toString(36);
const mentor = person(`bench-mentor-${stamp}`, "mentor");
const mentee = person(`bench-mentee-${stamp}`, "mentee");
const chats = [];
async function openChat() {
  const chatId = `bench-${stamp}-${chats.length}`;
  chats.push(chatId);
  await admin.ref(`chats/${chatId}`).update({ [`members/${mentor.uid}`]: true, [`members/${mentee.uid}`]: true, "meta/closed": false });
  return chatId;
}

function withTimeout(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${TIMEOUT_MS} ms`)), TIMEOUT_MS)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];
const ms = (value) => `${value.toFixed(1)} ms`;

try {
  // Delivery: the mentee sends as the app does (message + both summaries + unread), one at a time; the time is
  // until the mentor's open chat (a limitToLast(30) listener) has it.
  const chatId = await openChat();
  const waiting = new Map();
  const stop = onChildAdded(query(ref(mentor.db, `chats/${chatId}/messages`), orderByKey(), limitToLast(PAGE)), (snap) => waiting.get(snap.key)?.());
  const latencies = [];
  for (let i = 0; i < MESSAGES; i += 1) {
    const id = push(ref(mentee.db, `chats/${chatId}/messages`)).key;
    const text = `message ${i}`;
    const started = performance.now();
    const delivered = new Promise((resolve) => waiting.set(id, resolve));
    await withTimeout(
      Promise.all([
        delivered,
        update(ref(mentee.db), {
          [`chats/${chatId}/messages/${id}`]: { from: mentee.uid, text, sentAt: serverTimestamp() },
          [`userChats/${mentee.uid}/${chatId}/peerId`]: mentor.uid,
          [`userChats/${mentee.uid}/${chatId}/lastMessageId`]: id,
          [`userChats/${mentee.uid}/${chatId}/lastMessage`]: text,
          [`userChats/${mentee.uid}/${chatId}/lastMessageAt`]: serverTimestamp(),
          [`userChats/${mentee.uid}/${chatId}/lastFrom`]: mentee.uid,
          [`userChats/${mentor.uid}/${chatId}/peerId`]: mentee.uid,
          [`userChats/${mentor.uid}/${chatId}/lastMessageId`]: id,
          [`userChats/${mentor.uid}/${chatId}/lastMessage`]: text,
          [`userChats/${mentor.uid}/${chatId}/lastMessageAt`]: serverTimestamp(),
          [`userChats/${mentor.uid}/${chatId}/lastFrom`]: mentee.uid,
          [`userChats/${mentor.uid}/${chatId}/unread`]: increment(1),
        }),
      ]),
      `message ${i}`,
    );
    latencies.push(performance.now() - started);
    waiting.delete(id);
  }
  stop();
  console.log(`delivery over ${MESSAGES} messages: p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, max ${ms(Math.max(...latencies))}`);

  // Opening a long conversation: 1,000 messages of history, then a fresh connection (already signed in) asks for
  // the newest page; the time is until all 30 are on screen.
  const longChat = await openChat();
  const history = {};
  for (let i = 0; i < HISTORY; i += 1) {
    history[push(ref(mentee.db, `chats/${longChat}/messages`)).key] = { from: i % 2 ? mentor.uid : mentee.uid, text: `history ${i} `.padEnd(80, "."), sentAt: Date.now() };
  }
  await admin.ref(`chats/${longChat}/messages`).set(history);
  const opens = [];
  for (let i = 0; i < OPENS; i += 1) {
    const reader = person(mentor.uid, "mentor");
    await withTimeout(get(ref(reader.db, `userChats/${mentor.uid}`)), "connecting");
    const started = performance.now();
    await withTimeout(
      new Promise((resolve) => {
        let seen = 0;
        const unsubscribe = onChildAdded(query(ref(reader.db, `chats/${longChat}/messages`), orderByKey(), limitToLast(PAGE)), () => {
          seen += 1;
          if (seen === PAGE) {
            resolve();
            setTimeout(() => unsubscribe());
          }
        });
      }),
      "opening the conversation",
    );
    opens.push(performance.now() - started);
    await deleteApp(reader.app);
    apps.splice(apps.indexOf(reader.app), 1);
  }
  console.log(`open a conversation of ${HISTORY} messages (first page of ${PAGE}, limitToLast): p50 ${ms(percentile(opens, 50))}, max ${ms(Math.max(...opens))} over ${OPENS} opens`);
} finally {
  await admin.ref().update(Object.fromEntries(chats.flatMap((chatId) => [[`chats/${chatId}`, null], [`userChats/${mentor.uid}/${chatId}`, null], [`userChats/${mentee.uid}/${chatId}`, null]])));
  await Promise.all(apps.map((app) => deleteApp(app)));
  await standIn?.close();
  process.exit(0);
}
