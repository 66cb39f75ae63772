import { DEPARTMENTS, buildSearchTokens, profileDocSchema } from "@mentormatch/shared";
import { Timestamp } from "firebase-admin/firestore";
import { describe, expect, it } from "vitest";
import { seed, seedTarget } from "../../scripts/seed.js";
import { DEMO_LOGINS, SEED_PASSWORD, seedEmail, seedMentees, seedMentors, seedUsers, seededDepartments } from "../../scripts/seed-data.js";
import { adminAuth, adminDb } from "./helpers.js";

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
  };
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
    expect(result).toMatchObject({ users: 69, mentors: 28, mentees: 40, admins: 1, notifications: 3 });
    const expected = { profiles: 69, mentors: 28, mentees: 40, admins: 1, accounts: 69, settings: 69, notifications: 3 };
    expect(await counts()).toEqual(expected);

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
    await seed({ reset: false });
    expect(await counts()).toEqual(expected);
    expect((await adminAuth.getUser(DEMO_LOGINS.admin.uid)).customClaims).toEqual({ role: "admin" });
    // Re-seeding without a reset rewrites the same history rather than adding to it.
    expect((await adminDb.collection("auditLog").get()).size).toBe(4);
  });
});
