import { describe, expect, it } from "vitest";
import { MATCHING } from "../constants.js";
import { describeLastActive, describeResponsiveness, medianOf, planResponsiveness, type ResponsivenessUpdate } from "./responsiveness.js";

const H = 3_600_000;

describe("planResponsiveness", () => {
  it.each<[string, number[], number, ResponsivenessUpdate]>([
    ["the first answer: no median yet", [], 5 * H, { responseHoursRecent: [5], medianResponseHours: null }],
    ["two answers: still no median", [5], 1 * H, { responseHoursRecent: [5, 1], medianResponseHours: null }],
    ["the third answer shows the median", [5, 1], 30 * H, { responseHoursRecent: [5, 1, 30], medianResponseHours: 5 }],
    ["an even count takes the mean of the middle two", [2, 4, 10], 6 * H, { responseHoursRecent: [2, 4, 10, 6], medianResponseHours: 5 }],
    ["hours keep one decimal", [1, 2], 1.2345 * H, { responseHoursRecent: [1, 2, 1.2], medianResponseHours: 1.2 }],
    ["an answer stamped before the request counts as 0", [1, 2], -H, { responseHoursRecent: [1, 2, 0], medianResponseHours: 1 }],
    [
      `only the last ${MATCHING.responseSamples} answers are kept`,
      Array.from({ length: MATCHING.responseSamples }, () => 100),
      1 * H,
      { responseHoursRecent: [...Array.from({ length: MATCHING.responseSamples - 1 }, () => 100), 1], medianResponseHours: 100 },
    ],
  ])("%s", (_name, recent, elapsed, expected) => {
    expect(planResponsiveness({ recent, requestedAtMs: 1_000_000, answeredAtMs: 1_000_000 + elapsed })).toEqual(expected);
  });

  it("medianOf", () => {
    expect(medianOf([])).toBeNull();
    expect(medianOf([3, 1, 2])).toBe(2);
    expect(medianOf([4, 1, 3, 2])).toBe(2.5);
  });
});

describe("describeResponsiveness", () => {
  it.each<[number | null | undefined, string | null]>([
    [null, null],
    [undefined, null],
    [Number.NaN, null],
    [0, "usually responds within an hour"],
    [1, "usually responds within an hour"],
    [1.1, "usually responds within a few hours"],
    [4, "usually responds within a few hours"],
    [20, "usually responds within a day"],
    [24, "usually responds within a day"],
    [25, "usually responds within 3 days"],
    [100, "usually responds within a week"],
    [168, "usually responds within a week"],
    [200, "usually takes more than a week to respond"],
  ])("%s hours → %s", (hours, text) => expect(describeResponsiveness(hours)).toBe(text));
});

describe("describeLastActive", () => {
  const now = Date.UTC(2025, 5, 15, 12);
  it.each<[number | null, string | null]>([
    [null, null],
    [now, "active in the last hour"],
    [now + 5 * 60_000, "active in the last hour"],
    [now - 1 * H, "active 1 hour ago"],
    [now - 5 * H, "active 5 hours ago"],
    [now - 30 * H, "active yesterday"],
    [now - 3 * 24 * H, "active 3 days ago"],
    [now - 20 * 24 * H, "active 2 weeks ago"],
    [now - 90 * 24 * H, "active more than 2 months ago"],
  ])("%s → %s", (at, text) => expect(describeLastActive(at, now)).toBe(text));
});
