// The admin analytics section of `npm run bench:reads` (bench-reads.ts calls benchAnalytics), at 100 and at 10,000
// sessions. The programme is the demo seed's own, through its own document builders (seed.ts: profileDocOf,
// matchDocOf, sessionDocOf, feedbackDocOf, miniRequestDocOf), copied with renamed ids (4 copies of its people) and
// moved back in time (half a year per copy) until there are enough sessions; every document is checked against its
// shared schema. It is written to a Firestore of its own (another project id on the same emulator), where no trigger
// fires: 27,000 seeded writes would keep the functions emulator busy for many minutes. There it prints:
// - the documents each kind of event reads to update stats/programme (the trigger's handler, applyStatsEvent, with
//   real firebase-admin on real before/after snapshots), and that a retried event counts nothing;
// - the daily reconciliation's reads (as Firestore bills aggregation queries), time and drift;
// - the old hourly full recompute's reads and time (every document, select()ed), now only the seed's fallback;
// and in the emulator's own project, with the real triggers: how long after a booking the live document shows it,
// and the documents the admin page reads, as the signed-in admin through the rules. Emulators only.
import {
  feedbackDocSchema,
  matchDocSchema,
  miniRequestDocSchema,
  paths,
  profileDocSchema,
  programmeCountersSchema,
  sessionDocSchema,
  type StatsEvent,
} from "@mentormatch/shared";
import { initializeApp, type App } from "firebase-admin/app";
import { getAuth as getAdminAuth } from "firebase-admin/auth";
import { Timestamp, getFirestore as getAdminFirestore, type DocumentData, type DocumentSnapshot, type Firestore } from "firebase-admin/firestore";
import { connectFirestoreEmulator, doc, getDoc, getFirestore } from "firebase/firestore";
import type * as z from "zod";
import {
  STATS_SOURCES,
  applyStatsEvent,
  feedbackOf,
  matchOf,
  miniRequestOf,
  rebuildProgrammeStats,
  sessionOf,
  userOf,
} from "../functions/src/lib/programme-stats.js";
import { reconcileProgrammeStats } from "../functions/src/lib/reconcile-stats.js";
import { BENCH_PASSWORD, signedInClient } from "./bench-helpers.js";
import { feedbackDocOf, matchDocOf, miniRequestDocOf, profileDocOf, sessionDocOf } from "./seed.js";
import { seedMatches, seedProgramme, seedUsers } from "./seed-data.js";

const DAY = 86_400_000;
/** How far back each time copy of the seeded half year goes. */
const COPY_SHIFT = 182 * DAY;

/** What the admin analytics page reads for its figures: the one document. */
const ADMIN_PAGE_DOCUMENTS = [paths.programmeStats()];

type Doc = { path: string; data: Record<string, unknown>; schema: z.ZodType };

/** Every string that is a seeded id, renamed; every Timestamp moved back by `shiftMs`. */
function rewrite(value: unknown, rename: (text: string) => string, shiftMs: number): unknown {
  if (value instanceof Timestamp) return Timestamp.fromMillis(value.toMillis() - shiftMs);
  if (typeof value === "string") return rename(value);
  if (Array.isArray(value)) return value.map((item) => rewrite(item, rename, shiftMs));
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rewrite(item, rename, shiftMs)]));
  return value;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The seeded programme grown to `sessions` sessions: `people` copies of its people (ids prefixed), each with enough
 * copies of its history, each half a year further back, and only the feedback of the sessions kept.
 */
