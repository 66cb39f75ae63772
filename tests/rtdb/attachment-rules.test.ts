import targaryen, { type Database, type Result } from "targaryen";
import { describe, expect, it } from "vitest";
import { ATTACHMENT_LIMITS, ATTACHMENT_TYPE_NAMES, rtdbPaths, storagePaths } from "@mentormatch/shared";
import { ACTORS, CLOSED, EARLIER, NOW, OPEN, SERVER_TIME, canChat, isUser, members, peerOf, rules, verified, type Actor } from "./harness";

// A message may carry a file only after the server checked it: the function that checks an upload writes
// attachmentUploads/{uploader}__{chat}__{messageId} (Admin SDK, rules do not apply), and the message's name, size and
// type must equal that verdict, its path must be this chat's and this message's. Nobody else reads a verdict.

const ID = "m2";
const CV = { name: "cv.pdf", size: 48_213, type: "application/pdf" };
const verdict = (uid: string, chat: string, fields: Record<string, unknown> = {}) => ({
  chatId: chat,
  attachmentId: ID,
  uploaderUid: uid,
  status: "ready",
  ...CV,
  checkedAt: EARLIER,
  ...fields,
});
const uploadKey = (uid: string, chat: string, id = ID) => rtdbPaths.attachmentUpload(uid, chat, id).split("/")[1]!;
const everyone = ["mark", "alice", "nora", "uma", "ada", "olga"];

const data = {
  chats: {
    [OPEN]: { members, messages: { m1: { from: "alice", text: "Hello", sentAt: EARLIER } } },
    [CLOSED]: { members, meta: { closed: true } },
  },
  attachmentUploads: {
    // Everyone has a ready verdict for m2 in both chats, so a denial below is about the person, not the file.
    ...Object.fromEntries(everyone.flatMap((uid) => [OPEN, CLOSED].map((chat) => [uploadKey(uid, chat), verdict(uid, chat)]))),
    [uploadKey("mark", OPEN, "m3")]: verdict("mark", OPEN, { attachmentId: "m3", status: "rejected", reason: "This file is named as a PDF but its contents are a web page." }),
    // Verdicts a buggy server might have written, to prove the rules' own limits.
    [uploadKey("mark", OPEN, "m4")]: verdict("mark", OPEN, { attachmentId: "m4", name: `${"n".repeat(197)}.pdf` }),
    [uploadKey("mark", OPEN, "m5")]: verdict("mark", OPEN, { attachmentId: "m5", size: ATTACHMENT_LIMITS.maxBytes + 1 }),
    [uploadKey("mark", OPEN, "m6")]: verdict("mark", OPEN, { attachmentId: "m6", type: "text/html" }),
  },
};
const database = (): Database => targaryen.database(rules, data, NOW);
const AT_NOW = { now: NOW };

const attachment = (chat: string, id = ID, fields: Record<string, unknown> = {}) => ({ ...CV, path: storagePaths.attachment(chat, id), ...fields });
const messagePath = (chat: string, id = ID) => rtdbPaths.chatMessage(chat, id);
const fileMessage = (uid: string, chat: string, id = ID, fields: Record<string, unknown> = {}) => ({
  from: uid,
  text: "",
  sentAt: SERVER_TIME,
  attachment: attachment(chat, id),
  ...fields,
});
/** A send of a file-only message as the chat feature does it: the preview is the file name. */
function sendPatch(uid: string, chat = OPEN, message: Record<string, unknown> = fileMessage(uid, chat), preview = CV.name) {
  const peer = peerOf(uid);
  const summary = { lastMessageId: ID, lastMessage: preview, lastMessageAt: SERVER_TIME, lastFrom: uid };
  const entry = (who: string, extra: object) =>
    Object.fromEntries(Object.entries({ ...summary, ...extra }).map(([key, value]) => [`${rtdbPaths.userChats(who)}/${chat}/${key}`, value]));
  return { [messagePath(chat)]: message, ...entry(uid, { peerId: peer }), ...entry(peer, { peerId: uid, unread: 1 }) };
}

