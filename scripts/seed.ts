// Seeds the emulators with the demo programme in scripts/seed-data.ts. Refuses anything but a demo- project on
// the emulators: it deletes every document and account first (and, with a Realtime Database running, the whole
// database). With FIREBASE_DATABASE_EMULATOR_HOST set it also writes the accepted matches' chats.
//   FIRESTORE_EMULATOR_HOST=127.0.0.1:8080 FIREBASE_AUTH_EMULATOR_HOST=127.0.0.1:9099 npx tsx scripts/seed.ts
import { DEMO_PROJECT_ID, dedupeDocId, inviteIdOf, paths, reportIdOf, rtdbPaths, supportPreview } from "@mentormatch/shared";
import { getApps, initializeApp, type App } from "firebase-admin/app";
import { getAuth, type Auth } from "firebase-admin/auth";
import { getDatabaseWithUrl, type Database } from "firebase-admin/database";
import { FieldValue, Timestamp, getFirestore, type Firestore } from "firebase-admin/firestore";
import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";
import { reconcileProgrammeStats } from "../functions/src/lib/reconcile-stats.js";
import { lockIdParts } from "../functions/src/planners/session.js";
import {
  DEMO_LOGINS,
  SEED_CALENDAR_FEED,
  SEED_INVITE_EMAIL,
  SEED_PASSWORD,
  seedAuditLog,
  seedChats,
  SEED_BLOCKED_WORDS,
  seedReportSource,
  seedSupportThreads,
  seedAvailability,
  seedMatches,
  seedNotifications,
  seedProgramme,
  type SeedFeedback,
  type SeedMatchDoc,
  type SeedMiniRequest,
  type SeedSession,
  seedUsers,
  type SeedUser,
} from "./seed-data.js";

