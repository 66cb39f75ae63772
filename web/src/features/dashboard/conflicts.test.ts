import { describe, expect, it } from "vitest";
import { describeClash, findConflicts, holdsMyTime } from "./conflicts";

const ME = "me";
const MIN = 60_000;
const NOW = Date.UTC(2026, 10, 25, 8);
type Status = "pending" | "accepted" | "declined" | "cancelled";
/** A session of mine with `other`; by default a proposal to me, with me as the mentee (how a mentee gets invited). */
const s = (id: string, other: string, startMin: number, lengthMin = 30, status: Status = "pending", opts: { iAmMentor?: boolean; byMe?: boolean } = {}) => ({
  id,
  status,
  mentorId: opts.iAmMentor ? ME : other,
  menteeId: opts.iAmMentor ? other : ME,
  proposedBy: opts.byMe ? ME : other,
  startMs: NOW + startMin * MIN,
  endMs: NOW + (startMin + lengthMin) * MIN,
});

describe("findConflicts", () => {
  const cases: { name: string; sessions: ReturnType<typeof s>[]; expected: Record<string, string[]> }[] = [
    { name: "nothing booked", sessions: [], expected: {} },
    { name: "one proposal", sessions: [s("a", "x", 60)], expected: {} },
    { name: "two mentors' overlapping invites: both highlighted, each naming the other", sessions: [s("a", "x", 60), s("b", "y", 75)], expected: { a: ["b"], b: ["a"] } },
    { name: "back to back is no clash", sessions: [s("a", "x", 60), s("b", "y", 90)], expected: {} },
    { name: "the same person twice is no clash", sessions: [s("a", "x", 60), s("b", "x", 70)], expected: {} },
    {
      name: "an invite overlapping an accepted session: the invite names it (the accepted one is settled)",
      sessions: [s("a", "x", 60), s("b", "y", 70, 30, "accepted")],
      expected: { a: ["b"] },
    },
    {
      name: "an invite overlapping my own proposal: both are pending, both named",
      sessions: [s("a", "x", 60), s("b", "y", 70, 30, "pending", { byMe: true })],
      expected: { a: ["b"], b: ["a"] },
    },
    { name: "a declined one is gone", sessions: [s("a", "x", 60), s("b", "y", 70, 30, "declined")], expected: {} },
    { name: "a cancelled one is gone", sessions: [s("a", "x", 60), s("b", "y", 70, 30, "cancelled")], expected: {} },
    {
      name: "mentor and mentee roles mixed",
      sessions: [s("a", "x", 60, 60, "pending", { iAmMentor: true }), s("b", "y", 90, 30)],
      expected: { a: ["b"], b: ["a"] },
    },
    {
      name: "three at once, earliest first",
      sessions: [s("c", "z", 80), s("a", "x", 60, 60), s("b", "y", 70)],
      expected: { a: ["b", "c"], b: ["a", "c"], c: ["a", "b"] },
    },
    { name: "an ended proposal is left out", sessions: [s("a", "x", -60, 30), s("b", "y", -45, 30)], expected: {} },
    { name: "an accepted session that has ended is left out", sessions: [s("a", "x", -20, 30), s("b", "y", -60, 45, "accepted")], expected: {} },
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

describe("describeClash and holdsMyTime", () => {
  const named = (status: Status, opts: { iAmMentor?: boolean; byMe?: boolean } = {}) => ({
    ...s("b", "y", 70, 30, status, opts),
    mentorName: opts.iAmMentor ? "Me" : "Ana Ruiz",
    menteeName: opts.iAmMentor ? "Kai Tanaka" : "Me",
  });
  it.each([
    ["an accepted session", named("accepted"), "your session with Ana Ruiz", true],
    ["my own proposal", named("pending", { byMe: true }), "your proposal to Ana Ruiz", true],
    ["another mentor's invite", named("pending"), "Ana Ruiz's proposal", false],
    ["a mentee's proposal to me, the mentor", named("pending", { iAmMentor: true }), "Kai Tanaka's proposal", false],
    ["an accepted session where I am the mentor", named("accepted", { iAmMentor: true }), "your session with Kai Tanaka", true],
  ])("%s", (_what, clash, label, holds) => {
    expect(describeClash(clash, ME)).toBe(label);
    expect(holdsMyTime(clash, ME)).toBe(holds);
  });
});
