import { describe, expect, it } from "vitest";
import { describeAuditEntry, formatExactTime, relativeTime } from "./audit-format";

const base = { actorName: "Morgan Reyes", targetName: null, targetEmail: null, from: null, to: null } as const;

describe("describeAuditEntry", () => {
  it.each([
    [{ ...base, action: "role_changed", targetName: "Sam Okafor", from: "mentee", to: "mentor" }, "Morgan Reyes made Sam Okafor a mentor (was mentee)"],
    [{ ...base, action: "role_changed", targetName: "Ada Lovelace", from: "mentor", to: "admin" }, "Morgan Reyes made Ada Lovelace an admin (was mentor)"],
    [{ ...base, action: "role_changed", targetName: null, targetEmail: "bo@example.com", from: null, to: "mentee" }, "Morgan Reyes made bo@example.com a mentee"],
    [{ ...base, action: "role_changed", targetName: "Bo", from: "mentee", to: null }, "Morgan Reyes changed the role of Bo"],
    [{ ...base, action: "invite_created", targetEmail: "eve@gmail.com" }, "Morgan Reyes invited eve@gmail.com"],
    [{ ...base, action: "invite_revoked", targetEmail: "eve@gmail.com" }, "Morgan Reyes withdrew the invitation for eve@gmail.com"],
    [{ ...base, action: "invite_created", actorName: " " }, "An admin invited an address"],
    [{ ...base, action: "report_dismissed", targetName: "Ada" }, "Morgan Reyes dismissed a report about Ada's message"],
    [{ ...base, action: "message_removed", targetName: "Ada", note: " harassment " }, "Morgan Reyes removed a message from Ada: “harassment”"],
    [{ ...base, action: "message_removed", targetName: null }, "Morgan Reyes removed a message from someone"],
    [{ ...base, action: "user_blocked", actorName: "Sam", targetName: "Ada" }, "Sam blocked Ada"],
    [{ ...base, action: "user_unblocked", actorName: "", targetName: "Ada" }, "Someone unblocked Ada"],
    [{ ...base, action: "blocked_words_changed", countBefore: 1, countAfter: 3 }, "Morgan Reyes changed the blocked words (1 word → 3 words)"],
    [{ ...base, action: "blocked_words_changed" }, "Morgan Reyes changed the blocked words (0 words → 0 words)"],
  ] as const)("%j", (entry, text) => expect(describeAuditEntry(entry)).toBe(text));
});

describe("formatExactTime", () => {
  const date = new Date(Date.UTC(2025, 2, 12, 14, 5));
  it("uses the viewer's zone and names it", () => {
    expect(formatExactTime(date, "Asia/Tokyo", "en-GB")).toBe("12 Mar 2025, 23:05 GMT+9");
    expect(formatExactTime(date, "Europe/London", "en-GB")).toBe("12 Mar 2025, 14:05 GMT");
  });
  it("falls back to the runtime's zone for an unknown one", () => {
    expect(formatExactTime(date, "Mars/Olympus", "en-GB")).toMatch(/^12 Mar 2025, \d\d:\d\d /);
  });
});

describe("relativeTime", () => {
  const now = new Date(Date.UTC(2025, 2, 12, 14, 5));
  it("reads a time slightly ahead of the device clock as now", () => expect(relativeTime(new Date(now.getTime() + 90_000), now)).toBe("just now"));
  it("reads the past as usual", () => expect(relativeTime(new Date(now.getTime() - 5 * 60_000), now)).toBe("5 minutes ago"));
});
