import { EMAIL_KINDS, buildSearchTokens, mailIdFor, paths } from "@mentormatch/shared";
import { Timestamp } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMailCapture, type MailCapture } from "../../scripts/mail-capture.mjs";
import { adminAuth, adminDb, closeClients, expectCallableError, newClient, signUp, waitFor } from "./helpers.js";

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
  expect((await adminDb.collection(paths.notifications(uid)).get()).size).toBe(0);
  expect((await adminAuth.getUser(uid)).customClaims?.role).toBeUndefined();
};

describe("registerAccount", () => {
  it("sets the claim, creates profile and settings, and welcomes the new user in-app and by email", async () => {
    const client = await signUp("mentor");
    const result = await client.call("registerAccount", { role: "mentor", displayName: "  Grace Hopper ", timezone: "America/New_York" });
    expect(result).toEqual({ role: "mentor", created: true });

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
      sessionCount: 0,
    });
    expect(profile.searchTokens).toEqual(buildSearchTokens({ displayName: "Grace Hopper", expertise: [] }));
    expect(profile.searchTokens).toContain("n:grace h");
    expect(profile.createdAt).toBeInstanceOf(Timestamp);
    expect(profile.updatedAt).toBeInstanceOf(Timestamp);

    const settings = (await adminDb.doc(paths.userSettings(client.uid)).get()).data()!;
    expect(settings.email).toBe(client.email);
    expect(Object.keys(settings.emailPrefs).sort()).toEqual([...EMAIL_KINDS].sort());
    expect(Object.values(settings.emailPrefs).every((on) => on === true)).toBe(true);
    expect(settings.createdAt).toBeInstanceOf(Timestamp);

    const notifications = await adminDb.collection(paths.notifications(client.uid)).get();
    expect(notifications.size).toBe(1);
    expect(notifications.docs[0]!.data()).toMatchObject({ kind: "welcome", link: "/profile", read: false, readAt: null });
    expect(notifications.docs[0]!.get("text")).toContain("Welcome to MentorMatch, Grace Hopper!");

    const mailRef = adminDb.doc(paths.mail(mailIdFor(client.uid, `welcome:${client.uid}`)));
    const mail = (await mailRef.get()).data()!;
    expect(mail).toMatchObject({ to: client.email, uid: client.uid, kind: "account", subject: "Welcome to MentorMatch" });
    expect(mail.html).toContain("Complete your profile");
    expect(mail.html).toContain("http://localhost:5173/profile");

    // The trigger delivers the welcome mail to the local capture.
    await waitFor(async () => (await mailRef.get()).get("status") === "SENT", 20_000, "welcome mail SENT");
    const sent = capture.messages().filter((m) => m.body.custom_args?.mailId === mailRef.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body.personalizations[0]!.to[0]!.email).toBe(client.email);
  });

  it("is idempotent: the same role again answers created:false and changes nothing", async () => {
    const client = await signUp("mentee");
    const input = { role: "mentee", displayName: "Bo Li", timezone: "Asia/Tokyo" };
    expect(await client.call("registerAccount", input)).toEqual({ role: "mentee", created: true });
    const before = await adminDb.doc(paths.user(client.uid)).get();

    expect(await client.call("registerAccount", { ...input, displayName: "Someone Else" })).toEqual({ role: "mentee", created: false });
    const after = await adminDb.doc(paths.user(client.uid)).get();
    expect(after.updateTime!.isEqual(before.updateTime!)).toBe(true);
    expect(after.get("displayName")).toBe("Bo Li");
    expect((await adminDb.collection(paths.notifications(client.uid)).get()).size).toBe(1);
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
    expect((await client.user.getIdTokenResult(true)).claims.role).toBe("mentee");
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

  it.each<[string, unknown, string]>([
    ["an admin role", { role: "admin", displayName: "Eve", timezone: "UTC" }, "role: Choose whether you join as a mentor or a mentee."],
    ["an unknown field", { role: "mentee", displayName: "Eve", timezone: "UTC", isAdmin: true }, "Unexpected field(s): isAdmin."],
    ["a blank name", { role: "mentee", displayName: "   ", timezone: "UTC" }, "displayName: Enter your name."],
    ["an unknown time zone", { role: "mentor", displayName: "Eve", timezone: "Mars/Olympus" }, "timezone: Choose a time zone from the list"],
    ["no input at all", null, "The request was empty or not a set of fields."],
    ["missing fields", {}, "role: Choose whether you join as a mentor or a mentee."],
  ])("rejects %s with invalid-argument, a human message, and writes nothing", async (_name, input, message) => {
    const client = await signUp("bad-input");
    await expectCallableError(client.call("registerAccount", input), "invalid-argument", message);
    await expectNothingWritten(client.uid);
  });

  it("refuses a caller who is not signed in", async () => {
    const client = newClient();
    await expectCallableError(
      client.call("registerAccount", { role: "mentee", displayName: "Nobody", timezone: "UTC" }),
      "unauthenticated",
      "Sign in first.",
    );
  });
});
