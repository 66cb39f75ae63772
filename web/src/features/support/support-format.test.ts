import { describe, expect, it } from "vitest";
import { authorLabel, describeOpenSupport, describeStatus, isUnreadFor, sortForInbox, viewerSide } from "./support-format";

const thread = (id: string, status: "open" | "closed", lastMessageAt: number, flags: Partial<{ unreadForRequester: boolean; unreadForAdmins: boolean }> = {}) => ({
  id,
  requesterUid: "mia",
  status,
  lastMessageAt,
  unreadForRequester: false,
  unreadForAdmins: false,
  ...flags,
});

describe("viewerSide", () => {
  it.each([
    ["the requester", "mia", "requester"],
    ["anyone else (an admin)", "ada", "admin"],
  ] as const)("%s", (_name, uid, side) => expect(viewerSide({ requesterUid: "mia" }, uid)).toBe(side));
});

describe("isUnreadFor", () => {
  it.each([
    [{ unreadForRequester: true }, "requester", true],
    [{ unreadForRequester: true }, "admin", false],
    [{ unreadForAdmins: true }, "admin", true],
    [{ unreadForAdmins: true }, "requester", false],
    [{}, "admin", false],
  ] as const)("%j for %s → %s", (flags, side, unread) => expect(isUnreadFor(thread("t", "open", 1, flags), side)).toBe(unread));
});

describe("sortForInbox", () => {
  it("puts open conversations first, each group newest first", () => {
    const sorted = sortForInbox([thread("c1", "closed", 50), thread("o1", "open", 10), thread("c2", "closed", 90), thread("o2", "open", 30)]);
    expect(sorted.map((t) => t.id)).toEqual(["o2", "o1", "c2", "c1"]);
  });
});

describe("wording", () => {
  it("names the status and the count", () => {
    expect(describeStatus("open")).toBe("Open");
    expect(describeStatus("closed")).toBe("Closed");
    expect(describeOpenSupport(1)).toBe("1 open support conversation");
    expect(describeOpenSupport(4)).toBe("4 open support conversations");
  });

  it.each([
    [{ authorUid: "mia", authorName: "Mia", authorRole: "requester" }, "mia", "You"],
    [{ authorUid: "ada", authorName: "Ada", authorRole: "admin" }, "mia", "Ada (programme support)"],
    [{ authorUid: "mia", authorName: "Mia", authorRole: "requester" }, "ada", "Mia"],
  ] as const)("labels %j for %s as %s", (message, uid, label) => expect(authorLabel(message, uid)).toBe(label));
});
