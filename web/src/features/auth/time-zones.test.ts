import { describe, expect, it } from "vitest";
import { timeZoneOptions } from "./time-zones";

describe("timeZoneOptions", () => {
  it.each<[string, string[], string[]]>([
    ["Europe/London", ["Asia/Tokyo", "Europe/London"], ["Asia/Tokyo", "Europe/London"]],
    ["UTC", ["Asia/Tokyo", "Europe/London"], ["UTC", "Asia/Tokyo", "Europe/London"]],
    ["", ["Asia/Tokyo"], ["Asia/Tokyo"]],
    ["Mars/Olympus", ["Asia/Tokyo"], ["Asia/Tokyo"]],
    ["Europe/London", ["Asia/Tokyo", "Not/AZone", "<b>x</b>"], ["Europe/London", "Asia/Tokyo"]],
  ])("current %j", (current, supported, expected) => expect(timeZoneOptions(current, supported)).toEqual(expected));
});