export interface SeedResult {
  projectId: string;
  users: number;
  mentors: number;
  mentees: number;
  admins: number;
  notifications: number;
  matches: number;
  /** Chats and messages written, or null when no Realtime Database was running. */
  chats: number | null;
  messages: number | null;
  sessions: number;
  feedback: number;
  miniRequests: number;
  /** How `stats/programme` was computed: built from history (triggers off meanwhile), then checked. */
  statsCheck: { reads: number; checked: number; drift: number; rebuilt: boolean };
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

const HOUR_MS = 3_600_000;

async function writeDocuments(db: Firestore, users: SeedUser[], now: number): Promise<number> {
  const writes: [string, Record<string, unknown>][] = [];
  const ago = (hours: number) => Timestamp.fromMillis(now - hours * HOUR_MS);
  for (const user of users) {
    writes.push([paths.user(user.uid), profileDocOf(user, now)]);
    writes.push([
      paths.userSettings(user.uid),
      {
        email: user.email,
        emailPrefs: user.emailPrefs,
        createdAt: FieldValue.serverTimestamp(),
        ...(user.uid === SEED_CALENDAR_FEED.uid ? { calendarFeedCreatedAt: Timestamp.fromMillis(now - 5 * 86_400_000) } : {}),
      },
    ]);
  }
  const notifications = seedNotifications();
  for (const n of notifications)
    writes.push([
      paths.notification(n.uid, dedupeDocId(n.id)),
      { kind: n.kind, text: n.text, link: n.link, read: false, createdAt: FieldValue.serverTimestamp(), readAt: null },
    ]);
  // Matches are dated back from now too: pending requests stay within their 14 days whenever the demo runs.
  for (const match of seedMatches()) writes.push([paths.match(match.id), matchDocOf(match, now)]);
  // The audit history is dated back from now, so the People page reads "2 days ago" whenever the demo runs.
  const admin = DEMO_LOGINS.admin;
  for (const entry of seedAuditLog()) {
    const { id, daysAgo, ...fields } = entry;
    writes.push([paths.auditEntry(id), { ...fields, actorUid: admin.uid, actorName: admin.displayName, at: Timestamp.fromMillis(now - daysAgo * 86_400_000) }]);
  }
  // Mentors' hours (the Schedule tab); their overrides are dated from now, so they stay upcoming.
  for (const [mentorId, availability] of Object.entries(seedAvailability(now)))
    writes.push([paths.availability(mentorId), { ...availability, updatedAt: FieldValue.serverTimestamp() }]);
  // Sessions (the Sessions page, the Impact Dashboard, the analytics), each pending or accepted one with the lock
  // documents the booking callables would have left; feedback; mini requests.
  const programme = seedProgramme(now);
  for (const session of programme.sessions) {
    writes.push([paths.session(session.id), sessionDocOf(session)]);
    for (const lockId of session.lockIds) writes.push([paths.sessionLock(lockId), { ...lockIdParts(lockId), sessionId: session.id, createdAt: Timestamp.fromMillis(session.createdAtMs) }]);
  }
  for (const entry of programme.feedback) writes.push([paths.feedback(entry.sessionId, entry.fromUid), feedbackDocOf(entry)]);
  for (const request of programme.miniRequests) writes.push([paths.miniRequest(request.id), miniRequestDocOf(request)]);
  // Sam's calendar feed, as createCalendarFeed leaves it: only the token's hash is stored.
  const feedHash = createHash("sha256").update(SEED_CALENDAR_FEED.token).digest("hex");
  writes.push([paths.calendarFeed(feedHash), { uid: SEED_CALENDAR_FEED.uid, tokenHash: feedHash, createdAt: Timestamp.fromMillis(now - 5 * 86_400_000) }]);
  writes.push([paths.moderationConfig(), { blockedWords: SEED_BLOCKED_WORDS, updatedAt: Timestamp.fromMillis(now - 3 * 86_400_000), updatedBy: admin.uid }]);
  writes.push([
    paths.invite(inviteIdOf(SEED_INVITE_EMAIL)),
    { email: SEED_INVITE_EMAIL, invitedBy: admin.uid, invitedByName: admin.displayName, createdAt: Timestamp.fromMillis(now - 2 * 86_400_000), acceptedAt: null, acceptedUid: null },
  ]);
  // Support conversations, dated back from now; the summary fields are what the support callables would leave.
  const nameOf = new Map(users.map((user) => [user.uid, user.profile.displayName]));
  for (const thread of seedSupportThreads()) {
    const requesterName = nameOf.get(thread.requesterUid) ?? "A member";
    const first = thread.messages[0]!;
    const last = thread.messages.at(-1)!;
    const closeNote = thread.messages.find((m) => m.kind === "close_note");
    writes.push([
      paths.supportThread(thread.id),
      {
        requesterUid: thread.requesterUid,
        requesterName,
        subject: thread.subject,
        status: thread.status,
        createdAt: ago(first.hoursAgo),
        updatedAt: ago(last.hoursAgo),
        lastMessageAt: ago(last.hoursAgo),
        lastMessagePreview: supportPreview(last.text),
        lastFrom: last.from,
        unreadForRequester: last.from === "admin" && !thread.requesterRead,
        unreadForAdmins: last.from === "requester" && thread.status === "open" && !thread.adminsRead,
        messageCount: thread.messages.length,
        closedBy: thread.status === "closed" ? admin.uid : null,
        closedAt: thread.status === "closed" ? ago(closeNote?.hoursAgo ?? last.hoursAgo) : null,
      },
    ]);
    thread.messages.forEach((message, i) =>
      writes.push([
        paths.supportMessage(thread.id, `m${String(i + 1).padStart(2, "0")}`),
        {
          authorUid: message.from === "admin" ? admin.uid : thread.requesterUid,
          authorName: message.from === "admin" ? admin.displayName : requesterName,
          authorRole: message.from,
          text: message.text,
          kind: message.kind ?? "message",
          createdAt: ago(message.hoursAgo),
        },
      ]),
    );
  }
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

/** A seeded person's profile as registerAccount and the app would have left it (server timestamps for the times). */
export function profileDocOf(user: SeedUser, now: number): Record<string, unknown> {
  const answers = user.responsiveness;
  const responsiveness = answers
    ? {
        responseHoursRecent: answers.responseHoursRecent,
        medianResponseHours: answers.medianResponseHours,
        lastActiveAt: Timestamp.fromMillis(now - answers.lastActiveHoursAgo * HOUR_MS),
      }
    : {};
  return { ...user.profile, ...responsiveness, uid: user.uid, role: user.role, createdAt: FieldValue.serverTimestamp(), updatedAt: FieldValue.serverTimestamp() };
}

/** A seeded match as stored: dated back from `now`, so pending requests stay within their 14 days whenever it runs. */
export function matchDocOf(match: SeedMatchDoc, now: number): Record<string, unknown> {
  const { id: _id, requestedHoursAgo, expiresHoursAgo, respondedHoursAgo, endedHoursAgo, createdHoursAgo, updatedHoursAgo, ...fields } = match;
  const ago = (hours: number) => Timestamp.fromMillis(now - hours * HOUR_MS);
  return {
    ...fields,
    requestedAt: ago(requestedHoursAgo),
    expiresAt: ago(expiresHoursAgo),
    respondedAt: respondedHoursAgo === null ? null : ago(respondedHoursAgo),
    endedAt: endedHoursAgo === null ? null : ago(endedHoursAgo),
    createdAt: ago(createdHoursAgo),
    updatedAt: ago(updatedHoursAgo),
  };
}

/** A seeded session as stored: its `…Ms` times as Timestamps. */
export function sessionDocOf(session: SeedSession): Record<string, unknown> {
  const { id: _id, startMs, endMs, ...rest } = session;
  return { ...timestamps(rest), startAt: Timestamp.fromMillis(startMs), endAt: Timestamp.fromMillis(endMs) };
}

export function feedbackDocOf(entry: SeedFeedback): Record<string, unknown> {
  const { id: _id, ...rest } = entry;
  return timestamps(rest);
}

export function miniRequestDocOf(request: SeedMiniRequest): Record<string, unknown> {
  const { id: _id, ...rest } = request;
  return timestamps(rest);
}

/** `createdAtMs: 1…` → `createdAt: Timestamp`, null staying null: the seed's plain data in Firestore's stored form. */
function timestamps(data: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) =>
      key.endsWith("Ms") ? [key.slice(0, -2), value === null ? null : Timestamp.fromMillis(value as number)] : [key, value],
    ),
  );
}