function programmeDocs(label: string, sessions: number, nowMs: number, people: number): { docs: Doc[]; sessions: number } {
  const users = seedUsers(nowMs);
  const programme = seedProgramme(nowMs);
  const uids = users.map((user) => user.uid);
  const historyIds = [...programme.sessions.map((s) => s.id), ...programme.miniRequests.map((r) => r.id)];
  const pattern = new RegExp(`(?<![A-Za-z0-9-])(${[...uids, ...historyIds].sort((a, b) => b.length - a.length).map(escape).join("|")})(?![A-Za-z0-9-])`, "g");
  const uidSet = new Set(uids);
  const times = Math.ceil(sessions / (people * programme.sessions.length));
  const docs: Doc[] = [];
  let kept = 0;
  for (let p = 0; p < people; p++) {
    const renameFor = (t: number) => (text: string) => text.replace(pattern, (id) => (uidSet.has(id) ? `${label}p${p}-${id}` : `${label}p${p}t${t}-${id}`));
    const rename = renameFor(0);
    for (const user of users) docs.push({ path: paths.user(rename(user.uid)), data: rewrite(profileDocOf(user, nowMs), rename, 0) as Record<string, unknown>, schema: profileDocSchema });
    for (const match of seedMatches()) docs.push({ path: paths.match(rename(match.id)), data: rewrite(matchDocOf(match, nowMs), rename, 0) as Record<string, unknown>, schema: matchDocSchema });
    for (let t = 0; t < times; t++) {
      const renameT = renameFor(t);
      const shift = t * COPY_SHIFT;
      const sessionIds = new Set<string>();
      for (const session of programme.sessions) {
        if (kept >= sessions) break;
        kept += 1;
        sessionIds.add(session.id);
        docs.push({ path: paths.session(renameT(session.id)), data: rewrite(sessionDocOf(session), renameT, shift) as Record<string, unknown>, schema: sessionDocSchema });
      }
      for (const entry of programme.feedback) {
        if (!sessionIds.has(entry.sessionId)) continue;
        docs.push({ path: paths.feedback(renameT(entry.sessionId), renameT(entry.fromUid)), data: rewrite(feedbackDocOf(entry), renameT, shift) as Record<string, unknown>, schema: feedbackDocSchema });
      }
      if (sessionIds.size === 0) continue;
      for (const request of programme.miniRequests)
        docs.push({ path: paths.miniRequest(renameT(request.id)), data: rewrite(miniRequestDocOf(request), renameT, shift) as Record<string, unknown>, schema: miniRequestDocSchema });
    }
  }
  return { docs, sessions: kept };
}

async function writeAll(firestore: Firestore, docs: Doc[]) {
  const writer = firestore.bulkWriter({ throttling: false });
  for (const { path, data } of docs) void writer.set(firestore.doc(path), data);
  await writer.close();
}

/** Reads every seeded document back whole and parses it with its collection's schema: the count that do not. */
async function schemaFailures(firestore: Firestore, docs: Doc[]): Promise<{ failures: number; wholeReadMs: number; wholeMB: number; example: string | null }> {
  const schemaOf = new Map(docs.map((entry) => [entry.path.split("/")[0]!, entry.schema]));
  const started = performance.now();
  const snaps = await Promise.all(Object.values(STATS_SOURCES).map(({ collection }) => firestore.collection(collection).get()));
  const wholeReadMs = Math.round(performance.now() - started);
  let failures = 0;
  let bytes = 0;
  let example: string | null = null;
  for (const snap of snaps)
    for (const docSnap of snap.docs) {
      bytes += JSON.stringify(docSnap.data()).length;
      const result = schemaOf.get(docSnap.ref.parent.id)?.safeParse(docSnap.data());
      if (result && !result.success) {
        failures += 1;
        example ??= `${docSnap.ref.path}: ${result.error.issues[0]?.path.join(".")} ${result.error.issues[0]?.message}`;
      }
    }
  return { failures, wholeReadMs, wholeMB: Math.round(bytes / 104_857.6) / 10, example };
}

interface EventRow {
  event: string;
  reads: number;
  increments: number;
}

/**
 * A day in the programme, as the callables write it, each write's before/after snapshots handed to the trigger's
 * handler: what each kind of event reads. The people are the seeded programme's own (their profiles give the
 * departments); the documents are the seed's, under new ids.
 */
