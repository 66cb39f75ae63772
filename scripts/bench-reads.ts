// `npm run bench:reads`: documents read by the session reminders job with 10 sessions due among 100, then among
// 10,000. The job queries only what is due (`status == accepted && nextReminderAt <= now`), so the two numbers must be
// the same: the reads follow the due sessions, never the collection. Exit code 1 if the larger collection costs more.
// Then the Impact Dashboard's reads for a person with 5 and with 500 past sessions, side by side (also equal), and the
// admin analytics at 100 and 10,000 sessions: reads per event, the daily reconciliation's reads, the old full
// recompute's, the page's, and how fresh the live document is (bench-analytics.ts).
// Then the mini request expiry job's reads with 10 due among 100 and among 10,000 requests (bench-mini.ts; also equal),
// and the documents the mentors' mini board reads for its first screen with 100 and with 10,000 open requests.
// Runs inside the emulators: node scripts/emulators.mjs exec --test-env --only auth,firestore,functions -- "npx tsx scripts/bench-reads.ts"
import { DEMO_PROJECT_ID, defaultEmailPrefs, paths } from "@mentormatch/shared";
import { deleteApp, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { Timestamp, getFirestore, type Firestore } from "firebase-admin/firestore";
import { sendSessionReminders } from "../functions/src/lib/session-reminders.js";
import { startMailCapture, type MailCapture } from "./mail-capture.mjs";
import { benchAnalytics } from "./bench-analytics.js";
import { benchMiniBoard, benchMiniExpiry } from "./bench-mini.js";

const projectId = process.env.GCLOUD_PROJECT ?? DEMO_PROJECT_ID;
if (!process.env.FIRESTORE_EMULATOR_HOST || !projectId.startsWith("demo-")) {
  console.error("bench-reads: run it inside the emulators (npm run bench:reads); it never touches a real project.");
  process.exit(2);
}

const app = initializeApp({ projectId }, "bench-reads");
const firestore = getFirestore(app);
const run = Date.now().toString(36);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const DUE = 10;
const PAIRS = 10;

interface Pair {
  mentorId: string;
  menteeId: string;
}

async function seedPeople(): Promise<Pair[]> {
  const batch = firestore.batch();
  const pairs: Pair[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const pair = { mentorId: `bench-mentor-${run}-${i}`, menteeId: `bench-mentee-${run}-${i}` };
    for (const [uid, name, timezone] of [
      [pair.mentorId, `Mentor ${i}`, "Europe/Berlin"],
      [pair.menteeId, `Mentee ${i}`, "America/New_York"],
    ] as const) {
      batch.set(firestore.doc(paths.user(uid)), { displayName: name, timezone });
      batch.set(firestore.doc(paths.userSettings(uid)), { email: `${uid}@example.com`, emailPrefs: defaultEmailPrefs(), createdAt: Timestamp.now() });
    }
    pairs.push(pair);
  }
  await batch.commit();
  return pairs;
}

/**
 * `total` sessions of which `DUE` are accepted with the 24-hour reminder due at `nowMs`; of the rest, half are accepted
 * with a reminder later (up to four weeks on), the others are past, cancelled or declined (no reminder at all).
 */
async function seedSessions(pairs: Pair[], total: number, nowMs: number, label: string): Promise<string[]> {
  const ids: string[] = [];
  for (let from = 0; from < total; from += 500) {
    const batch = firestore.batch();
    for (let i = from; i < Math.min(total, from + 500); i++) {
      const pair = pairs[i % pairs.length]!;
      const due = i < DUE;
      const upcoming = !due && i % 2 === 0;
      const startMs = due ? nowMs + 23 * HOUR + (i % 4) * 15 * MINUTE : upcoming ? nowMs + 2 * DAY + (i % 2000) * 15 * MINUTE : nowMs - 2 * DAY - i * MINUTE;
      const status = due || upcoming ? "accepted" : (["completed", "cancelled", "declined"] as const)[i % 3]!;
      const confirmedAtMs = startMs - 7 * DAY;
      const ref = firestore.collection(paths.sessions()).doc(`bench-${run}-${label}-${i}`);
      ids.push(ref.id);
      batch.set(ref, {
        kind: "match",
        matchId: `${pair.mentorId}_${pair.menteeId}`,
        mentorId: pair.mentorId,
        menteeId: pair.menteeId,
        participants: [pair.mentorId, pair.menteeId],
        proposedBy: pair.menteeId,
        startAt: Timestamp.fromMillis(startMs),
        endAt: Timestamp.fromMillis(startMs + 30 * MINUTE),
        durationMinutes: 30,
        timezone: "America/New_York",
        agenda: "",
        meetingLink: "",
        status,
        version: 1,
        responseNote: "",
        respondedAt: Timestamp.fromMillis(confirmedAtMs),
        cancelledBy: null,
        cancelReason: "",
        cancelledAt: null,
        confirmedAt: status === "accepted" ? Timestamp.fromMillis(confirmedAtMs) : null,
        remindersSent: {},
        nextReminderAt: status === "accepted" ? Timestamp.fromMillis(startMs - 24 * HOUR) : null,
        lockIds: [],
        mentorName: `Mentor ${i % pairs.length}`,
        menteeName: `Mentee ${i % pairs.length}`,
        createdAt: Timestamp.fromMillis(confirmedAtMs),
        updatedAt: Timestamp.fromMillis(confirmedAtMs),
      });
    }
    await batch.commit();
  }
  return ids;
}

async function remove(db: Firestore, ids: string[]) {
  for (let from = 0; from < ids.length; from += 500) {
    const batch = db.batch();
    for (const id of ids.slice(from, from + 500)) batch.delete(db.doc(paths.session(id)));
    await batch.commit();
  }
}

interface Row {
  sessions: number;
  due: number;
  examined: number;
  sent: number;
  documentsRead: number;
  ms: number;
}

async function measure(pairs: Pair[], total: number, nowMs: number): Promise<Row> {
  const ids = await seedSessions(pairs, total, nowMs, String(total));
  const started = performance.now();
  const result = await sendSessionReminders({ now: new Date(nowMs), db: firestore });
  const ms = Math.round(performance.now() - started);
  // Left for the next size: only its own sessions should be in the collection.
  await remove(firestore, ids);
  return { sessions: total, due: DUE, examined: result.examined, sent: result.sent, documentsRead: result.documentsRead, ms };
}

// The Impact Dashboard's queries, as web/src/data/sessions.ts runs them (watchUpcomingSessions, watchRecentSessions)
// plus one feedback get per recently completed session (impact-dashboard.tsx). Same bounds as there.
const DASH_UPCOMING_LIMIT = 50;
const DASH_RECENT_DAYS = 14;
const DASH_RECENT_LIMIT = 20;
const DASH_UPCOMING = 3;
const DASH_RECENT = 4;

interface DashboardRow {
  pastSessions: number;
  upcomingRead: number;
  recentRead: number;
  feedbackGets: number;
  documentsRead: number;
}

/**
 * One person with `past` completed sessions, of which DASH_RECENT ended in the last two weeks (the rest before, one a
 * day), and DASH_UPCOMING accepted ones to come: the documents the dashboard reads for them.
 */
async function measureDashboard(past: number, nowMs: number): Promise<DashboardRow> {
  const uid = `bench-dash-${run}-${past}`;
  const other = `bench-dash-other-${run}-${past}`;
  const ids: string[] = [];
  const startsMs = [
    ...Array.from({ length: DASH_UPCOMING }, (_, i) => nowMs + (i + 1) * DAY),
    ...Array.from({ length: past }, (_, i) => (i < DASH_RECENT ? nowMs - (i + 1) * 2 * DAY : nowMs - (DASH_RECENT_DAYS + i) * DAY)),
  ];
  for (let from = 0; from < startsMs.length; from += 500) {
    const batch = firestore.batch();
    startsMs.slice(from, from + 500).forEach((startMs, offset) => {
      const i = from + offset;
      const ref = firestore.collection(paths.sessions()).doc(`bench-dash-${run}-${past}-${i}`);
      ids.push(ref.id);
      batch.set(ref, {
        kind: "match",
        matchId: `${uid}_${other}`,
        mentorId: uid,
        menteeId: other,
        participants: [uid, other],
        proposedBy: other,
        startAt: Timestamp.fromMillis(startMs),
        endAt: Timestamp.fromMillis(startMs + 30 * MINUTE),
        status: startMs > nowMs ? "accepted" : "completed",
      });
    });
    await batch.commit();
  }
  const sessions = firestore.collection(paths.sessions());
  const upcoming = await sessions
    .where("participants", "array-contains", uid)
    .where("status", "in", ["pending", "accepted"])
    .where("endAt", ">=", Timestamp.fromMillis(nowMs))
    .orderBy("endAt", "asc")
    .limit(DASH_UPCOMING_LIMIT)
    .get();
  const recent = await sessions
    .where("participants", "array-contains", uid)
    .where("endAt", ">=", Timestamp.fromMillis(nowMs - DASH_RECENT_DAYS * DAY))
    .where("endAt", "<", Timestamp.fromMillis(nowMs))
    .orderBy("endAt", "desc")
    .limit(DASH_RECENT_LIMIT)
    .get();
  const completed = recent.docs.filter((doc) => doc.get("status") === "completed");
  const feedback = completed.length ? await firestore.getAll(...completed.map((doc) => firestore.doc(paths.feedback(doc.id, uid)))) : [];
  await remove(firestore, ids);
  return {
    pastSessions: past,
    upcomingRead: upcoming.size,
    recentRead: recent.size,
    feedbackGets: feedback.length,
    documentsRead: upcoming.size + recent.size + feedback.length,
  };
}

/** The dashboard for 5 and for 500 past sessions: the same reads, since every query is bounded by time and a limit. */
async function benchDashboard(): Promise<boolean> {
  const rows = [await measureDashboard(5, Date.UTC(2031, 4, 6, 12)), await measureDashboard(500, Date.UTC(2031, 6, 1, 12))];
  console.log("\nImpact Dashboard: documents read to render it (session queries + feedback gets)");
  console.table(rows);
  const [small, large] = rows as [DashboardRow, DashboardRow];
  const bound = DASH_UPCOMING_LIMIT + 2 * DASH_RECENT_LIMIT;
  const ok = large.documentsRead <= small.documentsRead && large.documentsRead <= bound;
  console.log(
    ok
      ? `OK: ${large.documentsRead} reads with 500 past sessions, ${small.documentsRead} with 5 (bound ${bound}) — the dashboard does not grow with history.`
      : "FAILED: the dashboard's reads grew with the person's history.",
  );
  return ok;
}

/**
 * The functions emulator's background triggers, off while a section writes and removes thousands of documents in the
 * emulator's own project: the stats triggers would otherwise count each of them, keeping the emulator busy for many
 * minutes after the figure it measured (a hub endpoint of firebase-tools; nothing here measures a trigger).
 */
async function backgroundTriggers(on: boolean) {
  const hub = process.env.FIREBASE_EMULATOR_HUB;
  if (!hub) return;
  const response = await fetch(`http://${hub}/functions/${on ? "enable" : "disable"}BackgroundTriggers`, { method: "PUT" });
  if (!response.ok) console.warn(`bench-reads: could not turn background triggers ${on ? "on" : "off"} (${response.status})`);
}

async function main() {
  // The functions emulator sends the reminder mail to the local capture; without one each send logs a refused
  // connection. Already running (npm start): use that one.
  const capture: MailCapture | null = await startMailCapture().catch(() => null);
  await backgroundTriggers(false);
  const pairs = await seedPeople();
  // Far from any other data's times, and a different `now` per size, so nothing left over is due.
  const rows = [await measure(pairs, 100, Date.UTC(2031, 0, 6, 12)), await measure(pairs, 10_000, Date.UTC(2031, 2, 3, 12))];

  console.log("\nSession reminders job: documents read (query results + transaction reads)");
  console.table(rows);
  const [small, large] = rows as [Row, Row];
  const ok = small.sent === DUE && large.sent === DUE && large.documentsRead <= small.documentsRead;
  console.log(
    ok
      ? `OK: ${large.documentsRead} reads with 10 due among 10,000 sessions, ${small.documentsRead} among 100 — the cost follows the due sessions.`
      : "FAILED: the reads grew with the collection, or not every due reminder was sent.",
  );

  // ---- DASHBOARD READS ------------------------------------------------------------------------------------------------
  const dashboardOk = await benchDashboard();
  // --------------------------------------------------------------------------------------------------------------------

  // ---- MINI REQUEST EXPIRY (scripts/bench-mini.ts) --------------------------------------------------------------------
  const miniExpiryOk = await benchMiniExpiry(app, run);
  const miniBoardOk = await benchMiniBoard({ app, projectId, firestore, auth: getAuth(app) }, run);
  // --------------------------------------------------------------------------------------------------------------------

  // ---- ADMIN ANALYTICS (scripts/bench-analytics.ts): the triggers run again, it measures one -----------------------
  await backgroundTriggers(true);
  const analyticsOk = await benchAnalytics(app, projectId, run);
  // --------------------------------------------------------------------------------------------------------------------

  // The trigger sends the reminders a moment after the run: let it finish before the capture goes away (at most 15 s).
  for (let waited = 0; capture && waited < 15_000; waited += 500) {
    const unsent = await firestore.collection(paths.mailbox()).where("status", "in", ["PENDING", "PROCESSING"]).count().get();
    if (unsent.data().count === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await deleteApp(app);
  await capture?.close();
  if (!ok || !dashboardOk || !analyticsOk || !miniExpiryOk || !miniBoardOk) process.exitCode = 1;
}

await main();
