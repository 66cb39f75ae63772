import { describe, expect, it } from "vitest";
import {
  NOTIFIED_MEMORY,
  claimNotice,
  lastMessageIds,
  messagesToNotify,
  parseNotified,
  type ChatHead,
  type NotificationContext,
} from "./message-notifications";

const ME = "me";
const hiddenGranted: NotificationContext = { me: ME, hidden: true, permission: "granted" };
const before: ChatHead[] = [
  { chatId: "c1", lastMessageId: "-m1", lastMessage: "Hi", lastFrom: "ada" },
  { chatId: "c2", lastMessageId: "-m2", lastMessage: "Mine", lastFrom: ME },
];
const seen = lastMessageIds(before);
const fromAda = (id: string, text = "New!"): ChatHead => ({ chatId: "c1", lastMessageId: id, lastMessage: text, lastFrom: "ada" });

describe("messagesToNotify", () => {
  it.each<[string, ReadonlyMap<string, string | undefined> | null, ChatHead[], NotificationContext, string[]]>([
    ["a new message from the other person in a hidden tab", seen, [fromAda("-m3"), before[1]!], hiddenGranted, ["c1:-m3"]],
    ["nothing on the first list (the initial load)", null, [fromAda("-m3")], hiddenGranted, []],
    ["nothing in a visible tab", seen, [fromAda("-m3")], { ...hiddenGranted, hidden: false }, []],
    ["nothing without permission", seen, [fromAda("-m3")], { ...hiddenGranted, permission: "default" }, []],
    ["nothing when permission was denied", seen, [fromAda("-m3")], { ...hiddenGranted, permission: "denied" }, []],
    ["nothing when the browser has no notifications", seen, [fromAda("-m3")], { ...hiddenGranted, permission: "unsupported" }, []],
    ["nothing for my own message", seen, [{ chatId: "c2", lastMessageId: "-m4", lastMessage: "Again", lastFrom: ME }], hiddenGranted, []],
    ["nothing when the last message did not change (e.g. only unread moved)", seen, before, hiddenGranted, []],
    ["a first message in a chat new to the list", seen, [...before, { chatId: "c3", lastMessageId: "-m5", lastMessage: "Hello", lastFrom: "bo" }], hiddenGranted, ["c3:-m5"]],
    ["nothing for an entry without a message yet", seen, [...before, { chatId: "c3" }], hiddenGranted, []],
    ["nothing for an older message coming back into the list", lastMessageIds([fromAda("-m9")]), [fromAda("-m3")], hiddenGranted, []],
    [
      "one notice per chat with news",
      seen,
      [fromAda("-m3"), { chatId: "c2", lastMessageId: "-m6", lastMessage: "Reply", lastFrom: "bo" }],
      hiddenGranted,
      ["c1:-m3", "c2:-m6"],
    ],
  ])("%s", (_label, previous, current, context, expected) => {
    expect(messagesToNotify(previous, current, context).map((notice) => `${notice.chatId}:${notice.messageId}`)).toEqual(expected);
  });

  it("carries the sender and the preview", () => {
    expect(messagesToNotify(seen, [fromAda("-m3", "See you Thursday")], hiddenGranted)).toEqual([
      { chatId: "c1", messageId: "-m3", from: "ada", preview: "See you Thursday" },
    ]);
  });
});

describe("claimNotice", () => {
  it("shows a message not notified yet and remembers it", () => {
    expect(claimNotice(["-a"], "-b")).toEqual({ show: true, notified: ["-a", "-b"] });
  });
  it("does not show a message another tab already notified", () => {
    expect(claimNotice(["-a", "-b"], "-b")).toEqual({ show: false, notified: ["-a", "-b"] });
  });
  it("remembers a bounded number of ids, dropping the oldest", () => {
    const many = Array.from({ length: NOTIFIED_MEMORY }, (_, i) => `-${i}`);
    const { notified } = claimNotice(many, "-new");
    expect(notified).toHaveLength(NOTIFIED_MEMORY);
    expect(notified[0]).toBe("-1");
    expect(notified.at(-1)).toBe("-new");
  });
});

describe("parseNotified", () => {
  it.each<[string | null, string[]]>([
    [null, []],
    ["", []],
    ["not json", []],
    ['{"a":1}', []],
    ['["-a", 3, "-b", null]', ["-a", "-b"]],
  ])("%j → %j", (raw, expected) => {
    expect(parseNotified(raw)).toEqual(expected);
  });
});
