import { paths } from "@mentormatch/shared";
import { Timestamp } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminAuth, adminDb, closeClients, expectCallableError, makeAdmin, newClient, postCallable, registered, sleep, type SignedInClient } from "./helpers.js";

let admin: SignedInClient;

beforeAll(async () => {
  admin = await makeAdmin();
});
afterAll(closeClients);

const claimOf = async (uid: string) => (await adminAuth.getUser(uid)).customClaims?.role;
const storedRoleOf = async (uid: string) => (await adminDb.doc(paths.user(uid)).get()).get("role");
const auditFor = async (targetUid: string) =>
  (await adminDb.collection(paths.auditLog()).where("targetUid", "==", targetUid).get()).docs.map((doc) => doc.data());

describe("setUserRole", () => {
  it("lets an admin make a mentee a mentor: claim, stored role, capacity, audit entry, notification, revoked sessions", async () => {
    const target = await registered("mentee", "Mo Mentee");
    await adminAuth.setCustomUserClaims(target.uid, { role: "mentee", beta: true });
    const before = await adminAuth.getUser(target.uid);
    // tokensValidAfterTime has one-second resolution: let a second pass so the revocation shows.
    await sleep(1100);

    expect(await admin.call("setUserRole", { uid: target.uid, role: "mentor" })).toEqual({ uid: target.uid, role: "mentor", changed: true });

    const claims = (await target.user.getIdTokenResult(true)).claims;
    expect(claims.role).toBe("mentor");
    expect(claims.beta).toBe(true);
    expect((await adminDb.doc(paths.user(target.uid)).get()).data()).toMatchObject({ role: "mentor", capacity: 3, acceptingRequests: true, displayName: "Mo Mentee" });

    const [entry, ...more] = await auditFor(target.uid);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      action: "role_changed",
      actorUid: admin.uid,
      actorName: "Ada Admin",
      targetUid: target.uid,
      targetName: "Mo Mentee",
      targetEmail: target.email,
      from: "mentee",
      to: "mentor",
    });
    expect(entry!.at).toBeInstanceOf(Timestamp);

    const notes = (await adminDb.collection(paths.notifications(target.uid)).where("kind", "==", "role_changed").get()).docs;
    expect(notes).toHaveLength(1);
    expect(notes[0]!.get("text")).toContain("made you a mentor");

    // revokeRefreshTokens moves tokensValidAfterTime forward (the Auth emulator records it but, unlike
    // production, still refreshes old sessions; the web app handles both outcomes).
    const after = await adminAuth.getUser(target.uid);
    expect(Date.parse(after.tokensValidAfterTime!)).toBeGreaterThanOrEqual(Date.parse(before.tokensValidAfterTime ?? "1970-01-01"));
    expect(after.tokensValidAfterTime).not.toBe(before.tokensValidAfterTime);
  });

  it("zeroes a demoted mentor's capacity", async () => {
    const target = await registered("mentor", "Dee Mentor");
    await admin.call("setUserRole", { uid: target.uid, role: "mentee" });
    expect((await adminDb.doc(paths.user(target.uid)).get()).data()).toMatchObject({ role: "mentee", capacity: 0, acceptingRequests: false });
    expect(await claimOf(target.uid)).toBe("mentee");
  });

  it("the same role again changes nothing and writes no audit entry", async () => {
    const target = await registered("mentee", "Same Role");
    expect(await admin.call("setUserRole", { uid: target.uid, role: "mentee" })).toEqual({ uid: target.uid, role: "mentee", changed: false });
    expect(await auditFor(target.uid)).toEqual([]);
  });

  it("refuses a non-admin with permission-denied and changes nothing", async () => {
    const mentor = await registered("mentor", "Not Admin");
    const target = await registered("mentee", "Target");
    await expectCallableError(mentor.call("setUserRole", { uid: target.uid, role: "admin" }), "permission-denied", "Only admins can do that.");
    await expectCallableError(mentor.call("setUserRole", { uid: mentor.uid, role: "admin" }), "permission-denied");
    expect(await claimOf(mentor.uid)).toBe("mentor");
    expect(await storedRoleOf(target.uid)).toBe("mentee");
  });

  it("does not trust a forged token claim: the stored role decides", async () => {
    const mentee = await registered("mentee", "Sneaky");
    // A claim an attacker somehow got into a token, with the stored role still mentee.
    await adminAuth.setCustomUserClaims(mentee.uid, { role: "admin" });
    await mentee.user.getIdToken(true);
    await expectCallableError(mentee.call("setUserRole", { uid: mentee.uid, role: "mentor" }), "permission-denied");
    expect(await storedRoleOf(mentee.uid)).toBe("mentee");
  });

  it("refuses a caller who is not signed in", async () => {
    await expectCallableError(newClient().call("setUserRole", { uid: admin.uid, role: "mentee" }), "unauthenticated");
  });

  // Each bad request names a real user where it names one, so "changes nothing" is checked on someone who exists.
  it.each<[string, (uid: string) => unknown, string, string | null]>([
    ["an unknown role", (uid) => ({ uid, role: "superuser" }), "role: Role must be mentor, mentee or admin.", "role"],
    ["an empty uid", () => ({ uid: "", role: "mentor" }), "uid: A user id is required.", "uid"],
    ["a uid with a slash", (uid) => ({ uid: `${uid}/private/settings`, role: "mentor" }), "uid: A user id is not valid.", "uid"],
    ["a uid of ..", () => ({ uid: "..", role: "mentor" }), "uid: A user id is not valid.", "uid"],
    ["a uid that is a number", () => ({ uid: 42, role: "mentor" }), "uid: A user id must be text.", "uid"],
    ["an extra field", (uid) => ({ uid, role: "mentor", force: true }), "Unexpected field(s): force.", null],
    ["a missing role", (uid) => ({ uid }), "role: Role must be mentor, mentee or admin.", "role"],
  ])("rejects %s with invalid-argument and changes nothing", async (_name, input, message, field) => {
    const target = await registered("mentee", "Untouched Mentee");
    const profileBefore = (await adminDb.doc(paths.user(target.uid)).get()).data();

    const error = await expectCallableError(admin.callRaw("setUserRole", input(target.uid)), "invalid-argument", message);
    if (field) expect(error.details?.fields?.[field]).toBeTruthy();

    expect(await claimOf(target.uid)).toBe("mentee");
    expect((await adminDb.doc(paths.user(target.uid)).get()).data()).toEqual(profileBefore);
  });

  it("refuses a __proto__ key sent as raw JSON", async () => {
    const target = await registered("mentee", "Proto Target");
    const body = JSON.stringify({ data: { uid: target.uid, role: "mentor" } }).replace('{"uid"', '{"__proto__":{"role":"admin"},"uid"');
    const response = await postCallable("setUserRole", body, await admin.user.getIdToken());
    expect(response.error?.status).toBe("INVALID_ARGUMENT");
    expect(await storedRoleOf(target.uid)).toBe("mentee");
  });

  it("answers not-found, with the sentence the app shows, for a user that does not exist", async () => {
    const error = await expectCallableError(
      admin.call("setUserRole", { uid: "no-such-user-anywhere", role: "mentor" }),
      "not-found",
      "There is no MentorMatch user with that id.",
    );
    expect(error.details?.message).toBe("There is no MentorMatch user with that id.");
  });

  it("refuses an admin's own demotion, so the programme keeps its admin", async () => {
    await expectCallableError(admin.call("setUserRole", { uid: admin.uid, role: "mentee" }), "failed-precondition", "You cannot remove your own admin role.");
    expect(await claimOf(admin.uid)).toBe("admin");
    expect(await storedRoleOf(admin.uid)).toBe("admin");
  });
});

