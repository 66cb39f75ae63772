// The mini mentorship parts of `npm run bench:races` and `npm run bench:reads` (each calls one function from here):
// 1. Claims: ROUNDS × 50 mentors claiming one open request at once through the functions emulator. Prints the winners
//    per round (must be exactly 1) and the requests claimed twice (must be 0: more than one winner, or more than one
//    claim notification for the request).
// 2. Expiry reads: documents read by the expiry job with 10 requests due among 100, then among 10,000. The job queries
//    only what is due (`status == open && expiresAt <= now`), so the two numbers must be the same.
import { MINI, MINI_CLAIMED_MESSAGE, defaultEmailPrefs, miniRequestInputSchema, paths, planMiniBoardQuery, planMiniPost, type CallableOutput, type MiniStatus } from "@mentormatch/shared";
import {
  Timestamp as ClientTimestamp,
  collection as clientCollection,
  connectFirestoreEmulator,
  getDocs,
  getFirestore as getClientFirestore,
  limit as clientLimit,
  orderBy as clientOrderBy,
  query as clientQuery,
  where as clientWhere,
  type Firestore as ClientFirestore,
} from "firebase/firestore";
import type { App } from "firebase-admin/app";
import { Timestamp, getFirestore, type Firestore } from "firebase-admin/firestore";
import { expireMiniRequests } from "../functions/src/lib/mini-requests.js";
import { makePerson, signedInClient, type BenchAdmin, type BenchClient } from "./bench-helpers.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** An open request as postMiniRequest writes it (planMiniPost builds it), its days from the day after tomorrow. */
function openRequest(studentId: string, nowMs: number, title: string) {
  const day = (n: number) => new Date(Math.floor(nowMs / DAY) * DAY + n * DAY).toISOString().slice(0, 10);
  const fields = miniRequestInputSchema.parse({
    title,
    sessionType: "career_advice",
    description: "Which of two job offers should I take, and how do I negotiate the better one?",
    durationMinutes: 30,
    urgency: "normal",
    preferredDateStart: day(2),
    preferredDateEnd: day(5),
    preferredTimeSlots: [{ from: "09:00", to: "17:00" }],
    timezone: "UTC",
  });
  const plan = planMiniPost({ fields, studentId, student: { role: "mentee", displayName: "Bench Student" }, activeCount: 0, nowMs });
  if (plan.action !== "post") throw new Error(`planMiniPost refused: ${plan.message}`);
  return plan.doc;
}

// ---- the claim race ------------------------------------------------------------------------------------------------

interface ClaimRound {
  round: number;
  winners: number;
  justClaimed: number;
  errors: string[];
  claimedTwice: boolean;
  ms: number;
}

/**
 * The functions emulator starts one worker process per concurrent call and keeps idle ones; fifty starting at once on
 * a small machine miss its start limit. Growing the pool ten at a time first keeps the rounds about the transaction.
 */
