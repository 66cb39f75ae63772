import { defaultEmailPrefs, paths } from "@mentormatch/shared";
import { FieldValue, Timestamp } from "firebase-admin/firestore";
import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deliverMail, MAIL_ID_HEADER, retryStalledMail, type DeliverMailOptions } from "../../functions/src/lib/mail.js";
import { notify } from "../../functions/src/lib/notify.js";
import { startMailCapture, type MailCapture } from "../../scripts/mail-capture.mjs";
import { adminDb, sleep, uniqueId, waitFor } from "./helpers.js";

// The functions emulator sends to this port (functions/.env.local); the capture must be up before mail is created.
const CAPTURE_PORT = 9925;
const FAILING_RECIPIENT = /^bounce-/;
let capture: MailCapture;

beforeAll(async () => {
  capture = await startMailCapture({
    port: CAPTURE_PORT,
    respond: (message) =>
      FAILING_RECIPIENT.test(message.body.personalizations[0]?.to[0]?.email ?? "")
        ? { status: 500, body: { errors: [{ message: "The capture plays a SendGrid outage for this recipient.", field: null }] } }
        : undefined,
  });
});
afterAll(() => capture.close());
beforeEach(() => capture.clear());

const direct = (overrides: Partial<DeliverMailOptions> = {}): DeliverMailOptions => ({
  apiKey: "SG.test-key",
  baseUrl: `http://127.0.0.1:${CAPTURE_PORT}`,
  from: "MentorMatch <no-reply@mentormatch.dev>",
  ...overrides,
});

const sentFor = (mailId: string) => capture.messages().filter((m) => m.body.custom_args?.mailId === mailId);
const mailStatus = async (mailId: string) => (await adminDb.doc(paths.mail(mailId)).get()).get("status") as string;

async function userWithSettings(emailLocalPart = uniqueId("mail")) {
  const uid = uniqueId("mail-user");
  await adminDb.doc(paths.user(uid)).set({ uid, role: "mentee", displayName: 'Bo "Bobby" <Li>' });
  await adminDb.doc(paths.userSettings(uid)).set({
    email: `${emailLocalPart}@example.com`,
    emailPrefs: defaultEmailPrefs(),
    createdAt: FieldValue.serverTimestamp(),
  });
  return uid;
}

async function enqueue(uid: string, paragraph = "Tom & Jerry <script>alert(1)</script>") {
  const { mailId } = await notify(uid, {
    kind: "session_proposed",
    text: "A session was proposed.",
    link: "/sessions",
    dedupeKey: uniqueId("session_proposed"),
    email: { subject: "New session proposed", heading: "A session for you", paragraphs: [paragraph], action: { label: "Open", path: "/sessions" } },
  });
  return mailId!;
}

describe("on-mail-created", () => {
  it("sends a new mail through SendGrid's API to the capture, escaped, and marks it SENT", async () => {
    const uid = await userWithSettings("learner");
    const mailId = await enqueue(uid);
    await waitFor(async () => (await mailStatus(mailId)) === "SENT", 20_000, "SENT");

    const requests = sentFor(mailId);
    expect(requests).toHaveLength(1);
    const { body, headers } = requests[0]!;
    expect(body.personalizations[0]!.to[0]!.email).toBe("learner@example.com");
    expect(body.subject).toBe("New session proposed");
    expect(body.from).toEqual({ email: "no-reply@mentormatch.dev", name: "MentorMatch" });
    const html = body.content.find((part) => part.type === "text/html")!.value;
    expect(html).toContain("Tom &amp; Jerry &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>");
    expect(html).toContain("Hi Bo &quot;Bobby&quot; &lt;Li&gt;,");
    expect(html).toContain('href="http://localhost:5173/sessions"');
    expect(body.content.find((part) => part.type === "text/plain")!.value).toContain("Tom & Jerry");
    expect(headers.authorization).toBe("Bearer SG.emulator-fake-key");
    expect(headers[MAIL_ID_HEADER.toLowerCase()]).toBe(mailId);

    const mail = (await adminDb.doc(paths.mail(mailId)).get()).data()!;
    expect(mail).toMatchObject({ status: "SENT", attempts: 1, leaseExpiresAt: null, lastError: null });
    expect(mail.sentAt).toBeInstanceOf(Timestamp);
  });

  it("records a SendGrid error as ERROR with lastError, without throwing", async () => {
    const uid = await userWithSettings(uniqueId("bounce"));
    const mailId = await enqueue(uid);
    await waitFor(async () => (await mailStatus(mailId)) === "ERROR", 20_000, "ERROR");
    const mail = (await adminDb.doc(paths.mail(mailId)).get()).data()!;
    expect(mail.attempts).toBe(1);
    expect(mail.leaseExpiresAt).toBeNull();
    expect(mail.lastError).toContain("The capture plays a SendGrid outage for this recipient.");
    expect(sentFor(mailId)).toHaveLength(0);
  });
});

