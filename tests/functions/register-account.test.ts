import { EMAIL_KINDS, buildSearchTokens, inviteIdOf, mailIdFor, paths } from "@mentormatch/shared";
import { FieldValue, Timestamp } from "firebase-admin/firestore";
import { applyActionCode } from "firebase/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMailCapture, type MailCapture } from "../../scripts/mail-capture.mjs";
import {
  adminAuth,
  adminDb,
  closeClients,
  expectCallableError,
  mailsFor,
  newClient,
  postCallable,
  signUp,
  verificationCodeFor,
  waitFor,
} from "./helpers.js";

let capture: MailCapture;
beforeAll(async () => {
  capture = await startMailCapture({ port: 9925 });
});
afterAll(async () => {
  await closeClients();
  await capture.close();
});

const expectNothingWritten = async (uid: string) => {
  expect((await adminDb.doc(paths.user(uid)).get()).exists).toBe(false);
  expect((await adminDb.doc(paths.userSettings(uid)).get()).exists).toBe(false);
  expect((await adminDb.doc(paths.userRegistration(uid)).get()).exists).toBe(false);
  expect((await adminDb.collection(paths.notifications(uid)).get()).size).toBe(0);
  expect(await mailsFor(uid)).toHaveLength(0);
  expect((await adminAuth.getUser(uid)).customClaims?.role).toBeUndefined();
};

