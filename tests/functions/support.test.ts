import { SUPPORT, paths, type NotificationKind } from "@mentormatch/shared";
import { collection, connectFirestoreEmulator, doc, getDoc, getDocs, getFirestore, setLogLevel, updateDoc, type Firestore } from "firebase/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  adminDb,
  closeClients,
  expectCallableError,
  mailsFor,
  makeAdmin,
  newClient,
  registered,
  signUp,
  type SignedInClient,
} from "./helpers.js";

afterAll(closeClients);
setLogLevel("error");

// ---- helpers ----------------------------------------------------------------------------------------------------

const threadOf = async (threadId: string) => (await adminDb.doc(paths.supportThread(threadId)).get()).data();
const messagesOf = async (threadId: string) =>
  (await adminDb.collection(paths.supportMessages(threadId)).orderBy("createdAt").get()).docs.map((d) => d.data());
const threadsOf = async (uid: string) => (await adminDb.collection(paths.supportThreads()).where("requesterUid", "==", uid).get()).docs;
const notesOf = async (uid: string, kind: NotificationKind, threadId: string) =>
  (await adminDb.collection(paths.notifications(uid)).where("kind", "==", kind).get()).docs
    .map((d) => d.data())
    .filter((n) => String(n.link).endsWith(`/${threadId}`));
const supportMailsOf = async (uid: string) => (await mailsFor(uid)).map((d) => d.data()).filter((m) => m.kind === "support");

function firestoreOf(client: SignedInClient): Firestore {
  const firestore = getFirestore(client.app);
  const [host, port] = (process.env.FIRESTORE_EMULATOR_HOST ?? "127.0.0.1:8080").split(":");
  try {
    connectFirestoreEmulator(firestore, host!, Number(port));
  } catch {
    // Already connected.
  }
  return firestore;
}

const question = { subject: "My mentor's chat disappeared", text: "Since yesterday I cannot see the chat with my mentor. Can you help?" };

let admin: SignedInClient;
let secondAdmin: SignedInClient;
let mentee: SignedInClient;
let mentor: SignedInClient;

beforeAll(async () => {
  [admin, secondAdmin, mentee, mentor] = await Promise.all([
    makeAdmin("support-admin", "Ada Support"),
    makeAdmin("support-admin2", "Sam Support"),
    registered("mentee", "Mia Asks"),
    registered("mentor", "Mark Mentor"),
  ]);
});

// ---- openSupportThread ------------------------------------------------------------------------------------------

