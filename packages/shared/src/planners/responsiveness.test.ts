import { describe, expect, it } from "vitest";
import { MATCHING } from "../constants.js";
import {
  UNANSWERED_HOURS,
  describeLastActive,
  describeResponsiveness,
  medianOf,
  planExpiryCount,
  planResponsiveness,
  planUnansweredRequest,
  type ResponsivenessUpdate,
} from "./responsiveness.js";

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

describe("planUnansweredRequest: an expiry counts as an answer after the whole window", () => {
  it("the window is MATCHING.requestDays in hours", () => expect(UNANSWERED_HOURS).toBe(MATCHING.requestDays * 24));

  it.each<[string, number[], ResponsivenessUpdate]>([
    ["the first sample: no median yet", [], { responseHoursRecent: [UNANSWERED_HOURS], medianResponseHours: null }],
    // The exploit this closes: two fast answers and requests left to expire used to show "within an hour".
    ["two fast answers and an expiry: the median is a fast answer", [1, 0.5], { responseHoursRecent: [1, 0.5, UNANSWERED_HOURS], medianResponseHours: 1 }],
    [
      "mostly ignored: the median is the window",
      [1, UNANSWERED_HOURS, 2, UNANSWERED_HOURS],
      { responseHoursRecent: [1, UNANSWERED_HOURS, 2, UNANSWERED_HOURS, UNANSWERED_HOURS], medianResponseHours: UNANSWERED_HOURS },
    ],
    [
      "half fast, half ignored: the mean of the middle two",
      [2, 2, UNANSWERED_HOURS],
      { responseHoursRecent: [2, 2, UNANSWERED_HOURS, UNANSWERED_HOURS], medianResponseHours: (2 + UNANSWERED_HOURS) / 2 },
    ],
    [
      `the window keeps only the last ${MATCHING.responseSamples} samples`,
      Array.from({ length: MATCHING.responseSamples }, () => 1),
      {
        responseHoursRecent: [...Array.from({ length: MATCHING.responseSamples - 1 }, () => 1), UNANSWERED_HOURS],
        medianResponseHours: 1,
      },
    ],
  ])("%s", (_name, recent, expected) => {
    expect(planUnansweredRequest({ recent })).toEqual(expected);
  });

  it("ignoring requests never shows faster than answering them at the last moment", () => {
    const ignored = planUnansweredRequest({ recent: [1, UNANSWERED_HOURS] });
    const lastMoment = planResponsiveness({ recent: [1, UNANSWERED_HOURS], requestedAtMs: 0, answeredAtMs: UNANSWERED_HOURS * H });
    expect(ignored).toEqual(lastMoment);
  });
});

describe("planExpiryCount", () => {
  const mentor = { role: "mentor", responseHoursRecent: [1, 2] };
  it.each<[string, Parameters<typeof planExpiryCount>[0], ReturnType<typeof planExpiryCount>]>([
    [
      "a mentor's expiry is counted",
      { responseCounted: false, mentor },
      { action: "count", mentorUpdate: { responseHoursRecent: [1, 2, UNANSWERED_HOURS], medianResponseHours: 2 } },
    ],
    ["already counted this round (a second run): skipped", { responseCounted: true, mentor }, { action: "skip" }],
    ["the mentor's profile is gone: skipped", { responseCounted: false, mentor: null }, { action: "skip" }],
    [
      "no longer a mentor (their requests could not be answered): skipped",
      { responseCounted: false, mentor: { ...mentor, role: "mentee" } },
      { action: "skip" },
    ],
  ])("%s", (_name, input, expected) => expect(planExpiryCount(input)).toEqual(expected));
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
    [UNANSWERED_HOURS - 0.1, "usually takes more than a week to respond"],
    [UNANSWERED_HOURS, "often does not answer requests"],
    [UNANSWERED_HOURS + 5, "often does not answer requests"],
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
