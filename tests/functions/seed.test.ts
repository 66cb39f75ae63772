import {
  DEPARTMENTS,
  FEEDBACK,
  MATCHING,
  MINI,
  MINI_STATUSES,
  MINI_URGENCY_RANK,
  buildSearchTokens,
  feedbackDocSchema,
  matchDocSchema,
  medianOf,
  miniRequestDocSchema,
  miniSearchTokens,
  parseDoc,
  profileDocSchema,
  programmeCountersSchema,
  programmeStatsOf,
  ratingScore,
  rtdbPaths,
  sessionDocSchema,
  sessionLockDocSchema,
} from "@mentormatch/shared";
import { checkBookingRequest } from "@mentormatch/shared/scheduling";
import { getApps } from "firebase-admin/app";
import { getDatabaseWithUrl } from "firebase-admin/database";
import { Timestamp } from "firebase-admin/firestore";
import { describe, expect, it } from "vitest";
import { bookingLockIds } from "../../functions/src/planners/session.js";
import { serveCalendarFeed } from "../../functions/src/lib/calendar-feed.js";
import { fitsPreferred, preferredWindows } from "../../functions/src/planners/mini-schedule.js";
import { feedbackDocOf, miniRequestDocOf, pushIdAt, seed, seedTarget, sessionDocOf } from "../../scripts/seed.js";
import {
  DEMO_LOGINS,
  SEED_CALENDAR_FEED,
  SEED_PASSWORD,
  seedAvailability,
  seedChats,
  seedEmail,
  seedMatches,
  seedMentees,
  seedMentors,
  seedProgramme,
  seedSessions,
  seedUsers,
  seededDepartments,
} from "../../scripts/seed-data.js";
import { PROJECT_ID, adminAuth, adminDb } from "./helpers.js";