describe("openSupportThread", () => {
  it("opens a thread with its first message and tells every admin once", async () => {
    const { threadId } = await mentee.call("openSupportThread", question);

    expect(await threadOf(threadId)).toMatchObject({
      requesterUid: mentee.uid,
      requesterName: "Mia Asks",
      subject: question.subject,
      status: "open",
      lastFrom: "requester",
      lastMessagePreview: question.text,
      unreadForAdmins: true,
      unreadForRequester: false,
      messageCount: 1,
      closedBy: null,
      closedAt: null,
    });
    expect(await messagesOf(threadId)).toMatchObject([
      { authorUid: mentee.uid, authorName: "Mia Asks", authorRole: "requester", text: question.text, kind: "message" },
    ]);
    for (const who of [admin, secondAdmin]) {
      const notes = await notesOf(who.uid, "support_opened", threadId);
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ link: `/admin/support/${threadId}`, read: false });
      expect(notes[0]!.text).toContain("Mia Asks");
      expect((await supportMailsOf(who.uid)).some((m) => String(m.text).includes(question.text))).toBe(true);
    }
    // The requester is not told of their own question.
    expect(await notesOf(mentee.uid, "support_opened", threadId)).toHaveLength(0);
  });

  it("lets the requester and admins read it under the rules, and not another member", async () => {
    const { threadId } = await mentee.call("openSupportThread", { subject: "Who can see this?", text: "Just checking." });
    await expect(getDoc(doc(firestoreOf(mentee), paths.supportThread(threadId)))).resolves.toBeTruthy();
    expect((await getDocs(collection(firestoreOf(admin), paths.supportMessages(threadId)))).size).toBe(1);
    await expect(getDoc(doc(firestoreOf(mentor), paths.supportThread(threadId)))).rejects.toMatchObject({ code: "permission-denied" });
    await adminDb.doc(paths.supportThread(threadId)).update({ status: "closed" });
  });

  it.each<[string, Record<string, unknown>, string, string | null]>([
    ["an empty subject", { ...question, subject: "  " }, "Give the conversation a subject.", "subject"],
    ["a subject over the limit", { ...question, subject: "x".repeat(SUPPORT.subjectMax + 1) }, `Keep the subject to ${SUPPORT.subjectMax} characters.`, "subject"],
    ["a subject on two lines", { ...question, subject: "Help\nplease" }, "The subject must be a single line of text.", "subject"],
    ["an empty message", { ...question, text: "" }, "Write a message.", "text"],
    ["a message over the limit", { ...question, text: "x".repeat(SUPPORT.messageMax + 1) }, `Messages can be at most ${SUPPORT.messageMax} characters.`, "text"],
    ["an unknown field", { ...question, requesterUid: "someone-else" }, "", null],
    ["a forged side", { ...question, authorRole: "admin" }, "", null],
  ])("refuses %s with invalid-argument and writes nothing", async (_name, input, message, field) => {
    const person = await registered("mentee", "Quiet Asker");
    const error = await expectCallableError(person.callRaw("openSupportThread", input), "invalid-argument", message);
    expect(error.details?.message).toBeTruthy();
    if (field) expect(error.details?.fields?.[field]).toBe(message);
    expect(await threadsOf(person.uid)).toHaveLength(0);
  });

  it(`allows at most ${SUPPORT.maxOpenThreads} open threads per person`, async () => {
    const person = await registered("mentor", "Busy Asker");
    for (let i = 0; i < SUPPORT.maxOpenThreads; i += 1) await person.call("openSupportThread", { subject: `Question ${i}`, text: "Hello" });
    await expectCallableError(person.call("openSupportThread", { subject: "One too many", text: "Hello" }), "resource-exhausted", "open conversations");
    expect(await threadsOf(person.uid)).toHaveLength(SUPPORT.maxOpenThreads);
  });

  it("refuses someone signed out, and an account without a role", async () => {
    await expectCallableError(newClient().call("openSupportThread", question), "unauthenticated");
    const unregistered = await signUp("no-role");
    await expectCallableError(unregistered.call("openSupportThread", question), "permission-denied");
    expect(await threadsOf(unregistered.uid)).toHaveLength(0);
  });
});

// ---- postSupportMessage, closeSupportThread, reopenSupportThread -------------------------------------------------

