// `npm run bench:races`: two races through the functions emulator.
// 1. Acceptance at capacity 1: each round makes a mentor with one place and 20 pending requests from 20 mentees, then
//    fires 20 acceptMatch calls at once, as the mentor. Prints the winners per round and how many rounds went over
//    capacity (must be 0).
// 2. Booking: each round makes a mentor with hours and an accepted match with each of the 20 mentees, then the 20
//    mentees call bookSession at once for 60-minute sessions 0/15/30/45 minutes apart (every pair overlaps). Prints
//    the successes per round and the double bookings (overlapping pending/accepted sessions of one person; must be 0).
// 3. Mini requests (scripts/bench-mini.ts): 50 mentors claim one open request at once, each round. Prints the winners
//    per round (must be exactly 1) and the requests claimed twice (must be 0).
// The exit code is 1 if any race misbehaved.
// Runs inside the emulators: node scripts/emulators.mjs exec --test-env --only auth,firestore,functions -- "npx tsx scripts/bench-races.ts"
// BENCH_ROUNDS and BENCH_CONCURRENCY change the shape (default 20 × 20).
import { matchIdOf, paths, type CallableOutput } from "@mentormatch/shared";
import { deleteApp as deleteAdminApp } from "firebase-admin/app";
import type { Firestore } from "firebase-admin/firestore";
import { planRequest } from "../functions/src/planners/match.js";
import { benchAdmin, makePerson as makeBenchPerson, signedInClient } from "./bench-helpers.js";
import { benchMiniClaims } from "./bench-mini.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const CAPACITY = 1;

const admin = benchAdmin("bench:races");
const { projectId, firestore } = admin;
const adminApp = admin.app;
const run = Date.now().toString(36);

const makePerson = (uid: string, role: "mentor" | "mentee", displayName: string, extra: Record<string, unknown> = {}) =>
  makeBenchPerson(admin, uid, role, displayName, extra);

/** `count` pending requests to `mentorId`, written as requestMatch writes them (planRequest builds each). */
async function pendingRequests(db: Firestore, mentorId: string, mentor: Awaited<ReturnType<typeof makePerson>>, mentees: Awaited<ReturnType<typeof makePerson>>[]) {
  const batch = db.batch();
  for (const mentee of mentees) {
    const plan = planRequest({
      menteeId: mentee.uid,
      mentee: { ...mentee, role: "mentee" },
      mentorId,
      mentor: { ...mentor, role: "mentor", responseHoursRecent: [] },
      match: null,
      pendingCount: 0,
      message: "Could you mentor me?",
      now: new Date(),
    });
    if (plan.action !== "request") throw new Error(`planRequest refused: ${plan.message}`);
    batch.set(db.doc(paths.match(matchIdOf(mentorId, mentee.uid))), plan.doc);
  }
  await batch.commit();
}

interface RoundResult {
  round: number;
  winners: number;
  refused: number;
  errors: string[];
  activeMenteeCount: number;
  acceptedDocs: number;
  ms: number;
}

async function playRound(round: number, mentees: Awaited<ReturnType<typeof makePerson>>[]): Promise<RoundResult> {
  const mentorId = `bench-mentor-${run}-${round}`;
  const mentor = await makePerson(mentorId, "mentor", `Bench Mentor ${round}`, { capacity: CAPACITY, acceptingRequests: true });
  await pendingRequests(firestore, mentorId, mentor, mentees);

  const client = await signedInClient(projectId, mentorId, `bench-${run}-${round}`);
  const accept = client.callable<{ matchId: string }, CallableOutput<"acceptMatch">>("acceptMatch");

  const started = Date.now();
  const results = await Promise.allSettled(mentees.map((mentee) => accept({ matchId: matchIdOf(mentorId, mentee.uid) })));
  const ms = Date.now() - started;
  await client.close();

  const errors: string[] = [];
  let winners = 0;
  let refused = 0;
  for (const result of results) {
    if (result.status === "fulfilled") {
      if (result.value.data.changed) winners += 1;
    } else {
      const code = (result.reason as { code?: string }).code;
      if (code === "functions/failed-precondition") refused += 1;
      else errors.push(`${code}: ${(result.reason as Error).message}`);
    }
  }
  const activeMenteeCount = (await firestore.doc(paths.user(mentorId)).get()).get("activeMenteeCount") as number;
  const acceptedDocs = (await firestore.collection(paths.matches()).where("mentorId", "==", mentorId).where("status", "==", "accepted").get()).size;
  return { round, winners, refused, errors, activeMenteeCount, acceptedDocs, ms };
}

