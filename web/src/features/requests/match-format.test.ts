import { describe, expect, it } from "vitest";
import type { MatchStatus } from "@mentormatch/shared";
import {
  defaultRequestNote,
  describeAge,
  describeCharactersLeft,
  describeClosedMatch,
  describeExpiry,
  describePendingRequests,
  groupMatches,
  otherName,
  type MatchLike,
} from "./match-format";

const MENTOR = "mentor-1";
const MENTEE = "mentee-1";

function match(id: string, status: MatchStatus, minutes: number, overrides: Partial<MatchLike> = {}): MatchLike {
  return {
    id,
    mentorId: MENTOR,
    menteeId: MENTEE,
    mentorName: "Ada Lovelace",
    menteeName: "Sam Okafor",
    status,
    updatedAt: { toMillis: () => minutes * 60_000 },
    endedBy: null,
    ...overrides,
  };
}

describe("groupMatches", () => {
  const matches = [
    match("a", "pending", 10),
    match("b", "pending", 30, { menteeId: "mentee-2", menteeName: "Lena Fischer" }),
    match("c", "pending", 20, { mentorId: "mentor-2", menteeId: MENTOR }),
    match("d", "accepted", 5, { menteeId: "mentee-3" }),
    match("e", "declined", 40, { menteeId: "mentee-4" }),
    match("f", "ended", 50, { menteeId: "mentee-5" }),
  ];

  it("puts the mentor's pending requests oldest first, and the rest newest first", () => {
    const groups = groupMatches(matches, MENTOR);
    expect(groups.incoming.map((m) => m.id)).toEqual(["a", "b"]);
    expect(groups.outgoing.map((m) => m.id)).toEqual(["c"]);
    expect(groups.active.map((m) => m.id)).toEqual(["d"]);
    expect(groups.past.map((m) => m.id)).toEqual(["f", "e"]);
  });

  it("shows a mentee their own pending requests as outgoing", () => {
    const groups = groupMatches([match("a", "pending", 1)], MENTEE);
    expect(groups.incoming).toEqual([]);
    expect(groups.outgoing.map((m) => m.id)).toEqual(["a"]);
  });

  it("counts a match once when two lists both hold it", () => {
    const groups = groupMatches([match("a", "accepted", 1), match("a", "accepted", 1)], MENTOR);
    expect(groups.active).toHaveLength(1);
  });
});

describe("describeClosedMatch", () => {
  it.each<[MatchStatus, string, Partial<MatchLike>, string]>([
    ["declined", MENTOR, {}, "You declined Sam Okafor's request"],
    ["declined", MENTEE, {}, "Ada Lovelace declined your request"],
    ["cancelled", MENTOR, {}, "Sam Okafor withdrew their request"],
    ["cancelled", MENTEE, {}, "You withdrew your request to Ada Lovelace"],
    ["expired", MENTEE, {}, "Your request to Ada Lovelace expired unanswered"],
    ["ended", MENTEE, { endedBy: MENTEE }, "You ended your mentoring with Ada Lovelace"],
    ["ended", MENTEE, { endedBy: MENTOR }, "Ada Lovelace ended your mentoring"],
    ["ended", MENTEE, { endedBy: "admin-1" }, "Your mentoring with Ada Lovelace ended"],
  ])("%s seen by %s", (status, uid, overrides, text) => expect(describeClosedMatch(match("x", status, 0, overrides), uid)).toBe(text));

  it("names the other person", () => {
    expect(otherName(match("x", "accepted", 0), MENTOR)).toBe("Sam Okafor");
    expect(otherName(match("x", "accepted", 0), MENTEE)).toBe("Ada Lovelace");
  });
});

describe("times", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  it("says when a request expires", () => {
    expect(describeExpiry(new Date("2026-03-24T12:00:00Z"), now)).toBe("Expires in 2 weeks");
    expect(describeExpiry(new Date("2026-03-10T17:00:00Z"), now)).toBe("Expires in 5 hours");
    expect(describeExpiry(new Date("2026-03-10T11:00:00Z"), now)).toBe("Expired");
  });
  it("says how old a request is, a little clock skew reading as now", () => {
    expect(describeAge(new Date("2026-03-10T10:00:00Z"), now)).toBe("2 hours ago");
    expect(describeAge(new Date("2026-03-10T12:00:30Z"), now)).toBe("just now");
  });
});

describe("defaultRequestNote", () => {
  it("greets the mentor by first name and lists the goals", () =>
    expect(defaultRequestNote(["Improve my SQL", " Present findings "], "Tom Eriksen")).toBe(
      "Hi Tom, I'd like you to mentor me.\nMy goals:\n- Improve my SQL\n- Present findings",
    ));
  it("uses one line for one goal", () =>
    expect(defaultRequestNote(["Learn TypeScript deeply"], "Ada Lovelace")).toBe("Hi Ada, I'd like you to mentor me.\nMy goal: Learn TypeScript deeply."));
  it("is just the greeting without goals", () => expect(defaultRequestNote([], "Ada")).toBe("Hi Ada, I'd like you to mentor me."));
  it("stays within the limit, dropping whole lines", () => {
    const goals = Array.from({ length: 10 }, (_, i) => `${"x".repeat(110)} ${i}`);
    const note = defaultRequestNote(goals, "Ada Lovelace", 500);
    expect(note.length).toBeLessThanOrEqual(500);
    expect(note.endsWith("\n")).toBe(false);
    expect(note.split("\n").every((line) => line.startsWith("Hi") || line === "My goals:" || line.startsWith("- "))).toBe(true);
  });
});

describe("counters", () => {
  it("counts the characters left", () => {
    expect(describeCharactersLeft(20, 500)).toBe("480 characters left");
    expect(describeCharactersLeft(499, 500)).toBe("1 character left");
    expect(describeCharactersLeft(512, 500)).toBe("12 characters too many");
    expect(describeCharactersLeft(501, 500)).toBe("1 character too many");
  });
  it("describes the sidebar's pending count", () => {
    expect(describePendingRequests(0)).toBe("No requests waiting");
    expect(describePendingRequests(1)).toBe("1 request waiting for your answer");
    expect(describePendingRequests(3)).toBe("3 requests waiting for your answer");
    expect(describePendingRequests(100)).toBe("More than 99 requests waiting");
  });
});