interface Case {
  label: string;
  allowed: (actor: Actor) => boolean;
  run: (db: Database, uid: string) => Result;
}
const never = () => false;
const CASES: Case[] = [
  { label: "send a file to an open chat", allowed: canChat, run: (db, uid) => db.write(messagePath(OPEN), fileMessage(uid, OPEN), AT_NOW) },
  { label: "send a file with a caption and the fan-out", allowed: canChat, run: (db, uid) => db.update("/", sendPatch(uid, OPEN, fileMessage(uid, OPEN, ID, { text: "My CV, as promised" }), "My CV"), AT_NOW) },
  { label: "send a file-only message with the fan-out (preview = the name)", allowed: canChat, run: (db, uid) => db.update("/", sendPatch(uid), AT_NOW) },
  { label: "send a file to a closed chat", allowed: never, run: (db, uid) => db.write(messagePath(CLOSED), fileMessage(uid, CLOSED), AT_NOW) },
  { label: "read their own upload verdict", allowed: isUser, run: (db, uid) => db.read(rtdbPaths.attachmentUpload(uid, OPEN, ID)) },
  { label: "wait for a verdict not written yet", allowed: isUser, run: (db, uid) => db.read(rtdbPaths.attachmentUpload(uid, OPEN, "m9")) },
  { label: "read someone else's upload verdict", allowed: never, run: (db, uid) => db.read(rtdbPaths.attachmentUpload(peerOf(uid), OPEN, ID)) },
  { label: "list every verdict", allowed: never, run: (db) => db.read(rtdbPaths.attachmentUploads()) },
  { label: "write a verdict for their own upload", allowed: never, run: (db, uid) => db.write(rtdbPaths.attachmentUpload(uid, OPEN, "m9"), verdict(uid, OPEN)) },
  { label: "turn a rejected verdict ready", allowed: never, run: (db) => db.write(`${rtdbPaths.attachmentUpload("mark", OPEN, "m3")}/status`, "ready") },
  { label: "delete a verdict", allowed: never, run: (db, uid) => db.write(rtdbPaths.attachmentUpload(uid, OPEN, ID), null) },
];

