import { describe, expect, it } from "vitest";
import { addRating, ratingScore } from "./rating-score.js";

describe("ratingScore", () => {
  it.each([
    ["no ratings scores 0, below any rated mentor", 0, 0, 0],
    ["one 5-star review is pulled towards the prior", 5, 1, 4.1667],
    ["forty reviews at 4.9 stay close to 4.9", 4.9, 40, 4.8],
    ["one 1-star review is pulled up towards the prior", 1, 1, 3.5],
    ["many reviews at the prior score the prior", 4, 100, 4],
  ])("%s", (_name, avg, count, expected) => {
    expect(ratingScore(avg, count)).toBeCloseTo(expected, 4);
  });

  it("ranks forty reviews at 4.9 above one 5-star review, and that above none", () => {
    expect(ratingScore(4.9, 40)).toBeGreaterThan(ratingScore(5, 1));
    expect(ratingScore(5, 1)).toBeGreaterThan(ratingScore(0, 0));
  });

  it("ranks ten 5-star reviews above three", () => {
    expect(ratingScore(5, 10)).toBeGreaterThan(ratingScore(5, 3));
  });
});

describe("addRating", () => {
  it.each([
    ["the first rating is the average", { ratingAvg: 0, ratingCount: 0 }, 4, { ratingAvg: 4, ratingCount: 1 }],
    ["a second rating averages", { ratingAvg: 4, ratingCount: 1 }, 5, { ratingAvg: 4.5, ratingCount: 2 }],
    ["thirds round to 4 places", { ratingAvg: 4.5, ratingCount: 2 }, 4, { ratingAvg: 4.3333, ratingCount: 3 }],
  ])("%s", (_name, current, rating, expected) => {
    const next = addRating(current, rating);
    expect(next).toMatchObject(expected);
    expect(next.ratingScore).toBe(ratingScore(next.ratingAvg, next.ratingCount));
  });
});
