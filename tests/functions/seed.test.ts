import {
  DEPARTMENTS,
  MATCHING,
  buildSearchTokens,
  matchDocSchema,
  medianOf,
  profileDocSchema,
  rtdbPaths,
  sessionDocSchema,
} from "@mentormatch/shared";
import { getApps } from "firebase-admin/app";
import { getDatabaseWithUrl } from "firebase-admin/database";
import { Timestamp } from "firebase-admin/firestore";
import { describe, expect, it } from "vitest";
import { pushIdAt, seed, seedTarget } from "../../scripts/seed.js";
import {
  DEMO_LOGINS,
  SEED_PASSWORD,
  seedChats,
  seedEmail,
  seedMatches,
  seedMentees,
  seedMentors,
  seedSessions,
  seedUsers,
  seededDepartments,
} from "../../scripts/seed-data.js";
import { PROJECT_ID, adminAuth, adminDb } from "./helpers.js";

const SAM_ADA = `${DEMO_LOGINS.mentor.uid}_${DEMO_LOGINS.mentee.uid}`;

async function counts() {
  const users = await adminDb.collection("users").get();
  const byRole = (role: string) => users.docs.filter((doc) => doc.get("role") === role).length;
  const accounts = await adminAuth.listUsers(1000);
  const settings = await adminDb.collectionGroup("private").get();
  const notifications = await adminDb.collectionGroup("notifications").get();
  return {
    profiles: users.size,
    mentors: byRole("mentor"),
    mentees: byRole("mentee"),
    admins: byRole("admin"),
    accounts: accounts.users.length,
    settings: settings.size,
    notifications: notifications.size,
    matches: (await adminDb.collection("matches").get()).size,
  };
}

/** Every mentor's stored count against their stored accepted matches: equal, and within capacity. */
async function expectCountsMatchAcceptedMatches() {
  const mentors = await adminDb.collection("users").where("role", "==", "mentor").get();
  const accepted = await adminDb.collection("matches").where("status", "==", "accepted").get();
  for (const mentor of mentors.docs) {
    const count = accepted.docs.filter((doc) => doc.get("mentorId") === mentor.id).length;
    expect(mentor.get("activeMenteeCount"), mentor.id).toBe(count);
    expect(count, mentor.id).toBeLessThanOrEqual(mentor.get("capacity") as number);
  }
  return accepted.size;
}