const PUSH_CHARS = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

/**
 * A push id for a message sent at `ms`, as the SDK's push() makes them (8 characters of time, then 12 more), with
 * a deterministic tail: keys sort in sending order, so the app's orderByKey() paging reads the history in order.
 */
export function pushIdAt(ms: number, seq: number): string {
  let time = "";
  for (let i = 0, t = ms; i < 8; i++, t = Math.floor(t / 64)) time = PUSH_CHARS.charAt(t % 64) + time;
  let tail = "";
  for (let i = 0, n = seq; i < 12; i++, n = Math.floor(n / 64)) tail = PUSH_CHARS.charAt(n % 64) + tail;
  return time + tail;
}

/** The admin SDK queues writes forever against a database that is not there: give up with a clear message. */
function withinTimeout<T>(work: Promise<T>, what: string, ms = 15_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`seed: ${what} timed out after ${ms / 1000} s: is the Realtime Database at ${process.env.FIREBASE_DATABASE_EMULATOR_HOST} running?`)),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The project's default instance, the one functions' rtdb() opens; as admin, so rules do not apply. */
function seedDatabase(app: App, projectId: string): Database {
  return getDatabaseWithUrl(`https://${projectId}-default-rtdb.firebaseio.com`, app);
}

/**
 * The accepted matches' chats as the app and acceptMatch leave them: both members, open, the messages (keys in
 * sending order), each person's lastRead, and both chat-list entries in the rules' shape (the preview of the last
 * message, unread = the other's messages after the owner's lastRead).
 */