describe("a conversation's life", () => {
  let threadId: string;
  beforeAll(async () => {
    const asker = mentee;
    ({ threadId } = await asker.call("openSupportThread", { subject: "Request expired", text: "My request expired before the mentor answered." }));
  });

  it("an admin's answer tells the requester once and marks it unread for them", async () => {
    const { messageId } = await admin.call("postSupportMessage", { threadId, text: "I have asked the mentor to look at it again." });
    expect(await threadOf(threadId)).toMatchObject({
      lastFrom: "admin",
      unreadForRequester: true,
      unreadForAdmins: false,
      messageCount: 2,
      lastMessagePreview: "I have asked the mentor to look at it again.",
    });
    expect((await messagesOf(threadId))[1]).toMatchObject({ authorUid: admin.uid, authorRole: "admin", authorName: "Ada Support" });
    const notes = await notesOf(mentee.uid, "support_replied", threadId);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ link: `/support/${threadId}` });
    expect((await supportMailsOf(mentee.uid)).filter((m) => m.subject.includes("Request expired"))).toHaveLength(1);
    // The other admin is not told of a colleague's answer.
    expect(await notesOf(secondAdmin.uid, "support_replied", threadId)).toHaveLength(0);
    expect(messageId).toBeTruthy();
  });

  it("the requester clears their unread flag under the rules", async () => {
    await updateDoc(doc(firestoreOf(mentee), paths.supportThread(threadId)), { unreadForRequester: false });
    expect((await threadOf(threadId))?.unreadForRequester).toBe(false);
  });

  it("the requester's answer tells every admin", async () => {
    await mentee.call("postSupportMessage", { threadId, text: "Thank you!" });
    expect(await threadOf(threadId)).toMatchObject({ lastFrom: "requester", unreadForAdmins: true, unreadForRequester: false, messageCount: 3 });
    for (const who of [admin, secondAdmin]) expect(await notesOf(who.uid, "support_replied", threadId)).toHaveLength(1);
  });

  it("another member cannot write in it, and learns nothing about it", async () => {
    await expectCallableError(mentor.call("postSupportMessage", { threadId, text: "Me too" }), "not-found", "does not exist, or it is not yours");
    await expectCallableError(mentor.call("postSupportMessage", { threadId: "no-such-thread", text: "Hi" }), "not-found", "does not exist, or it is not yours");
    expect(await messagesOf(threadId)).toHaveLength(3);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["an empty message", { text: "   " }, "Write a message."],
    ["a thread id that is a path", { threadId: "../users/x", text: "Hi" }, "A conversation id is not valid."],
    ["a thread id that is not text", { threadId: null, text: "Hi" }, "A conversation id must be text."],
    ["a forged author", { text: "Hi", authorRole: "admin" }, ""],
  ])("postSupportMessage refuses %s with invalid-argument and writes nothing", async (_name, input, message) => {
    await expectCallableError(mentee.callRaw("postSupportMessage", { threadId, ...input }), "invalid-argument", message);
    expect(await messagesOf(threadId)).toHaveLength(3);
  });

  it("postSupportMessage refuses a missing thread id with invalid-argument", async () => {
    const error = await expectCallableError(mentee.callRaw("postSupportMessage", { text: "Hi" }), "invalid-argument", "A conversation id is required.");
    expect(error.details?.fields?.threadId).toBe("A conversation id is required.");
    expect(await messagesOf(threadId)).toHaveLength(3);
  });

  it("only admins close", async () => {
    await expectCallableError(mentee.call("closeSupportThread", { threadId }), "permission-denied", "Only admins");
    expect((await threadOf(threadId))?.status).toBe("open");
  });

  it("closeSupportThread refuses a note over the limit with invalid-argument", async () => {
    const error = await expectCallableError(
      admin.call("closeSupportThread", { threadId, note: "x".repeat(SUPPORT.closeNoteMax + 1) }),
      "invalid-argument",
      `at most ${SUPPORT.closeNoteMax} characters`,
    );
    expect(error.details?.fields?.note).toBeTruthy();
    expect((await threadOf(threadId))?.status).toBe("open");
  });

  it("an admin closes with a note; the requester is told once, even if it is closed twice", async () => {
    expect(await admin.call("closeSupportThread", { threadId, note: "Glad it is sorted." })).toEqual({ threadId, status: "closed", changed: true });
    expect(await threadOf(threadId)).toMatchObject({ status: "closed", closedBy: admin.uid, unreadForRequester: true, lastFrom: "admin", messageCount: 4 });
    expect((await messagesOf(threadId)).at(-1)).toMatchObject({ kind: "close_note", text: "Glad it is sorted.", authorRole: "admin" });

    expect(await secondAdmin.call("closeSupportThread", { threadId })).toEqual({ threadId, status: "closed", changed: false });
    const notes = await notesOf(mentee.uid, "support_closed", threadId);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.text).toContain("Glad it is sorted.");
  });

  it("nobody writes in a closed conversation", async () => {
    await expectCallableError(mentee.call("postSupportMessage", { threadId, text: "One more thing" }), "failed-precondition", "Reopen it");
    await expectCallableError(admin.call("postSupportMessage", { threadId, text: "One more thing" }), "failed-precondition", "closed");
    expect(await messagesOf(threadId)).toHaveLength(4);
  });

  it("only the requester reopens, and the admins are told", async () => {
    await expectCallableError(mentor.call("reopenSupportThread", { threadId }), "not-found");
    await expectCallableError(mentee.callRaw("reopenSupportThread", { threadId: "a/b" }), "invalid-argument", "not valid");
    expect((await threadOf(threadId))?.status).toBe("closed");

    expect(await mentee.call("reopenSupportThread", { threadId })).toEqual({ threadId, status: "open", changed: true });
    expect(await threadOf(threadId)).toMatchObject({ status: "open", closedBy: null, closedAt: null, unreadForAdmins: true });
    for (const who of [admin, secondAdmin]) expect((await notesOf(who.uid, "support_opened", threadId)).some((n) => String(n.text).includes("reopened"))).toBe(true);
    expect(await mentee.call("reopenSupportThread", { threadId })).toEqual({ threadId, status: "open", changed: false });

    await mentee.call("postSupportMessage", { threadId, text: "Actually, one more thing." });
    expect(await messagesOf(threadId)).toHaveLength(5);
  });
});