describe("deliverMail", () => {
  it("does not send a SENT mail again when the delivery is retried", async () => {
    const uid = await userWithSettings();
    const mailId = await enqueue(uid);
    await waitFor(async () => (await mailStatus(mailId)) === "SENT", 20_000, "SENT");

    expect(await deliverMail(adminDb, mailId, direct())).toEqual({ outcome: "skipped", reason: "sent" });
    expect(sentFor(mailId)).toHaveLength(1);
    expect((await adminDb.doc(paths.mail(mailId)).get()).get("attempts")).toBe(1);
  });

  it("sends exactly once when five deliveries race the trigger for one PENDING mail", async () => {
    const uid = await userWithSettings();
    const mailId = await enqueue(uid);
    const results = await Promise.all(Array.from({ length: 5 }, () => deliverMail(adminDb, mailId, direct())));
    await waitFor(async () => (await mailStatus(mailId)) === "SENT", 20_000, "SENT");
    // Give a late trigger run time to (wrongly) send a second copy.
    await sleep(1_500);

    expect(sentFor(mailId)).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "sent").length).toBeLessThanOrEqual(1);
    for (const result of results) expect(["sent", "skipped"]).toContain(result.outcome);
    expect((await adminDb.doc(paths.mail(mailId)).get()).get("attempts")).toBe(1);
  });

  it("records an unreachable SendGrid as ERROR, and a later retry sends it", async () => {
    const uid = await userWithSettings(uniqueId("bounce"));
    const mailId = await enqueue(uid);
    await waitFor(async () => (await mailStatus(mailId)) === "ERROR", 20_000, "first ERROR");

    const closedPort = await unusedPort();
    const failed = await deliverMail(adminDb, mailId, direct({ baseUrl: `http://127.0.0.1:${closedPort}` }));
    expect(failed).toMatchObject({ outcome: "error", attempts: 2 });
    expect((await adminDb.doc(paths.mail(mailId)).get()).data()).toMatchObject({ status: "ERROR", attempts: 2 });
    expect((await adminDb.doc(paths.mail(mailId)).get()).get("lastError")).toMatch(/ECONNREFUSED/);

    // The recipient's address is fixed: the third attempt goes through.
    await adminDb.doc(paths.mail(mailId)).update({ to: "fixed@example.com" });
    expect(await deliverMail(adminDb, mailId, direct())).toEqual({ outcome: "sent", attempts: 3 });
    expect(sentFor(mailId)).toHaveLength(1);
    expect((await adminDb.doc(paths.mail(mailId)).get()).data()).toMatchObject({ status: "SENT", lastError: null });
  });

  it("gives up after the last attempt", async () => {
    const uid = await userWithSettings(uniqueId("bounce"));
    const mailId = await enqueue(uid);
    await waitFor(async () => (await mailStatus(mailId)) === "ERROR", 20_000, "ERROR");
    expect(await deliverMail(adminDb, mailId, direct())).toMatchObject({ outcome: "error", attempts: 2 });
    expect(await deliverMail(adminDb, mailId, direct())).toMatchObject({ outcome: "error", attempts: 3 });
    expect(await deliverMail(adminDb, mailId, direct())).toEqual({ outcome: "skipped", reason: "gave-up" });
  });

  it("leaves a live lease to its holder and takes over an expired one", async () => {
    const uid = await userWithSettings(uniqueId("bounce"));
    const mailId = await enqueue(uid);
    await waitFor(async () => (await mailStatus(mailId)) === "ERROR", 20_000, "ERROR");
    const now = Date.now();
    await adminDb.doc(paths.mail(mailId)).update({
      status: "PROCESSING",
      to: "leased@example.com",
      leaseExpiresAt: Timestamp.fromMillis(now + 30_000),
    });
    expect(await deliverMail(adminDb, mailId, direct({ now }))).toEqual({ outcome: "skipped", reason: "leased" });
    expect(sentFor(mailId)).toHaveLength(0);
    expect(await deliverMail(adminDb, mailId, direct({ now: now + 31_000 }))).toEqual({ outcome: "sent", attempts: 2 });
    expect(sentFor(mailId)).toHaveLength(1);
  });

  it("answers missing for a mail that does not exist", async () => {
    expect(await deliverMail(adminDb, "no-such-mail", direct())).toEqual({ outcome: "missing" });
  });
});

