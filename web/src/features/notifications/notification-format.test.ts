import { describe, expect, it } from "vitest";
import { describeUnread, formatBadgeCount, formatRelativeTime, greetingFor } from "./notification-format";

describe("formatBadgeCount / describeUnread", () => {
  it.each<[number, string, string]>([
    [0, "", "No unread notifications"],
    [1, "1", "1 unread notification"],
    [7, "7", "7 unread notifications"],
    [99, "99", "99 unread notifications"],
    [100, "99+", "More than 99 unread notifications"],
  ])("%s", (count, badge, spoken) => {
    expect(formatBadgeCount(count)).toBe(badge);
    expect(describeUnread(count)).toBe(spoken);
  });
});

describe("formatRelativeTime", () => {
  const now = new Date("2025-03-10T12:00:00Z");
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
  it.each<[number, string]>([
    [0, "just now"],
    [30, "just now"],
    [-20, "just now"],
    [60, "1 minute ago"],
    [5 * 60, "5 minutes ago"],
    [3600, "1 hour ago"],
    [3 * 3600, "3 hours ago"],
    [24 * 3600, "yesterday"],
    [3 * 24 * 3600, "3 days ago"],
    [14 * 24 * 3600, "2 weeks ago"],
    [400 * 24 * 3600, "last year"],
  ])("%s seconds ago → %s", (seconds, text) => expect(formatRelativeTime(ago(seconds), now)).toBe(text));
});

describe("greetingFor", () => {
  it.each<[number, string]>([
    [0, "Good evening"],
    [6, "Good morning"],
    [11, "Good morning"],
    [12, "Good afternoon"],
    [17, "Good afternoon"],
    [18, "Good evening"],
    [23, "Good evening"],
  ])("%s h → %s", (hour, text) => expect(greetingFor(hour)).toBe(text));
});
