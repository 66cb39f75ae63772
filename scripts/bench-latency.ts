// `npm run bench:latency`: what booking costs over the callable round trip itself. On one functions emulator, a
// mentee books N sessions one after another (bookSession: one transaction reading the match, the availability, both
// profiles and every lock, then creating the session, its locks and a notification) and, interleaved with them,
// makes N calls of a callable that does no reads or writes (getSignUpPolicy: it answers a deploy-time parameter),
// signed in the same way. Prints p50/p95 of each and the ratio. Warm-up calls (cold starts) are left out.
// Runs inside the emulators: node scripts/emulators.mjs exec --test-env --only auth,firestore,functions -- "npx tsx scripts/bench-latency.ts"
// BENCH_CALLS changes N (default 60).
import { matchIdOf, paths } from "@mentormatch/shared";
import { deleteApp as deleteAdminApp } from "firebase-admin/app";
import { planRequest } from "../functions/src/planners/match.js";
import { benchAdmin, makePerson, percentile, signedInClient } from "./bench-helpers.js";

const CALLS = Number(process.env.BENCH_CALLS ?? 60);
const WARM_UP = 5;
const DAY_MS = 24 * 3_600_000;
const SLOT_MS = 30 * 60_000;

const admin = benchAdmin("bench:latency");
const run = Date.now().toString(36);
const mentorId = `latency-mentor-${run}`;
const menteeId = `latency-mentee-${run}`;
const allDay = [{ start: "00:00", end: "24:00" }];

const mentor = await makePerson(admin, mentorId, "mentor", "Latency Mentor", { capacity: 5, acceptingRequests: true, activeMenteeCount: 1 });
const mentee = await makePerson(admin, menteeId, "mentee", "Latency Mentee");
await admin.firestore.doc(paths.availability(mentorId)).set({
  timeZone: "UTC",
  weekly: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
  overrides: {},
  minimumNoticeMinutes: 0,
  horizonDays: 30,
  bufferMinutes: 0,
  updatedAt: new Date(),
});
// The pair's match, written as requestMatch writes it (planRequest), then accepted.
const plan = planRequest({
  menteeId,
  mentee: { ...mentee, role: "mentee" },
  mentorId,
  mentor: { ...mentor, role: "mentor", responseHoursRecent: [] },
  match: null,
  pendingCount: 0,
  message: "Latency bench",
  now: new Date(),
});
if (plan.action !== "request") throw new Error(`planRequest refused: ${plan.message}`);
await admin.firestore.doc(paths.match(matchIdOf(mentorId, menteeId))).set({ ...plan.doc, status: "accepted", respondedAt: new Date() });

const client = await signedInClient(admin.projectId, menteeId);
const book = client.callable("bookSession");
const noop = client.callable("getSignUpPolicy");

// Back-to-back 30-minute slots from tomorrow 00:00 UTC: each booking takes a fresh one, so every call books.
const firstSlot = Math.floor(Date.now() / DAY_MS) * DAY_MS + DAY_MS;
let slot = 0;
async function timed(call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await call();
  return performance.now() - started;
}
const bookOnce = () => timed(() => book({ matchId: matchIdOf(mentorId, menteeId), startMs: firstSlot + slot++ * SLOT_MS, durationMinutes: 30, agenda: "Latency bench" }));
const noopOnce = () => timed(() => noop({}));

for (let i = 0; i < WARM_UP; i += 1) {
  await noopOnce();
  await bookOnce();
}
const bookings: number[] = [];
const noops: number[] = [];
for (let i = 0; i < CALLS; i += 1) {
  noops.push(await noopOnce());
  bookings.push(await bookOnce());
}
await client.close();

const sessions = await admin.firestore.collection(paths.sessions()).where("participants", "array-contains", menteeId).count().get();
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const row = (label: string, values: number[]) =>
  `${label.padEnd(44)} p50 ${fmt(percentile(values, 50)).padStart(9)}   p95 ${fmt(percentile(values, 95)).padStart(9)}   max ${fmt(Math.max(...values)).padStart(9)}`;
console.log(`bench:latency — ${CALLS} calls each, interleaved, after ${WARM_UP} warm-up calls each, one functions emulator`);
console.log(row("no-op callable (getSignUpPolicy)", noops));
console.log(row("bookSession (transaction + locks + notify)", bookings));
console.log(
  `ratio bookSession / no-op: p50 ${(percentile(bookings, 50) / percentile(noops, 50)).toFixed(2)}×, ` +
    `p95 ${(percentile(bookings, 95) / percentile(noops, 95)).toFixed(2)}×; sessions booked: ${sessions.data().count} (expected ${CALLS + WARM_UP})`,
);
await deleteAdminApp(admin.app);
process.exit(sessions.data().count === CALLS + WARM_UP ? 0 : 1);
