import targaryen, { type Database, type Result } from "targaryen";
import { describe, expect, it } from "vitest";
import { rtdbPaths } from "@mentormatch/shared";

// unreadMail/{uid}__{chatId}: the due-marker a send leaves for its recipient, read and removed by the unread-mail job.
import { rules, OPEN, CLOSED, NOW, EARLIER, SERVER_TIME, verified, ACTORS, isUser, canChat, peerOf, memberUids, members, history, type Actor } from "./harness";

const AT_NOW = { now: NOW };

const entry = (peerId: string) => ({ peerId, lastMessageId: "m1", lastMessage: "Hello", lastMessageAt: EARLIER, lastFrom: "alice", unread: 2 });
const marker = (uid: string, chatId = OPEN, at: unknown = EARLIER) => ({ uid, chatId, at });
const everyone = ["mark", "alice", "nora", "uma", "ada", "olga", "anonymous"];
const data = {
  chats: {
    [OPEN]: { members, messages: history },
    [CLOSED]: { members, meta: { closed: true }, messages: history },
  },
  userChats: {
    ...Object.fromEntries(memberUids.map((uid) => [uid, { [OPEN]: entry(peerOf(uid)), [CLOSED]: entry(peerOf(uid)) }])),
    olga: { [OPEN]: entry("mark") },
  },
  // Everyone has a marker in c1, so "their own" exists for each actor (olga's is stale: she left).
  unreadMail: Object.fromEntries(everyone.map((uid) => [`${uid}__${OPEN}`, marker(uid)])),
};
const database = (rulesJson: object): Database => targaryen.database(rulesJson, data, NOW);
const markerPath = rtdbPaths.unreadMailMarker;

interface SendOptions {
  chat?: string;
  peer?: string;
  /** The marker's key, when it is not `{peer}__{chat}`. */
  key?: string;
  /** The marker's value; null leaves it out. */
  value?: Record<string, unknown> | null;
  withoutSummary?: boolean;
}

/**
 * A send as the chat feature does it (see database-rules.test.ts): the message, both entries' summaries, the other
 * member's counter one up, and now the other member's marker `{ uid, chatId, at: now }`.
 */
function sendPatch(uid: string, options: SendOptions = {}): Record<string, unknown> {
  const { chat = OPEN, peer = peerOf(uid) } = options;
  const summary = { lastMessageId: "m2", lastMessage: "Hi there", lastMessageAt: SERVER_TIME, lastFrom: uid };
  const fields = (who: string, extra: Record<string, unknown>) =>
    Object.fromEntries(Object.entries({ ...summary, ...extra }).map(([key, value]) => [`${rtdbPaths.userChats(who)}/${chat}/${key}`, value]));
  const value = options.value === undefined ? { uid: peer, chatId: chat, at: SERVER_TIME } : options.value;
  return {
    [`${rtdbPaths.chatMessages(chat)}/m2`]: { from: uid, text: "Hi there", sentAt: SERVER_TIME },
    ...(options.withoutSummary ? {} : { ...fields(uid, { peerId: peer }), ...fields(peer, { peerId: uid, unread: 3 }) }),
    ...(value ? { [options.key ?? markerPath(peer, chat)]: value } : {}),
  };
}

interface Case {
  label: string;
  allowed: (actor: Actor) => boolean;
  run: (db: Database, uid: string) => Result;
}
const never = () => false;
const CASES: Case[] = [
  { label: "read every marker", allowed: never, run: (db) => db.read(rtdbPaths.unreadMail()) },
  { label: "read their own marker", allowed: never, run: (db, uid) => db.read(markerPath(uid, OPEN)) },
  { label: "read someone else's marker", allowed: never, run: (db, uid) => db.read(markerPath(peerOf(uid), OPEN)) },
  { label: "send a message with the other member's marker", allowed: canChat, run: (db, uid) => db.update("/", sendPatch(uid), AT_NOW) },
  { label: "send to a closed chat with a marker", allowed: never, run: (db, uid) => db.update("/", sendPatch(uid, { chat: CLOSED }), AT_NOW) },
  { label: "write a marker without a send", allowed: never, run: (db, uid) => db.write(markerPath(peerOf(uid), OPEN), marker(peerOf(uid), OPEN, SERVER_TIME), AT_NOW) },
  { label: "remove their own marker (reading the chat)", allowed: isUser, run: (db, uid) => db.write(markerPath(uid, OPEN), null) },
  { label: "remove their own marker that is not there", allowed: isUser, run: (db, uid) => db.write(markerPath(uid, CLOSED), null) },
  { label: "remove someone else's marker", allowed: never, run: (db, uid) => db.write(markerPath(peerOf(uid), OPEN), null) },
  { label: "remove every marker", allowed: never, run: (db) => db.write(rtdbPaths.unreadMail(), null) },
];