describe("attachments in database.rules.json: every person × operation", () => {
  for (const actor of ACTORS) {
    describe(actor.name, () => {
      const db = database().as(actor.auth);
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

describe("a message's attachment: field-level attacks (mark, a member of the open chat)", () => {
  const db = database().as(verified("mark", "mentor"));
  const send = (fields: Record<string, unknown>, id = ID) => db.write(messagePath(OPEN, id), fileMessage("mark", OPEN, id, { attachment: attachment(OPEN, id, fields) }), AT_NOW);

  it("allows the well-formed file message (the baseline every denial below changes one thing of)", () => {
    expect(send({}).allowed).toBe(true);
  });
  it.each<[string, Record<string, unknown>]>([
    ["a path into another chat", { path: storagePaths.attachment(CLOSED, ID) }],
    ["a path to another message's file", { path: storagePaths.attachment(OPEN, "m1") }],
    ["a path to the thumbnail", { path: storagePaths.thumbnail(OPEN, ID) }],
    ["a path outside chats", { path: `users/mark/${ID}` }],
    ["a name that is not the checked one", { name: "invoice.pdf" }],
    ["an empty name", { name: "" }],
    ["a size that is not the checked one", { size: CV.size + 1 }],
    ["a size that is a string", { size: String(CV.size) }],
    ["a type that is not the checked one", { type: "image/png" }],
    ["an unknown field", { url: "https://example.com/x.pdf" }],
    ["a thumbnail field", { thumbnail: "chats/c1/thumbnails/m2" }],
  ])("denies %s", (_label, fields) => {
    expect(send(fields).allowed).toBe(false);
  });
  it.each(["name", "size", "type", "path"])("denies an attachment without its %s", (field) => {
    const value: Record<string, unknown> = attachment(OPEN);
    delete value[field];
    expect(db.write(messagePath(OPEN), fileMessage("mark", OPEN, ID, { attachment: value }), AT_NOW).allowed).toBe(false);
  });
  it("denies a file the server rejected, and one it has not checked", () => {
    expect(send({}, "m3").allowed).toBe(false);
    expect(send({}, "m9").allowed).toBe(false);
  });
  it("denies carrying someone else's checked upload (alice's verdict for m2 is not mark's)", () => {
    const alice = database().as(verified("alice", "mentee"));
    expect(alice.write(messagePath(OPEN), fileMessage("alice", OPEN), AT_NOW).allowed).toBe(true);
    expect(db.write(messagePath(OPEN), { ...fileMessage("mark", OPEN), from: "alice" }, AT_NOW).allowed).toBe(false);
  });
  it("enforces its own limits even when a verdict is wrong: a 201-character name, 10 MB + 1 byte, an HTML type", () => {
    expect(send({ name: `${"n".repeat(197)}.pdf` }, "m4").allowed).toBe(false);
    expect(send({ size: ATTACHMENT_LIMITS.maxBytes + 1 }, "m5").allowed).toBe(false);
    expect(send({ type: "text/html" }, "m6").allowed).toBe(false);
  });
  it("denies an empty text without an attachment, and a text over 2000 with one", () => {
    expect(db.write(messagePath(OPEN), { from: "mark", text: "", sentAt: SERVER_TIME }, AT_NOW).allowed).toBe(false);
    expect(db.write(messagePath(OPEN), fileMessage("mark", OPEN, ID, { text: "x".repeat(2001) }), AT_NOW).allowed).toBe(false);
  });
  it("denies adding a file to an existing message, or removing one", () => {
    expect(db.write(`${messagePath(OPEN, "m1")}/attachment`, attachment(OPEN, "m1"), AT_NOW).allowed).toBe(false);
    const withFile = targaryen.database(rules, { ...data, chats: { [OPEN]: { members, messages: { [ID]: fileMessage("mark", OPEN) } } } }, NOW).as(verified("mark", "mentor"));
    expect(withFile.write(`${messagePath(OPEN)}/attachment`, null, AT_NOW).allowed).toBe(false);
  });
});

describe("the chat-list preview of a file message", () => {
  const db = database().as(verified("mark", "mentor"));
  it("is the start of the file name when there is no text, and nothing else", () => {
    expect(db.update("/", sendPatch("mark", OPEN, fileMessage("mark", OPEN), "cv.p"), AT_NOW).allowed).toBe(true);
    expect(db.update("/", sendPatch("mark", OPEN, fileMessage("mark", OPEN), "Click here for a prize"), AT_NOW).allowed).toBe(false);
  });
  it("is the start of the text when there is a caption (not the name)", () => {
    const captioned = fileMessage("mark", OPEN, ID, { text: "My CV" });
    expect(db.update("/", sendPatch("mark", OPEN, captioned, "My CV"), AT_NOW).allowed).toBe(true);
    expect(db.update("/", sendPatch("mark", OPEN, captioned, CV.name), AT_NOW).allowed).toBe(false);
  });
});

describe("the rules' type list is the shared allowlist", () => {
  const typeRule = (rules as { rules: { chats: { $chatId: { messages: { $messageId: { attachment: { type: { ".validate": string } } } } } } } }).rules.chats.$chatId.messages
    .$messageId.attachment.type[".validate"];
  const pattern = new RegExp(/matches\(\/(.*)\/\)/.exec(typeRule)![1]!.replace(/\\\\/g, "\\"));
  it.each(ATTACHMENT_TYPE_NAMES)("allows %s", (type) => expect(pattern.test(type)).toBe(true));
  it.each(["text/html", "image/svg+xml", "application/zip", "application/x-msdownload", "image/png; charset=x", "application/pdfx"])("refuses %s", (type) =>
    expect(pattern.test(type)).toBe(false),
  );
});
