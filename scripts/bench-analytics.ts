// The admin analytics section of `npm run bench:reads` (bench-reads.ts calls benchAnalytics): documents read to
// render the admin analytics page with 100 and with 10,000 sessions in the seed (must be the same), and what the
// recompute job (recomputeProgrammeStats) reads and how long it takes at each size. Emulators only.
import { paths } from "@mentormatch/shared";
import type { App } from "firebase-admin/app";
import { getAuth as getAdminAuth } from "firebase-admin/auth";
import { Timestamp, getFirestore as getAdminFirestore, type DocumentReference, type Firestore } from "firebase-admin/firestore";
import { connectFirestoreEmulator, doc, getDoc, getFirestore } from "firebase/firestore";
import { STATS_SOURCES, dailySnapshotPath, recomputeProgrammeStats } from "../functions/src/lib/programme-stats.js";
import { BENCH_PASSWORD, signedInClient } from "./bench-helpers.js";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const DEPARTMENTS = ["Engineering", "Design", "Product", "Data Science", ""];
const MATCH_STATUSES = ["accepted", "pending", "ended", "declined", "accepted"] as const;
const SESSION_STATUSES = ["completed", "completed", "completed", "accepted", "cancelled", "no_show", "declined", "pending"] as const;
const MINI_STATUSES = ["completed", "scheduled", "open", "claimed", "cancelled", "expired"] as const;

/**
 * What the admin analytics page reads for its figures: the one aggregate document (helper-built page: `stats/programme`
 * only). If the page ever charts the daily snapshots it adds at most its fixed number of newest days, still constant.
 */
const ADMIN_PAGE_DOCUMENTS = [paths.programmeStats()];

interface Seeded {
  refs: DocumentReference[];
  counts: { users: number; matches: number; sessions: number; feedback: number; miniRequests: number };
}

/**
 * A programme with `sessions` sessions over the past year (a few to come), one mentor per hundred sessions (ten at
 * least) with four mentees each, a match per mentee, feedback on completed sessions (both ways on every other one)
 * and a mini request per ten sessions. Written with an unthrottled BulkWriter: 10,000 sessions take seconds.
 */
async function seedProgramme(firestore: Firestore, label: string, sessions: number, nowMs: number): Promise<Seeded> {
  const writer = firestore.bulkWriter({ throttling: false });
  const refs: DocumentReference[] = [];
  const put = (path: string, data: Record<string, unknown>) => {
    const ref = firestore.doc(path);
    refs.push(ref);
    void writer.set(ref, data);
  };
  const at = (ms: number) => Timestamp.fromMillis(ms);
  const mentors = Math.max(10, Math.round(sessions / 100));
  const mentees = mentors * 4;
  const mentorId = (i: number) => `${label}-mentor-${i % mentors}`;
  const menteeId = (i: number) => `${label}-mentee-${i % mentees}`;
  for (let i = 0; i < mentors; i++)
    put(paths.user(mentorId(i)), { uid: mentorId(i), role: "mentor", displayName: `Mentor ${i}`, department: DEPARTMENTS[i % DEPARTMENTS.length], capacity: 1 + (i % 5), title: "Staff engineer", bio: "b".repeat(400), expertise: ["system design", "sql"] });
  for (let i = 0; i < mentees; i++)
    put(paths.user(menteeId(i)), { uid: menteeId(i), role: "mentee", displayName: `Mentee ${i}`, department: DEPARTMENTS[(i + 2) % DEPARTMENTS.length], capacity: 0, bio: "b".repeat(400), learningGoals: ["get better at system design"] });
  for (let i = 0; i < mentees; i++) {
    const status = MATCH_STATUSES[i % MATCH_STATUSES.length]!;
    put(paths.match(`${mentorId(i)}_${menteeId(i)}`), {
      mentorId: mentorId(i),
      menteeId: menteeId(i),
      status,
      message: "m".repeat(300),
      respondedAt: status === "pending" ? null : at(nowMs - (i % 300) * DAY),
      createdAt: at(nowMs - (i % 300) * DAY - DAY),
    });
  }
  let feedback = 0;
  for (let i = 0; i < sessions; i++) {
    const status = SESSION_STATUSES[i % SESSION_STATUSES.length]!;
    const startMs = status === "accepted" || status === "pending" ? nowMs + (1 + (i % 20)) * DAY : nowMs - (1 + (i % 360)) * DAY;
    const id = `${label}-session-${i}`;
    const mini = i % 10 === 0;
    put(paths.session(id), {
      kind: mini ? "mini" : "match",
      matchId: mini ? `${label}-mini-${i / 10}` : `${mentorId(i)}_${menteeId(i)}`,
      mentorId: mentorId(i),
      menteeId: menteeId(i),
      participants: [mentorId(i), menteeId(i)],
      status,
      startAt: at(startMs),
      endAt: at(startMs + 30 * MINUTE),
      agenda: "a".repeat(300),
      sharedNotes: status === "completed" ? "n".repeat(1500) : "",
      createdAt: at(startMs - 7 * DAY),
    });
    if (status !== "completed") continue;
    const sides = i % 2 === 0 ? (["mentor", "mentee"] as const) : (["mentor"] as const);
    for (const toRole of sides) {
      const [fromUid, toUid] = toRole === "mentor" ? [menteeId(i), mentorId(i)] : [mentorId(i), menteeId(i)];
      put(paths.feedback(id, fromUid), { sessionId: id, kind: mini ? "mini" : "session", fromUid, toUid, toRole, rating: 1 + (i % 5), comment: "c".repeat(200), createdAt: at(startMs + DAY) });
      feedback += 1;
    }
  }
  const miniRequests = Math.ceil(sessions / 10);
  for (let i = 0; i < miniRequests; i++) {
    const status = MINI_STATUSES[i % MINI_STATUSES.length]!;
    const createdMs = nowMs - (i % 360) * DAY - 5 * DAY;
    const claimed = status !== "open" && status !== "expired";
    put(paths.miniRequest(`${label}-mini-${i}`), {
      studentId: menteeId(i * 7),
      status,
      description: "d".repeat(800),
      createdAt: at(createdMs),
      firstClaimedAt: claimed ? at(createdMs + (10 + (i % 600)) * MINUTE) : null,
      scheduledAt: claimed && status !== "claimed" ? at(createdMs + (700 + (i % 300)) * MINUTE) : null,
    });
  }
  await writer.close();
  return { refs, counts: { users: mentors + mentees, matches: mentees, sessions, feedback, miniRequests } };
}

