import { defaultEmailPrefs, mailIdFor, paths } from "@mentormatch/shared";
import { FieldValue, Timestamp } from "firebase-admin/firestore";
import { describe, expect, it } from "vitest";
import { notify, prepareNotifications, type NotifyInput } from "../../functions/src/lib/notify.js";
import { adminDb, mailsFor, uniqueId } from "./helpers.js";

/** A user as registerAccount leaves one; notify only needs the profile and settings documents. */
async function makeUser(prefs: Partial<ReturnType<typeof defaultEmailPrefs>> = {}) {
  const uid = uniqueId("notify");
  await adminDb.doc(paths.user(uid)).set({ uid, role: "mentor", displayName: "Ada Lovelace" });
  await adminDb.doc(paths.userSettings(uid)).set({
    email: `${uid}@example.com`,
    emailPrefs: { ...defaultEmailPrefs(), ...prefs },
    createdAt: FieldValue.serverTimestamp(),
  });
  return uid;
}

const request = (uid: string, key = `match_requested:m_${uid}`): NotifyInput => ({
  kind: "match_requested",
  text: "Bo Li asked you to be their mentor.",
  link: "/matches",
  dedupeKey: key,
  email: { subject: "New mentoring request", heading: "Bo Li would like your mentoring", paragraphs: ["Say hello & <b>decide</b>."] },
});