describe("registerAccount: a verified, allowed address", () => {
  it("sets the claim, creates profile and settings, and welcomes the new user in-app and by email", async () => {
    const client = await signUp("mentor");
    const result = await client.call("registerAccount", { role: "mentor", displayName: "  Grace Hopper ", timezone: "America/New_York" });
    expect(result).toEqual({ status: "registered", role: "mentor", created: true });

    const token = await client.user.getIdTokenResult(true);
    expect(token.claims.role).toBe("mentor");

    const profile = (await adminDb.doc(paths.user(client.uid)).get()).data()!;
    expect(profile).toMatchObject({
      uid: client.uid,
      role: "mentor",
      displayName: "Grace Hopper",
      title: "",
      department: "",
      expertise: [],
      learningGoals: [],
      bio: "",
      avatarUrl: "",
      timezone: "America/New_York",
      capacity: 3,
      acceptingRequests: true,
      activeMenteeCount: 0,
      ratingAvg: 0,
      ratingCount: 0,
      ratingScore: 0,
      sessionCount: 0,
    });
    expect(profile.searchTokens).toEqual(buildSearchTokens({ displayName: "Grace Hopper", expertise: [] }));
    expect(profile.createdAt).toBeInstanceOf(Timestamp);

    const settings = (await adminDb.doc(paths.userSettings(client.uid)).get()).data()!;
    expect(settings.email).toBe(client.email);
    expect(Object.keys(settings.emailPrefs).sort()).toEqual([...EMAIL_KINDS].sort());

    const notifications = await adminDb.collection(paths.notifications(client.uid)).get();
    expect(notifications.size).toBe(1);
    expect(notifications.docs[0]!.data()).toMatchObject({ kind: "welcome", link: "/profile", read: false, readAt: null });

    const mailRef = adminDb.doc(paths.mail(mailIdFor(client.uid, `welcome:${client.uid}`)));
    expect((await mailRef.get()).data()).toMatchObject({ to: client.email, uid: client.uid, kind: "account", subject: "Welcome to MentorMatch" });
    await waitFor(async () => (await mailRef.get()).get("status") === "SENT", 20_000, "welcome mail SENT");
    expect(capture.messages().filter((m) => m.body.custom_args?.mailId === mailRef.id)).toHaveLength(1);
  });

  it("is idempotent: the same role again answers created:false and changes nothing", async () => {
    const client = await signUp("mentee");
    const input = { role: "mentee", displayName: "Bo Li", timezone: "Asia/Tokyo" } as const;
    expect(await client.call("registerAccount", input)).toEqual({ status: "registered", role: "mentee", created: true });
    const before = await adminDb.doc(paths.user(client.uid)).get();

    expect(await client.call("registerAccount", { ...input, displayName: "Someone Else" })).toEqual({ status: "registered", role: "mentee", created: false });
    const after = await adminDb.doc(paths.user(client.uid)).get();
    expect(after.updateTime!.isEqual(before.updateTime!)).toBe(true);
    expect(after.get("displayName")).toBe("Bo Li");
    expect((await adminDb.collection(paths.notifications(client.uid)).get()).size).toBe(1);
  });

  it("answers ten identical calls at once (a double-click, a retry storm) with ok: one profile, one welcome, one email", async () => {
    const client = await signUp("storm");
    const input = { role: "mentee", displayName: "Storm Person", timezone: "UTC" } as const;
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => client.call("registerAccount", input)));
    const failures = results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason));
    expect(failures).toEqual([]);
    const values = results.map((r) => (r as PromiseFulfilledResult<{ status: string; created?: boolean }>).value);
    expect(values.every((v) => v.status === "registered")).toBe(true);
    expect(values.filter((v) => v.created)).toHaveLength(1);

    expect((await adminDb.collection(paths.notifications(client.uid)).get()).size).toBe(1);
    const mails = await mailsFor(client.uid);
    expect(mails).toHaveLength(1);
    await waitFor(async () => (await mails[0]!.ref.get()).get("status") === "SENT", 20_000, "one welcome mail SENT");
    expect(capture.messages().filter((m) => m.body.custom_args?.mailId === mails[0]!.id)).toHaveLength(1);
    expect((await client.user.getIdTokenResult(true)).claims.role).toBe("mentee");
  });

  it("refuses a second role with failed-precondition and keeps the first", async () => {
    const client = await signUp("switcher");
    await client.call("registerAccount", { role: "mentee", displayName: "Cy", timezone: "UTC" });
    await expectCallableError(
      client.call("registerAccount", { role: "mentor", displayName: "Cy", timezone: "UTC" }),
      "failed-precondition",
      "You already have an account as a mentee.",
    );
    expect((await adminDb.doc(paths.user(client.uid)).get()).get("role")).toBe("mentee");
  });

  it("refuses an admin, whose claim came from elsewhere", async () => {
    const client = await signUp("admin");
    await adminAuth.setCustomUserClaims(client.uid, { role: "admin" });
    await expectCallableError(
      client.call("registerAccount", { role: "mentor", displayName: "Ann", timezone: "UTC" }),
      "failed-precondition",
      "You already have an account as an admin.",
    );
    expect((await adminDb.doc(paths.user(client.uid)).get()).exists).toBe(false);
  });

  it("settles two racing sign-ups with different roles on one role", async () => {
    const client = await signUp("racer");
    const results = await Promise.allSettled([
      client.call("registerAccount", { role: "mentor", displayName: "Dee", timezone: "UTC" }),
      client.call("registerAccount", { role: "mentee", displayName: "Dee", timezone: "UTC" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const winner = (results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ role: string }>).value.role;
    expect((await adminDb.doc(paths.user(client.uid)).get()).get("role")).toBe(winner);
    expect((await client.user.getIdTokenResult(true)).claims.role).toBe(winner);
  });
});

describe("registerAccount: verification first", () => {
  it("keeps an unverified sign-up pending, emails a link to the app, and registers once the link is used", async () => {
    const client = await signUp("fresh", { verified: false });
    const input = { role: "mentor", displayName: "Vera Fied", timezone: "Europe/Paris" } as const;
    const first = await client.call("registerAccount", input);
    expect(first).toEqual({ status: "verify_email", email: client.email, sent: true, retryAfterSeconds: 60 });

    // Nothing a member has: no profile, no claim; only the pending registration the person can read.
    expect((await adminDb.doc(paths.user(client.uid)).get()).exists).toBe(false);
    expect((await adminAuth.getUser(client.uid)).customClaims?.role).toBeUndefined();
    expect((await adminDb.doc(paths.userRegistration(client.uid)).get()).data()).toMatchObject({
      email: client.email,
      role: "mentor",
      displayName: "Vera Fied",
      timezone: "Europe/Paris",
      status: "awaiting_verification",
    });
    const mails = await mailsFor(client.uid);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.get("to")).toBe(client.email);
    expect(mails[0]!.get("html")).toContain("http://localhost:5173/verify-email?oobCode=");
    expect(mails[0]!.get("text")).toContain("You get this because someone signed up to MentorMatch with");

    // Asking again within the minute sends nothing more.
    const again = await client.call("registerAccount", input);
    expect(again.status === "verify_email" && !again.sent && again.retryAfterSeconds > 0 && again.retryAfterSeconds <= 60).toBe(true);
    const resend = await client.call("sendVerificationEmail", {});
    expect(resend.sent).toBe(false);
    expect(await mailsFor(client.uid)).toHaveLength(1);

    // The link from the email, applied as the app's /verify-email page does.
    await applyActionCode(client.auth, await verificationCodeFor(client.uid));
    await client.user.reload();
    await client.user.getIdToken(true);
    expect(await client.call("registerAccount", input)).toEqual({ status: "registered", role: "mentor", created: true });
    expect((await client.user.getIdTokenResult(true)).claims).toMatchObject({ role: "mentor", email_verified: true });
    expect((await adminDb.doc(paths.userRegistration(client.uid)).get()).get("status")).toBe("complete");
    await expectCallableError(client.call("sendVerificationEmail", {}), "failed-precondition", "already confirmed");
  });

  it("sends a new link after the minute has passed", async () => {
    const client = await signUp("resender", { verified: false });
    await client.call("registerAccount", { role: "mentee", displayName: "Re Send", timezone: "UTC" });
    await adminDb.doc(paths.userRegistration(client.uid)).update({ verificationSentAt: Timestamp.fromMillis(Date.now() - 61_000) });
    expect(await client.call("sendVerificationEmail", {})).toEqual({ email: client.email, sent: true, retryAfterSeconds: 60 });
    expect(await mailsFor(client.uid)).toHaveLength(2);
  });

  it("sendVerificationEmail refuses unknown fields and sends nothing", async () => {
    const client = await signUp("resend-bad", { verified: false });
    await client.call("registerAccount", { role: "mentee", displayName: "Bad Resend", timezone: "UTC" });
    await adminDb.doc(paths.userRegistration(client.uid)).update({ verificationSentAt: Timestamp.fromMillis(Date.now() - 61_000) });
    await expectCallableError(client.callRaw("sendVerificationEmail", { email: "someone-else@example.com" }), "invalid-argument", "Unexpected field(s): email.");
    expect(await mailsFor(client.uid)).toHaveLength(1);
  });

  it("sendVerificationEmail needs a pending registration", async () => {
    const client = await signUp("nothing-pending", { verified: false });
    await expectCallableError(client.call("sendVerificationEmail", {}), "failed-precondition", "Fill in the sign-up form first");
  });
});