async function remove(firestore: Firestore, refs: DocumentReference[]) {
  const writer = firestore.bulkWriter({ throttling: false });
  for (const ref of refs) void writer.delete(ref);
  await writer.close();
}

interface AnalyticsRow {
  sessions: number;
  seededDocs: number;
  recomputeReads: number;
  recomputeMs: number;
  /** The same five collections read whole (no select), and the payload either way (JSON of the fields returned). */
  wholeReadMs: number;
  selectedMB: number;
  wholeMB: number;
  statsDocKB: number;
  pageDocsRead: number;
}

export async function benchAnalytics(app: App, projectId: string, run: string): Promise<boolean> {
  const firestore = getAdminFirestore(app);
  const auth = getAdminAuth(app);
  // The admin who opens the page: a verified account whose claim and stored role are both admin (what isAdmin() checks).
  const adminUid = `bench-stats-admin-${run}`;
  await auth.createUser({ uid: adminUid, email: `${adminUid}@example.com`, password: BENCH_PASSWORD, emailVerified: true });
  await auth.setCustomUserClaims(adminUid, { role: "admin" });
  await firestore.doc(paths.user(adminUid)).set({ uid: adminUid, role: "admin", displayName: "Bench Admin", department: "", capacity: 0 });
  const client = await signedInClient(projectId, adminUid, `bench-stats-${run}`);
  const clientDb = getFirestore(client.app);
  const [host, port] = process.env.FIRESTORE_EMULATOR_HOST!.split(":");
  connectFirestoreEmulator(clientDb, host!, Number(port));

  const rows: AnalyticsRow[] = [];
  const sizes = [
    { sessions: 100, nowMs: Date.UTC(2032, 0, 14, 12) },
    { sessions: 10_000, nowMs: Date.UTC(2032, 1, 11, 12) },
  ];
  for (const { sessions, nowMs } of sizes) {
    const seeded = await seedProgramme(firestore, `bench-stats-${run}-${sessions}`, sessions, nowMs);
    const started = performance.now();
    const result = await recomputeProgrammeStats({ now: new Date(nowMs), db: firestore });
    const recomputeMs = Math.round(performance.now() - started);
    const wholeStarted = performance.now();
    const whole = await Promise.all(Object.values(STATS_SOURCES).map(({ collection }) => firestore.collection(collection).get()));
    const wholeReadMs = Math.round(performance.now() - wholeStarted);
    const selected = await Promise.all(Object.values(STATS_SOURCES).map(({ collection, fields }) => firestore.collection(collection).select(...fields).get()));
    const megabytes = (snaps: typeof whole) => Math.round(snaps.reduce((sum, snap) => sum + snap.docs.reduce((n, d) => n + JSON.stringify(d.data()).length, 0), 0) / 104_857.6) / 10;
    // The page's reads, through the rules as the signed-in admin: every document it gets, counted.
    let pageDocsRead = 0;
    let statsBytes = 0;
    for (const path of ADMIN_PAGE_DOCUMENTS) {
      const snap = await getDoc(doc(clientDb, path));
      if (snap.exists()) pageDocsRead += 1;
      statsBytes += JSON.stringify(snap.data() ?? {}).length;
    }
    rows.push({
      sessions,
      seededDocs: seeded.refs.length,
      recomputeReads: result.sourceDocs,
      recomputeMs,
      wholeReadMs,
      selectedMB: megabytes(selected),
      wholeMB: megabytes(whole),
      statsDocKB: Math.round(statsBytes / 102.4) / 10,
      pageDocsRead,
    });
    await remove(firestore, [...seeded.refs, firestore.doc(dailySnapshotPath(new Date(nowMs).toISOString().slice(0, 10)))]);
  }
  await client.close();

  console.log("\nAdmin analytics: the recompute job at each size, and documents read to render the admin page (as the admin, through the rules)");
  console.table(rows);
  const [small, large] = rows as [AnalyticsRow, AnalyticsRow];
  const ok = small.pageDocsRead === 1 && large.pageDocsRead === small.pageDocsRead && large.recomputeReads >= large.seededDocs;
  console.log(
    ok
      ? `OK: the page reads ${large.pageDocsRead} document (plus the rules' one get of the admin's profile) with 10,000 sessions, as with 100; ` +
          `the recompute read ${large.recomputeReads} documents in ${large.recomputeMs} ms.`
      : "FAILED: the admin page's reads grew with the programme, or the recompute missed documents.",
  );
  return ok;
}