async function measureEvents(firestore: Firestore, docs: Doc[], label: string, nowMs: number): Promise<{ rows: EventRow[]; retryCounted: boolean }> {
  const pick = (collection: string, test: (data: Record<string, unknown>) => boolean) => docs.find((entry) => entry.path.startsWith(`${collection}/`) && test(entry.data))!;
  const session = pick("sessions", (data) => data.kind === "match" && data.status === "completed");
  const rating = pick("feedback", (data) => data.toRole === "mentor");
  const match = pick("matches", (data) => data.status === "accepted");
  const request = pick("miniRequests", (data) => data.status === "scheduled");
  const mentor = pick("users", (data) => data.role === "mentor");
  const rows: EventRow[] = [];
  const readerOf = { sessions: sessionOf, feedback: feedbackOf, matches: matchOf, miniRequests: miniRequestOf, users: userOf } as const;
  const kindOf = { sessions: "session", feedback: "feedback", matches: "match", miniRequests: "miniRequest", users: "user" } as const;
  let n = 0;
  let lastEvent: { id: string; event: StatsEvent } | null = null;
  const write = async (name: string, path: string, data: DocumentData | null) => {
    const ref = firestore.doc(path);
    const before = await ref.get();
    if (data === null) await ref.delete();
    else await ref.set(data);
    const after = await ref.get();
    const collection = path.split("/")[0] as keyof typeof readerOf;
    const reader = readerOf[collection] as (snap: DocumentSnapshot) => unknown;
    const event = { kind: kindOf[collection], before: reader(before), after: reader(after) } as StatsEvent;
    lastEvent = { id: `${label}-event-${(n += 1)}`, event };
    const result = await applyStatsEvent({ eventId: lastEvent.id, event, now: new Date(nowMs), db: firestore });
    rows.push({ event: name, reads: result.reads, increments: result.increments });
  };
  const sessionPath = paths.session(`${label}-event-session`);
  const startMs = nowMs + 3 * DAY;
  const booked = { ...session.data, status: "pending", startAt: Timestamp.fromMillis(startMs), endAt: Timestamp.fromMillis(startMs + 30 * 60_000), completedAt: null };
  await write("book a session", sessionPath, booked);
  await write("accept it", sessionPath, { ...booked, status: "accepted" });
  await write("send its reminder (no figure changes)", sessionPath, { ...booked, status: "accepted", remindersSent: { h24: Timestamp.fromMillis(nowMs) } });
  const moved = { ...booked, status: "pending", startAt: Timestamp.fromMillis(startMs + 7 * DAY), endAt: Timestamp.fromMillis(startMs + 7 * DAY + 30 * 60_000) };
  await write("reschedule it a week on", sessionPath, moved);
  await write("accept the new time", sessionPath, { ...moved, status: "accepted" });
  await write("complete it", sessionPath, { ...moved, status: "completed" });
  await write("rate the mentor", paths.feedback(`${label}-event-session`, String(rating.data.fromUid)), { ...rating.data, sessionId: `${label}-event-session`, createdAt: Timestamp.fromMillis(nowMs) });
  const matchPath = paths.match(`${String(match.data.mentorId)}_${label}-event-mentee`);
  const requested = { ...match.data, menteeId: `${label}-event-mentee`, status: "pending", respondedAt: null };
  await write("request a mentor", matchPath, requested);
  await write("the mentor accepts", matchPath, { ...requested, status: "accepted", respondedAt: Timestamp.fromMillis(nowMs) });
  const requestPath = paths.miniRequest(`${label}-event-mini`);
  const posted = { ...request.data, status: "open", createdAt: Timestamp.fromMillis(nowMs), firstClaimedAt: null, claimedAt: null, claimedBy: null, scheduledAt: null, sessionId: null };
  await write("post a mini request", requestPath, posted);
  const claimed = { ...posted, status: "claimed", claimedBy: mentor.path.split("/")[1], claimedAt: Timestamp.fromMillis(nowMs + 40 * 60_000), firstClaimedAt: Timestamp.fromMillis(nowMs + 40 * 60_000) };
  await write("a mentor claims it", requestPath, claimed);
  await write("they schedule it", requestPath, { ...claimed, status: "scheduled", scheduledAt: Timestamp.fromMillis(nowMs + 3 * 60 * 60_000) });
  await write("a mentor changes their name", mentor.path, { ...mentor.data, displayName: `${String(mentor.data.displayName)} Jr`, createdAt: Timestamp.fromMillis(nowMs), updatedAt: Timestamp.fromMillis(nowMs) });
  // The last event delivered again (a retry): the marker refuses it.
  const retry = await applyStatsEvent({ eventId: lastEvent!.id, event: lastEvent!.event, now: new Date(nowMs), db: firestore });
  rows.push({ event: "the same event retried", reads: retry.reads, increments: retry.increments });
  return { rows, retryCounted: retry.applied };
}

