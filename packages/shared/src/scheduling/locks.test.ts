import { describe, expect, it } from "vitest";
import { lockCellId, lockCellsFor, lockCellsForBooking, lockDocId, MAX_LOCK_CELLS, parseLockCellId } from "./locks.js";

const at = (iso: string) => Date.parse(iso);
const MIN = 60_000;

const overlaps = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1];
const sharesCell = (a: [number, number], b: [number, number]) => {
  const cells = new Set(lockCellsFor(a[0], a[1]));
  return lockCellsFor(b[0], b[1]).some((cell) => cells.has(cell));
};

/** mulberry32: a small seeded generator, so the "random" pairs are the same on every run. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe("lockCellsFor", () => {
  it.each<[string, string, string, string[]]>([
    ["a 60-minute session holds four cells", "2026-11-22T09:00Z", "2026-11-22T10:00Z", ["2026-11-22T09:00Z", "2026-11-22T09:15Z", "2026-11-22T09:30Z", "2026-11-22T09:45Z"]],
    ["a 30-minute session holds two", "2026-11-22T09:15Z", "2026-11-22T09:45Z", ["2026-11-22T09:15Z", "2026-11-22T09:30Z"]],
    ["the end is open: 09:00–09:15 is one cell", "2026-11-22T09:00Z", "2026-11-22T09:15Z", ["2026-11-22T09:00Z"]],
    ["off the grid, every partly used cell", "2026-11-22T09:05Z", "2026-11-22T09:20Z", ["2026-11-22T09:00Z", "2026-11-22T09:15Z"]],
    ["a single millisecond", "2026-11-22T09:14:59.999Z", "2026-11-22T09:15:00.000Z", ["2026-11-22T09:00Z"]],
    ["across midnight and the new year, in UTC", "2026-12-31T23:30Z", "2027-01-01T00:15Z", ["2026-12-31T23:30Z", "2026-12-31T23:45Z", "2027-01-01T00:00Z"]],
  ])("%s", (_name, start, end, expected) => {
    expect(lockCellsFor(at(start), at(end))).toEqual(expected);
  });

  it.each<[string, number, number]>([
    ["an empty interval", at("2026-11-22T09:00Z"), at("2026-11-22T09:00Z")],
    ["an interval that ends before it starts", at("2026-11-22T10:00Z"), at("2026-11-22T09:00Z")],
    ["a missing end", at("2026-11-22T09:00Z"), Number.NaN],
    ["more than a day", at("2026-11-22T00:00Z"), at("2026-11-23T00:15Z")],
  ])("refuses %s", (_name, start, end) => {
    expect(() => lockCellsFor(start, end)).toThrow(RangeError);
  });

  it(`allows exactly ${MAX_LOCK_CELLS} cells`, () => {
    expect(lockCellsFor(at("2026-11-22T00:00Z"), at("2026-11-23T00:00Z"))).toHaveLength(MAX_LOCK_CELLS);
  });
});

describe("overlap ⇔ shared cell", () => {
  const q = (hhmm: string) => at(`2026-11-22T${hhmm}Z`);
  it.each<[string, [string, string], [string, string], boolean]>([
    ["back to back", ["09:00", "10:00"], ["10:00", "10:30"], false],
    ["back to back the other way", ["10:00", "10:30"], ["09:00", "10:00"], false],
    ["overlapping by one cell", ["09:00", "10:00"], ["09:45", "10:30"], true],
    ["one inside the other", ["09:00", "10:00"], ["09:15", "09:45"], true],
    ["the same time", ["09:00", "09:45"], ["09:00", "09:45"], true],
    ["starting together, different lengths", ["09:00", "09:30"], ["09:00", "10:00"], true],
    ["ending together", ["09:30", "10:00"], ["09:00", "10:00"], true],
    ["a cell apart", ["09:00", "09:30"], ["09:45", "10:30"], false],
  ])("on the grid: %s", (_name, a, b, expected) => {
    const first: [number, number] = [q(a[0]), q(a[1])];
    const second: [number, number] = [q(b[0]), q(b[1])];
    expect(overlaps(first, second)).toBe(expected);
    expect(sharesCell(first, second)).toBe(expected);
  });

  it("off the grid an overlap of one millisecond still shares a cell", () => {
    expect(sharesCell([q("09:00"), q("09:07") + 1], [q("09:07"), q("09:08")])).toBe(true);
  });

  it("off the grid two intervals in the same cell that do not overlap still share it (refusing is the safe error)", () => {
    const a: [number, number] = [q("09:00"), q("09:05")];
    const b: [number, number] = [q("09:10"), q("09:14")];
    expect(overlaps(a, b)).toBe(false);
    expect(sharesCell(a, b)).toBe(true);
  });

  it("sessions on the grid (seeded random pairs): overlap ⇔ shared cell", () => {
    const random = seeded(20261122);
    const durations = [30, 45, 60];
    const base = at("2026-11-22T00:00Z");
    let overlapping = 0;
    for (let i = 0; i < 5000; i++) {
      const pick = (): [number, number] => {
        const start = base + Math.floor(random() * 2 * 96) * 15 * MIN;
        return [start, start + durations[Math.floor(random() * 3)]! * MIN];
      };
      const a = pick();
      const b = pick();
      const overlap = overlaps(a, b);
      if (overlap) overlapping++;
      expect(sharesCell(a, b), `${new Date(a[0]).toISOString()}+${(a[1] - a[0]) / MIN} vs ${new Date(b[0]).toISOString()}+${(b[1] - b[0]) / MIN}`).toBe(overlap);
    }
    // Both outcomes were exercised.
    expect(overlapping).toBeGreaterThan(50);
    expect(overlapping).toBeLessThan(4950);
  });

  it("any intervals at all (seeded random, millisecond precision): overlap ⇒ shared cell", () => {
    const random = seeded(7);
    const base = at("2026-11-22T09:00Z");
    let overlapping = 0;
    for (let i = 0; i < 5000; i++) {
      const pick = (): [number, number] => {
        const start = base + Math.floor(random() * 3 * 60 * MIN);
        return [start, start + 1 + Math.floor(random() * 90 * MIN)];
      };
      const a = pick();
      const b = pick();
      if (!overlaps(a, b)) continue;
      overlapping++;
      expect(sharesCell(a, b)).toBe(true);
    }
    expect(overlapping).toBeGreaterThan(500);
  });
});

describe("lockCellsForBooking", () => {
  const q = (hhmm: string) => at(`2026-11-22T${hhmm}Z`);
  const clash = (a: [string, string], b: [string, string], buffer: number) => {
    const cells = new Set(lockCellsForBooking(q(a[0]), q(a[1]), buffer));
    return lockCellsForBooking(q(b[0]), q(b[1]), buffer).some((cell) => cells.has(cell));
  };

  it.each<[string, [string, string], [string, string], number, boolean]>([
    ["a gap of exactly the buffer is allowed", ["09:00", "10:00"], ["10:15", "10:45"], 15, false],
    ["the same gap before is allowed", ["10:15", "10:45"], ["09:00", "10:00"], 15, false],
    ["a shorter gap clashes", ["09:00", "10:00"], ["10:00", "10:30"], 15, true],
    ["a shorter gap before clashes", ["10:00", "10:30"], ["09:00", "10:00"], 15, true],
    ["a 60-minute buffer refuses a 45-minute gap", ["09:00", "09:30"], ["10:15", "11:15"], 60, true],
    ["a 60-minute buffer allows a 60-minute gap", ["09:00", "09:30"], ["10:30", "11:30"], 60, false],
    ["no buffer: back to back is allowed", ["09:00", "10:00"], ["10:00", "10:30"], 0, false],
  ])("%s", (_name, a, b, buffer, expected) => {
    expect(clash(a, b, buffer)).toBe(expected);
  });

  it("sessions on the grid (seeded random pairs): shared cell ⇔ overlap or a gap shorter than the buffer", () => {
    const random = seeded(15);
    const base = at("2026-11-22T00:00Z");
    for (let i = 0; i < 3000; i++) {
      const buffer = [0, 15, 30, 45, 60][Math.floor(random() * 5)]!;
      const pick = (): [number, number] => {
        const start = base + Math.floor(random() * 48) * 15 * MIN;
        return [start, start + [30, 45, 60][Math.floor(random() * 3)]! * MIN];
      };
      const a = pick();
      const b = pick();
      const gap = Math.max(a[0], b[0]) - Math.min(a[1], b[1]);
      const cells = new Set(lockCellsForBooking(a[0], a[1], buffer));
      const shared = lockCellsForBooking(b[0], b[1], buffer).some((cell) => cells.has(cell));
      expect(shared).toBe(gap < buffer * MIN);
    }
  });
});

describe("cell ids", () => {
  it("are UTC minutes with a Z, and sort as strings in time order", () => {
    const ids = [0, 1, 95, 96, 200_000].map((index) => lockCellId(index));
    expect(ids.slice(0, 4)).toEqual(["1970-01-01T00:00Z", "1970-01-01T00:15Z", "1970-01-01T23:45Z", "1970-01-02T00:00Z"]);
    expect([...ids].sort()).toEqual(ids);
  });

  it.each<[string, number | null]>([
    ["2026-11-22T09:15Z", at("2026-11-22T09:15Z")],
    ["2026-11-22T09:10Z", null],
    ["2026-02-30T09:15Z", null],
    ["2026-11-22T24:00Z", null],
    ["2026-11-22T09:15", null],
    ["2026-11-22T09:15Z/x", null],
    ["", null],
  ])("parseLockCellId(%j)", (id, expected) => {
    expect(parseLockCellId(id)).toBe(expected);
  });

  it("lock document ids put the person first", () => {
    expect(lockDocId("uid_with_underscores", "2026-11-22T09:15Z")).toBe("uid_with_underscores_2026-11-22T09:15Z");
  });
});
