import { describe, expect, it } from "vitest";
import { briefLines, nextReminderAt, reminderKey, remindersDue } from "./reminder-due";

const MIN = 60_000;
const NOW = Date.UTC(2026, 10, 25, 10);
const s = (id: string, startMin: number, status: "accepted" | "pending" | "cancelled" = "accepted") => ({ id, status, startMs: NOW + startMin * MIN });

describe("remindersDue", () => {
  const cases: { name: string; sessions: ReturnType<typeof s>[]; shown?: string[]; expected: string[] }[] = [
    { name: "none", sessions: [], expected: [] },
    { name: "16 minutes before: not yet", sessions: [s("a", 16)], expected: [] },
    { name: "exactly 15 minutes before", sessions: [s("a", 15)], expected: ["a"] },
    { name: "a minute before", sessions: [s("a", 1)], expected: ["a"] },
    { name: "at the start: too late", sessions: [s("a", 0)], expected: [] },
    { name: "pending is not reminded", sessions: [s("a", 10, "pending")], expected: [] },
    { name: "cancelled is not reminded", sessions: [s("a", 10, "cancelled")], expected: [] },
    { name: "already shown", sessions: [s("a", 10)], shown: [reminderKey(s("a", 10))], expected: [] },
    { name: "shown for an earlier time, then moved", sessions: [s("a", 10)], shown: [reminderKey(s("a", 70))], expected: ["a"] },
    { name: "two due, earliest first", sessions: [s("b", 12), s("a", 5), s("c", 40)], expected: ["a", "b"] },
  ];
  it.each(cases)("$name", ({ sessions, shown = [], expected }) => {
    expect(remindersDue(sessions, NOW, new Set(shown)).map((session) => session.id)).toEqual(expected);
  });
});

describe("nextReminderAt", () => {
  it.each([
    { name: "nothing accepted", sessions: [s("a", 60, "pending")], expected: null },
    { name: "the earliest coming one", sessions: [s("a", 60), s("b", 30)], expected: NOW + 15 * MIN },
    { name: "one already due is not next", sessions: [s("a", 10), s("b", 120)], expected: NOW + 105 * MIN },
  ])("$name", ({ sessions, expected }) => {
    expect(nextReminderAt(sessions, NOW)).toBe(expected);
  });
});

describe("briefLines", () => {
  it.each([
    { name: "empty", brief: { agenda: " ", actionItems: [], goals: [] }, expected: [] },
    {
      name: "everything",
      brief: { agenda: "Career plan", actionItems: ["Draft CV", ""], goals: ["Lead a team"] },
      expected: [
        { label: "Agenda", items: ["Career plan"] },
        { label: "Last time's action items", items: ["Draft CV"] },
        { label: "Mentee's goals", items: ["Lead a team"] },
      ],
    },
    { name: "goals only", brief: { agenda: "", actionItems: [], goals: ["Speak up"] }, expected: [{ label: "Mentee's goals", items: ["Speak up"] }] },
  ])("$name", ({ brief, expected }) => {
    expect(briefLines(brief)).toEqual(expected);
  });
});
