// `userChats/{uid}/{chatId}/archived`: a per-person flag only its owner, a member of the chat, may set or clear,
// boolean only, and never a way to touch the entry's other fields.
import targaryen, { type Database, type Result } from "targaryen";
import { describe, expect, it } from "vitest";
import { rtdbPaths } from "@mentormatch/shared";
import { rules, OPEN, CLOSED, UNLISTED, NOW, EARLIER, SERVER_TIME, verified, ACTORS, isUser, canChat, peerOf, memberUids, members, history, type Actor } from "./harness";

const entry = (peerId: string, extra: Record<string, unknown> = {}) => ({
  peerId,
  lastMessageId: "m1",
  lastMessage: "Hello",
  lastMessageAt: EARLIER,
  lastFrom: "alice",
  unread: 2,
  ...extra,
});
const data = {
  chats: {
    [OPEN]: { members, messages: history },
    [CLOSED]: { members, meta: { closed: true }, messages: history },
    [UNLISTED]: { members: { mark: true, alice: true } },
  },
  userChats: {
    // Every member's open-chat entry is archived already, so "unarchive" is a real change.
    ...Object.fromEntries(memberUids.map((uid) => [uid, { [OPEN]: entry(peerOf(uid), { archived: true }), [CLOSED]: entry(peerOf(uid)) }])),
    // Someone no longer in c1 who kept an entry: not a member, so not theirs to change any more.
    olga: { [OPEN]: entry("mark") },
    ada: {},
  },
};
const database = (rulesJson: object): Database => targaryen.database(rulesJson, data, NOW);
const archivedPath = (uid: string, chat: string) => `${rtdbPaths.userChats(uid)}/${chat}/archived`;
const entryPath = (uid: string, chat: string) => `${rtdbPaths.userChats(uid)}/${chat}`;

interface Case {
  label: string;
  allowed: (actor: Actor) => boolean;
  run: (db: Database, uid: string) => Result;
}
const never = () => false;
const CASES: Case[] = [
  { label: "read their own entry's archived flag", allowed: isUser, run: (db, uid) => db.read(archivedPath(uid, OPEN)) },
  { label: "read someone else's archived flag", allowed: never, run: (db, uid) => db.read(archivedPath(peerOf(uid), OPEN)) },
  { label: "archive their own conversation (again)", allowed: canChat, run: (db, uid) => db.write(archivedPath(uid, OPEN), true) },
  { label: "unarchive their own conversation", allowed: canChat, run: (db, uid) => db.write(archivedPath(uid, OPEN), false) },
  // Ended mentoring is what people most want out of the way: closed chats can be archived too.
  { label: "archive a closed conversation", allowed: canChat, run: (db, uid) => db.write(archivedPath(uid, CLOSED), true) },
  { label: "archive with an update at their entry", allowed: canChat, run: (db, uid) => db.update(entryPath(uid, CLOSED), { archived: true }) },
  { label: "archive someone else's conversation", allowed: never, run: (db, uid) => db.write(archivedPath(peerOf(uid), CLOSED), true) },
  { label: "unarchive someone else's conversation", allowed: never, run: (db, uid) => db.write(archivedPath(peerOf(uid), OPEN), false) },
  // An entry is created only by a send (which names the peer); archiving must not create a half entry.
  { label: "archive a conversation they have no entry for", allowed: never, run: (db, uid) => db.write(archivedPath(uid, UNLISTED), true) },
  { label: "clear the flag by deleting it", allowed: never, run: (db, uid) => db.write(archivedPath(uid, OPEN), null) },
];

describe("userChats archived: every person × operation", () => {
  for (const actor of ACTORS) {
    describe(actor.name, () => {
      const db = database(rules).as(actor.auth);
      const uid = actor.auth?.uid ?? "anonymous";
      for (const { label, allowed, run } of CASES) {
        const expected = allowed(actor);
        it(`${expected ? "can" : "cannot"} ${label}`, () => {
          const result = run(db, uid);
          expect(result.allowed, result.info).toBe(expected);
        });
      }
    });
  }
});

