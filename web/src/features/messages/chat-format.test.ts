import { describe, expect, it } from "vitest";
import { dayKey, describeDay, describePresence, groupByDay, receiptState, splitLinks } from "./chat-format";

describe("groupByDay", () => {
  it("groups messages by the viewer's calendar day", () => {
    const a = { id: "a", sentAt: Date.UTC(2026, 0, 1, 22, 30) };
    const b = { id: "b", sentAt: Date.UTC(2026, 0, 1, 23, 30) };
    const c = { id: "c", sentAt: Date.UTC(2026, 0, 2, 1, 0) };
    expect(groupByDay([a, b, c], "UTC").map((g) => [g.day, g.items.map((m) => m.id)])).toEqual([
      ["2026-01-01", ["a", "b"]],
      ["2026-01-02", ["c"]],
    ]);
    // In New York (UTC-5) all three are on 1 January.
    expect(groupByDay([a, b, c], "America/New_York")).toHaveLength(1);
    // In Tokyo (UTC+9) all three are on 2 January.
    expect(groupByDay([a, b, c], "Asia/Tokyo")[0]?.day).toBe("2026-01-02");
  });
  it("is empty for no messages", () => {
    expect(groupByDay([], "UTC")).toEqual([]);
  });
  it("names today and yesterday", () => {
    const now = new Date(Date.UTC(2026, 5, 10, 12));
    expect(describeDay(dayKey(now.getTime(), "UTC"), now, "UTC")).toBe("Today");
    expect(describeDay("2026-06-09", now, "UTC")).toBe("Yesterday");
    expect(describeDay("2026-06-01", now, "UTC")).toBe("Mon, Jun 1");
    expect(describeDay("2025-06-01", now, "UTC")).toBe("Sun, Jun 1, 2025");
  });
});

describe("splitLinks", () => {
  it("turns http and https URLs into links and keeps the rest as text", () => {
    expect(splitLinks("see https://example.com/a?b=1, and http://x.org.")).toEqual([
      { kind: "text", text: "see " },
      { kind: "link", text: "https://example.com/a?b=1", href: "https://example.com/a?b=1" },
      { kind: "text", text: ", and " },
      { kind: "link", text: "http://x.org", href: "http://x.org/" },
      { kind: "text", text: "." },
    ]);
  });
  it("never links other schemes or markup", () => {
    expect(splitLinks("javascript:alert(1) data:text/html,<b>x</b> <a href=x>")).toEqual([
      { kind: "text", text: "javascript:alert(1) data:text/html,<b>x</b> <a href=x>" },
    ]);
  });
  it("keeps plain text whole", () => {
    expect(splitLinks("hello")).toEqual([{ kind: "text", text: "hello" }]);
  });
});

describe("receiptState", () => {
  it("is sending, sent or read", () => {
    expect(receiptState({ sentAt: null }, 10)).toBe("sending");
    expect(receiptState({ sentAt: 5 }, null)).toBe("sent");
    expect(receiptState({ sentAt: 5 }, 4)).toBe("sent");
    expect(receiptState({ sentAt: 5 }, 5)).toBe("read");
    expect(receiptState({ sentAt: 5 }, 6)).toBe("read");
  });
});

describe("describePresence", () => {
  const now = new Date(Date.UTC(2026, 5, 10, 12));
  it("says online or when last seen", () => {
    expect(describePresence({ state: "online", lastChanged: 0 }, now, "UTC")).toBe("online");
    expect(describePresence(null, now, "UTC")).toBe("offline");
    expect(describePresence({ state: "offline", lastChanged: now.getTime() - 5 * 60_000 }, now, "UTC")).toBe("last seen 5 min ago");
  });
});
