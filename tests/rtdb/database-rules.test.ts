import targaryen, { type Database, type Result } from "targaryen";
import { describe, expect, it } from "vitest";
import { rtdbPaths } from "@mentormatch/shared";
import { rules, OPEN, CLOSED, UNLISTED, NOW, EARLIER, SERVER_TIME, verified, ACTORS, isUser, canChat, peerOf, memberUids, members, history, type Actor } from "./harness";

const entry = (peerId: string) => ({ peerId, lastMessageId: "m1", lastMessage: "Hello", lastMessageAt: EARLIER, lastFrom: "alice", unread: 2 });
const data = {
  chats: {
    [OPEN]: { members, messages: history, typing: { alice: false }, lastRead: { alice: EARLIER } },
    [CLOSED]: { members, meta: { closed: true }, messages: history },
    [UNLISTED]: { members: { mark: true, alice: true } },
  },
  userChats: {
    ...Object.fromEntries(memberUids.map((uid) => [uid, { [OPEN]: entry(peerOf(uid)), [CLOSED]: entry(peerOf(uid)) }])),
    // A stale entry of someone who is no longer in c1: nobody may fan out into it.
    olga: { [OPEN]: entry("mark") },
  },
  presence: Object.fromEntries(["mark", "alice", "nora", "uma", "ada", "olga"].map((uid) => [uid, { state: "online", lastChanged: EARLIER }])),
};

const database = (rulesJson: object): Database => targaryen.database(rulesJson, data, NOW);

const messagePath = (chat: string, id: string) => `${rtdbPaths.chatMessages(chat)}/${id}`;
const entryPath = (uid: string, chat: string) => `${rtdbPaths.userChats(uid)}/${chat}`;
const message = (uid: string, fields: Record<string, unknown> = {}) => ({ from: uid, text: "Hi there", sentAt: SERVER_TIME, ...fields });

interface SendOptions {
  chat?: string;
  peer?: string;
  id?: string;
  message?: Record<string, unknown>;
  own?: Record<string, unknown>;
  theirs?: Record<string, unknown>;
  withoutMessage?: boolean;
}

/**
 * A send as the chat feature does it, in one multi-path update: the message, the sender's chat-list summary and
 * the other member's summary with their unread counter one up; each entry names the other member (`peerId`), which
 * creates the entries on a chat's first message. The SDK sends `increment(1)`; the real database and the stand-in
 * resolve it to the number before the rules see it, so it is written here as that number. A field given as
 * `undefined` is left out.
 */
function sendPatch(uid: string, options: SendOptions = {}): Record<string, unknown> {
  const { chat = OPEN, peer = peerOf(uid), id = "m2" } = options;
  const sent = message(uid, options.message);
  const summary = { lastMessageId: id, lastMessage: sent.text, lastMessageAt: SERVER_TIME, lastFrom: uid };
  const fields = (who: string, extra: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries({ ...summary, ...extra })
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => [`${entryPath(who, chat)}/${key}`, value]),
    );
  return {
    ...(options.withoutMessage ? {} : { [messagePath(chat, id)]: sent }),
    ...fields(uid, { peerId: peer, ...options.own }),
    ...fields(peer, { peerId: uid, unread: 3, ...options.theirs }),
  };
}

interface Case {
  label: string;
  allowed: (actor: Actor) => boolean;
  run: (db: Database, uid: string) => Result;
}