async function writeChats(database: Database, now: number): Promise<{ chats: number; messages: number }> {
  const update: Record<string, unknown> = {};
  let messages = 0;
  let seq = 0;
  for (const chat of seedChats()) {
    const uidOf = (side: "mentor" | "mentee") => (side === "mentor" ? chat.mentorId : chat.menteeId);
    const sent = [...chat.messages]
      .sort((a, b) => b.hoursAgo - a.hoursAgo)
      .map((message) => {
        const sentAt = Math.round(now - message.hoursAgo * HOUR_MS);
        return { id: pushIdAt(sentAt, seq++), from: uidOf(message.from), text: message.text, sentAt };
      });
    const lastRead = { [chat.mentorId]: Math.round(now - chat.lastReadHoursAgo.mentor * HOUR_MS), [chat.menteeId]: Math.round(now - chat.lastReadHoursAgo.mentee * HOUR_MS) };
    update[rtdbPaths.chat(chat.matchId)] = {
      members: { [chat.mentorId]: true, [chat.menteeId]: true },
      meta: { closed: false },
      messages: Object.fromEntries(sent.map(({ id, ...message }) => [id, message])),
      lastRead,
    };
    const last = sent.at(-1)!;
    for (const [uid, peerId] of [
      [chat.mentorId, chat.menteeId],
      [chat.menteeId, chat.mentorId],
    ] as const) {
      update[`${rtdbPaths.userChats(uid)}/${chat.matchId}`] = {
        peerId,
        lastMessageId: last.id,
        lastMessage: last.text.slice(0, 140),
        lastMessageAt: last.sentAt,
        lastFrom: last.from,
        unread: sent.filter((message) => message.from === peerId && message.sentAt > lastRead[uid]!).length,
      };
    }
    messages += sent.length;
  }
  await withinTimeout(database.ref().update(update), "writing the chats");
  return { chats: seedChats().length, messages };
}

/** The demo's open report (seedReportSource), on a message as writeChats wrote it: the reported side's last one. */
async function writeReport(db: Firestore, database: Database, now: number): Promise<void> {
  const source = seedReportSource();
  if (!source) return;
  const chat = seedChats().find((c) => c.matchId === source.matchId)!;
  const snap = await withinTimeout(database.ref(rtdbPaths.chatMessages(chat.matchId)).get(), "reading the reported chat");
  let last: { id: string; from: string; text: string; sentAt: number } | null = null;
  snap.forEach((child) => {
    const message = child.val() as { from: string; text: string; sentAt: number };
    if (message.from === chat.mentorId) last = { id: child.key!, ...message };
  });
  if (!last) return;
  const message = last as { id: string; from: string; text: string; sentAt: number };
  const names = Object.fromEntries(seedUsers(now).map((user) => [user.uid, user.profile.displayName]));
  await db.doc(paths.report(reportIdOf(chat.matchId, message.id, chat.menteeId))).set({
    chatId: chat.matchId,
    messageId: message.id,
    reporterUid: chat.menteeId,
    reporterName: names[chat.menteeId] ?? "A mentee",
    authorUid: chat.mentorId,
    authorName: names[chat.mentorId] ?? "A mentor",
    messageText: message.text,
    messageSentAt: Timestamp.fromMillis(message.sentAt),
    reason: source.reason,
    details: source.details,
    status: "open",
    createdAt: Timestamp.fromMillis(now - source.hoursAgo * HOUR_MS),
    resolvedAt: null,
    resolvedBy: null,
    resolvedByName: null,
    action: null,
    note: "",
  });
}

/**
 * The functions emulator's background triggers, off while the seed writes (a firebase-tools hub endpoint). The seed
 * writes every field a trigger would add (search tokens, counters), so the only triggers that would do anything are
 * the stats triggers — a burst of about a thousand events the emulator takes minutes over on a small machine, racing
 * the recompute below. Without a hub (no emulator suite) there is nothing to turn off.
 */
