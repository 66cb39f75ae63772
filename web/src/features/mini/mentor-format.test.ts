import { describe, expect, it } from "vitest";
import { describeDateRange, describeExpiry, describeScheduleBy, describeWaited, wallTimeToMs, windowInMyZone } from "./mentor-format";

const NOW = Date.UTC(2026, 10, 22, 12, 0);

describe("wallTimeToMs", () => {
  it.each([
    ["2026-11-23", "09:00", "Asia/Tokyo", Date.UTC(2026, 10, 23, 0, 0)],
    ["2026-11-23", "09:00", "Europe/London", Date.UTC(2026, 10, 23, 9, 0)],
    ["2026-07-01", "09:00", "Europe/London", Date.UTC(2026, 6, 1, 8, 0)],
    ["2026-11-23", "23:30", "America/Los_Angeles", Date.UTC(2026, 10, 24, 7, 30)],
    // The day summer time starts in London: 00:30 is still GMT, 02:30 is BST.
    ["2026-03-29", "00:30", "Europe/London", Date.UTC(2026, 2, 29, 0, 30)],
    ["2026-03-29", "02:30", "Europe/London", Date.UTC(2026, 2, 29, 1, 30)],
    ["2026-11-23", "10:00", "Asia/Kolkata", Date.UTC(2026, 10, 23, 4, 30)],
  ])("%s %s in %s", (date, time, zone, expected) => {
    expect(wallTimeToMs(date, time, zone)).toBe(expected);
  });
});

describe("windowInMyZone", () => {
  it.each([
    ["Tokyo morning seen from London is the evening before", "Asia/Tokyo", "Europe/London", { mine: "00:00–03:00", theirs: "09:00–12:00", dayShift: 0, same: false }],
    ["the same zone shows once", "Europe/London", "Europe/London", { mine: "09:00–12:00", theirs: "09:00–12:00", dayShift: 0, same: true }],
    ["New York sees it the day before", "Asia/Tokyo", "America/New_York", { mine: "19:00–22:00", theirs: "09:00–12:00", dayShift: -1, same: false }],
  ])("%s", (_name, theirZone, myZone, expected) => {
    expect(windowInMyZone({ from: "09:00", to: "12:00" }, "2026-11-23", theirZone, myZone)).toEqual(expected);
  });
});

describe("words", () => {
  it.each([
    [NOW - 20_000, "posted just now"],
    [NOW - 5 * 60_000, "posted 5 minutes ago"],
    [NOW - 3 * 3_600_000 - 59 * 60_000, "posted 3 hours ago"],
    [NOW - 30 * 3_600_000, "posted 30 hours ago"],
    [NOW - 3 * 86_400_000, "posted 3 days ago"],
    // A server clock a little ahead of this device.
    [NOW + 10_000, "posted just now"],
  ])("waited since %i", (createdMs, expected) => expect(describeWaited(createdMs, NOW)).toBe(expected));

  it.each([
    [NOW + 6 * 86_400_000 + 3_600_000, "expires in 6 days"],
    [NOW + 90 * 60_000, "expires in 1 hour"],
    [NOW - 1, "expired"],
  ])("expiry at %i", (expiresMs, expected) => expect(describeExpiry(expiresMs, NOW)).toBe(expected));

  it.each([
    [NOW + 47 * 3_600_000, "47 hours left to schedule", "ok"],
    [NOW + 5 * 3_600_000, "5 hours left to schedule", "soon"],
    [NOW, "The time to schedule has passed; it goes back to the board.", "late"],
  ])("schedule by %i", (byMs, text, tone) => expect(describeScheduleBy(byMs, NOW)).toEqual({ text, tone }));

  it("date ranges", () => {
    expect(describeDateRange("2026-11-23", "2026-11-27")).toBe("Mon 23 Nov – Fri 27 Nov");
    expect(describeDateRange("2026-11-23", "2026-11-23")).toBe("Mon 23 Nov");
  });
});
