// `npm run bench:races`: the acceptance race at capacity 1. Each round makes a mentor with one place and 20 pending
// requests from 20 mentees, then fires 20 acceptMatch calls at once, as the mentor, through the functions emulator.
// Prints the winners per round and, last, how many rounds went over capacity (must be 0; the exit code says so).
// Runs inside the emulators: node scripts/emulators.mjs exec --test-env --only auth,firestore,functions -- "npx tsx scripts/bench-races.ts"
// BENCH_ROUNDS and BENCH_CONCURRENCY change the shape (default 20 × 20).
import {
  DEMO_PROJECT_ID,
  FUNCTIONS_REGION,
  buildSearchTokens,
  defaultProfileFields,
  matchIdOf,
  paths,
  type CallableOutput,
} from "@mentormatch/shared";
import { deleteApp as deleteAdminApp, initializeApp as initializeAdminApp } from "firebase-admin/app";
import { getAuth as getAdminAuth } from "firebase-admin/auth";
import { getFirestore as getAdminFirestore, type Firestore } from "firebase-admin/firestore";
import { deleteApp, initializeApp } from "firebase/app";
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword } from "firebase/auth";
import { connectFunctionsEmulator, getFunctions, httpsCallable } from "firebase/functions";
import { planRequest } from "../functions/src/planners/match.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const CAPACITY = 1;
const PASSWORD = "bench-races-password";

const projectId = process.env.GCLOUD_PROJECT ?? DEMO_PROJECT_ID;
if (!process.env.FIRESTORE_EMULATOR_HOST || !process.env.FIREBASE_AUTH_EMULATOR_HOST || !projectId.startsWith("demo-")) {
  console.error("bench-races: run it inside the emulators (npm run bench:races); it never touches a real project.");
  process.exit(2);
}

const adminApp = initializeAdminApp({ projectId }, "bench-races");
const firestore = getAdminFirestore(adminApp);
const auth = getAdminAuth(adminApp);
const run = Date.now().toString(36);

/** A member as registerAccount leaves one: a verified account with the role claim and a profile. */
async function makePerson(uid: string, role: "mentor" | "mentee", displayName: string, extra: Record<string, unknown> = {}) {
  await auth.createUser({ uid, email: `${uid}@example.com`, password: PASSWORD, emailVerified: true, displayName });
  await auth.setCustomUserClaims(uid, { role });
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
  await firestore.doc(paths.user(uid)).set(profile);
  return profile;
}

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

  const app = initializeApp({ projectId, apiKey: "fake-api-key" }, `bench-${run}-${round}`);
  const clientAuth = getAuth(app);
  connectAuthEmulator(clientAuth, `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}`, { disableWarnings: true });
  const functions = getFunctions(app, FUNCTIONS_REGION);
  connectFunctionsEmulator(functions, "127.0.0.1", 5001);
  await signInWithEmailAndPassword(clientAuth, `${mentorId}@example.com`, PASSWORD);
  const accept = httpsCallable<{ matchId: string }, CallableOutput<"acceptMatch">>(functions, "acceptMatch");

  const started = Date.now();
  const results = await Promise.allSettled(mentees.map((mentee) => accept({ matchId: matchIdOf(mentorId, mentee.uid) })));
  const ms = Date.now() - started;
  await deleteApp(app);

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

const mentees = [];
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
await deleteAdminApp(adminApp);
process.exit(overCapacity || notExactlyOne ? 1 : 0);
