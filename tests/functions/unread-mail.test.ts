// The unread-message email and the daily digest: the scheduled jobs' handlers called with an injected `now` against
// the Firestore emulator and the Realtime Database (emulator or stand-in). Scheduled functions never fire in the
// emulators, so this is how they are tested; no functions emulator is needed.
import { defaultEmailPrefs, paths, rtdbPaths, type EmailPrefs } from "@mentormatch/shared";
import { Timestamp } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rtdb } from "../../functions/src/lib/app.js";
import { sendMessageDigests } from "../../functions/src/lib/message-digest.js";
import { emailUnreadMessages } from "../../functions/src/lib/unread-mail.js";
import { adminDb, mailsFor, uniqueId } from "./helpers.js";

if (!process.env.FIREBASE_DATABASE_EMULATOR_HOST)
  throw new Error("These tests need a Realtime Database: node scripts/emulators.mjs exec --only auth,firestore,database -- '…'");

const database = rtdb();
const MINUTE = 60_000;
const DELAY = 60;
// Every test works at its own `now`, far from the others', so one test's markers are never due in another's run
// before that test has looked at them.
let clock = Date.UTC(2030, 0, 1);
const nextNow = () => new Date((clock += 7 * 24 * 60 * MINUTE));

// The admin connection would keep the worker busy after the last test.
afterAll(() => database.goOffline());

async function person(name: string, prefs: Partial<EmailPrefs> = {}): Promise<{ uid: string; name: string; email: string }> {
  const uid = uniqueId(name.split(" ")[0]!.toLowerCase());
  const email = `${uid}@example.com`.toLowerCase();
  await adminDb.doc(paths.user(uid)).set({ displayName: name });
  await adminDb.doc(paths.userSettings(uid)).set({ email, emailPrefs: { ...defaultEmailPrefs(), ...prefs }, createdAt: Timestamp.now() });
  return { uid, name, email };
}

interface ChatSeed {
  to: string;
  from: string;
  /** When the last message (and the marker) was written. */
  at: number;
  unread?: number;
  text?: string;
  lastFrom?: string;
  closed?: boolean;
  lastReadAt?: number;
  marker?: boolean;
}

/** A chat as sends leave it (see web/src/data/chats.ts sendMessage): members, the recipient's entry and marker. */
async function chat(seed: ChatSeed): Promise<string> {
  const chatId = uniqueId("chat");
  const messageId = uniqueId("m");
  const text = seed.text ?? "Are you free on Friday?";
  await database.ref().update({
    [`${rtdbPaths.chatMembers(chatId)}/${seed.to}`]: true,
    [`${rtdbPaths.chatMembers(chatId)}/${seed.from}`]: true,
    [`${rtdbPaths.chatMeta(chatId)}/closed`]: seed.closed ?? false,
    [`${rtdbPaths.chatMessages(chatId)}/${messageId}`]: { from: seed.from, text, sentAt: seed.at },
    [`${rtdbPaths.userChats(seed.to)}/${chatId}`]: {
      peerId: seed.from,
      lastMessageId: messageId,
      lastMessage: text.slice(0, 140),
      lastMessageAt: seed.at,
      lastFrom: seed.lastFrom ?? seed.from,
      unread: seed.unread ?? 1,
    },
    [`${rtdbPaths.userChats(seed.from)}/${chatId}`]: { peerId: seed.to, lastMessageId: messageId, lastMessage: text.slice(0, 140), lastMessageAt: seed.at, lastFrom: seed.from },
    ...(seed.lastReadAt ? { [rtdbPaths.chatLastRead(chatId, seed.to)]: seed.lastReadAt } : {}),
    ...(seed.marker === false ? {} : { [rtdbPaths.unreadMailMarker(seed.to, chatId)]: { uid: seed.to, chatId, at: seed.at } }),
  });
  return chatId;
}

/** A later send in the same chat: the entry's summary and counter move, the marker is renewed. */
async function sendMore(chatId: string, to: string, from: string, at: number, text: string, unread: number): Promise<void> {
  const messageId = uniqueId("m");
  await database.ref().update({
    [`${rtdbPaths.chatMessages(chatId)}/${messageId}`]: { from, text, sentAt: at },
    [`${rtdbPaths.userChats(to)}/${chatId}/lastMessageId`]: messageId,
    [`${rtdbPaths.userChats(to)}/${chatId}/lastMessage`]: text,
    [`${rtdbPaths.userChats(to)}/${chatId}/lastMessageAt`]: at,
    [`${rtdbPaths.userChats(to)}/${chatId}/lastFrom`]: from,
    [`${rtdbPaths.userChats(to)}/${chatId}/unread`]: unread,
    [rtdbPaths.unreadMailMarker(to, chatId)]: { uid: to, chatId, at },
  });
}

