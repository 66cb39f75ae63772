import { renderEmail } from "@mentormatch/shared";
import { describe, expect, it } from "vitest";
import {
  digestMessage,
  planDigest,
  planUnreadMail,
  unreadMailMessage,
  type ChatEntry,
  type DigestConversation,
  type DigestPlan,
  type UnreadMailInput,
  type UnreadMailPlan,
} from "./unread-mail.js";

const NOW = new Date("2026-03-10T12:00:00Z");
const MINUTE = 60_000;
const entry: ChatEntry = { peerId: "ada", lastMessageId: "m3", lastMessage: "Are you free on Friday?", lastMessageAt: NOW.getTime() - 90 * MINUTE, lastFrom: "ada", unread: 2 };
const base: UnreadMailInput = {
  marker: { uid: "sam", chatId: "ada_sam", at: NOW.getTime() - 90 * MINUTE },
  entry,
  closed: false,
  lastReadAt: 1_000,
  now: NOW,
  delayMinutes: 60,
};
const send = (patch: Partial<Extract<UnreadMailPlan, { action: "send" }>> = {}): UnreadMailPlan => ({
  action: "send",
  dedupeKey: "chat-unread:ada_sam:sam:1000",
  peerId: "ada",
  unread: 2,
  preview: "Are you free on Friday?",
  link: "/messages/ada_sam",
  ...patch,
});

describe("planUnreadMail", () => {
  it.each<[string, Partial<UnreadMailInput>, UnreadMailPlan]>([
    ["unread past the delay is mailed", {}, send()],
    ["exactly at the delay is due", { marker: { ...base.marker, at: NOW.getTime() - 60 * MINUTE } }, send()],
    ["a minute early waits", { marker: { ...base.marker, at: NOW.getTime() - 59 * MINUTE } }, { action: "wait" }],
    ["a shorter configured delay makes it due sooner", { marker: { ...base.marker, at: NOW.getTime() - 16 * MINUTE }, delayMinutes: 15 }, send()],
    ["read since (counter 0) is dropped", { entry: { ...entry, unread: 0 } }, { action: "drop", reason: "read" }],
    ["no chat-list entry is dropped", { entry: null }, { action: "drop", reason: "no-entry" }],
    ["a closed chat is dropped", { closed: true }, { action: "drop", reason: "closed" }],
    ["their own reply last is dropped", { entry: { ...entry, lastFrom: "sam" } }, { action: "drop", reason: "replied" }],
    ["never opened: the key says so", { lastReadAt: null }, send({ dedupeKey: "chat-unread:ada_sam:sam:never" })],
    ["a later read gives a new stretch, a new key", { lastReadAt: 5_000 }, send({ dedupeKey: "chat-unread:ada_sam:sam:5000" })],
  ])("%s", (_name, patch, expected) => {
    expect(planUnreadMail({ ...base, ...patch })).toEqual(expected);
  });

  it("more messages in the same stretch keep the key (one email)", () => {
    const first = planUnreadMail(base);
    const later = planUnreadMail({ ...base, entry: { ...entry, lastMessageId: "m9", unread: 5 }, now: new Date(NOW.getTime() + 120 * MINUTE) });
    expect(first.action === "send" && later.action === "send" && first.dedupeKey === later.dedupeKey).toBe(true);
  });
});

describe("unreadMailMessage", () => {
  it("is email-only, names the sender, the count and the preview, and links the chat", () => {
    const message = unreadMailMessage(send() as Extract<UnreadMailPlan, { action: "send" }>, "Ada <b>");
    expect(message).toMatchObject({ kind: "message_unread", inApp: false, link: "/messages/ada_sam", dedupeKey: "chat-unread:ada_sam:sam:1000" });
    expect(message.email.subject).toBe("Ada <b> sent you 2 messages on MentorMatch");
    const rendered = renderEmail({ kind: "messages", recipientName: "Sam", ...message.email }, "http://app.test");
    expect(rendered.html).toContain("Ada &lt;b&gt;");
    expect(rendered.html).not.toContain("<b>");
    expect(rendered.text).toContain("“Are you free on Friday?”");
    expect(rendered.text).toContain("http://app.test/messages/ada_sam");
  });
  it("says a message for one", () => {
    expect(unreadMailMessage(send({ unread: 1 }) as Extract<UnreadMailPlan, { action: "send" }>, "Ada").email.subject).toBe("Ada sent you a message on MentorMatch");
  });
});

