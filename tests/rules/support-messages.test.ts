import {
  Timestamp,
  addDoc,
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  limit,
  orderBy,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  type DocumentData,
} from "firebase/firestore";
import { describe, expect, it } from "vitest";
import { SUPPORT, paths, supportMessageDocSchema } from "@mentormatch/shared";
import { PAST, UID, describeRoleMatrix, expectAllowed, itRefusesOnceDemoted, useRulesSuite, type Actor } from "./helpers.js";

// supportThreads/{threadId}/messages: only the callables write (they also notify the other side and keep the thread's
// summary); the thread's requester and current admins read.
const OWNER_THREAD_ID = "owner-thread";
const DEMOTED_ADMIN_THREAD_ID = "demoted-admin-thread";
const QUESTION = paths.supportMessage(OWNER_THREAD_ID, "question");
const ANSWER = paths.supportMessage(OWNER_THREAD_ID, "answer");
const LATER = Timestamp.fromDate(new Date("2025-01-02T00:00:00Z"));

const thread = (requesterUid: string, overrides: DocumentData = {}): DocumentData => ({
  requesterUid,
  requesterName: `User ${requesterUid}`,
  subject: "My request expired before my mentor saw it",
  status: "open",
  createdAt: PAST,
  updatedAt: LATER,
  lastMessageAt: LATER,
  lastMessagePreview: "I have asked them to look again.",
  lastFrom: "admin",
  unreadForRequester: true,
  unreadForAdmins: false,
  messageCount: 2,
  closedBy: null,
  closedAt: null,
  ...overrides,
});

/** A message as the callables write it (checked against the shared schema below). */
const message = (authorUid: string, authorRole: "requester" | "admin", overrides: DocumentData = {}): DocumentData => ({
  authorUid,
  authorName: `User ${authorUid}`,
  authorRole,
  text: authorRole === "admin" ? "I have asked them to look again." : "My request expired before my mentor saw it.",
  kind: "message",
  createdAt: PAST,
  ...overrides,
});

const suite = useRulesSuite("support-messages", () => ({
  [paths.supportThread(OWNER_THREAD_ID)]: thread(UID.owner),
  [QUESTION]: message(UID.owner, "requester"),
  [ANSWER]: message(UID.admin, "admin", { createdAt: LATER }),
  [paths.supportThread(DEMOTED_ADMIN_THREAD_ID)]: thread(UID.demotedAdmin),
  [paths.supportMessage(DEMOTED_ADMIN_THREAD_ID, "q")]: message(UID.demotedAdmin, "requester"),
}));

const messages = (actor: Actor, threadId = OWNER_THREAD_ID) => collection(suite.db(actor), paths.supportMessages(threadId));
/** What a client would send to write in the conversation directly: its own uid, the request time. */
const ownMessage = (actor: Actor, overrides: DocumentData = {}): DocumentData => ({
  ...message(suite.uid(actor), actor === "admin" ? "admin" : "requester"),
  createdAt: serverTimestamp(),
  ...overrides,
});

describe("supportThreads/{id}/messages: the fixture is the stored shape", () => {
  it("parses with the shared supportMessageDocSchema", () => {
    expect(supportMessageDocSchema.safeParse(message(UID.owner, "requester")).success).toBe(true);
    expect(supportMessageDocSchema.safeParse(message(UID.admin, "admin", { kind: "close_note" })).success).toBe(true);
  });
});

describe("supportThreads/{id}/messages: role matrix (requester and current admins read; only functions write)", () => {
  describeRoleMatrix(
    suite,
    {
      get: { what: "the admin's answer in the owner's conversation", run: (db) => getDoc(doc(db, ANSWER)) },
      list: {
        what: "the owner's conversation, oldest first",
        run: (db) => getDocs(query(collection(db, paths.supportMessages(OWNER_THREAD_ID)), orderBy("createdAt"), limit(SUPPORT.messagesLimit))),
      },
      create: {
        what: "a message in the owner's conversation as themselves, stamped with the request time",
        run: (db, actor) => setDoc(doc(db, paths.supportMessage(OWNER_THREAD_ID, "direct")), ownMessage(actor)),
        leaves: paths.supportMessage(OWNER_THREAD_ID, "direct"),
      },
      update: { what: "edit the owner's question", run: (db) => updateDoc(doc(db, QUESTION), { text: "Edited" }), leaves: QUESTION },
      delete: { what: "the admin's answer", run: (db) => deleteDoc(doc(db, ANSWER)), leaves: ANSWER },
    },
    {
      anonymous: [],
      owner: ["get", "list"],
      other: [],
      unverified: [],
      mentor: [],
      mentee: [],
      admin: ["get", "list"],
      demotedAdmin: [],
      demotedMentor: [],
    },
  );
});

