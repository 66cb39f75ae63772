import { paths } from "@mentormatch/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminAuth, adminDb, closeClients, expectCallableError, newClient, signUp, type SignedInClient } from "./helpers.js";

let admin: SignedInClient;

/** An admin as the seed makes one: the claim set with the Admin SDK, then a fresh token. */
async function makeAdmin(): Promise<SignedInClient> {
  const client = await signUp("admin");
  await client.call("registerAccount", { role: "mentee", displayName: "Ada Admin", timezone: "UTC" });
  await adminAuth.setCustomUserClaims(client.uid, { role: "admin", beta: true });
  await adminDb.doc(paths.user(client.uid)).update({ role: "admin" });
  await client.user.getIdToken(true);
  return client;
}

async function registered(role: "mentor" | "mentee", name: string): Promise<SignedInClient> {
  const client = await signUp(role);
  await client.call("registerAccount", { role, displayName: name, timezone: "Europe/Berlin" });
  return client;
}

beforeAll(async () => {
  admin = await makeAdmin();
});
afterAll(closeClients);

describe("setUserRole", () => {
  it("lets an admin make a mentee a mentor: claim, mirror and capacity change, other claims survive", async () => {
    const target = await registered("mentee", "Mo Mentee");
    await adminAuth.setCustomUserClaims(target.uid, { role: "mentee", beta: true });
    const tokensBefore = (await adminDb.doc(paths.user(target.uid)).get()).get("searchTokens");

    expect(await admin.call("setUserRole", { uid: target.uid, role: "mentor" })).toEqual({ uid: target.uid, role: "mentor" });

    const claims = (await target.user.getIdTokenResult(true)).claims;
    expect(claims.role).toBe("mentor");
    expect(claims.beta).toBe(true);
    const profile = (await adminDb.doc(paths.user(target.uid)).get()).data()!;
    expect(profile).toMatchObject({ role: "mentor", capacity: 3, acceptingRequests: true, displayName: "Mo Mentee" });
    expect(profile.searchTokens).toEqual(tokensBefore);
  });

  it("zeroes a demoted mentor's capacity", async () => {
    const target = await registered("mentor", "Dee Mentor");
    await admin.call("setUserRole", { uid: target.uid, role: "mentee" });
    expect((await adminDb.doc(paths.user(target.uid)).get()).data()).toMatchObject({
      role: "mentee",
      capacity: 0,
      acceptingRequests: false,
    });
    expect((await adminAuth.getUser(target.uid)).customClaims?.role).toBe("mentee");
  });

  it("refuses a non-admin with permission-denied and changes nothing", async () => {
    const mentor = await registered("mentor", "Not Admin");
    const target = await registered("mentee", "Target");
    await expectCallableError(mentor.call("setUserRole", { uid: target.uid, role: "admin" }), "permission-denied");
    await expectCallableError(mentor.call("setUserRole", { uid: mentor.uid, role: "admin" }), "permission-denied");
    expect((await adminAuth.getUser(mentor.uid)).customClaims?.role).toBe("mentor");
    expect((await adminDb.doc(paths.user(target.uid)).get()).get("role")).toBe("mentee");
  });

  it("trusts the claim, not the profile mirror", async () => {
    const mentee = await registered("mentee", "Sneaky");
    await adminDb.doc(paths.user(mentee.uid)).update({ role: "admin" });
    await expectCallableError(mentee.call("setUserRole", { uid: mentee.uid, role: "mentor" }), "permission-denied");
  });

  it("refuses a caller who is not signed in", async () => {
    await expectCallableError(newClient().call("setUserRole", { uid: admin.uid, role: "mentee" }), "unauthenticated");
  });

  // Each bad request names a real user where it names one, so "changes nothing" is checked on someone who exists.
  it.each<[string, (uid: string) => unknown, string]>([
    ["an unknown role", (uid) => ({ uid, role: "superuser" }), "role: Role must be mentor, mentee or admin."],
    ["an empty uid", () => ({ uid: "", role: "mentor" }), "uid: A user id is required."],
    ["an extra field", (uid) => ({ uid, role: "mentor", force: true }), "Unexpected field(s): force."],
    ["a missing role", (uid) => ({ uid }), "role: Role must be mentor, mentee or admin."],
  ])("rejects %s with invalid-argument and changes nothing", async (_name, input, message) => {
    const target = await registered("mentee", "Untouched Mentee");
    const profileBefore = (await adminDb.doc(paths.user(target.uid)).get()).data();

    await expectCallableError(admin.call("setUserRole", input(target.uid)), "invalid-argument", message);

    expect((await adminAuth.getUser(target.uid)).customClaims?.role).toBe("mentee");
    expect((await adminDb.doc(paths.user(target.uid)).get()).data()).toEqual(profileBefore);
  });

  it("answers not-found for a user that does not exist", async () => {
    await expectCallableError(
      admin.call("setUserRole", { uid: "no-such-user-anywhere", role: "mentor" }),
      "not-found",
      "There is no MentorMatch user with that id.",
    );
  });

  it("refuses an admin's own demotion, so the programme keeps its admin", async () => {
    await expectCallableError(
      admin.call("setUserRole", { uid: admin.uid, role: "mentee" }),
      "failed-precondition",
      "You cannot remove your own admin role.",
    );
    expect((await adminAuth.getUser(admin.uid)).customClaims?.role).toBe("admin");
    expect((await adminDb.doc(paths.user(admin.uid)).get()).get("role")).toBe("admin");
  });

  it("lets an admin promote another admin, who can then demote the first", async () => {
    const second = await registered("mentor", "Second Admin");
    await admin.call("setUserRole", { uid: second.uid, role: "admin" });
    await second.user.getIdToken(true);
    expect(await second.call("setUserRole", { uid: admin.uid, role: "mentee" })).toEqual({ uid: admin.uid, role: "mentee" });
    expect((await adminAuth.getUser(admin.uid)).customClaims).toEqual({ role: "mentee", beta: true });
    expect((await adminDb.doc(paths.user(second.uid)).get()).get("capacity")).toBe(0);
  });
});