const conversation = (chatId: string, patch: Partial<ChatEntry> = {}, closed = false): DigestConversation => ({
  chatId,
  entry: { ...entry, peerId: chatId.split("_")[0]!, ...patch },
  closed,
});
const names = { ada: "Ada Lovelace", bob: "Bob Builder" };
const digest = (conversations: DigestConversation[], limit = 20) => planDigest({ uid: "sam", conversations, names, now: NOW, limit });

describe("planDigest", () => {
  it.each<[string, DigestConversation[], DigestPlan]>([
    ["nothing unread: no email", [conversation("ada_sam", { unread: 0 })], { action: "skip" }],
    ["no conversations: no email", [], { action: "skip" }],
    ["only a closed chat: no email", [conversation("ada_sam", {}, true)], { action: "skip" }],
    ["only their own reply last: no email", [conversation("ada_sam", { lastFrom: "sam" })], { action: "skip" }],
    [
      "unread conversations, most recent first, with names and the total",
      [conversation("ada_sam", { unread: 2, lastMessageAt: 1 }), conversation("bob_sam", { unread: 1, lastMessage: "Hi", lastMessageAt: 2 }), conversation("cy_sam", { unread: 0 })],
      {
        action: "send",
        dedupeKey: "message-digest:sam:2026-03-10",
        unread: 3,
        items: [
          { chatId: "bob_sam", peerName: "Bob Builder", unread: 1, preview: "Hi", link: "/messages/bob_sam" },
          { chatId: "ada_sam", peerName: "Ada Lovelace", unread: 2, preview: "Are you free on Friday?", link: "/messages/ada_sam" },
        ],
      },
    ],
    [
      "someone without a profile is named generically",
      [conversation("zed_sam")],
      { action: "send", dedupeKey: "message-digest:sam:2026-03-10", unread: 2, items: [{ chatId: "zed_sam", peerName: "Your mentoring partner", unread: 2, preview: "Are you free on Friday?", link: "/messages/zed_sam" }] },
    ],
  ])("%s", (_name, conversations, expected) => {
    expect(digest(conversations)).toEqual(expected);
  });

  it("lists at most `limit` conversations", () => {
    const plan = digest([conversation("ada_sam", { lastMessageAt: 1 }), conversation("bob_sam", { lastMessageAt: 2 })], 1);
    expect(plan.action === "send" && plan.items.map((item) => item.chatId)).toEqual(["bob_sam"]);
  });

  it("keys by the UTC day: later the same day is the same key, the next day a new one", () => {
    const key = (now: Date) => {
      const plan = planDigest({ uid: "sam", conversations: [conversation("ada_sam")], names, now, limit: 20 });
      return plan.action === "send" ? plan.dedupeKey : null;
    };
    expect(key(new Date("2026-03-10T23:59:00Z"))).toBe(key(NOW));
    expect(key(new Date("2026-03-11T00:00:00Z"))).toBe("message-digest:sam:2026-03-11");
  });
});

describe("digestMessage", () => {
  it("is email-only and lists each conversation with a link, escaped", () => {
    const plan = digest([conversation("ada_sam", { lastMessage: "<script>x</script>" })]) as Extract<DigestPlan, { action: "send" }>;
    const message = digestMessage(plan);
    expect(message).toMatchObject({ kind: "message_digest", inApp: false, link: "/messages", dedupeKey: "message-digest:sam:2026-03-10" });
    expect(message.email.subject).toBe("Your MentorMatch digest: 2 unread messages");
    const rendered = renderEmail({ kind: "messageDigest", recipientName: "Sam", ...message.email }, "http://app.test");
    expect(rendered.html).toContain('href="http://app.test/messages/ada_sam"');
    expect(rendered.html).not.toContain("<script>");
    expect(rendered.text).toContain("- Ada Lovelace: 2 unread, latest: “<script>x</script>”");
  });
});
