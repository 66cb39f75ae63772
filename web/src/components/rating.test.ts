import { describe, expect, it } from "vitest";
import { describeRating, formatAverage, pluralize, starFills } from "./rating";

describe("starFills", () => {
  it.each<[number, string]>([
    [0, "-----"],
    [1, "F----"],
    [2.24, "FF---"],
    [2.25, "FFH--"],
    [4.3, "FFFFH"],
    [4.8, "FFFFF"],
    [5, "FFFFF"],
    [7, "FFFFF"],
    [-1, "-----"],
    [Number.NaN, "-----"],
  ])("%s → %s", (average, pattern) => {
    const code = { full: "F", half: "H", empty: "-" } as const;
    expect(starFills(average).map((fill) => code[fill]).join("")).toBe(pattern);
  });
});

describe("formatAverage", () => {
  it.each([
    [4.56, "4.6"],
    [4, "4.0"],
    [0, "0.0"],
    [5.2, "5.0"],
  ])("%s → %s", (average, text) => expect(formatAverage(average)).toBe(text));
});

describe("describeRating", () => {
  it.each<[number, number, string, string]>([
    [0, 0, "No ratings yet", "No ratings yet"],
    [4.5, 0, "No ratings yet", "No ratings yet"],
    [5, 1, "5.0 (1 rating)", "Rated 5.0 out of 5 from 1 rating"],
    [4.25, 1200, "4.3 (1,200 ratings)", "Rated 4.3 out of 5 from 1,200 ratings"],
  ])("(%s, %s)", (average, count, short, spoken) => expect(describeRating(average, count)).toEqual({ short, spoken }));
});

describe("pluralize", () => {
  it.each<[number, string, string]>([
    [0, "session", "0 sessions"],
    [1, "session", "1 session"],
    [2, "mentee", "2 mentees"],
  ])("%s %s", (count, word, text) => expect(pluralize(count, word)).toBe(text));
});