/** How long after a booking in the emulator's own project the live document shows it (the real triggers). */
async function measureFreshness(firestore: Firestore, label: string): Promise<number | null> {
  const users = seedUsers(Date.now());
  const mentorUser = users.find((user) => user.role === "mentor")!;
  const mentorId = `${label}-fresh-mentor`;
  const profile = { ...profileDocOf(mentorUser, Date.now()), uid: mentorId };
  const row = async () => programmeCountersSchema.parse((await firestore.doc(paths.programmeStats()).get()).data() ?? {}).mentors?.[mentorId];
  const until = async (test: () => Promise<boolean>, ms: number) => {
    for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) if (await test()) return true;
    return false;
  };
  await firestore.doc(paths.user(mentorId)).set(profile);
  // The first event wakes the trigger up (a cold start is not what is measured).
  if (!(await until(async () => (await row())?.isMentor === true, 60_000))) return null;
  const session = seedProgramme(Date.now()).sessions.find((s) => s.kind === "match")!;
  const startMs = Date.now() + 3 * DAY;
  const sessionPath = paths.session(`${label}-fresh-session`);
  const written = performance.now();
  await firestore.doc(sessionPath).set({ ...sessionDocOf({ ...session, startMs, endMs: startMs + 30 * 60_000 }), mentorId, status: "pending" });
  const seen = await until(async () => (await row())?.sessions?.pending === 1, 30_000);
  const ms = Math.round(performance.now() - written);
  await firestore.doc(sessionPath).delete();
  await firestore.doc(paths.user(mentorId)).delete();
  return seen ? ms : null;
}

interface AnalyticsRow {
  sessions: number;
  seededDocs: number;
  schemaFailures: number;
  eventReadsMax: number;
  eventReadsAvg: number;
  reconcileReads: number;
  reconcileMs: number;
  drift: number;
  oldRecomputeReads: number;
  oldRecomputeMs: number;
  wholeReadMs: number;
  wholeMB: number;
  statsDocKB: number;
  pageDocsRead: number;
}