describe("registerAccount: only the organisation's people", () => {
  it("refuses an address outside the allowed domains, says why, and writes and sends nothing", async () => {
    const client = await signUp("outsider", { domain: "gmail.com" });
    const error = await expectCallableError(
      client.call("registerAccount", { role: "mentee", displayName: "Out Sider", timezone: "UTC" }),
      "permission-denied",
      "Only @example.com or @mentormatch.dev email addresses can join MentorMatch.",
    );
    // The SDK may decorate error.message (it appends " [403]" here); details.message is the sentence to show.
    expect(error.details?.message).toMatch(/^Only @example.com or @mentormatch.dev email addresses can join MentorMatch. If you should have access, ask a programme admin to invite outsider-.*@gmail.com.$/);
    await expectNothingWritten(client.uid);
  });

  it("lets an invited outside address join once verified, and marks the invitation used", async () => {
    const client = await signUp("guest", { domain: "gmail.com", verified: false });
    const inviteRef = adminDb.doc(paths.invite(inviteIdOf(client.email)));
    await inviteRef.set({ email: client.email, invitedBy: "admin-x", invitedByName: "Admin X", createdAt: FieldValue.serverTimestamp(), acceptedAt: null, acceptedUid: null });

    const input = { role: "mentee", displayName: "Gwen Guest", timezone: "UTC" } as const;
    expect((await client.call("registerAccount", input)).status).toBe("verify_email");
    await applyActionCode(client.auth, await verificationCodeFor(client.uid));
    await client.user.reload();
    expect(await client.call("registerAccount", input)).toEqual({ status: "registered", role: "mentee", created: true });
    expect((await inviteRef.get()).get("acceptedUid")).toBe(client.uid);
    expect((await inviteRef.get()).get("acceptedAt")).toBeInstanceOf(Timestamp);
  });
});

