import { describe, expect, it } from "vitest";
import type { SessionLike } from "../sessions/session-format";
import { dashboardSections } from "./dashboard-sections";

const ME = "me";
const MIN = 60_000;
// 10:00 in London on a Wednesday.
const NOW = Date.UTC(2026, 10, 25, 10);
const ZONE = "Europe/London";

const s = (id: string, startMin: number, status: SessionLike["status"], proposedBy = "other"): SessionLike => ({
  id,
  status,
  proposedBy,
  mentorId: ME,
  menteeId: "other",
  mentorName: "Me",
  menteeName: "Other",
  startMs: NOW + startMin * MIN,
  endMs: NOW + (startMin + 30) * MIN,
  meetingLink: "",
  agenda: "",
  version: 1,
});
const ids = (list: SessionLike[]) => list.map((session) => session.id);

describe("dashboardSections", () => {
  const cases: {
    name: string;
    upcoming: SessionLike[];
    recent?: SessionLike[];
    rated?: string[];
    zone?: string;
    expected: Partial<Record<"toReview" | "today" | "upcoming" | "waiting" | "awaitingCompletion" | "awaitingFeedback", string[]>>;
  }[] = [
    { name: "nothing", upcoming: [], expected: {} },
    { name: "accepted later today", upcoming: [s("a", 120, "accepted")], expected: { today: ["a"] } },
    { name: "accepted and running", upcoming: [s("a", -10, "accepted")], expected: { today: ["a"] } },
    { name: "accepted tomorrow", upcoming: [s("a", 24 * 60, "accepted")], expected: { upcoming: ["a"] } },
    // 23:30 London on the 25th is already the 26th in Tokyo.
    { name: "today depends on my zone", upcoming: [s("a", 13 * 60 + 30, "accepted")], zone: "Asia/Tokyo", expected: { upcoming: ["a"] } },
    { name: "a proposal to me", upcoming: [s("a", 60, "pending")], expected: { toReview: ["a"] } },
    { name: "a proposal to me whose time came", upcoming: [s("a", -5, "pending")], expected: {} },
    { name: "my own proposal", upcoming: [s("a", 60, "pending", ME)], expected: { waiting: ["a"] } },
    { name: "sorted by start", upcoming: [s("b", 90, "pending"), s("a", 60, "pending")], expected: { toReview: ["a", "b"] } },
    { name: "ended since the listener opened", upcoming: [s("a", -45, "accepted")], expected: { awaitingCompletion: ["a"] } },
    { name: "recent accepted needs completion", upcoming: [], recent: [s("a", -120, "accepted")], expected: { awaitingCompletion: ["a"] } },
    { name: "recent completed not rated", upcoming: [], recent: [s("a", -120, "completed")], expected: { awaitingFeedback: ["a"] } },
    { name: "recent completed and rated", upcoming: [], recent: [s("a", -120, "completed")], rated: ["a"], expected: {} },
    { name: "recent cancelled or missed is done", upcoming: [], recent: [s("a", -120, "cancelled"), s("b", -200, "no_show")], expected: {} },
    {
      name: "one in both lists counts once",
      upcoming: [s("a", -45, "accepted")],
      recent: [s("a", -45, "accepted")],
      expected: { awaitingCompletion: ["a"] },
    },
  ];
  it.each(cases)("$name", ({ upcoming, recent = [], rated = [], zone = ZONE, expected }) => {
    const out = dashboardSections(upcoming, recent, ME, NOW, zone, new Set(rated));
    expect({
      toReview: ids(out.toReview),
      today: ids(out.today),
      upcoming: ids(out.upcoming),
      waiting: ids(out.waiting),
      awaitingCompletion: ids(out.awaitingCompletion),
      awaitingFeedback: ids(out.awaitingFeedback),
    }).toEqual({ toReview: [], today: [], upcoming: [], waiting: [], awaitingCompletion: [], awaitingFeedback: [], ...expected });
  });
});