const never = () => false;
const CASES: Case[] = [
  { label: "read the whole database", allowed: never, run: (db) => db.read("/") },
  { label: "read every chat", allowed: never, run: (db) => db.read("chats") },
  { label: "read an open chat", allowed: canChat, run: (db) => db.read(`chats/${OPEN}`) },
  { label: "read its messages", allowed: canChat, run: (db) => db.read(rtdbPaths.chatMessages(OPEN)) },
  { label: "read its members", allowed: canChat, run: (db) => db.read(rtdbPaths.chatMembers(OPEN)) },
  { label: "read a closed chat's history", allowed: canChat, run: (db) => db.read(rtdbPaths.chatMessages(CLOSED)) },
  { label: "read their own chat list", allowed: isUser, run: (db, uid) => db.read(rtdbPaths.userChats(uid)) },
  { label: "read someone else's chat list", allowed: never, run: (db, uid) => db.read(rtdbPaths.userChats(peerOf(uid))) },
  { label: "read someone's presence", allowed: isUser, run: (db, uid) => db.read(rtdbPaths.presence(peerOf(uid))) },
  { label: "list everyone's presence", allowed: never, run: (db) => db.read("presence") },
  { label: "send a message to an open chat", allowed: canChat, run: (db, uid) => db.write(messagePath(OPEN, "m2"), message(uid)) },
  { label: "send a message with its chat-list fan-out", allowed: canChat, run: (db, uid) => db.update("/", sendPatch(uid)) },
  { label: "send a message to a closed chat", allowed: never, run: (db, uid) => db.write(messagePath(CLOSED, "m2"), message(uid)) },
  { label: "send to a closed chat with the fan-out", allowed: never, run: (db, uid) => db.update("/", sendPatch(uid, { chat: CLOSED })) },
  { label: "set their own typing flag", allowed: canChat, run: (db, uid) => db.write(rtdbPaths.chatTyping(OPEN, uid), true) },
  { label: "set someone else's typing flag", allowed: never, run: (db, uid) => db.write(rtdbPaths.chatTyping(OPEN, peerOf(uid)), true) },
  { label: "set their typing flag in a closed chat", allowed: never, run: (db, uid) => db.write(rtdbPaths.chatTyping(CLOSED, uid), true) },
  { label: "mark the chat read", allowed: canChat, run: (db, uid) => db.write(rtdbPaths.chatLastRead(OPEN, uid), SERVER_TIME) },
  { label: "mark the chat read for someone else", allowed: never, run: (db, uid) => db.write(rtdbPaths.chatLastRead(OPEN, peerOf(uid)), SERVER_TIME) },
  { label: "mark a closed chat read", allowed: never, run: (db, uid) => db.write(rtdbPaths.chatLastRead(CLOSED, uid), SERVER_TIME) },
  { label: "reset their own unread counter", allowed: canChat, run: (db, uid) => db.write(`${entryPath(uid, OPEN)}/unread`, 0) },
  // The badge must be able to clear after a chat closes.
  { label: "reset their unread counter of a closed chat", allowed: canChat, run: (db, uid) => db.write(`${entryPath(uid, CLOSED)}/unread`, 0) },
  { label: "make themselves a member", allowed: never, run: (db, uid) => db.write(`${rtdbPaths.chatMembers(UNLISTED)}/${uid}`, true) },
  { label: "remove a member", allowed: never, run: (db, uid) => db.write(`${rtdbPaths.chatMembers(OPEN)}/${peerOf(uid)}`, null) },
  { label: "reopen a closed chat", allowed: never, run: (db) => db.write(`chats/${CLOSED}/meta/closed`, false) },
  { label: "close a chat", allowed: never, run: (db) => db.write(`chats/${OPEN}/meta/closed`, true) },
  { label: "delete a chat", allowed: never, run: (db) => db.write(`chats/${OPEN}`, null) },
  { label: "write a chat-list entry whole", allowed: never, run: (db, uid) => db.write(entryPath(uid, UNLISTED), entry(peerOf(uid))) },
  { label: "name a peer outside a send", allowed: never, run: (db, uid) => db.write(`${entryPath(uid, UNLISTED)}/peerId`, peerOf(uid)) },
  {
    label: "set their own presence",
    allowed: isUser,
    run: (db, uid) => db.write(rtdbPaths.presence(uid), { state: "online", lastChanged: SERVER_TIME }),
  },
  {
    label: "set someone else's presence",
    allowed: never,
    run: (db, uid) => db.write(rtdbPaths.presence(peerOf(uid)), { state: "offline", lastChanged: SERVER_TIME }),
  },
];

