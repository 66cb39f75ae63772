import { readFileSync } from "node:fs";
import targaryen, { type Database } from "targaryen";
import { describe, expect, it } from "vitest";
import { rtdbPaths } from "@mentormatch/shared";

const rules = JSON.parse(readFileSync(new URL("../../database.rules.json", import.meta.url), "utf8")) as object;

const CHAT = "c1";
const NOW = Date.UTC(2025, 0, 1);
const SERVER_TIME = { ".sv": "timestamp" };

/** Auth objects as the client SDK presents them to rules: uid plus the token's custom claims. */
const ACTORS: { name: string; auth: { uid: string; token: Record<string, unknown> } | null }[] = [
  { name: "anonymous", auth: null },
  { name: "signed-in, no role", auth: { uid: "nora", token: {} } },
  { name: "mentor", auth: { uid: "mark", token: { role: "mentor" } } },
  { name: "mentee", auth: { uid: "alice", token: { role: "mentee" } } },
  { name: "admin", auth: { uid: "ada", token: { role: "admin" } } },
];

// Every actor is a member of the chat and has presence and a chat list, so a denial is the rules and not missing
// data; u1 is a member who is none of the actors.
const memberUids = ["u1", ...ACTORS.flatMap(({ auth }) => (auth ? [auth.uid] : []))];
const members = Object.fromEntries(memberUids.map((uid) => [uid, true]));
const chatListEntry = { peerId: "u1", lastMessage: "Hello", lastMessageAt: NOW, lastFrom: "u1" };
const data = {
  chats: {
    [CHAT]: {
      members,
      messages: { m1: { from: "u1", text: "Hello", sentAt: NOW } },
      typing: { u1: false },
      lastRead: { u1: NOW },
    },
  },
  userChats: Object.fromEntries(memberUids.map((uid) => [uid, { [CHAT]: chatListEntry }])),
  presence: Object.fromEntries(memberUids.map((uid) => [uid, { state: "online", lastChanged: NOW }])),
};

interface Target {
  label: string;
  readPath: string;
  writePath: string;
  value: (uid: string) => unknown;
}

const message = (uid: string) => ({ from: uid, text: "Hi", sentAt: SERVER_TIME });
const chatEntry = (uid: string) => ({ peerId: uid, lastMessage: "Hi", lastMessageAt: SERVER_TIME, lastFrom: uid });
const presenceValue = () => ({ state: "online", lastChanged: SERVER_TIME });

const target = (label: string, readPath: string, value: Target["value"], writePath = readPath): Target => ({
  label,
  readPath,
  writePath,
  value,
});

function targetsFor(uid: string | null): Target[] {
  const messages = rtdbPaths.chatMessages(CHAT);
  const member = (who: string) => `${rtdbPaths.chatMembers(CHAT)}/${who}`;
  const chatList = (who: string) => rtdbPaths.userChats(who);
  const targets = [
    target("the root", "/", () => ({ takenOver: true })),
    target(messages, messages, message, `${messages}/m2`),
    target(member("u1"), member("u1"), () => true),
    target(chatList("u1"), chatList("u1"), chatEntry, `${chatList("u1")}/${CHAT}`),
    target(rtdbPaths.presence("u1"), rtdbPaths.presence("u1"), presenceValue),
  ];
  if (!uid) return targets;
  return [
    ...targets,
    target(`their own ${member(uid)}`, member(uid), () => true),
    target(`their own ${chatList(uid)}`, chatList(uid), chatEntry, `${chatList(uid)}/${CHAT}`),
    target(`their own ${rtdbPaths.presence(uid)}`, rtdbPaths.presence(uid), presenceValue),
    target(`their own ${rtdbPaths.chatTyping(CHAT, uid)}`, rtdbPaths.chatTyping(CHAT, uid), () => true),
    target(`their own ${rtdbPaths.chatLastRead(CHAT, uid)}`, rtdbPaths.chatLastRead(CHAT, uid), () => SERVER_TIME),
  ];
}

/** A chat send as the feature will do it: the message and both members' chat lists in one multi-path update. */
const sendPatch = (uid: string) => ({
  [`${rtdbPaths.chatMessages(CHAT)}/m2`]: message(uid),
  [`${rtdbPaths.userChats(uid)}/${CHAT}`]: chatEntry("u1"),
  [`${rtdbPaths.userChats("u1")}/${CHAT}`]: chatEntry(uid),
});

const database = (rulesJson: object): Database => targaryen.database(rulesJson, data, NOW);

describe("database.rules.json: everything is denied until the chat feature opens its paths", () => {
  for (const { name, auth } of ACTORS) {
    describe(name, () => {
      const db = database(rules).as(auth);
      const uid = auth?.uid ?? "anonymous";
      for (const { label, readPath, writePath, value } of targetsFor(auth?.uid ?? null)) {
        it(`cannot read ${label}`, () => {
          expect(db.read(readPath).allowed).toBe(false);
        });
        it(`cannot write ${label}`, () => {
          expect(db.write(writePath, value(uid)).allowed).toBe(false);
        });
      }
      it("cannot send a message with its chat-list fan-out", () => {
        expect(db.update("/", sendPatch(uid)).allowed).toBe(false);
      });
      it("cannot delete the chat", () => {
        expect(db.write(`chats/${CHAT}`, null).allowed).toBe(false);
      });
    });
  }
});

const OPEN_RULES = { rules: { ".read": "auth != null", ".write": "auth != null" } };

// Guards the harness: if targaryen mis-read the paths or values, every "denied" above would pass for that reason.
describe("the harness itself", () => {
  it("allows the same reads and writes under open rules", () => {
    const db = database(OPEN_RULES).as({ uid: "mark", token: { role: "mentor" } });
    const results = targetsFor("mark").flatMap((t) => [db.read(t.readPath), db.write(t.writePath, t.value("mark"))]);
    expect(results.filter((result) => !result.allowed).map((result) => `${result.type} ${result.path}`)).toEqual([]);
    expect(db.update("/", sendPatch("mark")).allowed).toBe(true);
  });

  it("denies the anonymous user under the same open rules", () => {
    const db = database(OPEN_RULES).as(null);
    expect(db.read(rtdbPaths.presence("u1")).allowed).toBe(false);
  });
});