async function warmUp(claims: ((input: { requestId: string }) => Promise<unknown>)[]) {
  for (let size = 10; size <= claims.length; size += 10) {
    await Promise.allSettled(claims.slice(0, size).map((claim) => claim({ requestId: "bench-warm-up-no-such-request" })));
    // A worker turns idle a moment after its answer: give the pool that moment, or the next wave starts new ones.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** Prints the race and answers whether it behaved (exactly one winner a round, nothing claimed twice). */
export async function benchMiniClaims(admin: BenchAdmin, run: string, rounds: number, concurrency = 50): Promise<boolean> {
  const { firestore, projectId } = admin;
  const studentId = `bench-mini-student-${run}`;
  await makePerson(admin, studentId, "mentee", "Bench Student");
  const clients: BenchClient[] = [];
  for (let i = 0; i < concurrency; i++) {
    const uid = `bench-mini-mentor-${run}-${i}`;
    await makePerson(admin, uid, "mentor", `Bench Claimer ${i}`);
    clients.push(await signedInClient(projectId, uid, `bench-mini-${run}-${i}`));
  }
  const claims = clients.map((client) => client.callable<{ requestId: string }, CallableOutput<"claimMiniRequest">>("claimMiniRequest"));
  await warmUp(claims);

  console.log(`\nbench:races — ${rounds} rounds × ${concurrency} concurrent claimMiniRequest calls on one open request`);
  const results: ClaimRound[] = [];
  for (let round = 1; round <= rounds; round++) {
    const ref = firestore.collection(paths.miniRequests()).doc(`bench-mini-${run}-${round}`);
    await ref.set(openRequest(studentId, Date.now(), `Bench request ${round}`));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const started = Date.now();
    const settled = await Promise.allSettled(claims.map((claim) => claim({ requestId: ref.id })));
    const ms = Date.now() - started;
    let winners = 0;
    let justClaimed = 0;
    const errors: string[] = [];
    for (const result of settled) {
      if (result.status === "fulfilled") {
        if (result.value.data.changed) winners += 1;
      } else {
        const code = (result.reason as { code?: string }).code;
        const sentence = (result.reason as { details?: { message?: string } }).details?.message;
        if (code === "functions/failed-precondition" && sentence === MINI_CLAIMED_MESSAGE) justClaimed += 1;
        else errors.push(`${code}: ${(result.reason as Error).message}`);
      }
    }
    // One claim notification per claim (its key carries the claim's time): two would mean two claims went through.
    const told = await firestore.collection(paths.notifications(studentId)).where("kind", "==", "mini_claimed").where("link", "==", `/mini-sessions/${ref.id}`).get();
    const claimedTwice = winners > 1 || told.size > 1;
    // Done with: no mentor should reach the claim limit across rounds.
    await ref.update({ status: "completed" satisfies MiniStatus, completedAt: new Date() });
    results.push({ round, winners, justClaimed, errors, claimedTwice, ms });
    console.log(
      `round ${String(round).padStart(2)}: ${winners} winner(s), ${justClaimed} told "just claimed", ${errors.length} error(s); ` +
        `claimed twice: ${claimedTwice ? "YES" : "no"}; ${ms} ms`,
    );
    for (const error of errors.slice(0, 3)) console.log(`          ${error}`);
  }
  await Promise.all(clients.map((client) => client.close()));

  const twice = results.filter((r) => r.claimedTwice).length;
  const notOne = results.filter((r) => r.winners !== 1).length;
  const errors = results.reduce((sum, r) => sum + r.errors.length, 0);
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  console.log(
    `\nclaim winners per round: ${results.map((r) => r.winners).join(" ")}\n` +
      `requests claimed twice: ${twice}; rounds without exactly one winner: ${notOne}; errors: ${errors}; ` +
      `round time median ${times[Math.floor(times.length / 2)]} ms, max ${times.at(-1)} ms`,
  );
  return twice === 0 && notOne === 0;
}

// ---- the expiry job's reads ----------------------------------------------------------------------------------------

const DUE = 10;
const CLOSED: MiniStatus[] = ["claimed", "completed", "cancelled", "expired"];

interface ExpiryRow {
  requests: number;
  due: number;
  examined: number;
  expired: number;
  documentsRead: number;
  ms: number;
}

/**
 * `total` requests of which DUE are open and past `expiresAt` at `nowMs`; of the rest half are open and expire later
 * (up to a week on), the others are claimed, completed, cancelled or expired.
 */
async function measureExpiry(firestore: Firestore, studentIds: string[], total: number, nowMs: number, run: string): Promise<ExpiryRow> {
  const ids: string[] = [];
  const base = openRequest(studentIds[0]!, nowMs - 8 * DAY, "Bench expiring request");
  for (let from = 0; from < total; from += 500) {
    const batch = firestore.batch();
    for (let i = from; i < Math.min(total, from + 500); i++) {
      const due = i < DUE;
      const open = !due && i % 2 === 0;
      const createdMs = due ? nowMs - 7 * DAY - (i + 1) * MINUTE : nowMs - (i % 6) * DAY - HOUR;
      const ref = firestore.collection(paths.miniRequests()).doc(`bench-mini-exp-${run}-${total}-${i}`);
      ids.push(ref.id);
      batch.set(ref, {
        ...base,
        studentId: studentIds[i % studentIds.length]!,
        status: due || open ? "open" : CLOSED[i % CLOSED.length]!,
        createdAt: Timestamp.fromMillis(createdMs),
        updatedAt: Timestamp.fromMillis(createdMs),
        expiresAt: Timestamp.fromMillis(createdMs + 7 * DAY),
      });
    }
    await batch.commit();
  }
  const started = performance.now();
  const result = await expireMiniRequests({ now: new Date(nowMs), db: firestore });
  const ms = Math.round(performance.now() - started);
  for (let from = 0; from < ids.length; from += 500) {
    const batch = firestore.batch();
    for (const id of ids.slice(from, from + 500)) batch.delete(firestore.doc(paths.miniRequest(id)));
    await batch.commit();
  }
  return { requests: total, due: DUE, examined: result.examined, expired: result.changed, documentsRead: result.documentsRead, ms };
}

/** Prints the expiry job's reads for 100 and 10,000 requests; true when they are equal and every due one expired. */
export async function benchMiniExpiry(app: App, run: string): Promise<boolean> {
  const firestore = getFirestore(app);
  const studentIds = Array.from({ length: 5 }, (_, i) => `bench-mini-exp-student-${run}-${i}`);
  const batch = firestore.batch();
  for (const uid of studentIds) {
    batch.set(firestore.doc(paths.user(uid)), { displayName: `Student ${uid.slice(-1)}`, timezone: "UTC" });
    batch.set(firestore.doc(paths.userSettings(uid)), { email: `${uid}@example.com`, emailPrefs: defaultEmailPrefs(), createdAt: Timestamp.now() });
  }
  await batch.commit();
  // Far from any other data's times, and a different `now` per size, so nothing left over is due.
  const rows = [
    await measureExpiry(firestore, studentIds, 100, Date.UTC(2032, 0, 6, 12), run),
    await measureExpiry(firestore, studentIds, 10_000, Date.UTC(2032, 2, 3, 12), run),
  ];
  console.log("\nMini request expiry job: documents read (query results + transaction reads)");
  console.table(rows);
  const [small, large] = rows as [ExpiryRow, ExpiryRow];
  const ok = small.expired === DUE && large.expired === DUE && large.documentsRead <= small.documentsRead;
  console.log(
    ok
      ? `OK: ${large.documentsRead} reads with 10 due among 10,000 requests, ${small.documentsRead} among 100 — the cost follows the due requests.`
      : "FAILED: the expiry job's reads grew with the collection, or not every due request expired.",
  );
  return ok;
}

// ---- the board's first screen ----------------------------------------------------------------------------------------

/**
 * Documents a mentor's board reads for its first screen with `open` open requests (plus as many closed ones) in the
 * collection: the query the page runs (planMiniBoardQuery, newest first, no filters) through the rules as a signed-in
 * mentor. It reads one page and one more (to know whether "Load more" has anything), whatever the collection holds.
 */
async function measureBoard(admin: BenchAdmin, clientDb: ClientFirestore, open: number, nowMs: number, run: string) {
  const firestore = admin.firestore;
  const ids: string[] = [];
  const base = openRequest(`bench-board-student-${run}`, nowMs - HOUR, "Bench board request");
  for (let from = 0; from < 2 * open; from += 500) {
    const batch = firestore.batch();
    for (let i = from; i < Math.min(2 * open, from + 500); i++) {
      const ref = firestore.collection(paths.miniRequests()).doc(`bench-board-${run}-${open}-${i}`);
      ids.push(ref.id);
      const createdMs = nowMs - (i % 300) * MINUTE;
      batch.set(ref, {
        ...base,
        status: i % 2 === 0 ? "open" : CLOSED[i % CLOSED.length]!,
        createdAt: Timestamp.fromMillis(createdMs),
        updatedAt: Timestamp.fromMillis(createdMs),
        expiresAt: Timestamp.fromMillis(createdMs + 7 * DAY),
      });
    }
    await batch.commit();
  }
  const plan = planMiniBoardQuery({ filters: {}, sort: "newest", nowMs });
  const constraints = [
    ...plan.equals.map(({ field, value }) => clientWhere(field, "==", value)),
    clientWhere("expiresAt", ">", ClientTimestamp.fromMillis(plan.expiresAfterMs)),
    ...plan.orderBy.map((order) => clientOrderBy(order.field, order.direction)),
    clientLimit(plan.pageSize + 1),
  ];
  const started = performance.now();
  const snap = await getDocs(clientQuery(clientCollection(clientDb, paths.miniRequests()), ...constraints));
  const ms = Math.round(performance.now() - started);
  for (let from = 0; from < ids.length; from += 500) {
    const batch = firestore.batch();
    for (const id of ids.slice(from, from + 500)) batch.delete(firestore.doc(paths.miniRequest(id)));
    await batch.commit();
  }
  return { openRequests: open, inCollection: 2 * open, documentsRead: snap.size, ms };
}

/** Prints the board's first-screen reads with 100 and with 10,000 open requests; true when they are the same. */
export async function benchMiniBoard(admin: BenchAdmin, run: string): Promise<boolean> {
  const uid = `bench-board-mentor-${run}`;
  await makePerson(admin, uid, "mentor", "Bench Board Mentor");
  const client = await signedInClient(admin.projectId, uid, `bench-board-${run}`);
  const clientDb = getClientFirestore(client.app);
  const [host, port] = process.env.FIRESTORE_EMULATOR_HOST!.split(":");
  connectFirestoreEmulator(clientDb, host!, Number(port));
  // Far from any other data's times, so only this run's requests are open and unexpired then.
  const rows = [await measureBoard(admin, clientDb, 100, Date.UTC(2033, 0, 5, 12), run), await measureBoard(admin, clientDb, 10_000, Date.UTC(2033, 3, 6, 12), run)];
  await client.close();
  console.log("\nMini board, first screen: documents read by a mentor (one page of MINI.browsePageSize, plus one)");
  console.table(rows);
  const [small, large] = rows as [(typeof rows)[number], (typeof rows)[number]];
  const ok = small.documentsRead === large.documentsRead && large.documentsRead === MINI.browsePageSize + 1;
  console.log(
    ok
      ? `OK: the first screen reads ${large.documentsRead} documents with 10,000 open requests, as with 100 (plus the rules' one get of the mentor's profile).`
      : "FAILED: the board's first screen read a different number of documents as the collection grew.",
  );
  return ok;
}