const mentees: Awaited<ReturnType<typeof makePerson>>[] = [];
for (let i = 0; i < CONCURRENCY; i += 1) mentees.push(await makePerson(`bench-mentee-${run}-${i}`, "mentee", `Bench Mentee ${i}`));

console.log(`bench:races — ${ROUNDS} rounds × ${CONCURRENCY} concurrent acceptMatch calls, capacity ${CAPACITY}`);
const rounds: RoundResult[] = [];
for (let round = 1; round <= ROUNDS; round += 1) {
  const result = await playRound(round, mentees);
  rounds.push(result);
  const over = result.acceptedDocs > CAPACITY || result.activeMenteeCount > CAPACITY || result.activeMenteeCount !== result.acceptedDocs;
  console.log(
    `round ${String(round).padStart(2)}: ${result.winners} winner(s), ${result.refused} refused at capacity, ${result.errors.length} error(s); ` +
      `activeMenteeCount ${result.activeMenteeCount}, accepted matches ${result.acceptedDocs}; ${result.ms} ms${over ? "  OVER CAPACITY" : ""}`,
  );
  for (const error of result.errors.slice(0, 3)) console.log(`          ${error}`);
}

const overCapacity = rounds.filter((r) => r.acceptedDocs > CAPACITY || r.activeMenteeCount > CAPACITY || r.activeMenteeCount !== r.acceptedDocs).length;
const notExactlyOne = rounds.filter((r) => r.winners !== 1).length;
const errors = rounds.reduce((sum, r) => sum + r.errors.length, 0);
const times = rounds.map((r) => r.ms).sort((a, b) => a - b);
console.log(
  `\nwinners per round: ${rounds.map((r) => r.winners).join(" ")}\n` +
    `over-capacity rounds: ${overCapacity}; rounds without exactly one winner: ${notExactlyOne}; errors: ${errors}; ` +
    `round time median ${times[Math.floor(times.length / 2)]} ms, max ${times.at(-1)} ms`,
);

// ---- the booking race ------------------------------------------------------------------------------------------

const HOUR_MS = 3_600_000;
const allDay = [{ start: "00:00", end: "24:00" }];

/** Every pair of pending/accepted sessions of `uid` that overlap: a double booking. Must stay 0. */
async function doubleBookings(uid: string): Promise<number> {
  const snap = await firestore.collection(paths.sessions()).where("participants", "array-contains", uid).where("status", "in", ["pending", "accepted"]).get();
  const times = snap.docs.map((doc) => [doc.get("startAt").toMillis() as number, doc.get("endAt").toMillis() as number] as const);
  let pairs = 0;
  for (let i = 0; i < times.length; i += 1) for (let j = i + 1; j < times.length; j += 1) if (times[i]![0] < times[j]![1] && times[j]![0] < times[i]![1]) pairs += 1;
  return pairs;
}

const menteeClients = await Promise.all(
  mentees.map(async (mentee) => {
    const client = await signedInClient(projectId, mentee.uid, `bench-book-${mentee.uid}`);
    return { client, uid: mentee.uid, book: client.callable<Record<string, unknown>, CallableOutput<"bookSession">>("bookSession") };
  }),
);

interface BookingRound {
  round: number;
  successes: number;
  taken: number;
  errors: string[];
  doubleBookings: number;
  ms: number;
}

