import { describe, expect, it } from "vitest";
import { formatMinutes, formatRate, formatRating, utilisationPercent } from "./analytics-format";
import { axisTicks, barRects, linePath, niceMax } from "./chart-scale";

describe("niceMax", () => {
  it.each([
    [0, 1],
    [-3, 1],
    [Number.NaN, 1],
    [0.3, 0.5],
    [1, 1],
    [3, 5],
    [7, 10],
    [12, 20],
    [50, 50],
    [51, 100],
    [180, 200],
  ])("%s → %s", (max, top) => expect(niceMax(max)).toBe(top));
});

describe("axisTicks", () => {
  it.each([
    [20, 4, [0, 5, 10, 15, 20]],
    [5, 2, [0, 2.5, 5]],
    [1, 4, [0, 0.25, 0.5, 0.75, 1]],
  ])("%s in %s steps", (top, count, ticks) => expect(axisTicks(top, count)).toEqual(ticks));
});

describe("barRects", () => {
  const box = { width: 100, height: 50 };
  it("one series: a bar per value, scaled to the top, standing on the floor", () => {
    const [bars] = barRects([[0, 5, 10, 20]], 20, box);
    expect(bars!.map((bar) => [bar.height, bar.y])).toEqual([
      [0, 50],
      [12.5, 37.5],
      [25, 25],
      [50, 0],
    ]);
    // Each group is 25 wide with a 6.25 gap split either side.
    expect(bars![1]).toMatchObject({ x: 25 + 3.125, width: 18.75 });
  });
  it("two series sit side by side inside each group", () => {
    const [a, b] = barRects([[4], [2]], 4, box);
    expect(a![0]!.x + a![0]!.width).toBeCloseTo(b![0]!.x);
    expect(b![0]!.height).toBe(25);
  });
  it("clips a value above the top and never draws below the floor", () => {
    const [bars] = barRects([[40, -2]], 20, box);
    expect(bars!.map((bar) => bar.height)).toEqual([50, 0]);
  });
  it("no groups → no bars", () => expect(barRects([[]], 1, box)).toEqual([[]]));
});

describe("linePath", () => {
  const box = { width: 40, height: 10 };
  it.each([
    ["a line through each centre", [0, 5, 10, 5], 10, 0, "M5 10L15 5L25 0L35 5"],
    ["a gap for a week without data", [1, null, 5, 5], 5, 1, "M5 10M25 0L35 0"],
    ["a floor above zero (ratings 1–5)", [3], 5, 1, "M5 5"],
    ["nothing to draw", [null, null], 5, 0, ""],
  ])("%s", (_label, values, top, bottom, path) => {
    expect(linePath(values, top, { ...box, width: 10 * values.length }, bottom)).toBe(path);
  });
});

describe("formats", () => {
  it.each([
    [null, "—"],
    [0, "0%"],
    [0.8333, "83%"],
    [1, "100%"],
  ])("rate %s → %s", (rate, text) => expect(formatRate(rate)).toBe(text));
  it.each([
    [null, "—"],
    [4.567, "4.57"],
    [5, "5.00"],
  ])("rating %s → %s", (avg, text) => expect(formatRating(avg)).toBe(text));
  it.each([
    [null, "—"],
    [0.4, "0 min"],
    [45, "45 min"],
    [60, "1 h"],
    [200, "3 h 20 min"],
    [2880, "2 d"],
    [3120, "2 d 4 h"],
  ])("minutes %s → %s", (minutes, text) => expect(formatMinutes(minutes)).toBe(text));
  it.each([
    [0, 0, 0],
    [1, 0, 100],
    [1, 3, 33],
    [3, 3, 100],
    [4, 3, 100],
  ])("utilisation %s of %s → %s percent", (active, capacity, percent) => expect(utilisationPercent(active, capacity)).toBe(percent));
});