describe("notify", () => {
  it("writes the notification and the mail document with the documented fields", async () => {
    const uid = await makeUser();
    const result = await notify(uid, request(uid));
    expect(result).toEqual({ uid, notificationId: `match_requested_m_${uid}`, notified: true, mailId: mailIdFor(uid, `match_requested:m_${uid}`) });

    const notification = (await adminDb.doc(paths.notification(uid, result.notificationId)).get()).data()!;
    expect(notification).toEqual({
      kind: "match_requested",
      text: "Bo Li asked you to be their mentor.",
      link: "/matches",
      read: false,
      readAt: null,
      createdAt: expect.any(Timestamp),
    });
    const mail = (await adminDb.doc(paths.mail(result.mailId!)).get()).data()!;
    // Status, attempts and the rest move as soon as on-mail-created runs; the enqueued content does not.
    expect(Object.keys(mail).sort()).toEqual(
      ["to", "uid", "kind", "subject", "html", "text", "status", "attempts", "leaseExpiresAt", "lastError", "createdAt", "sentAt"].sort(),
    );
    expect(mail).toMatchObject({ to: `${uid}@example.com`, uid, kind: "matchRequests", subject: "New mentoring request" });
    expect(mail.createdAt).toBeInstanceOf(Timestamp);
    expect(mail.html).toContain("Hi Ada Lovelace,");
    expect(mail.html).toContain("Say hello &amp; &lt;b&gt;decide&lt;/b&gt;.");
    expect(mail.text).toContain("Say hello & <b>decide</b>.");
  });

  it("dedupes: two concurrent calls with one key make one notification and one mail", async () => {
    const uid = await makeUser();
    const results = await Promise.all([notify(uid, request(uid)), notify(uid, request(uid))]);
    expect(results.filter((r) => r.notified)).toHaveLength(1);
    expect((await adminDb.collection(paths.notifications(uid)).get()).size).toBe(1);
    expect(await mailsFor(uid)).toHaveLength(1);

    const again = await notify(uid, request(uid));
    expect(again.notified).toBe(false);
    expect((await adminDb.collection(paths.notifications(uid)).get()).size).toBe(1);
    expect(await mailsFor(uid)).toHaveLength(1);
  });

  it("does not re-notify after the owner deleted a notification that was mailed", async () => {
    const uid = await makeUser();
    const first = await notify(uid, request(uid));
    await adminDb.doc(paths.notification(uid, first.notificationId)).delete();
    expect((await notify(uid, request(uid))).notified).toBe(false);
    expect((await adminDb.collection(paths.notifications(uid)).get()).size).toBe(0);
  });

  it("notifies in-app only when the kind's email preference is off", async () => {
    const uid = await makeUser({ matchRequests: false });
    const result = await notify(uid, request(uid));
    expect(result.notified).toBe(true);
    expect(result.mailId).toBeNull();
    expect((await adminDb.collection(paths.notifications(uid)).get()).size).toBe(1);
    expect(await mailsFor(uid)).toHaveLength(0);
  });

  it("notifies in-app only when there is no email content or no settings", async () => {
    const uid = await makeUser();
    const { email: _email, ...inAppOnly } = request(uid);
    expect((await notify(uid, inAppOnly)).mailId).toBeNull();

    const noSettings = uniqueId("no-settings");
    expect((await notify(noSettings, request(noSettings))).notified).toBe(true);
    expect(await mailsFor(uid)).toHaveLength(0);
    expect(await mailsFor(noSettings)).toHaveLength(0);
  });

  it("keeps two recipients' emails apart under one dedupe key", async () => {
    const [a, b] = await Promise.all([makeUser(), makeUser()]);
    await Promise.all([notify(a, request(a, "session_accepted:s1")), notify(b, request(b, "session_accepted:s1"))]);
    expect(await mailsFor(a)).toHaveLength(1);
    expect(await mailsFor(b)).toHaveLength(1);
  });

  it("runs inside a caller's transaction, whose failure writes nothing", async () => {
    const uid = await makeUser();
    await expect(
      adminDb.runTransaction(async (tx) => {
        await notify(uid, request(uid), tx);
        throw new Error("the caller's plan refused");
      }),
    ).rejects.toThrow("the caller's plan refused");
    expect((await adminDb.collection(paths.notifications(uid)).get()).size).toBe(0);
    expect(await mailsFor(uid)).toHaveLength(0);
  });

  it("tells two people inside one transaction: all reads first, then the caller's writes and both notifications", async () => {
    const [mentor, mentee] = await Promise.all([makeUser(), makeUser({ matchUpdates: false })]);
    const eventRef = adminDb.doc(`notifyTest/${uniqueId("event")}`);
    const key = `match_accepted:${eventRef.id}`;
    const told = (uid: string): NotifyInput => ({ ...request(uid, key), kind: "match_accepted", text: "You are matched." });

    const results = await adminDb.runTransaction(async (tx) => {
      const event = await tx.get(eventRef);
      const prepared = await prepareNotifications(tx, [
        { uid: mentor, input: told(mentor) },
        { uid: mentee, input: told(mentee) },
      ]);
      // The caller's own write comes after every read, which Firestore requires of a transaction.
      tx.set(eventRef, { accepted: true, seen: event.exists });
      prepared.write();
      return prepared.results;
    });

    expect(results.map((r) => [r.uid, r.notified, r.mailId !== null])).toEqual([
      [mentor, true, true],
      [mentee, true, false],
    ]);
    expect((await eventRef.get()).get("accepted")).toBe(true);
    expect((await adminDb.collection(paths.notifications(mentor)).get()).size).toBe(1);
    expect((await adminDb.collection(paths.notifications(mentee)).get()).size).toBe(1);
    expect(await mailsFor(mentor)).toHaveLength(1);
    // The mentee switched matchUpdates email off: in-app only.
    expect(await mailsFor(mentee)).toHaveLength(0);

    // The same event again (a retried trigger): nothing new for either person.
    const again = await adminDb.runTransaction(async (tx) => {
      const prepared = await prepareNotifications(tx, [
        { uid: mentor, input: told(mentor) },
        { uid: mentee, input: told(mentee) },
      ]);
      prepared.write();
      return prepared.results;
    });
    expect(again.map((r) => r.notified)).toEqual([false, false]);
    expect((await adminDb.collection(paths.notifications(mentor)).get()).size).toBe(1);
  });

  it("a failed two-person transaction tells nobody", async () => {
    const [a, b] = await Promise.all([makeUser(), makeUser()]);
    await expect(
      adminDb.runTransaction(async (tx) => {
        const prepared = await prepareNotifications(tx, [
          { uid: a, input: request(a, "pair:x") },
          { uid: b, input: request(b, "pair:x") },
        ]);
        prepared.write();
        throw new Error("capacity reached");
      }),
    ).rejects.toThrow("capacity reached");
    expect((await adminDb.collection(paths.notifications(a)).get()).size + (await adminDb.collection(paths.notifications(b)).get()).size).toBe(0);
    expect([...(await mailsFor(a)), ...(await mailsFor(b))]).toHaveLength(0);
  });

  it.each<[string, Partial<NotifyInput>, string]>([
    ["an external link", { link: "https://evil.example" }, "in-app paths"],
    ["a protocol-relative link", { link: "//evil.example" }, "in-app paths"],
    ["no dedupe key", { dedupeKey: "" }, "dedupeKey"],
  ])("refuses %s", async (_name, patch, message) => {
    const uid = await makeUser();
    await expect(notify(uid, { ...request(uid), ...patch })).rejects.toThrow(message);
    expect((await adminDb.collection(paths.notifications(uid)).get()).size).toBe(0);
  });

  it("caps long text at the notification limit", async () => {
    const uid = await makeUser();
    const result = await notify(uid, { ...request(uid), text: "x".repeat(500), email: undefined });
    const text = (await adminDb.doc(paths.notification(uid, result.notificationId)).get()).get("text") as string;
    expect(text).toHaveLength(300);
    expect(text.endsWith("…")).toBe(true);
  });
});
