import { SUPPORT } from "@mentormatch/shared";
import { describe, expect, it } from "vitest";
import {
  planSupportClose,
  planSupportMessage,
  planSupportOpen,
  planSupportReopen,
  supportSideOf,
  type SupportAuthor,
  type SupportThreadState,
} from "./support.js";

const now = new Date(Date.UTC(2025, 2, 3, 10));
const mia: SupportAuthor = { uid: "mia", role: "mentee", displayName: "Mia Mentee" };
const ada: SupportAuthor = { uid: "ada", role: "admin", displayName: "Ada Admin" };
const mark: SupportAuthor = { uid: "mark", role: "mentor", displayName: "Mark Mentor" };
const thread = (overrides: Partial<SupportThreadState> = {}): SupportThreadState => ({
  requesterUid: "mia",
  requesterName: "Mia Mentee",
  subject: "Cannot see my mentor",
  status: "open",
  messageCount: 2,
  ...overrides,
});

describe("supportSideOf", () => {
  it.each([
    ["the requester", mia, "requester"],
    ["an admin", ada, "admin"],
    ["another member", mark, null],
    ["an admin who opened the thread (their own question)", { ...ada, uid: "mia" }, "requester"],
  ] as const)("%s", (_name, author, side) => {
    expect(supportSideOf(author, thread())).toBe(side);
  });
});

describe("planSupportOpen", () => {
  it.each([0, 1, SUPPORT.maxOpenThreads - 1])("opens with %i other open threads", (openCount) => {
    const plan = planSupportOpen({ author: mia, openCount, subject: "Help", text: "My\n\nmentor   vanished", now });
    expect(plan).toEqual({
      action: "open",
      thread: {
        requesterUid: "mia",
        requesterName: "Mia Mentee",
        subject: "Help",
        status: "open",
        createdAt: now,
        updatedAt: now,
        lastMessageAt: now,
        lastMessagePreview: "My mentor vanished",
        lastFrom: "requester",
        unreadForRequester: false,
        unreadForAdmins: true,
        messageCount: 1,
        closedBy: null,
        closedAt: null,
      },
      message: { authorUid: "mia", authorName: "Mia Mentee", authorRole: "requester", text: "My\n\nmentor   vanished", kind: "message", createdAt: now },
    });
  });

  it.each([SUPPORT.maxOpenThreads, SUPPORT.maxOpenThreads + 5])("refuses with %i open threads", (openCount) => {
    const plan = planSupportOpen({ author: mia, openCount, subject: "Help", text: "Hi", now });
    expect(plan).toMatchObject({ action: "refuse", code: "resource-exhausted" });
    expect(plan.action === "refuse" && plan.message).toContain(`${SUPPORT.maxOpenThreads} open conversations`);
  });

  it("keeps a long first message whole but previews its start", () => {
    const text = "x".repeat(SUPPORT.messageMax);
    const plan = planSupportOpen({ author: mia, openCount: 0, subject: "Long", text, now });
    if (plan.action !== "open") throw new Error("expected open");
    expect(plan.message.text).toBe(text);
    expect(plan.thread.lastMessagePreview).toHaveLength(SUPPORT.previewMax);
    expect(plan.thread.lastMessagePreview.endsWith("…")).toBe(true);
  });
});

describe("planSupportMessage", () => {
  const cases: [string, SupportAuthor, SupportThreadState | null, Record<string, unknown>][] = [
    ["the requester writes: admins have news", mia, thread(), { action: "post", side: "requester", threadUpdate: { unreadForAdmins: true, unreadForRequester: false, lastFrom: "requester", messageCount: 3 } }],
    ["an admin answers: the requester has news", ada, thread(), { action: "post", side: "admin", threadUpdate: { unreadForAdmins: false, unreadForRequester: true, lastFrom: "admin", messageCount: 3 } }],
    ["another member cannot write", mark, thread(), { action: "refuse", code: "not-found" }],
    ["a missing thread", mia, null, { action: "refuse", code: "not-found" }],
    ["the requester on a closed thread", mia, thread({ status: "closed" }), { action: "refuse", code: "failed-precondition", message: "This conversation is closed. Reopen it to write again." }],
    ["an admin on a closed thread", ada, thread({ status: "closed" }), { action: "refuse", code: "failed-precondition" }],
  ];
  it.each(cases)("%s", (_name, author, state, expected) => {
    expect(planSupportMessage({ author, thread: state, text: "Thanks!", now })).toMatchObject(expected);
  });

  it("the message carries the side, never a role the author claims", () => {
    const plan = planSupportMessage({ author: mia, thread: thread(), text: "Hello", now });
    expect(plan).toMatchObject({ message: { authorUid: "mia", authorRole: "requester", kind: "message", createdAt: now } });
  });
});

describe("planSupportClose", () => {
  it("closes with a note kept as the last line", () => {
    const plan = planSupportClose({ author: ada, thread: thread(), note: "Solved by a profile fix.", now });
    expect(plan).toEqual({
      action: "close",
      message: { authorUid: "ada", authorName: "Ada Admin", authorRole: "admin", text: "Solved by a profile fix.", kind: "close_note", createdAt: now },
      threadUpdate: {
        status: "closed",
        closedBy: "ada",
        closedAt: now,
        updatedAt: now,
        unreadForRequester: true,
        unreadForAdmins: false,
        lastMessageAt: now,
        lastMessagePreview: "Solved by a profile fix.",
        lastFrom: "admin",
        messageCount: 3,
      },
    });
  });

  it("closes without a note, leaving the last message as it was", () => {
    const plan = planSupportClose({ author: ada, thread: thread(), note: "", now });
    expect(plan).toMatchObject({ action: "close", message: null });
    expect(plan.action === "close" && Object.keys(plan.threadUpdate).sort()).toEqual(
      ["closedAt", "closedBy", "status", "unreadForAdmins", "unreadForRequester", "updatedAt"],
    );
  });

  it.each([
    ["an already closed thread is unchanged", ada, thread({ status: "closed" }), { action: "unchanged" }],
    ["a missing thread", ada, null, { action: "refuse", code: "not-found" }],
    ["a non-admin (the requester) cannot close", mia, thread(), { action: "refuse", code: "not-found" }],
  ] as const)("%s", (_name, author, state, expected) => {
    expect(planSupportClose({ author, thread: state, note: "", now })).toMatchObject(expected);
  });
});

describe("planSupportReopen", () => {
  it.each([
    ["the requester reopens a closed thread", "mia", thread({ status: "closed" }), 0, { action: "reopen", threadUpdate: { status: "open", closedBy: null, closedAt: null, updatedAt: now, unreadForAdmins: true } }],
    ["an open thread is unchanged", "mia", thread(), 0, { action: "unchanged" }],
    ["the limit applies to reopening", "mia", thread({ status: "closed" }), SUPPORT.maxOpenThreads, { action: "refuse", code: "resource-exhausted" }],
    ["someone else cannot reopen it", "ada", thread({ status: "closed" }), 0, { action: "refuse", code: "not-found" }],
    ["a missing thread", "mia", null, 0, { action: "refuse", code: "not-found" }],
  ] as const)("%s", (_name, callerUid, state, openCount, expected) => {
    expect(planSupportReopen({ callerUid, thread: state, openCount, now })).toMatchObject(expected);
  });
});