describe("seed data", () => {
  it("is a realistic programme: enough mentors in every department, mentees with goals, one admin", () => {
    const mentors = seedMentors();
    expect(mentors.length).toBeGreaterThanOrEqual(25);
    expect(seedMentees()).toHaveLength(40);
    expect(seededDepartments()).toEqual([...DEPARTMENTS]);
    for (const mentor of mentors) {
      expect(mentor.profile.capacity).toBeGreaterThanOrEqual(2);
      expect(mentor.profile.capacity).toBeLessThanOrEqual(5);
      expect(mentor.profile.expertise.length).toBeGreaterThan(0);
      expect(mentor.profile.bio.split(". ").length).toBeGreaterThanOrEqual(2);
    }
    for (const mentee of seedMentees()) expect(mentee.profile.learningGoals.length).toBeGreaterThan(0);
    expect(new Set(mentors.map((m) => m.profile.ratingAvg)).size).toBeGreaterThan(10);
  });

  it("passes the profile schema the web app and rules enforce, with stable ids and unique emails", () => {
    const users = seedUsers();
    for (const user of users) {
      // The stored shape, as firestore.rules and the web's document parsing hold it (timestamps stand in).
      const stamp = Timestamp.fromMillis(0);
      const parsed = profileDocSchema.safeParse({ ...user.profile, uid: user.uid, role: user.role, createdAt: stamp, updatedAt: stamp });
      expect(parsed.success, `${user.uid}: ${parsed.success ? "" : parsed.error.message}`).toBe(true);
      expect(user.profile.searchTokens).toEqual(buildSearchTokens(user.profile));
      expect(user.profile.avatarUrl).toBe("");
    }
    expect(new Set(users.map((u) => u.email)).size).toBe(users.length);
    expect(new Set(users.map((u) => u.uid)).size).toBe(users.length);
    expect(users.filter((u) => u.role === "admin").map((u) => u.email)).toEqual([DEMO_LOGINS.admin.email]);
    expect(seedEmail("Lucía O'Connor-Romero")).toBe("lucia.oconnor.romero@mentormatch.dev");
    expect(seedUsers()).toEqual(users);
  });

  it("has matches in the stored shape, counted into each mentor, with the demo logins' stories", () => {
    const matches = seedMatches();
    const mentors = seedMentors();
    const stamp = (hoursAgo: number | null) => (hoursAgo === null ? null : Timestamp.fromMillis(1_800_000_000_000 - hoursAgo * 3_600_000));
    for (const m of matches) {
      const { id, requestedHoursAgo, expiresHoursAgo, respondedHoursAgo, endedHoursAgo, createdHoursAgo, updatedHoursAgo, ...fields } = m;
      const parsed = matchDocSchema.strict().safeParse({
        ...fields,
        requestedAt: stamp(requestedHoursAgo),
        expiresAt: stamp(expiresHoursAgo),
        respondedAt: stamp(respondedHoursAgo),
        endedAt: stamp(endedHoursAgo),
        createdAt: stamp(createdHoursAgo),
        updatedAt: stamp(updatedHoursAgo),
      });
      expect(parsed.success, `${id}: ${parsed.success ? "" : parsed.error.message}`).toBe(true);
      expect(id).toBe(`${m.mentorId}_${m.menteeId}`);
      expect(m.participants).toEqual([m.mentorId, m.menteeId]);
      expect(requestedHoursAgo - expiresHoursAgo).toBe(MATCHING.requestDays * 24);
      // Pending requests are still within their 14 days; expired ones are past them.
      if (m.status === "pending") expect(expiresHoursAgo).toBeLessThan(0);
      if (m.status === "expired") expect(expiresHoursAgo).toBeGreaterThan(0);
      expect(m.respondedHoursAgo !== null).toBe(["accepted", "declined", "ended"].includes(m.status));
      const mentor = mentors.find((u) => u.uid === m.mentorId)!;
      const mentee = seedMentees().find((u) => u.uid === m.menteeId)!;
      expect([m.mentorName, m.mentorTitle]).toEqual([mentor.profile.displayName, mentor.profile.title]);
      expect([m.menteeName, m.menteeTitle, m.menteeDepartment]).toEqual([mentee.profile.displayName, mentee.profile.title, mentee.profile.department]);
    }
    expect(new Set(matches.map((m) => m.id)).size).toBe(matches.length);
    for (const mentor of mentors) {
      const accepted = matches.filter((m) => m.mentorId === mentor.uid && m.status === "accepted").length;
      expect(mentor.profile.activeMenteeCount, mentor.uid).toBe(accepted);
      expect(accepted).toBeLessThanOrEqual(mentor.profile.capacity);
      const answers = mentor.responsiveness;
      if (answers) {
        const stamp = Timestamp.fromMillis(0);
        const parsed = profileDocSchema.safeParse({ ...mentor.profile, ...answers, lastActiveAt: stamp, uid: mentor.uid, role: "mentor", createdAt: stamp, updatedAt: stamp });
        expect(parsed.success, mentor.uid).toBe(true);
        const median = answers.responseHoursRecent.length >= MATCHING.minAnswersForMedian ? medianOf(answers.responseHoursRecent) : null;
        expect(answers.medianResponseHours).toBe(median === null ? null : Math.round(median * 10) / 10);
      }
    }
    for (const mentee of seedMentees())
      expect(matches.filter((m) => m.menteeId === mentee.uid && m.status === "pending").length).toBeLessThanOrEqual(MATCHING.maxPendingRequests);

    const ada = DEMO_LOGINS.mentor.uid;
    const sam = DEMO_LOGINS.mentee.uid;
    expect(matches.find((m) => m.id === SAM_ADA)?.status).toBe("accepted");
    expect(matches.filter((m) => m.menteeId === sam && m.status === "pending")).toHaveLength(1);
    expect(matches.filter((m) => m.mentorId === ada && m.status === "pending")).toHaveLength(2);
    expect(matches.filter((m) => m.mentorId === ada).map((m) => m.status)).toEqual(expect.arrayContaining(["declined", "expired"]));
    expect(mentors.find((m) => m.uid === ada)?.responsiveness?.medianResponseHours).not.toBeNull();

    // One chat per accepted match; Sam and Ada's is a two-week history.
    const chats = seedChats();
    expect(chats.map((c) => c.matchId).sort()).toEqual(matches.filter((m) => m.status === "accepted").map((m) => m.id).sort());
    const samAda = chats.find((c) => c.matchId === SAM_ADA)!;
    expect(samAda.messages.length).toBeGreaterThanOrEqual(10);
    expect(samAda.messages.length).toBeLessThanOrEqual(25);
    expect(Math.max(...samAda.messages.map((m) => m.hoursAgo))).toBeLessThanOrEqual(14 * 24);
    for (const chat of chats) for (const m of chat.messages) expect(m.text.length).toBeLessThanOrEqual(2000);
    // Push-style keys sort in sending order.
    expect([pushIdAt(1_000, 5), pushIdAt(2_000, 1), pushIdAt(2_000, 2)].sort()).toEqual([pushIdAt(1_000, 5), pushIdAt(2_000, 1), pushIdAt(2_000, 2)]);
    expect(pushIdAt(1_700_000_000_000, 0)).toHaveLength(20);
  });

  it.each([
    [{ FIREBASE_AUTH_EMULATOR_HOST: "127.0.0.1:9099", GCLOUD_PROJECT: "demo-x" }, "without the emulators"],
    [{ FIRESTORE_EMULATOR_HOST: "127.0.0.1:8080", GCLOUD_PROJECT: "demo-x" }, "without the emulators"],
    [{ FIRESTORE_EMULATOR_HOST: "h:1", FIREBASE_AUTH_EMULATOR_HOST: "h:2", GCLOUD_PROJECT: "mentormatch-prod" }, 'refusing to seed project "mentormatch-prod"'],
  ])("refuses %j", (env, message) => {
    expect(() => seedTarget(env)).toThrow(message);
  });
});