async function backgroundTriggers(on: boolean): Promise<boolean> {
  const hub = process.env.FIREBASE_EMULATOR_HUB ?? "127.0.0.1:4400";
  try {
    const response = await fetch(`http://${hub}/functions/${on ? "enable" : "disable"}BackgroundTriggers`, { method: "PUT", signal: AbortSignal.timeout(3_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * `stats/programme` for the seeded history, with the triggers quiet: the daily reconciliation finds no document, so
 * it builds it from every document (the same contributions the triggers add up), then checks it against history and
 * writes today's snapshot. From then on the triggers keep it per event.
 */
async function computeProgrammeStats(db: Firestore, now: number) {
  await db.doc(paths.programmeStats()).delete();
  const check = await reconcileProgrammeStats({ now: new Date(now), db, settleMs: 0 });
  return { reads: check.reads, checked: check.checked, drift: check.drift.length, rebuilt: check.rebuilt };
}

/**
 * Seeds the demo programme; with `reset` (the default) it first empties Firestore and Auth in the emulators, and
 * the Realtime Database when one is running (FIREBASE_DATABASE_EMULATOR_HOST).
 */
export async function seed(options: { reset?: boolean } = {}): Promise<SeedResult> {
  const triggersOff = await backgroundTriggers(false);
  try {
    return await seedQuietly(options);
  } finally {
    if (triggersOff) await backgroundTriggers(true);
  }
}

async function seedQuietly({ reset = true }: { reset?: boolean }): Promise<SeedResult> {
  const started = Date.now();
  const { projectId, firestoreHost, authHost } = seedTarget();
  const app = seedApp(projectId);
  const database = process.env.FIREBASE_DATABASE_EMULATOR_HOST ? seedDatabase(app, projectId) : null;
  if (reset) {
    await clearEmulators(projectId, firestoreHost, authHost);
    if (database) await withinTimeout(database.ref().set(null), "clearing the Realtime Database");
  }
  const now = Date.now();
  const users = seedUsers(now);
  await inPool(users, CONCURRENCY, (user) => upsertAccount(getAuth(app), user));
  const notifications = await writeDocuments(getFirestore(app), users, now);
  const chats = database ? await writeChats(database, now) : null;
  if (database) await writeReport(getFirestore(app), database, now);
  const stats = await computeProgrammeStats(getFirestore(app), now);
  const programme = seedProgramme(now);
  const count = (role: string) => users.filter((user) => user.role === role).length;
  return {
    projectId,
    users: users.length,
    mentors: count("mentor"),
    mentees: count("mentee"),
    admins: count("admin"),
    notifications,
    matches: seedMatches().length,
    chats: chats?.chats ?? null,
    messages: chats?.messages ?? null,
    sessions: programme.sessions.length,
    feedback: programme.feedback.length,
    miniRequests: programme.miniRequests.length,
    statsCheck: stats,
    ms: Date.now() - started,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  seed()
    .then((result) => {
      console.log(
        `seeded ${result.projectId}: ${result.mentors} mentors, ${result.mentees} mentees, ${result.admins} admin, ` +
          `${result.notifications} notifications, ${result.matches} matches in ${result.ms} ms`,
      );
      console.log(
        `  history: ${result.sessions} sessions, ${result.feedback} ratings, ${result.miniRequests} mini requests; ` +
          `stats/programme ${result.statsCheck.rebuilt ? "built from history and " : ""}checked: ${result.statsCheck.checked} figures, ` +
          `${result.statsCheck.drift} drifted, ${result.statsCheck.reads} reads`,
      );
      console.log(
        result.chats === null
          ? "  chats: skipped (no Realtime Database: FIREBASE_DATABASE_EMULATOR_HOST is not set)"
          : `  chats: ${result.chats} chats, ${result.messages} messages`,
      );
      for (const [role, login] of Object.entries(DEMO_LOGINS)) console.log(`  ${role.padEnd(6)} ${login.email} / ${login.password}`);
      process.exit(0);
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