describe("supportThreads/{id}/messages: writing around the callables", () => {
  const attempts: [string, Actor, DocumentData][] = [
    ["the owner forges an admin's answer (authorRole admin)", "owner", ownMessage("owner", { authorRole: "admin" })],
    ["the owner writes as the admin (authorUid)", "owner", ownMessage("owner", { authorUid: UID.admin, authorRole: "admin", authorName: "Programme support" })],
    ["the mentee forges an admin's answer in the owner's conversation", "mentee", ownMessage("mentee", { authorRole: "admin" })],
    ["a current admin writes without the callable (the requester would not be told)", "admin", ownMessage("admin")],
    ["a demoted admin's old token answers", "demotedAdmin", ownMessage("demotedAdmin", { authorRole: "admin" })],
    [`the owner writes ${SUPPORT.messageMax + 1} characters`, "owner", ownMessage("owner", { text: "x".repeat(SUPPORT.messageMax + 1) })],
    ["the owner adds an unknown field", "owner", ownMessage("owner", { pinned: true })],
    ["the owner backdates a message", "owner", ownMessage("owner", { createdAt: PAST })],
    ["the owner writes a closing note", "owner", ownMessage("owner", { kind: "close_note" })],
  ];
  for (const [name, actor, data] of attempts)
    it(`refuses: ${name}`, async () => {
      await expectAllowed(addDoc(messages(actor), data), false);
      const all = await getDocs(messages("admin"));
      expect(all.size).toBe(2);
    });

  it("the owner cannot write in their conversation once it is closed", async () => {
    await suite.seed({ [paths.supportThread(OWNER_THREAD_ID)]: thread(UID.owner, { status: "closed", closedBy: UID.admin, closedAt: LATER }) });
    await expectAllowed(addDoc(messages("owner"), ownMessage("owner")), false);
    expect((await getDocs(messages("admin"))).size).toBe(2);
  });

  it("the owner cannot rewrite the admin's answer", async () => {
    await expectAllowed(updateDoc(doc(suite.db("owner"), ANSWER), { text: "You are right, it is all our fault." }), false);
    expect(await suite.read(ANSWER)).toMatchObject({ text: "I have asked them to look again." });
  });

  it("the owner cannot delete their own question", async () => {
    await expectAllowed(deleteDoc(doc(suite.db("owner"), QUESTION)), false);
    expect(await suite.read(QUESTION)).toBeDefined();
  });
});

describe("supportThreads/{id}/messages: who reads", () => {
  it("the owner reads the whole conversation, both sides", async () => {
    const snapshot = await getDocs(query(messages("owner"), orderBy("createdAt")));
    expect(snapshot.docs.map((d) => d.get("authorRole"))).toEqual(["requester", "admin"]);
  });

  it("the mentee cannot read the owner's conversation", async () => {
    await expectAllowed(getDocs(messages("mentee")), false);
    await expectAllowed(getDoc(doc(suite.db("mentee"), QUESTION)), false);
  });

  it("nobody reads messages of a conversation that does not exist", async () => {
    await expectAllowed(getDocs(messages("owner", "no-such-thread")), false);
  });

  it("a demoted admin still reads the conversation they opened", async () => {
    await expectAllowed(getDocs(messages("demotedAdmin", DEMOTED_ADMIN_THREAD_ID)), true);
  });

  it("a demoted admin's stale token cannot read the owner's conversation", async () => {
    await expectAllowed(getDocs(messages("demotedAdmin")), false);
  });

  itRefusesOnceDemoted(suite, "reads the owner's conversation", (db) => getDocs(collection(db, paths.supportMessages(OWNER_THREAD_ID))));
  itRefusesOnceDemoted(suite, "gets the owner's question", (db) => getDoc(doc(db, QUESTION)), "mentor");
});