export async function benchAnalytics(app: App, projectId: string, run: string): Promise<boolean> {
  const firestore = getAdminFirestore(app);
  const auth = getAdminAuth(app);
  const adminUid = `bench-stats-admin-${run}`;
  await auth.createUser({ uid: adminUid, email: `${adminUid}@example.com`, password: BENCH_PASSWORD, emailVerified: true });
  await auth.setCustomUserClaims(adminUid, { role: "admin" });
  await firestore.doc(paths.user(adminUid)).set({ uid: adminUid, role: "admin", displayName: "Bench Admin", department: "", capacity: 0 });
  const client = await signedInClient(projectId, adminUid, `bench-stats-${run}`);
  const clientDb = getFirestore(client.app);
  const [host, port] = process.env.FIRESTORE_EMULATOR_HOST!.split(":");
  connectFirestoreEmulator(clientDb, host!, Number(port));

  const freshnessMs = await measureFreshness(firestore, `bench-stats-${run}`);

  const rows: AnalyticsRow[] = [];
  const eventTables: Record<number, EventRow[]> = {};
  let retriesCounted = 0;
  const sizes = [
    { sessions: 100, people: 1, nowMs: Date.UTC(2032, 0, 14, 12) },
    { sessions: 10_000, people: 4, nowMs: Date.UTC(2032, 1, 11, 12) },
  ];
  for (const { sessions, people, nowMs } of sizes) {
    const isolated = initializeApp({ projectId: `${projectId}-stats-${run}-${sessions}` }, `bench-stats-${run}-${sessions}`);
    const db = getAdminFirestore(isolated);
    const label = `b${sessions}`;
    const { docs } = programmeDocs(label, sessions, nowMs, people);
    await writeAll(db, docs);
    const checked = await schemaFailures(db, docs);
    if (checked.example) console.log(`  schema failure, e.g. ${checked.example}`);

    // What the hourly job did until now: every document (select()ed), then the whole document written.
    const oldStarted = performance.now();
    const rebuilt = await rebuildProgrammeStats({ now: new Date(nowMs), db });
    const oldRecomputeMs = Math.round(performance.now() - oldStarted);

    const events = await measureEvents(db, docs, label, nowMs);
    eventTables[sessions] = events.rows;
    if (events.retryCounted) retriesCounted += 1;

    const started = performance.now();
    const check = await reconcileProgrammeStats({ now: new Date(nowMs), db, settleMs: 0 });
    const reconcileMs = Math.round(performance.now() - started);
    if (check.drift.length) console.log(`  drift at ${sessions}: ${JSON.stringify(check.drift.slice(0, 5))}`);

    // The admin page: this size's document in the emulator's own project, read as the admin through the rules.
    const counters = (await db.doc(paths.programmeStats()).get()).data()!;
    await firestore.doc(paths.programmeStats()).set(counters);
    let pageDocsRead = 0;
    let statsBytes = 0;
    for (const path of ADMIN_PAGE_DOCUMENTS) {
      const snap = await getDoc(doc(clientDb, path));
      if (snap.exists()) pageDocsRead += 1;
      statsBytes += JSON.stringify(snap.data() ?? {}).length;
    }
    const measured = events.rows.filter((row) => !row.event.includes("retried"));
    rows.push({
      sessions,
      seededDocs: docs.length,
      schemaFailures: checked.failures,
      eventReadsMax: Math.max(...measured.map((row) => row.reads)),
      eventReadsAvg: Math.round((measured.reduce((sum, row) => sum + row.reads, 0) / measured.length) * 100) / 100,
      reconcileReads: check.reads,
      reconcileMs,
      drift: check.drift.length,
      oldRecomputeReads: rebuilt.sourceDocs,
      oldRecomputeMs,
      wholeReadMs: checked.wholeReadMs,
      wholeMB: checked.wholeMB,
      statsDocKB: Math.round(statsBytes / 102.4) / 10,
      pageDocsRead,
    });
    await db.recursiveDelete(db.collection("stats"));
  }
  await client.close();

  console.log("\nAdmin analytics: documents read per event to update stats/programme (the trigger's handler, real firebase-admin)");
  const eventRows = eventTables[100]!.map((row, i) => ({ event: row.event, "reads @100": row.reads, "reads @10,000": eventTables[10_000]![i]!.reads, increments: row.increments }));
  console.table(eventRows);
  console.log("Admin analytics: the daily reconciliation, the old full recompute, and the admin page at each size");
  console.table(rows);
  console.log(`Freshness: a booking showed in the live stats/programme ${freshnessMs === null ? "never (timed out)" : `${freshnessMs} ms`} after the write (real trigger, warm).`);
  const [small, large] = rows as [AnalyticsRow, AnalyticsRow];
  const ok =
    small.pageDocsRead === 1 &&
    large.pageDocsRead === 1 &&
    large.eventReadsMax <= 5 &&
    large.eventReadsMax <= small.eventReadsMax &&
    large.reconcileReads <= 1_000 &&
    small.drift === 0 &&
    large.drift === 0 &&
    small.schemaFailures === 0 &&
    large.schemaFailures === 0 &&
    retriesCounted === 0 &&
    freshnessMs !== null;
  console.log(
    ok
      ? `OK: at 10,000 sessions an event reads at most ${large.eventReadsMax} document(s) (as at 100), the daily check ${large.reconcileReads} ` +
          `(the old hourly recompute read ${large.oldRecomputeReads}), no drift, every seeded document passes its schema, and the page reads 1 document.`
      : "FAILED: an event read more than 5 documents or more at 10,000 than at 100, the check cost over 1,000 reads or found drift, a seeded document failed its schema, a retry counted, or the live document never showed the booking.",
  );
  return ok;
}