describe("unreadMail rules: every person × operation", () => {
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

// The well-formed send comes first, allowed, so each denial after it is the field under attack.
describe("unreadMail: the marker a send writes", () => {
  const db = database(rules).as(verified("mark", "mentor"));
  const send = (options: SendOptions) => db.update("/", sendPatch("mark", options), AT_NOW);

  it("allows the well-formed send, which renews the recipient's existing marker", () => {
    expect(send({}).allowed).toBe(true);
  });
  it("allows a send without a marker (the email is the recipient's loss, not a breach)", () => {
    expect(send({ value: null }).allowed).toBe(true);
  });
  it.each<[string, SendOptions]>([
    ["a marker for the sender themselves", { key: markerPath("mark", OPEN), value: marker("mark", OPEN, SERVER_TIME) }],
    ["a marker for someone outside the chat", { key: markerPath("olga", OPEN), value: marker("olga", OPEN, SERVER_TIME) }],
    ["a marker for a member of another chat", { key: markerPath("alice", "c9"), value: marker("alice", "c9", SERVER_TIME) }],
    ["a forged at in the past", { value: marker("alice", OPEN, EARLIER) }],
    ["a forged at in the future", { value: marker("alice", OPEN, NOW + 3_600_000) }],
    ["an at that is a string", { value: marker("alice", OPEN, "now") }],
    ["a key that is not {uid}__{chatId}", { key: markerPath("alice", CLOSED) }],
    ["a key for another recipient than the uid inside", { key: markerPath("nora", OPEN) }],
    ["an unknown field", { value: { ...marker("alice", OPEN, SERVER_TIME), urgent: true } }],
    ["no at", { value: { uid: "alice", chatId: OPEN } }],
    ["no chatId", { value: { uid: "alice", at: SERVER_TIME } }],
    ["a uid that is a number", { value: { uid: 7, chatId: OPEN, at: SERVER_TIME } }],
    ["a bare value instead of a marker", { value: true as unknown as Record<string, unknown> }],
    ["the message without the recipient's summary", { withoutSummary: true }],
  ])("denies %s", (_label, options) => {
    expect(send(options).allowed).toBe(false);
  });
  it("denies a non-member writing a marker for a member along with a send they cannot make", () => {
    const olga = database(rules).as(verified("olga", "mentee"));
    expect(olga.update("/", sendPatch("olga", { peer: "alice" }), AT_NOW).allowed).toBe(false);
    expect(olga.write(markerPath("alice", OPEN), marker("alice", OPEN, SERVER_TIME), AT_NOW).allowed).toBe(false);
  });
  it("denies changing a marker's at without a send, even their own", () => {
    expect(db.write(`${markerPath("alice", OPEN)}/at`, SERVER_TIME, AT_NOW).allowed).toBe(false);
    expect(db.write(`${markerPath("mark", OPEN)}/at`, SERVER_TIME, AT_NOW).allowed).toBe(false);
  });
});

const OPEN_RULES = { rules: { ".read": "auth != null", ".write": "auth != null" } };

describe("the harness itself", () => {
  it("allows every operation of the matrix under open rules", () => {
    const db = database(OPEN_RULES).as(verified("mark", "mentor"));
    const denied = CASES.map(({ label, run }) => ({ label, result: run(db, "mark") })).filter(({ result }) => !result.allowed);
    expect(denied.map(({ label }) => label)).toEqual([]);
  });
});
