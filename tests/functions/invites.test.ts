import { inviteIdOf, paths } from "@mentormatch/shared";
import { applyActionCode } from "firebase/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  adminDb,
  closeClients,
  expectCallableError,
  makeAdmin,
  registered,
  signUp,
  uniqueId,
  verificationCodeFor,
  type SignedInClient,
} from "./helpers.js";

let admin: SignedInClient;
beforeAll(async () => {
  admin = await makeAdmin("inviter", "Iris Inviter");
});
afterAll(closeClients);

const outsideAddress = () => `${uniqueId("guest")}@gmail.com`.toLowerCase();
const mailsTo = async (email: string) => (await adminDb.collection(paths.mailbox()).where("to", "==", email).get()).docs;
const auditFor = async (email: string) =>
  (await adminDb.collection(paths.auditLog()).where("targetEmail", "==", email).get()).docs.map((doc) => doc.data());

describe("inviteUser", () => {
  it("invites an outside address: the invitation, its audit entry and an email with a sign-up link", async () => {
    const email = outsideAddress();
    expect(await admin.call("inviteUser", { email: ` ${email.toUpperCase()} ` })).toEqual({ email, inviteId: inviteIdOf(email), created: true });

    expect((await adminDb.doc(paths.invite(inviteIdOf(email))).get()).data()).toMatchObject({
      email,
      invitedBy: admin.uid,
      invitedByName: "Iris Inviter",
      acceptedAt: null,
      acceptedUid: null,
    });
    expect(await auditFor(email)).toMatchObject([{ action: "invite_created", actorUid: admin.uid, targetEmail: email }]);
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.get("subject")).toBe("Iris Inviter invited you to MentorMatch");
    expect(mails[0]!.get("html")).toContain(`/signup?email=${encodeURIComponent(email)}`);
  });

  it("inviting the same address again sends nothing new", async () => {
    const email = outsideAddress();
    await admin.call("inviteUser", { email });
    expect((await admin.call("inviteUser", { email })).created).toBe(false);
    expect(await mailsTo(email)).toHaveLength(1);
    expect(await auditFor(email)).toHaveLength(1);
  });

  it("the invited person can then join, and the invitation shows as used", async () => {
    const guest = await signUp("invited", { domain: "gmail.com", verified: false });
    await admin.call("inviteUser", { email: guest.email });
    const input = { role: "mentor", displayName: "Gil Guest", timezone: "UTC" } as const;
    expect((await guest.call("registerAccount", input)).status).toBe("verify_email");
    await applyActionCode(guest.auth, await verificationCodeFor(guest.uid));
    await guest.user.reload();
    expect(await guest.call("registerAccount", input)).toEqual({ status: "registered", role: "mentor", created: true });
    expect((await adminDb.doc(paths.invite(inviteIdOf(guest.email))).get()).get("acceptedUid")).toBe(guest.uid);
    await expectCallableError(admin.call("revokeInvite", { email: guest.email }), "failed-precondition", "has already joined");
  });

  it("refuses an address that already has an account, next to the email field", async () => {
    const member = await registered("mentee", "Already Here");
    const error = await expectCallableError(admin.call("inviteUser", { email: member.email }), "already-exists", "already has a MentorMatch account");
    expect(error.details?.fields?.email).toBe("This address already has an account.");
    expect((await adminDb.doc(paths.invite(inviteIdOf(member.email))).get()).exists).toBe(false);
  });

  it.each<[string, unknown, string]>([
    ["not an address", { email: "not-an-email" }, "email: Enter a valid email address"],
    ["no address", {}, "email: Enter your email address."],
    ["an extra field", { email: "a@gmail.com", role: "admin" }, "Unexpected field(s): role."],
  ])("rejects %s with invalid-argument and writes nothing", async (_name, input, message) => {
    const before = (await adminDb.collection(paths.invites()).get()).size;
    await expectCallableError(admin.callRaw("inviteUser", input), "invalid-argument", message);
    expect((await adminDb.collection(paths.invites()).get()).size).toBe(before);
  });

  it("is for admins only", async () => {
    const mentor = await registered("mentor", "Mentor Inviter");
    const email = outsideAddress();
    await expectCallableError(mentor.call("inviteUser", { email }), "permission-denied");
    expect((await adminDb.doc(paths.invite(inviteIdOf(email))).get()).exists).toBe(false);
  });
});

describe("revokeInvite", () => {
  it("withdraws an open invitation, with an audit entry", async () => {
    const email = outsideAddress();
    await admin.call("inviteUser", { email });
    expect(await admin.call("revokeInvite", { email })).toEqual({ email, revoked: true });
    expect((await adminDb.doc(paths.invite(inviteIdOf(email))).get()).exists).toBe(false);
    expect((await auditFor(email)).map((entry) => entry.action).sort()).toEqual(["invite_created", "invite_revoked"]);
  });

  it.each<[string, (email: string) => unknown, string]>([
    ["not an address", () => ({ email: "nope" }), "email: Enter a valid email address"],
    ["an extra field", (email) => ({ email, force: true }), "Unexpected field(s): force."],
  ])("rejects %s with invalid-argument and withdraws nothing", async (_name, input, message) => {
    const email = outsideAddress();
    await admin.call("inviteUser", { email });
    await expectCallableError(admin.callRaw("revokeInvite", input(email)), "invalid-argument", message);
    expect((await adminDb.doc(paths.invite(inviteIdOf(email))).get()).exists).toBe(true);
    expect(await auditFor(email)).toHaveLength(1);
  });

  it("answers not-found with the address for an invitation that does not exist", async () => {
    const email = outsideAddress();
    await expectCallableError(admin.call("revokeInvite", { email }), "not-found", `There is no invitation for ${email}.`);
  });

  it("is for admins only", async () => {
    const email = outsideAddress();
    await admin.call("inviteUser", { email });
    const mentee = await registered("mentee", "Mentee Revoker");
    await expectCallableError(mentee.call("revokeInvite", { email }), "permission-denied");
    expect((await adminDb.doc(paths.invite(inviteIdOf(email))).get()).exists).toBe(true);
  });
});