describe("seed()", () => {
  it("fills the emulators with accounts, claims, profiles and settings, and re-running leaves the same counts", async () => {
    const result = await seed();
    const matches = seedMatches().length;
    expect(result).toMatchObject({ users: 69, mentors: 28, mentees: 40, admins: 1, notifications: 3, matches });
    const expected = { profiles: 69, mentors: 28, mentees: 40, admins: 1, accounts: 69, settings: 69, notifications: 3, matches };
    expect(await counts()).toEqual(expected);

    // Matches: every mentor's count is their accepted matches; Sam is mentored by Ada; Ada has requests waiting.
    const acceptedCount = await expectCountsMatchAcceptedMatches();
    expect(acceptedCount).toBeGreaterThan(5);
    for (const doc of (await adminDb.collection("matches").get()).docs) {
      const parsed = matchDocSchema.strict().safeParse(doc.data());
      expect(parsed.success, `${doc.id}: ${parsed.success ? "" : parsed.error.message}`).toBe(true);
      expect(doc.id).toBe(`${doc.get("mentorId")}_${doc.get("menteeId")}`);
    }
    expect((await adminDb.doc(`matches/${SAM_ADA}`).get()).get("status")).toBe("accepted");
    const incoming = await adminDb.collection("matches").where("mentorId", "==", DEMO_LOGINS.mentor.uid).where("status", "==", "pending").get();
    expect(incoming.size).toBe(2);
    for (const doc of incoming.docs) expect((doc.get("expiresAt") as Timestamp).toMillis()).toBeGreaterThan(Date.now());
    const adaProfile = profileDocSchema.parse((await adminDb.doc(`users/${DEMO_LOGINS.mentor.uid}`).get()).data());
    expect(adaProfile.activeMenteeCount).toBe(3);
    expect(adaProfile.responseHoursRecent.length).toBeGreaterThanOrEqual(3);
    expect(adaProfile.lastActiveAt).not.toBeNull();

    // The chats, when a Realtime Database runs (npm test and npm start start one).
    if (process.env.FIREBASE_DATABASE_EMULATOR_HOST) {
      expect(result.chats).toBe(seedChats().length);
      const database = getDatabaseWithUrl(`https://${PROJECT_ID}-default-rtdb.firebaseio.com`, getApps()[0]!);
      const chat = (await database.ref(rtdbPaths.chat(SAM_ADA)).get()).val() as {
        members: Record<string, boolean>;
        meta: { closed: boolean };
        messages: Record<string, { from: string; text: string; sentAt: number }>;
      };
      expect(chat.members).toEqual({ [DEMO_LOGINS.mentor.uid]: true, [DEMO_LOGINS.mentee.uid]: true });
      expect(chat.meta).toEqual({ closed: false });
      const keys = Object.keys(chat.messages).sort();
      expect(keys.length).toBe(seedChats().find((c) => c.matchId === SAM_ADA)!.messages.length);
      const sentAts = keys.map((key) => chat.messages[key]!.sentAt);
      expect(sentAts).toEqual([...sentAts].sort((a, b) => a - b));
      const samEntry = (await database.ref(`${rtdbPaths.userChats(DEMO_LOGINS.mentee.uid)}/${SAM_ADA}`).get()).val() as Record<string, unknown>;
      expect(samEntry).toMatchObject({ peerId: DEMO_LOGINS.mentor.uid, lastMessageId: keys.at(-1), lastFrom: DEMO_LOGINS.mentor.uid, unread: 2 });
      expect(Object.keys(samEntry).sort()).toEqual(["lastFrom", "lastMessage", "lastMessageAt", "lastMessageId", "peerId", "unread"]);
      expect(chat.messages[keys.at(-1)!]!.text.startsWith(samEntry.lastMessage as string)).toBe(true);
      const adaEntry = (await database.ref(`${rtdbPaths.userChats(DEMO_LOGINS.mentor.uid)}/${SAM_ADA}`).get()).val() as Record<string, unknown>;
      expect(adaEntry).toMatchObject({ peerId: DEMO_LOGINS.mentee.uid, unread: 0 });
      // A reset clears the database too: something written outside the seed is gone after the next seed.
      await database.ref("chats/stray-chat/meta/closed").set(true);
      await seed();
      expect((await database.ref("chats/stray-chat").get()).exists()).toBe(false);
      expect((await database.ref(rtdbPaths.chatMessages(SAM_ADA)).get()).numChildren()).toBe(keys.length);
    } else {
      expect(result.chats).toBeNull();
    }

    for (const login of Object.values(DEMO_LOGINS)) {
      const account = await adminAuth.getUserByEmail(login.email);
      expect(account.uid).toBe(login.uid);
      expect(login.password).toBe(SEED_PASSWORD);
    }
    expect((await adminAuth.getUser(DEMO_LOGINS.admin.uid)).customClaims).toEqual({ role: "admin" });
    // Verified, so the demo logins work in one step now that a role needs a verified address.
    for (const login of Object.values(DEMO_LOGINS)) expect((await adminAuth.getUser(login.uid)).emailVerified).toBe(true);
    // A history for the People page: role changes by the programme lead and one open invitation.
    const audit = await adminDb.collection("auditLog").orderBy("at", "desc").get();
    expect(audit.docs.map((doc) => doc.get("action"))).toEqual(["invite_created", "role_changed", "role_changed", "role_changed"]);
    expect(audit.docs.every((doc) => doc.get("actorUid") === DEMO_LOGINS.admin.uid)).toBe(true);
    expect((await adminDb.collection("invites").get()).docs.map((doc) => doc.get("acceptedUid"))).toEqual([null]);
    expect((await adminAuth.getUser(DEMO_LOGINS.mentor.uid)).customClaims).toEqual({ role: "mentor" });
    expect((await adminAuth.getUser(DEMO_LOGINS.mentee.uid)).customClaims).toEqual({ role: "mentee" });
    const ada = (await adminDb.doc(`users/${DEMO_LOGINS.mentor.uid}`).get()).data()!;
    expect(ada).toMatchObject({ uid: "mentor-01", role: "mentor", displayName: "Ada Lovelace", department: "Engineering" });
    expect(ada.searchTokens).toContain("x:typescript");
    expect((await adminDb.doc(`users/${DEMO_LOGINS.mentee.uid}/private/settings`).get()).get("email")).toBe(DEMO_LOGINS.mentee.email);

    // The directory's default query, answered by the seeded data and the declared indexes.
    const top = await adminDb.collection("users").where("role", "==", "mentor").orderBy("ratingAvg", "desc").limit(3).get();
    const ratings = top.docs.map((doc) => doc.get("ratingAvg") as number);
    expect(ratings).toEqual([5, 4.9, 4.9]);

    await seed();
    expect(await counts()).toEqual(expected);
    expect(await expectCountsMatchAcceptedMatches()).toBe(acceptedCount);
    await seed({ reset: false });
    expect(await counts()).toEqual(expected);
    expect(await expectCountsMatchAcceptedMatches()).toBe(acceptedCount);
    expect((await adminAuth.getUser(DEMO_LOGINS.admin.uid)).customClaims).toEqual({ role: "admin" });
    // Re-seeding without a reset rewrites the same history rather than adding to it.
    expect((await adminDb.collection("auditLog").get()).size).toBe(4);
  });
});