describe("setUserRole: a role change takes effect at once", () => {
  it("a demoted admin's old token can no longer re-promote themselves, promote anyone or demote anyone", async () => {
    const first = await makeAdmin("first-admin", "First Admin");
    const second = await registered("mentor", "Second Admin");
    await first.call("setUserRole", { uid: second.uid, role: "admin" });
    await second.user.getIdToken(true);
    const bystander = await registered("mentee", "Bystander");

    // The first admin demotes the second, whose browser still holds a token that says admin (valid for an hour).
    await first.call("setUserRole", { uid: second.uid, role: "mentee" });
    const staleToken = await second.user.getIdTokenResult();
    expect(staleToken.claims.role).toBe("admin");

    await expectCallableError(second.call("setUserRole", { uid: second.uid, role: "admin" }), "permission-denied");
    await expectCallableError(second.call("setUserRole", { uid: bystander.uid, role: "admin" }), "permission-denied");
    await expectCallableError(second.call("setUserRole", { uid: first.uid, role: "mentee" }), "permission-denied");
    await expectCallableError(second.call("inviteUser", { email: "friend@gmail.com" }), "permission-denied");
    await expectCallableError(second.call("revokeInvite", { email: "friend@gmail.com" }), "permission-denied");

    expect(await storedRoleOf(second.uid)).toBe("mentee");
    expect(await claimOf(second.uid)).toBe("mentee");
    expect(await storedRoleOf(bystander.uid)).toBe("mentee");
    expect(await storedRoleOf(first.uid)).toBe("admin");
    expect(await claimOf(first.uid)).toBe("admin");
  });

  it("two admins demoting each other at once leave at least one admin", async () => {
    const a = await makeAdmin("duel-a", "Duel A");
    const b = await makeAdmin("duel-b", "Duel B");
    const results = await Promise.allSettled([
      a.call("setUserRole", { uid: b.uid, role: "mentee" }),
      b.call("setUserRole", { uid: a.uid, role: "mentee" }),
    ]);
    const admins = [await storedRoleOf(a.uid), await storedRoleOf(b.uid)].filter((role) => role === "admin");
    expect(admins.length).toBeGreaterThanOrEqual(1);
    expect(results.filter((r) => r.status === "fulfilled").length).toBe(2 - admins.length);
  });

  it("lets an admin promote another admin, who can then demote the first", async () => {
    const first = await makeAdmin("promoter", "Promoter");
    const second = await registered("mentor", "Promoted");
    await first.call("setUserRole", { uid: second.uid, role: "admin" });
    await second.user.getIdToken(true);
    expect(await second.call("setUserRole", { uid: first.uid, role: "mentee" })).toEqual({ uid: first.uid, role: "mentee", changed: true });
    expect((await adminAuth.getUser(first.uid)).customClaims).toEqual({ role: "mentee", beta: true });
    expect((await adminDb.doc(paths.user(second.uid)).get()).get("capacity")).toBe(0);
  });
});