const SAM_ADA = `${DEMO_LOGINS.mentor.uid}_${DEMO_LOGINS.mentee.uid}`;
/** A fixed clock for the pure checks: a Sunday morning, as in the scheduling core's tests. */
const NOW = Date.UTC(2026, 10, 22, 8, 7);
const DAY = 86_400_000;

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
    expect(new Set(seedMentors(NOW).map((m) => m.profile.ratingAvg)).size).toBeGreaterThan(10);
  });

  it("passes the profile schema the web app and rules enforce, with stable ids and unique emails", () => {
    const users = seedUsers(NOW);
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
    // Deterministic: the same clock gives the same programme, built afresh.
    const programme = structuredClone(seedProgramme(NOW));
    seedProgramme(NOW + 60_000);
    expect(seedProgramme(NOW)).toEqual(programme);
  });

  it("has matches in the stored shape, counted into each mentor, with the demo logins' stories", () => {
    const matches = seedMatches();
    const mentors = seedMentors(NOW);
    const mentees = seedMentees(NOW);
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
      const mentee = mentees.find((u) => u.uid === m.menteeId)!;
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
    for (const mentee of mentees)
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
  it("fills the emulators with accounts, claims, profiles and settings, and re-running leaves the same counts", { timeout: 150_000 }, async () => {
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
    const top = await adminDb.collection("users").where("role", "==", "mentor").orderBy("ratingScore", "desc").limit(3).get();
    const scores = (await adminDb.collection("users").where("role", "==", "mentor").get()).docs.map((doc) => doc.get("ratingScore") as number);
    expect(top.docs.map((doc) => doc.get("ratingScore"))).toEqual(scores.sort((a, b) => b - a).slice(0, 3));
    expect(scores.filter((score) => score > 0).length).toBeGreaterThan(20);

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

  it("are stored sessions on the 15-minute grid, between matched people, and no two hold the same lock", () => {
    const now = NOW;
    const sessions = seedSessions(now);
    const matches = new Map(seedMatches().map((m) => [m.id, m]));
    const requests = new Set(seedProgramme(now).miniRequests.map((r) => r.id));
    for (const session of sessions) {
      const parsed = sessionDocSchema.strict().safeParse(sessionDocOf(session));
      expect(parsed.success, `${session.id}: ${parsed.success ? "" : parsed.error.message}`).toBe(true);
      expect(session.startMs % (15 * 60_000), session.id).toBe(0);
      if (session.kind === "mini") expect(requests.has(session.matchId), session.id).toBe(true);
      else {
        const match = matches.get(session.matchId);
        // Time still to come is booked only in running mentorings; the past also holds mentorings that have ended.
        expect(session.status === "pending" || session.status === "accepted" ? ["accepted"] : ["accepted", "ended"], session.id).toContain(match?.status);
        expect(session.startMs, session.id).toBeGreaterThan(now - match!.respondedHoursAgo! * HOUR);
        if (match!.endedHoursAgo !== null) expect(session.endMs, session.id).toBeLessThan(now - match!.endedHoursAgo * HOUR);
      }
      if (session.status === "pending" || session.status === "accepted") expect(session.lockIds.length, session.id).toBeGreaterThan(0);
      else expect(session.lockIds, session.id).toEqual([]);
    }
    const locks = sessions.flatMap((session) => session.lockIds);
    expect(new Set(locks).size).toBe(locks.length);
    // The mentor's buffer is locked after each of Ada's sessions: 45 minutes + 15 = 4 cells for her, 3 for Sam.
    const next = sessions.find((session) => session.id === "seed-session-sam-ada-next")!;
    expect(next.lockIds.filter((id) => id.startsWith(`${DEMO_LOGINS.mentor.uid}_`))).toHaveLength(4);
    expect(next.lockIds.filter((id) => id.startsWith(`${DEMO_LOGINS.mentee.uid}_`))).toHaveLength(3);
    // Sam's Sessions page: one proposal from Ada to review and a confirmed one with her ahead, with reminders planned.
    const sams = sessions.filter((session) => session.menteeId === DEMO_LOGINS.mentee.uid);
    expect(sams.filter((s) => s.status === "pending" && s.proposedBy === DEMO_LOGINS.mentor.uid && s.startMs > now)).toHaveLength(1);
    const upcoming = sams.filter((s) => s.kind === "match" && s.status === "accepted" && s.startMs > now);
    expect(upcoming).toHaveLength(1);
    expect(upcoming[0]!.nextReminderAtMs).toBe(upcoming[0]!.startMs - 24 * HOUR);
    expect(sams.some((s) => s.status === "completed" && s.endMs < now)).toBe(true);
  });

  it("have months of history: mostly completed, some cancelled, missed or declined, and nobody in two at once", () => {
    const sessions = seedSessions(NOW);
    const past = sessions.filter((s) => s.endMs < NOW);
    const months = new Set(past.map((s) => new Date(s.startMs).toISOString().slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(4);
    expect(Math.min(...past.map((s) => s.startMs))).toBeLessThan(NOW - 150 * DAY);
    const byStatus = (status: string) => past.filter((s) => s.status === status).length;
    expect(byStatus("completed")).toBeGreaterThan(past.length * 0.6);
    for (const status of ["cancelled", "no_show", "declined"]) expect(byStatus(status), status).toBeGreaterThan(0);
    for (const s of past.filter((x) => x.status === "completed" || x.status === "no_show")) {
      expect(s.completedAtMs, s.id).toBeGreaterThan(s.endMs);
      expect(s.completedAtMs, s.id).toBeLessThan(NOW);
      expect(s.participants, s.id).toContain(s.completedBy);
      expect(s.attendance, s.id).toEqual(s.status === "completed" ? { mentor: true, mentee: true } : expect.anything());
      expect(s.actualMinutes, s.id).toBeGreaterThan(0);
      if (s.status === "completed") expect(s.topics.length, s.id).toBeGreaterThan(0);
      // The mentee completes only once the mentor has had 24 hours (completeSession).
      if (s.completedBy === s.menteeId) expect(s.completedAtMs! - s.endMs, s.id).toBeGreaterThanOrEqual(24 * HOUR);
    }
    for (const s of past.filter((x) => x.status === "cancelled")) {
      expect(s.participants, s.id).toContain(s.cancelledBy);
      expect(s.cancelReason.length, s.id).toBeGreaterThan(0);
      expect(s.cancelledAtMs, s.id).toBeLessThan(s.startMs);
    }
    // Not one person in two sessions at once, past or future (declined and cancelled ones never took the time).
    const held = sessions.filter((s) => s.status !== "declined" && s.status !== "cancelled");
    for (const a of held)
      for (const b of held)
        if (a.id < b.id && a.participants.some((uid) => b.participants.includes(uid)))
          expect(a.endMs <= b.startMs || b.endMs <= a.startMs, `${a.id} overlaps ${b.id}`).toBe(true);
  });

  it("have feedback both ways on most completed sessions, and the profiles' counters are what the callables would have left", () => {
    const { sessions, feedback } = seedProgramme(NOW);
    const byId = new Map(sessions.map((s) => [s.id, s]));
    for (const entry of feedback) {
      const parsed = feedbackDocSchema.strict().safeParse(feedbackDocOf(entry));
      expect(parsed.success, `${entry.id}: ${parsed.success ? "" : parsed.error.message}`).toBe(true);
      const session = byId.get(entry.sessionId)!;
      expect(session.status, entry.id).toBe("completed");
      expect(entry.id).toBe(`${entry.sessionId}_${entry.fromUid}`);
      expect([entry.fromUid, entry.toUid].sort()).toEqual([...session.participants].sort());
      expect(entry.toRole).toBe(entry.toUid === session.mentorId ? "mentor" : "mentee");
      expect(entry.kind).toBe(session.kind === "mini" ? "mini" : "session");
      expect(entry.createdAtMs).toBeGreaterThan(session.completedAtMs!);
      expect(entry.createdAtMs).toBeLessThan(NOW);
      expect(entry.visibleAtMs).toBeLessThanOrEqual(session.completedAtMs! + FEEDBACK.revealDays * DAY);
      expect(entry.visible).toBe(entry.visibleAtMs <= NOW);
      expect(entry.countedAtMs).toBe(entry.toRole === "mentor" ? entry.createdAtMs : null);
    }
    const completed = sessions.filter((s) => s.status === "completed");
    const rated = completed.filter((s) => feedback.some((f) => f.sessionId === s.id && f.toRole === "mentor"));
    expect(rated.length).toBeGreaterThan(completed.length * 0.6);
    expect(feedback.filter((f) => f.visible).length).toBeGreaterThan(feedback.length * 0.9);
    // Sam has not rated his last session with Ada yet, so his dashboard asks him to; Ada has rated him.
    expect(feedback.filter((f) => f.sessionId === "seed-session-sam-ada-past").map((f) => f.fromUid)).toEqual([DEMO_LOGINS.mentor.uid]);

    const expected = recomputeProfileCounters(
      sessions.map((s) => ({ status: s.status, participants: s.participants })),
      feedback.map((f) => ({ toUid: f.toUid, rating: f.rating, createdAtMs: f.createdAtMs, counted: f.countedAtMs !== null, id: f.id })),
    );
    for (const user of seedUsers(NOW)) {
      const want = expected.get(user.uid) ?? { ratingAvg: 0, ratingCount: 0, ratingScore: 0, sessionCount: 0 };
      const { ratingAvg, ratingCount, ratingScore: score, sessionCount } = user.profile;
      expect({ ratingAvg, ratingCount, ratingScore: score, sessionCount }, user.uid).toEqual(want);
    }
    expect(seedMentors(NOW).filter((m) => m.profile.ratingCount > 0).length).toBeGreaterThan(20);
  });

  it("have mini requests in every status, built as the mini callables and jobs leave them", () => {
    const { sessions, feedback, miniRequests } = seedProgramme(NOW);
    const availability = seedAvailability(NOW);
    const mentees = new Set(seedMentees(NOW).map((m) => m.uid));
    const mentors = new Set(seedMentors(NOW).map((m) => m.uid));
    for (const status of MINI_STATUSES) expect(miniRequests.filter((r) => r.status === status).length, status).toBeGreaterThan(0);
    expect(new Set(miniRequests.map((r) => r.sessionType)).size).toBe(9);
    expect(new Set(miniRequests.map((r) => r.urgency)).size).toBe(4);
    expect(Math.min(...miniRequests.map((r) => r.createdAtMs))).toBeLessThan(NOW - 100 * DAY);
    // Repeat use: some students asked more than once.
    const perStudent = new Map<string, number>();
    for (const r of miniRequests) perStudent.set(r.studentId, (perStudent.get(r.studentId) ?? 0) + 1);
    expect([...perStudent.values()].filter((n) => n > 1).length).toBeGreaterThanOrEqual(3);
    const claimedNow = new Map<string, number>();
    for (const request of miniRequests) {
      const parsed = miniRequestDocSchema.strict().safeParse(miniRequestDocOf(request));
      expect(parsed.success, `${request.id}: ${parsed.success ? "" : parsed.error.message}`).toBe(true);
      expect(mentees.has(request.studentId), request.id).toBe(true);
      if (request.claimedBy) expect(mentors.has(request.claimedBy), request.id).toBe(true);
      expect(request.searchTokens).toEqual(miniSearchTokens(request));
      expect(request.urgencyRank).toBe(MINI_URGENCY_RANK[request.urgency]);
      expect(request.expiresAtMs - request.createdAtMs).toBe(MINI.expiryDays * DAY);
      expect(request.createdAtMs).toBeLessThan(NOW);
      expect(request.updatedAtMs).toBeLessThan(NOW);
      if (request.firstClaimedAtMs !== null) {
        expect(request.firstClaimedAtMs).toBeGreaterThan(request.createdAtMs);
        expect(request.firstClaimedAtMs).toBeLessThanOrEqual(request.claimedAtMs ?? request.firstClaimedAtMs);
      }
      for (const url of [request.resumeUrl, request.portfolioUrl]) if (url) expect(url.startsWith("https://")).toBe(true);
      const session = sessions.find((s) => s.kind === "mini" && s.matchId === request.id);
      expect(session?.id ?? null, request.id).toBe(request.sessionId);
      switch (request.status) {
        case "open":
          expect(request.expiresAtMs, request.id).toBeGreaterThan(NOW);
          expect(request.claimedBy, request.id).toBeNull();
          break;
        case "claimed":
          expect(request.scheduleByMs, request.id).toBe(request.claimedAtMs! + MINI.scheduleWithinHours * HOUR);
          expect(request.scheduleByMs, request.id).toBeGreaterThan(NOW);
          claimedNow.set(request.claimedBy!, (claimedNow.get(request.claimedBy!) ?? 0) + 1);
          break;
        case "scheduled": {
          expect(session).toMatchObject({ status: "accepted", mentorId: request.claimedBy, menteeId: request.studentId, durationMinutes: request.durationMinutes, title: request.title });
          expect(session!.startMs).toBeGreaterThan(NOW);
          expect(request.scheduledStartAtMs).toBe(session!.startMs);
          expect(request.scheduledAtMs).toBeGreaterThan(request.claimedAtMs!);
          expect(request.scheduledAtMs).toBeLessThan(request.claimedAtMs! + MINI.scheduleWithinHours * HOUR);
          // Inside the student's preferred times and the mentor's hours, locked as scheduleMiniSession locks.
          expect(fitsPreferred(session!.startMs, session!.endMs, preferredWindows(request)), request.id).toBe(true);
          const hours = availability[request.claimedBy!]!;
          expect(checkBookingRequest({ nowMs: request.scheduledAtMs!, availability: hours, busy: [], startMs: session!.startMs, durationMinutes: request.durationMinutes }).ok, request.id).toBe(true);
          expect(session!.lockIds).toEqual(bookingLockIds({ mentorId: session!.mentorId, menteeId: session!.menteeId, startMs: session!.startMs, endMs: session!.endMs, bufferMinutes: hours.bufferMinutes }));
          expect(session!.nextReminderAtMs).not.toBeNull();
          break;
        }
        case "completed":
          expect(["completed", "no_show"]).toContain(session?.status);
          expect(request.completedAtMs).toBe(session!.completedAtMs);
          expect(fitsPreferred(session!.startMs, session!.endMs, preferredWindows(request)), request.id).toBe(true);
          break;
        case "cancelled":
          expect(request.cancelledBy).toBe(request.studentId);
          expect(request.cancelledAtMs).toBeGreaterThan(request.claimedAtMs ?? request.createdAtMs);
          if (session) expect(session).toMatchObject({ status: "cancelled", cancelledBy: request.studentId, lockIds: [] });
          break;
        case "expired":
          expect(request.expiredAtMs).toBeGreaterThanOrEqual(request.expiresAtMs);
          break;
      }
    }
    for (const count of claimedNow.values()) expect(count).toBeLessThanOrEqual(MINI.maxClaimedPerMentor);
    // One open request is about to expire; one went back to the board after a lapsed claim.
    expect(miniRequests.some((r) => r.status === "open" && r.expiresAtMs - NOW < 6 * HOUR)).toBe(true);
    expect(miniRequests.some((r) => r.status === "open" && r.releasedBy.length > 0 && r.firstClaimedAtMs !== null)).toBe(true);
    const miniFeedback = feedback.filter((f) => f.kind === "mini");
    expect(new Set(miniFeedback.map((f) => f.toRole))).toEqual(new Set(["mentor", "mentee"]));
  });

  it("seed() writes them with their lock documents, feedback, mini requests, consistent counters and stats/programme", async () => {
    const before = Date.now();
    const result = await seed();
    const after = Date.now();
    const stored = await adminDb.collection("sessions").get();
    const sessions = stored.docs.map((doc) => ({ id: doc.id, ...parseDoc(sessionDocSchema.strict(), doc.ref.path, doc.data()) }));
    expect(sessions.length).toBe(result.sessions);
    expect(result.sessions).toBeGreaterThan(200);
    const active = sessions.filter((s) => s.status === "pending" || s.status === "accepted");
    const locks = (await adminDb.collection("sessionLocks").get()).docs.map((doc) => ({ id: doc.id, ...parseDoc(sessionLockDocSchema.strict(), doc.ref.path, doc.data()) }));
    expect(locks.length).toBe(active.reduce((sum, s) => sum + s.lockIds.length, 0));

    // Sam's calendar feed is on, and its address serves his sessions (the upcoming one with Ada among them).
    const samFeed = await serveCalendarFeed({ method: "GET", path: `/calendar/${SEED_CALENDAR_FEED.token}.ics` }, { nowMs: after, appUrl: "http://localhost:5173", db: adminDb });
    expect(samFeed.status).toBe(200);
    expect(samFeed.body).toContain("UID:session-seed-session-sam-ada-next@mentormatch");
    const samEvents = samFeed.body.match(/BEGIN:VEVENT/g)?.length ?? 0;
    expect(samEvents).toBe(sessions.filter((s) => s.participants.includes(SEED_CALENDAR_FEED.uid) && s.endAt.toMillis() >= after - 90 * 86_400_000).length);
    expect((await adminDb.doc(`users/${SEED_CALENDAR_FEED.uid}/private/settings`).get()).get("calendarFeedCreatedAt")).toBeInstanceOf(Timestamp);
    const byId = new Map(sessions.map((s) => [s.id, s]));
    for (const lock of locks) {
      const session = byId.get(lock.sessionId)!;
      // Locks guard time still to come: none for a past, completed, declined or cancelled session.
      expect(["pending", "accepted"], lock.id).toContain(session.status);
      expect(session.endAt.toMillis(), lock.id).toBeGreaterThan(before);
      expect(session.lockIds, lock.id).toContain(lock.id);
      expect(lock.id).toBe(`${lock.uid}_${lock.cell}`);
    }
    // No two pending or accepted sessions of one person overlap.
    for (const a of active)
      for (const b of active)
        if (a.id < b.id && a.participants.some((uid) => b.participants.includes(uid)))
          expect(a.endAt.toMillis() <= b.startAt.toMillis() || b.endAt.toMillis() <= a.startAt.toMillis(), `${a.id} overlaps ${b.id}`).toBe(true);
    const months = new Set(sessions.filter((s) => s.endAt.toMillis() < before).map((s) => s.startAt.toDate().toISOString().slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(4);

    const feedback = (await adminDb.collection("feedback").get()).docs.map((doc) => ({ id: doc.id, ...parseDoc(feedbackDocSchema.strict(), doc.ref.path, doc.data()) }));
    expect(feedback.length).toBe(result.feedback);
    expect(feedback.length).toBeGreaterThan(100);
    for (const entry of feedback) expect(entry.id).toBe(`${entry.sessionId}_${entry.fromUid}`);
    const requests = (await adminDb.collection("miniRequests").get()).docs.map((doc) => parseDoc(miniRequestDocSchema.strict(), doc.ref.path, doc.data()));
    for (const status of MINI_STATUSES) expect(requests.filter((r) => r.status === status).length, status).toBeGreaterThan(0);
    for (const r of requests.filter((x) => x.status === "open")) expect(r.expiresAt.toMillis()).toBeGreaterThan(after);

    // Every profile's counters are what recomputing them from the stored sessions and feedback gives.
    const expected = recomputeProfileCounters(
      sessions.map((s) => ({ status: s.status, participants: s.participants })),
      feedback.map((f) => ({ toUid: f.toUid, rating: f.rating, createdAtMs: f.createdAt.toMillis(), counted: f.countedAt !== null, id: f.id })),
    );
    const profiles = (await adminDb.collection("users").get()).docs.map((doc) => parseDoc(profileDocSchema, doc.ref.path, doc.data()));
    for (const profile of profiles) {
      const want = expected.get(profile.uid) ?? { ratingAvg: 0, ratingCount: 0, ratingScore: 0, sessionCount: 0 };
      expect({ ratingAvg: profile.ratingAvg, ratingCount: profile.ratingCount, ratingScore: profile.ratingScore, sessionCount: profile.sessionCount }, profile.uid).toEqual(want);
    }
    expect(profiles.filter((p) => p.sessionCount > 0).length).toBeGreaterThan(40);

    // The admin's analytics are there on first load, from what was just written.
    const statsSnap = await adminDb.doc("stats/programme").get();
    const stats = programmeStatsOf(parseDoc(programmeCountersSchema, statsSnap.ref.path, statsSnap.data()), Date.now())!;
    // Built from history with the triggers quiet, then checked against it: no drift.
    expect(stats.reconciliation?.driftCount).toBe(0);
    expect(result.statsCheck.drift).toBe(0);
    expect(stats.totals.sessionsCompleted).toBe(sessions.filter((s) => s.status === "completed").length);
    expect(stats.totals.sessionsUpcoming).toBeGreaterThan(0);
    for (const status of MINI_STATUSES) expect(stats.mini.byStatus[status], status).toBe(requests.filter((r) => r.status === status).length);
    expect(stats.mini.medianMinutesToClaim).not.toBeNull();
    expect(stats.mini.medianMinutesToSchedule).not.toBeNull();
    expect(stats.weeks.filter((week) => week.newMatches > 0).length).toBeGreaterThanOrEqual(10);
    expect(stats.weeks.filter((week) => week.sessions > 0).length).toBeGreaterThanOrEqual(16);
    expect(stats.weeks.filter((week) => week.ratingCount > 0).length).toBeGreaterThanOrEqual(16);
    expect(stats.ratingOfMentors.count).toBe(feedback.filter((f) => f.toRole === "mentor").length);
  });
});

/**
 * The fn-only counters, recomputed independently of the seed's own code: completeSession adds 1 to both people's
 * `sessionCount` per completed session; submitFeedback folds each counted rating of a mentor into the average in
 * the order given, rounded to 4 places at every step, with the confidence-adjusted score beside it.
 */
function recomputeProfileCounters(
  sessions: { status: string; participants: readonly string[] }[],
  feedback: { toUid: string; rating: number; createdAtMs: number; counted: boolean; id: string }[],
): Map<string, { ratingAvg: number; ratingCount: number; ratingScore: number; sessionCount: number }> {
  const out = new Map<string, { ratingAvg: number; ratingCount: number; ratingScore: number; sessionCount: number }>();
  const of = (uid: string) => {
    let entry = out.get(uid);
    if (!entry) out.set(uid, (entry = { ratingAvg: 0, ratingCount: 0, ratingScore: 0, sessionCount: 0 }));
    return entry;
  };
  for (const session of sessions) if (session.status === "completed") for (const uid of session.participants) of(uid).sessionCount += 1;
  const counted = feedback.filter((f) => f.counted).sort((a, b) => a.createdAtMs - b.createdAtMs || a.id.localeCompare(b.id));
  for (const f of counted) {
    const entry = of(f.toUid);
    entry.ratingAvg = Math.round(((entry.ratingAvg * entry.ratingCount + f.rating) / (entry.ratingCount + 1)) * 10_000) / 10_000;
    entry.ratingCount += 1;
    entry.ratingScore = ratingScore(entry.ratingAvg, entry.ratingCount);
  }
  return out;
}