describe("seeded sessions", () => {
  const HOUR = 3_600_000;
  const asDoc = (session: ReturnType<typeof seedSessions>[number]) => {
    const { id: _id, startMs, endMs, respondedAtMs, cancelledAtMs, confirmedAtMs, nextReminderAtMs, createdAtMs, ...fields } = session;
    const at = (ms: number | null) => (ms === null ? null : Timestamp.fromMillis(ms));
    return {
      ...fields,
      startAt: Timestamp.fromMillis(startMs),
      endAt: Timestamp.fromMillis(endMs),
      respondedAt: at(respondedAtMs),
      cancelledAt: at(cancelledAtMs),
      confirmedAt: at(confirmedAtMs),
      nextReminderAt: at(nextReminderAtMs),
      createdAt: Timestamp.fromMillis(createdAtMs),
      updatedAt: Timestamp.fromMillis(createdAtMs),
    };
  };

  it("are stored sessions on the 15-minute grid, between matched people, and no two hold the same lock", () => {
    const now = Date.UTC(2026, 10, 22, 8, 7);
    const sessions = seedSessions(now, { [DEMO_LOGINS.mentor.uid]: 15 });
    const accepted = new Set(seedMatches().filter((m) => m.status === "accepted").map((m) => m.id));
    for (const session of sessions) {
      const parsed = sessionDocSchema.safeParse(asDoc(session));
      expect(parsed.success, `${session.id}: ${parsed.success ? "" : parsed.error.message}`).toBe(true);
      expect(session.startMs % (15 * 60_000), session.id).toBe(0);
      expect(accepted.has(session.matchId), session.id).toBe(true);
      if (session.status === "pending" || session.status === "accepted") expect(session.lockIds.length, session.id).toBeGreaterThan(0);
      if (session.status === "cancelled") expect(session.lockIds, session.id).toEqual([]);
    }
    const locks = sessions.flatMap((session) => session.lockIds);
    expect(new Set(locks).size).toBe(locks.length);
    // The mentor's buffer is locked after each of Ada's sessions: 45 minutes + 15 = 4 cells for her, 3 for Sam.
    const next = sessions.find((session) => session.id === "seed-session-sam-ada-next")!;
    expect(next.lockIds.filter((id) => id.startsWith(`${DEMO_LOGINS.mentor.uid}_`))).toHaveLength(4);
    expect(next.lockIds.filter((id) => id.startsWith(`${DEMO_LOGINS.mentee.uid}_`))).toHaveLength(3);
    // Sam's Sessions page: one proposal from Ada to review and a confirmed one ahead, with reminders planned.
    const sams = sessions.filter((session) => session.menteeId === DEMO_LOGINS.mentee.uid);
    expect(sams.filter((s) => s.status === "pending" && s.proposedBy === DEMO_LOGINS.mentor.uid && s.startMs > now)).toHaveLength(1);
    const upcoming = sams.filter((s) => s.status === "accepted" && s.startMs > now);
    expect(upcoming).toHaveLength(1);
    expect(upcoming[0]!.nextReminderAtMs).toBe(upcoming[0]!.startMs - 24 * HOUR);
    expect(sams.some((s) => s.status === "completed" && s.endMs < now)).toBe(true);
  });

  it("seed() writes them with their lock documents", async () => {
    await seed();
    const stored = await adminDb.collection("sessions").get();
    expect(stored.size).toBe(seedSessions(Date.now()).length);
    for (const doc of stored.docs) {
      const parsed = sessionDocSchema.strict().safeParse(doc.data());
      expect(parsed.success, `${doc.id}: ${parsed.success ? "" : parsed.error.message}`).toBe(true);
      for (const lockId of doc.get("lockIds") as string[]) {
        const lock = await adminDb.doc(`sessionLocks/${lockId}`).get();
        expect(lock.get("sessionId"), lockId).toBe(doc.id);
        expect(lockId.startsWith(`${lock.get("uid")}_`)).toBe(true);
      }
    }
    const locks = await adminDb.collection("sessionLocks").get();
    expect(locks.size).toBe(stored.docs.reduce((sum, doc) => sum + (doc.get("lockIds") as string[]).length, 0));
  });
});