describe("database.rules.json: every path × person × operation", () => {
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

// Each group starts with the well-formed write, allowed, so every denial after it is the field under attack. The
// operations run at NOW (targaryen otherwise uses the wall clock), so "not now" is off by exactly what it says.
const AT_NOW = { now: NOW };

/** mark, a verified member of c1 and c2. */
function markAtNow() {
  const db = database(rules).as(verified("mark", "mentor"));
  return {
    write: (path: string, value: unknown) => db.write(path, value, AT_NOW),
    update: (path: string, patch: Record<string, unknown>) => db.update(path, patch, AT_NOW),
  };
}
describe("messages: shape, author and time", () => {
  const db = markAtNow();
  const write = (fields: Record<string, unknown>) => db.write(messagePath(OPEN, "m2"), message("mark", fields));
  const without = (field: string) => {
    const value: Record<string, unknown> = message("mark");
    delete value[field];
    return db.write(messagePath(OPEN, "m2"), value);
  };

  it("allows a well-formed message, and one of exactly 2000 characters", () => {
    expect(write({}).allowed).toBe(true);
    expect(write({ text: "x".repeat(2000) }).allowed).toBe(true);
  });
  it.each([
    ["a forged author", { from: "alice" }],
    ["an empty text", { text: "" }],
    ["a text of 2001 characters", { text: "x".repeat(2001) }],
    ["a text that is a number", { text: 42 }],
    ["a sentAt that is not now", { sentAt: NOW - 1 }],
    ["a sentAt in the future", { sentAt: NOW + 60_000 }],
    ["a sentAt that is a string", { sentAt: "2025-01-01" }],
    ["an unknown field", { edited: true }],
  ])("denies %s", (_label, fields) => {
    expect(write(fields).allowed).toBe(false);
  });
  it.each(["from", "text", "sentAt"])("denies a message without %s", (field) => {
    expect(without(field).allowed).toBe(false);
  });
  it("denies editing a message, whole or one field", () => {
    expect(db.write(messagePath(OPEN, "m1"), message("mark")).allowed).toBe(false);
    expect(db.write(`${messagePath(OPEN, "m1")}/text`, "edited").allowed).toBe(false);
  });
  it("denies deleting a message, or the whole history", () => {
    expect(db.write(messagePath(OPEN, "m1"), null).allowed).toBe(false);
    expect(db.write(rtdbPaths.chatMessages(OPEN), null).allowed).toBe(false);
  });
  it("denies writing the message list whole", () => {
    expect(db.write(rtdbPaths.chatMessages(OPEN), { m2: message("mark") }).allowed).toBe(false);
  });
});

describe("chat lists: the summary and the unread counter move only with a new message", () => {
  const db = markAtNow();
  const send = (options: SendOptions) => db.update("/", sendPatch("mark", options));

  it("allows the well-formed send, and the sender resetting their own counter in it", () => {
    expect(send({}).allowed).toBe(true);
    expect(send({ own: { unread: 0 } }).allowed).toBe(true);
  });
  it("allows a message without the fan-out (the summary is best effort)", () => {
    expect(db.write(messagePath(UNLISTED, "m2"), message("mark")).allowed).toBe(true);
  });
  it("allows a chat's first send to create both entries, each naming the other member, the counter at 1", () => {
    expect(send({ chat: UNLISTED, theirs: { unread: 1 } }).allowed).toBe(true);
  });
  it.each<[string, SendOptions]>([
    ["bumping the other member's unread counter by 5", { theirs: { unread: 7 } }],
    ["setting the other member's unread counter to 0", { theirs: { unread: 0 } }],
    ["bumping their own unread counter", { own: { unread: 3 } }],
    ["a summary pointing at an existing message", { id: "m1", withoutMessage: true }],
    ["a summary pointing at a message that is not created", { withoutMessage: true }],
    ["a forged author in message and summary", { message: { from: "alice" }, own: { lastFrom: "alice" }, theirs: { lastFrom: "alice" } }],
    ["a forged lastFrom", { theirs: { lastFrom: "alice" } }],
    ["a preview that is not the message", { theirs: { lastMessage: "Please send me your password" } }],
    ["a lastMessageAt that is not now", { theirs: { lastMessageAt: EARLIER } }],
    ["a lastMessageId that is not a string", { theirs: { lastMessageId: 2 } }],
    ["changing their own peerId", { own: { peerId: "nora" } }],
    ["changing the other member's peerId", { theirs: { peerId: "nora" } }],
    ["an unknown field in the entry", { own: { pinned: true } }],
    ["fanning out into the list of someone who left the chat", { peer: "olga" }],
    ["a new entry without a peer", { chat: UNLISTED, own: { peerId: undefined }, theirs: { unread: 1 } }],
    ["a new entry naming a non-member as the peer", { chat: UNLISTED, own: { peerId: "olga" }, theirs: { unread: 1 } }],
    ["a new entry naming its owner as the peer", { chat: UNLISTED, own: { peerId: "mark" }, theirs: { unread: 1 } }],
    ["a new entry's counter starting above 1", { chat: UNLISTED, theirs: { unread: 3 } }],
  ])("denies %s", (_label, options) => {
    expect(send(options).allowed).toBe(false);
  });
  it("denies bumping an unread counter without a message", () => {
    expect(db.write(`${entryPath("alice", OPEN)}/unread`, 3).allowed).toBe(false);
    expect(db.update("/", { [`${entryPath("alice", OPEN)}/unread`]: 3 }).allowed).toBe(false);
  });
  it("limits the preview to 140 characters", () => {
    const text = "y".repeat(300);
    const preview = (length: number) =>
      send({ message: { text }, own: { lastMessage: text.slice(0, length) }, theirs: { lastMessage: text.slice(0, length) } });
    expect(preview(140).allowed).toBe(true);
    expect(preview(141).allowed).toBe(false);
  });
  it("denies deleting a summary field", () => {
    expect(db.write(`${entryPath("mark", OPEN)}/lastMessage`, null).allowed).toBe(false);
    expect(db.write(`${entryPath("mark", OPEN)}/unread`, null).allowed).toBe(false);
  });
});

describe("typing and read receipts: shape", () => {
  const db = markAtNow();

  it("allows a boolean typing flag, its removal (what onDisconnect does) and lastRead at now", () => {
    expect(db.write(rtdbPaths.chatTyping(OPEN, "mark"), false).allowed).toBe(true);
    expect(db.write(rtdbPaths.chatTyping(OPEN, "mark"), null).allowed).toBe(true);
    expect(db.write(rtdbPaths.chatLastRead(OPEN, "mark"), NOW).allowed).toBe(true);
  });
  it.each([
    ["a typing flag that is a string", rtdbPaths.chatTyping(OPEN, "mark"), "yes"],
    ["a lastRead in the past", rtdbPaths.chatLastRead(OPEN, "mark"), EARLIER],
    ["a lastRead that is a string", rtdbPaths.chatLastRead(OPEN, "mark"), "today"],
    ["deleting their lastRead", rtdbPaths.chatLastRead(OPEN, "mark"), null],
    ["an unknown field under the chat", `chats/${OPEN}/pinned`, true],
    ["an unknown field under meta", `chats/${OPEN}/meta/topic`, "x"],
  ])("denies %s", (_label, path, value) => {
    expect(db.write(path, value).allowed).toBe(false);
  });
});

describe("presence: shape and time", () => {
  const db = markAtNow();
  const write = (value: unknown) => db.write(rtdbPaths.presence("mark"), value);

  it("allows online and offline at now, and removing it", () => {
    expect(write({ state: "online", lastChanged: SERVER_TIME }).allowed).toBe(true);
    expect(write({ state: "offline", lastChanged: NOW }).allowed).toBe(true);
    expect(write(null).allowed).toBe(true);
  });
  it.each([
    ["an unknown state", { state: "away", lastChanged: SERVER_TIME }],
    ["a lastChanged that is not now", { state: "online", lastChanged: EARLIER }],
    ["no lastChanged", { state: "online" }],
    ["an unknown field", { state: "online", lastChanged: SERVER_TIME, device: "phone" }],
    ["a bare string", "online"],
  ])("denies %s", (_label, value) => {
    expect(write(value).allowed).toBe(false);
  });
});

const OPEN_RULES = { rules: { ".read": "auth != null", ".write": "auth != null" } };

// Guards the harness: if targaryen mis-read the paths or values, a "denied" above would pass for that reason.
describe("the harness itself", () => {
  it("allows every operation of the matrix under open rules", () => {
    const db = database(OPEN_RULES).as(verified("mark", "mentor"));
    const denied = CASES.map(({ label, run }) => ({ label, result: run(db, "mark") })).filter(({ result }) => !result.allowed);
    expect(denied.map(({ label }) => label)).toEqual([]);
  });

  it("denies the anonymous user under the same open rules", () => {
    const db = database(OPEN_RULES).as(null);
    expect(db.read(rtdbPaths.presence("mark")).allowed).toBe(false);
  });
});