const markerOf = async (uid: string, chatId: string) => (await database.ref(rtdbPaths.unreadMailMarker(uid, chatId)).get()).val() as { at: number } | null;
const mailsOf = async (uid: string, kind: string) => (await mailsFor(uid)).map((doc) => doc.data()).filter((mail) => mail.kind === kind);
const notificationsOf = async (uid: string) => (await adminDb.collection(paths.notifications(uid)).get()).docs.map((doc) => doc.data());
const runUnread = (now: Date) => emailUnreadMessages({ now, delayMinutes: DELAY });

describe("emailUnreadMessages", () => {
  let ada: Awaited<ReturnType<typeof person>>;
  beforeAll(async () => {
    ada = await person("Ada <Lovelace>");
  });

  it("mails the recipient once about a message unread past the delay, with sender, count, preview and link; running again sends nothing more", async () => {
    const now = nextNow();
    const sam = await person("Sam Recipient");
    const chatId = await chat({ to: sam.uid, from: ada.uid, at: now.getTime() - 90 * MINUTE, unread: 2, text: "Are you free on <Friday>?" });

    const first = await runUnread(now);
    expect(first.mailed).toBe(1);
    const mails = await mailsOf(sam.uid, "messages");
    expect(mails).toHaveLength(1);
    // The outbox trigger may already be sending it; what counts is that it was queued once for the right person.
    expect(mails[0]).toMatchObject({ to: sam.email, subject: "Ada <Lovelace> sent you 2 messages on MentorMatch" });
    expect(mails[0]!.text).toContain("“Are you free on <Friday>?”");
    expect(mails[0]!.text).toContain(`/messages/${chatId}`);
    expect(mails[0]!.html).toContain("Ada &lt;Lovelace&gt;");
    expect(mails[0]!.html).not.toContain("<Friday>");
    // Email only: the chat's unread counter already shows it in the app.
    expect((await notificationsOf(sam.uid)).filter((note) => note.kind === "message_unread")).toEqual([]);
    expect(await markerOf(sam.uid, chatId)).toBeNull();

    const second = await runUnread(new Date(now.getTime() + 15 * MINUTE));
    expect(second.mailed).toBe(0);
    expect(await mailsOf(sam.uid, "messages")).toHaveLength(1);
  });

  it("two runs at once queue one email", async () => {
    const now = nextNow();
    const sam = await person("Sam Overlap");
    await chat({ to: sam.uid, from: ada.uid, at: now.getTime() - 61 * MINUTE });
    const results = await Promise.all([runUnread(now), runUnread(now)]);
    expect(results.reduce((sum, result) => sum + result.mailed, 0)).toBe(1);
    expect(await mailsOf(sam.uid, "messages")).toHaveLength(1);
  });

  it("sends no second email while the recipient still has not read, and one for the next stretch after they read", async () => {
    const now = nextNow();
    const sam = await person("Sam Streak");
    const chatId = await chat({ to: sam.uid, from: ada.uid, at: now.getTime() - 90 * MINUTE, lastReadAt: now.getTime() - 200 * MINUTE });
    await runUnread(now);
    expect(await mailsOf(sam.uid, "messages")).toHaveLength(1);

    // More messages, still unread: a new marker, the same stretch.
    const later = new Date(now.getTime() + 180 * MINUTE);
    await sendMore(chatId, sam.uid, ada.uid, now.getTime() + 60 * MINUTE, "Hello?", 2);
    await runUnread(later);
    expect(await mailsOf(sam.uid, "messages")).toHaveLength(1);
    expect(await markerOf(sam.uid, chatId)).toBeNull();

    // Sam reads (lastRead moves), then Ada writes again and it stays unread.
    await database.ref(rtdbPaths.chatLastRead(chatId, sam.uid)).set(later.getTime());
    await sendMore(chatId, sam.uid, ada.uid, later.getTime() + MINUTE, "One more thing", 1);
    await runUnread(new Date(later.getTime() + 120 * MINUTE));
    const mails = await mailsOf(sam.uid, "messages");
    expect(mails).toHaveLength(2);
    expect(mails.map((mail) => String(mail.text)).some((text) => text.includes("“One more thing”"))).toBe(true);
  });

  it("sends nothing for a message already read, and removes its marker", async () => {
    const now = nextNow();
    const sam = await person("Sam Reader");
    const chatId = await chat({ to: sam.uid, from: ada.uid, at: now.getTime() - 90 * MINUTE, unread: 0 });
    await runUnread(now);
    expect(await mailsOf(sam.uid, "messages")).toEqual([]);
    expect(await markerOf(sam.uid, chatId)).toBeNull();
  });

  it("sends nothing when the recipient switched the messages email off: no email, no notification", async () => {
    const now = nextNow();
    const sam = await person("Sam Quiet", { messages: false });
    const chatId = await chat({ to: sam.uid, from: ada.uid, at: now.getTime() - 90 * MINUTE });
    await runUnread(now);
    expect(await mailsOf(sam.uid, "messages")).toEqual([]);
    expect(await notificationsOf(sam.uid)).toEqual([]);
    expect(await markerOf(sam.uid, chatId)).toBeNull();
  });

  it("waits while the delay has not passed, keeping the marker for a later run", async () => {
    const now = nextNow();
    const sam = await person("Sam Early");
    const at = now.getTime() - 59 * MINUTE;
    const chatId = await chat({ to: sam.uid, from: ada.uid, at });
    await runUnread(now);
    expect(await mailsOf(sam.uid, "messages")).toEqual([]);
    expect(await markerOf(sam.uid, chatId)).toEqual({ uid: sam.uid, chatId, at });

    // The configured delay decides: 30 minutes makes the same message due now.
    await emailUnreadMessages({ now, delayMinutes: 30 });
    expect(await mailsOf(sam.uid, "messages")).toHaveLength(1);
  });

  it("sends nothing about a closed chat, and removes its marker", async () => {
    const now = nextNow();
    const sam = await person("Sam Closed");
    const chatId = await chat({ to: sam.uid, from: ada.uid, at: now.getTime() - 90 * MINUTE, closed: true });
    await runUnread(now);
    expect(await mailsOf(sam.uid, "messages")).toEqual([]);
    expect(await markerOf(sam.uid, chatId)).toBeNull();
  });

  it("sends nothing when the recipient answered last", async () => {
    const now = nextNow();
    const sam = await person("Sam Replier");
    const chatId = await chat({ to: sam.uid, from: ada.uid, at: now.getTime() - 90 * MINUTE, lastFrom: sam.uid });
    await runUnread(now);
    expect(await mailsOf(sam.uid, "messages")).toEqual([]);
    expect(await markerOf(sam.uid, chatId)).toBeNull();
  });

  it("goes on with everyone else when one recipient's settings are broken, keeping that marker for a later run", async () => {
    const now = nextNow();
    const broken = await person("Sam Broken");
    await adminDb.doc(paths.userSettings(broken.uid)).set({ emailPrefs: "none" });
    const fine = await person("Sam Fine");
    const brokenChat = await chat({ to: broken.uid, from: ada.uid, at: now.getTime() - 120 * MINUTE });
    await chat({ to: fine.uid, from: ada.uid, at: now.getTime() - 90 * MINUTE });
    const result = await runUnread(now);
    expect(result).toMatchObject({ failed: 1, mailed: 1 });
    expect(await mailsOf(fine.uid, "messages")).toHaveLength(1);
    expect(await markerOf(broken.uid, brokenChat)).not.toBeNull();
    // Repaired, it is mailed on the next run.
    await adminDb.doc(paths.userSettings(broken.uid)).set({ email: broken.email, emailPrefs: {}, createdAt: Timestamp.now() });
    await runUnread(new Date(now.getTime() + 15 * MINUTE));
    expect(await mailsOf(broken.uid, "messages")).toHaveLength(1);
  });

  it("takes at most `limit` due markers a run and says more are due", async () => {
    const now = nextNow();
    const sam = await person("Sam Busy");
    const bob = await person("Bob Sender");
    await chat({ to: sam.uid, from: ada.uid, at: now.getTime() - 120 * MINUTE });
    await chat({ to: sam.uid, from: bob.uid, at: now.getTime() - 100 * MINUTE });
    const first = await emailUnreadMessages({ now, delayMinutes: DELAY, limit: 1 });
    expect(first).toMatchObject({ examined: 1, more: true });
    // One stretch per chat: the second chat gets its own email on the next run.
    await emailUnreadMessages({ now, delayMinutes: DELAY, limit: 1 });
    expect(await mailsOf(sam.uid, "messages")).toHaveLength(2);
  });
});