describe("registerAccount: bad and hostile input", () => {
  it.each<[string, unknown, string, string | null]>([
    ["an admin role", { role: "admin", displayName: "Eve", timezone: "UTC" }, "role: Choose whether you join as a mentor or a mentee.", "role"],
    ["an unknown field", { role: "mentee", displayName: "Eve", timezone: "UTC", isAdmin: true }, "Unexpected field(s): isAdmin.", null],
    ["a blank name", { role: "mentee", displayName: "   ", timezone: "UTC" }, "displayName: Enter your name.", "displayName"],
    ["a name with a line break", { role: "mentee", displayName: "Eve\nAdmin", timezone: "UTC" }, "displayName: Names are one line of text", "displayName"],
    ["an unknown time zone", { role: "mentor", displayName: "Eve", timezone: "Mars/Olympus" }, "timezone: Choose a time zone from the list", "timezone"],
    ["markup for a time zone", { role: "mentor", displayName: "Eve", timezone: "<img src=x>" }, "timezone: Choose a time zone from the list", "timezone"],
    ["no input at all", null, "The request was empty or not a set of fields.", null],
    ["missing fields", {}, "role: Choose whether you join as a mentor or a mentee.", "role"],
  ])("rejects %s with invalid-argument, a human message next to the field, and writes nothing", async (_name, input, message, field) => {
    const client = await signUp("bad-input");
    const error = await expectCallableError(client.callRaw("registerAccount", input), "invalid-argument", message);
    if (field) expect(error.details?.fields?.[field]).toBeTruthy();
    await expectNothingWritten(client.uid);
  });

  it.each([
    ["__proto__ carrying a role", '{"data":{"__proto__":{"role":"mentor"},"displayName":"Proto","timezone":"UTC"}}', "__proto__"],
    ["a constructor key", '{"data":{"role":"mentee","displayName":"Ctor","timezone":"UTC","constructor":{"prototype":{"x":1}}}}', "constructor"],
    ["a nested prototype key", '{"data":{"role":"mentee","displayName":"Nest","timezone":"UTC","x":{"prototype":1}}}', "prototype"],
  ])("refuses input with %s before parsing it", async (_name, body, key) => {
    const client = await signUp("proto");
    const response = await postCallable("registerAccount", body, await client.user.getIdToken());
    expect(response.error?.status).toBe("INVALID_ARGUMENT");
    expect(response.error?.message).toContain(key);
    await expectNothingWritten(client.uid);
  });

  it("refuses a caller who is not signed in", async () => {
    await expectCallableError(
      newClient().call("registerAccount", { role: "mentee", displayName: "Nobody", timezone: "UTC" }),
      "unauthenticated",
      "Sign in first.",
    );
  });
});

describe("getSignUpPolicy", () => {
  it("tells anyone, signed in or not, which domains may join", async () => {
    expect(await newClient().call("getSignUpPolicy", {})).toEqual({ domains: ["example.com", "mentormatch.dev"] });
  });
  it("refuses unknown fields", async () => {
    await expectCallableError(newClient().callRaw("getSignUpPolicy", { domains: ["evil.com"] }), "invalid-argument", "Unexpected field(s): domains.");
  });
});
