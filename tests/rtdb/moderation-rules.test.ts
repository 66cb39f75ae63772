import targaryen from "targaryen";
import { describe, expect, it } from "vitest";
import { REMOVED_MESSAGE_TEXT, rtdbPaths } from "@mentormatch/shared";
import { EARLIER, NOW, SERVER_TIME, rules, verified } from "./harness";

// resolveReport removes a message with the Admin SDK (rules do not apply to it): `removed: true`, `text: ""`. No
// client may write that marker, neither to hide someone's message nor to make their own look moderator-removed.

const CHAT = "mark_alice";
const data = {
  chats: {
    [CHAT]: {
      members: { mark: true, alice: true },
      messages: {
        m1: { from: "mark", text: "something unkind", sentAt: EARLIER },
        m2: { from: "alice", text: "my own words", sentAt: EARLIER },
        m3: { from: "mark", text: "", sentAt: EARLIER, removed: true },
      },
    },
  },
  userChats: {
    alice: { [CHAT]: { peerId: "mark", lastMessageId: "m3", lastMessage: REMOVED_MESSAGE_TEXT, lastMessageAt: EARLIER, lastFrom: "mark", unread: 0 } },
  },
};
const db = (uid: string, role = "mentee") => targaryen.database(rules, data, NOW).as(verified(uid, role));
const msg = (id: string) => `${rtdbPaths.chatMessages(CHAT)}/${id}`;

describe("a moderator's removal marker cannot be written by a client", () => {
  it.each([
    ["the other member marks a message removed", "alice", () => db("alice").update(msg("m1"), { removed: true, text: "" })],
    ["the other member sets only the marker", "alice", () => db("alice").write(`${msg("m1")}/removed`, true)],
    ["the author marks their own message removed", "mark", () => db("mark", "mentor").write(`${msg("m1")}/removed`, true)],
    ["the author restores a removed message's text", "mark", () => db("mark", "mentor").write(`${msg("m3")}/text`, "something unkind")],
    ["the author clears the marker", "mark", () => db("mark", "mentor").write(`${msg("m3")}/removed`, null)],
    ["a new message sent already marked removed", "alice", () => db("alice").write(msg("m9"), { from: "alice", text: "x", sentAt: SERVER_TIME, removed: true })],
    ["an admin who is not a member", "ada", () => db("ada", "admin").write(`${msg("m1")}/removed`, true)],
  ])("%s: refused", (_label, _uid, run) => {
    expect(run().allowed).toBe(false);
  });

  it("both members still read a removed message (the marker and the empty text)", () => {
    const result = db("alice").read(msg("m3"));
    expect(result.allowed).toBe(true);
  });

  it("an ordinary send, without the marker, is still allowed (the rules did not just close the path)", () => {
    expect(db("alice").write(msg("m9"), { from: "alice", text: "hello", sentAt: SERVER_TIME }).allowed).toBe(true);
  });
});
