import { describe, expect, it } from "vitest";
import { findConflicts } from "./conflicts";

const ME = "me";
const MIN = 60_000;
const NOW = Date.UTC(2026, 10, 25, 8);
const s = (id: string, other: string, startMin: number, lengthMin = 30, status: "pending" | "accepted" | "declined" = "pending", iAmMentor = true) => ({
  id,
  status,
  mentorId: iAmMentor ? ME : other,
  menteeId: iAmMentor ? other : ME,
  startMs: NOW + startMin * MIN,
  endMs: NOW + (startMin + lengthMin) * MIN,
});

describe("findConflicts", () => {
  const cases: { name: string; sessions: ReturnType<typeof s>[]; expected: Record<string, string[]> }[] = [
    { name: "nothing booked", sessions: [], expected: {} },
    { name: "one proposal", sessions: [s("a", "x", 60)], expected: {} },
    { name: "two people overlapping", sessions: [s("a", "x", 60), s("b", "y", 75)], expected: { a: ["b"], b: ["a"] } },
    { name: "back to back is no clash", sessions: [s("a", "x", 60), s("b", "y", 90)], expected: {} },
    { name: "the same person twice is no clash", sessions: [s("a", "x", 60), s("b", "x", 70)], expected: {} },
    { name: "an accepted one is not a proposal", sessions: [s("a", "x", 60), s("b", "y", 70, 30, "accepted")], expected: {} },
    { name: "a declined one is gone", sessions: [s("a", "x", 60), s("b", "y", 70, 30, "declined")], expected: {} },
    { name: "mentor and mentee roles mixed", sessions: [s("a", "x", 60, 60, "pending", true), s("b", "y", 90, 30, "pending", false)], expected: { a: ["b"], b: ["a"] } },
    {
      name: "three at once, earliest first",
      sessions: [s("c", "z", 80), s("a", "x", 60, 60), s("b", "y", 70)],
      expected: { a: ["b", "c"], b: ["a", "c"], c: ["a", "b"] },
    },
    { name: "an ended proposal is left out", sessions: [s("a", "x", -60, 30), s("b", "y", -45, 30)], expected: {} },
  ];
  it.each(cases)("$name", ({ sessions, expected }) => {
    const found = findConflicts(sessions, ME, NOW);
    expect(Object.fromEntries([...found].map(([id, list]) => [id, list.map((other) => other.id)]))).toEqual(expected);
  });

  it("ignores sessions that are not mine", () => {
    const theirs = [
      { ...s("a", "x", 60), mentorId: "p", menteeId: "q" },
      { ...s("b", "y", 60), mentorId: "p", menteeId: "r" },
    ];
    expect(findConflicts(theirs, ME, NOW).size).toBe(0);
  });
});