async function playBookingRound(round: number): Promise<BookingRound> {
  const mentorId = `bench-book-mentor-${run}-${round}`;
  const mentor = await makePerson(mentorId, "mentor", `Bench Booking Mentor ${round}`, { capacity: 20, acceptingRequests: true });
  await firestore.doc(paths.availability(mentorId)).set({
    timeZone: "UTC",
    weekly: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    overrides: {},
    minimumNoticeMinutes: 0,
    horizonDays: 14,
    bufferMinutes: 15,
    updatedAt: new Date(),
  });
  await pendingRequests(firestore, mentorId, mentor, mentees);
  const batch = firestore.batch();
  for (const mentee of mentees) batch.update(firestore.doc(paths.match(matchIdOf(mentorId, mentee.uid))), { status: "accepted", respondedAt: new Date() });
  await batch.commit();

  // Tomorrow 10:00 UTC plus the round, so rounds never share a cell even for the mentees, who take part in every round.
  const base = Math.floor(Date.now() / (24 * HOUR_MS)) * 24 * HOUR_MS + 24 * HOUR_MS + 10 * HOUR_MS + round * 2 * HOUR_MS;
  const started = Date.now();
  const results = await Promise.allSettled(
    menteeClients.map((client, i) =>
      client.book({ matchId: matchIdOf(mentorId, client.uid), startMs: base + (i % 4) * 15 * 60_000, durationMinutes: 60, agenda: `bench ${round}.${i}` }),
    ),
  );
  const ms = Date.now() - started;
  const errors: string[] = [];
  let successes = 0;
  let taken = 0;
  for (const result of results) {
    if (result.status === "fulfilled") successes += 1;
    else {
      const code = (result.reason as { code?: string }).code;
      const sentence = (result.reason as { details?: { message?: string } }).details?.message;
      if (code === "functions/already-exists" && sentence === "That time was just taken — pick another.") taken += 1;
      else errors.push(`${code}: ${(result.reason as Error).message}`);
    }
  }
  let doubles = await doubleBookings(mentorId);
  for (const mentee of mentees) doubles += await doubleBookings(mentee.uid);
  return { round, successes, taken, errors, doubleBookings: doubles, ms };
}

console.log(`\nbench:races — ${ROUNDS} rounds × ${CONCURRENCY} concurrent overlapping bookSession calls with one mentor`);
const bookingRounds: BookingRound[] = [];
for (let round = 1; round <= ROUNDS; round += 1) {
  const result = await playBookingRound(round);
  bookingRounds.push(result);
  console.log(
    `round ${String(round).padStart(2)}: ${result.successes} success(es), ${result.taken} told "just taken", ${result.errors.length} error(s); ` +
      `double bookings ${result.doubleBookings}; ${result.ms} ms${result.doubleBookings ? "  DOUBLE BOOKED" : ""}`,
  );
  for (const error of result.errors.slice(0, 3)) console.log(`          ${error}`);
}
await Promise.all(menteeClients.map(({ client }) => client.close()));

const doubleBooked = bookingRounds.reduce((sum, r) => sum + r.doubleBookings, 0);
const notExactlyOneBooking = bookingRounds.filter((r) => r.successes !== 1).length;
const bookingErrors = bookingRounds.reduce((sum, r) => sum + r.errors.length, 0);
const bookingTimes = bookingRounds.map((r) => r.ms).sort((a, b) => a - b);
console.log(
  `\nsuccesses per round: ${bookingRounds.map((r) => r.successes).join(" ")}\n` +
    `double bookings: ${doubleBooked}; rounds without exactly one success: ${notExactlyOneBooking}; errors: ${bookingErrors}; ` +
    `round time median ${bookingTimes[Math.floor(bookingTimes.length / 2)]} ms, max ${bookingTimes.at(-1)} ms`,
);

// ---- the mini request claim race (scripts/bench-mini.ts): 50 mentors, one request, ROUNDS rounds ----------------------
const miniClaimsOk = await benchMiniClaims(admin, run, ROUNDS, Number(process.env.BENCH_MINI_CONCURRENCY ?? 50));

await deleteAdminApp(adminApp);
process.exit(overCapacity || notExactlyOne || doubleBooked || notExactlyOneBooking || !miniClaimsOk ? 1 : 0);