describe("sendMessageDigests", () => {
  let ada: Awaited<ReturnType<typeof person>>;
  let bob: Awaited<ReturnType<typeof person>>;
  beforeAll(async () => {
    [ada, bob] = await Promise.all([person("Ada Mentor"), person("Bob <Mentor>")]);
  });

  it("sends an opted-in person one digest listing their unread conversations; running again that day sends nothing more", async () => {
    const now = nextNow();
    const sam = await person("Sam Digest", { messageDigest: true });
    const withAda = await chat({ to: sam.uid, from: ada.uid, at: now.getTime() - 300 * MINUTE, unread: 3, text: "About your CV", marker: false });
    const withBob = await chat({ to: sam.uid, from: bob.uid, at: now.getTime() - 200 * MINUTE, unread: 1, text: "See you <soon>", marker: false });
    const read = await chat({ to: sam.uid, from: ada.uid, at: now.getTime() - 100 * MINUTE, unread: 0, text: "Already read", marker: false });
    const closed = await chat({ to: sam.uid, from: bob.uid, at: now.getTime() - 100 * MINUTE, unread: 2, text: "Goodbye", closed: true, marker: false });

    await sendMessageDigests({ now });
    const mails = await mailsOf(sam.uid, "messageDigest");
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: sam.email, subject: "Your MentorMatch digest: 4 unread messages" });
    const text = String(mails[0]!.text);
    // Most recent first, each with the sender, the count, the preview and a link.
    expect(text.indexOf("- Bob <Mentor>: 1 unread, latest: “See you <soon>”")).toBeGreaterThan(-1);
    expect(text.indexOf("- Ada Mentor: 3 unread, latest: “About your CV”")).toBeGreaterThan(text.indexOf("Bob <Mentor>"));
    expect(text).toContain(`/messages/${withAda}`);
    expect(text).toContain(`/messages/${withBob}`);
    expect(text).not.toContain(read);
    expect(text).not.toContain(closed);
    expect(String(mails[0]!.html)).toContain("Bob &lt;Mentor&gt;");
    expect(String(mails[0]!.html)).not.toContain("<soon>");
    expect((await notificationsOf(sam.uid)).filter((note) => note.kind === "message_digest")).toEqual([]);

    const again = await sendMessageDigests({ now: new Date(now.getTime() + 6 * 60 * MINUTE) });
    expect(again.mailed).toBe(0);
    expect(await mailsOf(sam.uid, "messageDigest")).toHaveLength(1);

    // The next day is a new digest.
    await sendMessageDigests({ now: new Date(now.getTime() + 24 * 60 * MINUTE) });
    expect(await mailsOf(sam.uid, "messageDigest")).toHaveLength(2);
  });

  it("two runs at once send one digest", async () => {
    const now = nextNow();
    const sam = await person("Sam Twice", { messageDigest: true });
    await chat({ to: sam.uid, from: ada.uid, at: now.getTime() - 60 * MINUTE, marker: false });
    await Promise.all([sendMessageDigests({ now }), sendMessageDigests({ now })]);
    expect(await mailsOf(sam.uid, "messageDigest")).toHaveLength(1);
  });

  it("sends nothing to someone who left the digest off (the default)", async () => {
    const now = nextNow();
    const sam = await person("Sam Default");
    await chat({ to: sam.uid, from: ada.uid, at: now.getTime() - 60 * MINUTE, unread: 4, marker: false });
    await sendMessageDigests({ now });
    expect(await mailsOf(sam.uid, "messageDigest")).toEqual([]);
  });

  it("sends nothing to an opted-in person with nothing unread", async () => {
    const now = nextNow();
    const sam = await person("Sam Caught Up", { messageDigest: true });
    await chat({ to: sam.uid, from: ada.uid, at: now.getTime() - 60 * MINUTE, unread: 0, marker: false });
    const outsider = await person("Sam No Chats", { messageDigest: true });
    await sendMessageDigests({ now });
    expect(await mailsOf(sam.uid, "messageDigest")).toEqual([]);
    expect(await mailsOf(outsider.uid, "messageDigest")).toEqual([]);
  });

  it("goes on with everyone else when one person's digest fails", async () => {
    const now = nextNow();
    const broken = await person("Sam Broken Digest", { messageDigest: true });
    const fine = await person("Sam Fine Digest", { messageDigest: true });
    await chat({ to: broken.uid, from: ada.uid, at: now.getTime() - 60 * MINUTE, marker: false });
    await chat({ to: fine.uid, from: ada.uid, at: now.getTime() - 60 * MINUTE, marker: false });
    // Found by the query, but notify() cannot read it: no address.
    await adminDb.doc(paths.userSettings(broken.uid)).update({ email: 42 });
    const result = await sendMessageDigests({ now });
    expect(result.failed).toBe(1);
    expect(await mailsOf(fine.uid, "messageDigest")).toHaveLength(1);
    expect(await mailsOf(broken.uid, "messageDigest")).toEqual([]);
  });

  it("pages through everyone who opted in", async () => {
    const now = nextNow();
    const people = await Promise.all([1, 2, 3].map((n) => person(`Sam Page${n}`, { messageDigest: true })));
    await Promise.all(people.map((sam) => chat({ to: sam.uid, from: ada.uid, at: now.getTime() - 60 * MINUTE, marker: false })));
    await sendMessageDigests({ now, pageSize: 2 });
    for (const sam of people) expect(await mailsOf(sam.uid, "messageDigest")).toHaveLength(1);
  });
});