describe("userChats archived: attacks by a member on their own entry", () => {
  const db = database(rules).as(verified("mark", "mentor"));
  const write = (value: unknown) => db.write(archivedPath("mark", CLOSED), value, { now: NOW });
  const update = (patch: Record<string, unknown>) => db.update(entryPath("mark", CLOSED), patch, { now: NOW });

  it("allows true and false, and archiving together with resetting their own unread counter", () => {
    expect(write(true).allowed).toBe(true);
    expect(write(false).allowed).toBe(true);
    expect(update({ archived: true, unread: 0 }).allowed).toBe(true);
  });
  it.each<[string, unknown]>([
    ["a string", "yes"],
    ["a number", 1],
    ["an object", { value: true }],
    ["a server timestamp", SERVER_TIME],
  ])("denies a flag that is %s", (_label, value) => {
    expect(write(value).allowed).toBe(false);
  });
  it.each<[string, Record<string, unknown>]>([
    ["bumping their unread counter", { archived: true, unread: 5 }],
    ["rewriting the preview", { archived: true, lastMessage: "Hello" }],
    ["changing the peer", { archived: true, peerId: "nora" }],
    ["forging the last sender", { archived: true, lastFrom: "mark" }],
    ["moving the last message time", { archived: true, lastMessageAt: SERVER_TIME }],
    ["pointing at another message", { archived: true, lastMessageId: "m1" }],
    ["adding an unknown field", { archived: true, pinned: true }],
  ])("denies archiving together with %s", (_label, patch) => {
    expect(update(patch).allowed).toBe(false);
  });
  it("denies writing the entry whole with the flag in it", () => {
    expect(db.write(entryPath("mark", CLOSED), entry("alice", { archived: true }), { now: NOW }).allowed).toBe(false);
  });
  it("denies a former member (entry kept, membership gone) changing their flag", () => {
    const olga = database(rules).as(verified("olga", "mentee"));
    expect(olga.write(archivedPath("olga", OPEN), true, { now: NOW }).allowed).toBe(false);
  });
});

describe("userChats archived: sends", () => {
  const db = database(rules).as(verified("mark", "mentor"));
  /** mark's send to alice in c1, whose entry is archived: her summary and counter move, her flag stays. */
  const send = (theirs: Record<string, unknown> = {}) =>
    db.update(
      "/",
      {
        [`${rtdbPaths.chatMessages(OPEN)}/m2`]: { from: "mark", text: "Hi there", sentAt: SERVER_TIME },
        [`${entryPath("alice", OPEN)}/lastMessageId`]: "m2",
        [`${entryPath("alice", OPEN)}/lastMessage`]: "Hi there",
        [`${entryPath("alice", OPEN)}/lastMessageAt`]: SERVER_TIME,
        [`${entryPath("alice", OPEN)}/lastFrom`]: "mark",
        [`${entryPath("alice", OPEN)}/unread`]: 3,
        ...Object.fromEntries(Object.entries(theirs).map(([key, value]) => [`${entryPath("alice", OPEN)}/${key}`, value])),
      },
      { now: NOW },
    );

  it("allows a send into an archived entry (the flag stays: a new message does not unarchive)", () => {
    expect(send().allowed).toBe(true);
  });
  it("denies a send that unarchives the other member's entry", () => {
    expect(send({ archived: false }).allowed).toBe(false);
  });
  it("denies a send that archives the other member's entry", () => {
    expect(send({ archived: true }).allowed).toBe(false);
  });
});

// Guards the harness: each "cannot" above must be the rules, not a path or value targaryen mis-read.
describe("the harness itself", () => {
  it("allows every operation of the matrix under open rules", () => {
    const db = database({ rules: { ".read": "auth != null", ".write": "auth != null" } }).as(verified("mark", "mentor"));
    const denied = CASES.map(({ label, run }) => ({ label, result: run(db, "mark") })).filter(({ result }) => !result.allowed);
    expect(denied.map(({ label }) => label)).toEqual([]);
  });
});