describe("retryStalledMail (the retry-mail schedule's handler)", () => {
  // Mail from the other test files waits as ERROR (no capture runs outside this file), and a sweep takes 100 by
  // default: sweep them all, so the mail under test is never left for a later batch.
  const sweep = (now: number) => retryStalledMail(adminDb, { ...direct({ now }), batchSize: 10_000 });

  /** A mail that failed once, addressed so that the next attempt succeeds. */
  async function failedOnce(to = "retry@example.com") {
    const uid = await userWithSettings(uniqueId("bounce"));
    const mailId = await enqueue(uid);
    await waitFor(async () => (await mailStatus(mailId)) === "ERROR", 20_000, "ERROR");
    await adminDb.doc(paths.mail(mailId)).update({ to });
    return mailId;
  }

  it("resends failed mail with attempts left and an expired lease, once, and a second sweep changes nothing", async () => {
    const failed = await failedOnce();
    const abandoned = await failedOnce("abandoned@example.com");
    const now = Date.now();
    await adminDb.doc(paths.mail(abandoned)).update({ status: "PROCESSING", leaseExpiresAt: Timestamp.fromMillis(now - 1) });

    const first = await sweep(now);
    expect(first.sent).toBeGreaterThanOrEqual(2);
    expect(sentFor(failed)).toHaveLength(1);
    expect(sentFor(abandoned)).toHaveLength(1);
    for (const id of [failed, abandoned])
      expect((await adminDb.doc(paths.mail(id)).get()).data()).toMatchObject({ status: "SENT", attempts: 2, lastError: null });

    await sweep(now + 1);
    expect(sentFor(failed)).toHaveLength(1);
    expect(sentFor(abandoned)).toHaveLength(1);
  });

  it("leaves live leases and mail out of attempts alone", async () => {
    const leased = await failedOnce("leased-sweep@example.com");
    const exhausted = await failedOnce("exhausted@example.com");
    const now = Date.now();
    await adminDb.doc(paths.mail(leased)).update({ status: "PROCESSING", leaseExpiresAt: Timestamp.fromMillis(now + 60_000) });
    await adminDb.doc(paths.mail(exhausted)).update({ attempts: 3 });

    await sweep(now);
    expect(sentFor(leased)).toHaveLength(0);
    expect(sentFor(exhausted)).toHaveLength(0);
    expect(await mailStatus(leased)).toBe("PROCESSING");
    expect((await adminDb.doc(paths.mail(exhausted)).get()).data()).toMatchObject({ status: "ERROR", attempts: 3 });
  });

  it("sends exactly once when two sweeps race", async () => {
    const mailId = await failedOnce("raced@example.com");
    const now = Date.now();
    await Promise.all([sweep(now), sweep(now)]);
    expect(sentFor(mailId)).toHaveLength(1);
    expect((await adminDb.doc(paths.mail(mailId)).get()).get("attempts")).toBe(2);
  });
});

function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
