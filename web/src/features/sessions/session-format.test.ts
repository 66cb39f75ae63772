import { describe, expect, it } from "vitest";
import type { SessionStatus } from "@mentormatch/shared";
import {
  canCancel,
  canRespond,
  cancelNeedsReason,
  describeDate,
  describeStartsIn,
  formatRange,
  formatWhen,
  groupSessions,
  icsFileName,
  isOngoing,
  joinState,
  otherPerson,
  statusLabel,
  statusPillClass,
  theirTime,
  type SessionLike,
} from "./session-format";

const MIN = 60_000;
const HOUR = 60 * MIN;
const START = Date.UTC(2026, 10, 25, 9, 0); // Wed 25 Nov 2026, 09:00 UTC
const ME = "mentee-1";
const THEM = "mentor-1";

function session(id: string, status: SessionStatus, startMs = START, overrides: Partial<SessionLike> = {}): SessionLike {
  return {
    id,
    status,
    proposedBy: ME,
    mentorId: THEM,
    menteeId: ME,
    mentorName: "Ada Lovelace",
    menteeName: "Sam Okafor",
    startMs,
    endMs: startMs + 45 * MIN,
    meetingLink: "https://meet.jit.si/room",
    agenda: "",
    version: 1,
    ...overrides,
  };
}

describe("joinState", () => {
  const accepted = session("s", "accepted");
  it.each([
    ["an hour before", START - HOUR, "too-early"],
    ["11 minutes before", START - 11 * MIN, "too-early"],
    ["exactly 10 minutes before", START - 10 * MIN, "open"],
    ["5 minutes before", START - 5 * MIN, "open"],
    ["during", START + 20 * MIN, "open"],
    ["one millisecond before the end", START + 45 * MIN - 1, "open"],
    ["at the end", START + 45 * MIN, "over"],
  ])("an accepted session with a link, %s: %s", (_label, now, expected) => {
    expect(joinState(accepted, now)).toBe(expected);
  });
  it("is not-accepted for a pending session even inside the window", () => {
    expect(joinState(session("s", "pending"), START)).toBe("not-accepted");
  });
  it("is no-link for an accepted session without a link", () => {
    expect(joinState(session("s", "accepted", START, { meetingLink: "" }), START)).toBe("no-link");
  });
});

describe("isOngoing", () => {
  it.each([
    ["accepted", START - 1, false],
    ["accepted", START, true],
    ["accepted", START + 44 * MIN, true],
    ["accepted", START + 45 * MIN, false],
    ["pending", START + 10 * MIN, false],
    ["cancelled", START + 10 * MIN, false],
  ] as const)("%s at %d: %s", (status, now, expected) => {
    expect(isOngoing(session("s", status), now)).toBe(expected);
  });
});

describe("cancelling", () => {
  it.each([
    [START - 3 * HOUR, false],
    [START - 2 * HOUR, false],
    [START - 2 * HOUR + 1, true],
    [START - 10 * MIN, true],
  ])("needs a reason at %d: %s", (now, expected) => {
    expect(cancelNeedsReason(START, now)).toBe(expected);
  });
  it.each([
    ["pending", START - HOUR, true],
    ["pending", START + 10 * MIN, true],
    ["pending", START + 45 * MIN, false],
    ["accepted", START - 1, true],
    ["accepted", START, false],
    ["declined", START - HOUR, false],
    ["cancelled", START - HOUR, false],
    ["completed", START - HOUR, false],
  ] as const)("a %s session at %d can be cancelled: %s", (status, now, expected) => {
    expect(canCancel(session("s", status), now)).toBe(expected);
  });
});

describe("canRespond", () => {
  it("only the invitee, only a pending one, only before the start", () => {
    const proposedByThem = session("s", "pending", START, { proposedBy: THEM });
    expect(canRespond(proposedByThem, ME, START - 1)).toBe(true);
    expect(canRespond(proposedByThem, ME, START)).toBe(false);
    expect(canRespond(proposedByThem, THEM, START - HOUR)).toBe(false);
    expect(canRespond({ ...proposedByThem, status: "accepted" }, ME, START - HOUR)).toBe(false);
  });
});

describe("groupSessions", () => {
  it("sorts each live section by start and leaves out what has ended or can no longer be answered", () => {
    const now = START - HOUR;
    const sessions = [
      session("later-accepted", "accepted", START + 2 * HOUR),
      session("accepted", "accepted", START),
      session("mine-pending", "pending", START + HOUR),
      session("theirs-pending", "pending", START + 3 * HOUR, { proposedBy: THEM }),
      session("theirs-started", "pending", now - 10 * MIN, { proposedBy: THEM }),
      session("ended", "accepted", now - 2 * HOUR),
      session("cancelled", "cancelled", START),
    ];
    const groups = groupSessions(sessions, ME, now);
    expect(groups.toReview.map((s) => s.id)).toEqual(["theirs-pending"]);
    expect(groups.waiting.map((s) => s.id)).toEqual(["mine-pending"]);
    expect(groups.upcoming.map((s) => s.id)).toEqual(["accepted", "later-accepted"]);
  });
  it("is empty for no sessions", () => {
    expect(groupSessions([], ME, START)).toEqual({ toReview: [], waiting: [], upcoming: [] });
  });
});

describe("labels", () => {
  it("names the other person from either side", () => {
    expect(otherPerson(session("s", "pending"), ME)).toEqual({ uid: THEM, name: "Ada Lovelace", role: "mentor" });
    expect(otherPerson(session("s", "pending"), THEM)).toEqual({ uid: ME, name: "Sam Okafor", role: "mentee" });
  });
  it.each([
    [START, "UTC", "Wed 25 Nov, 09:00"],
    [START, "Asia/Tokyo", "Wed 25 Nov, 18:00"],
    [START, "America/Los_Angeles", "Wed 25 Nov, 01:00"],
    [START, "Pacific/Honolulu", "Tue 24 Nov, 23:00"],
  ])("formatWhen(%d, %s) = %s", (ms, zone, expected) => {
    expect(formatWhen(ms, zone)).toBe(expected);
  });
  it("formats a range, naming the end's day only when it differs", () => {
    expect(formatRange(START, START + 45 * MIN, "UTC")).toBe("Wed 25 Nov, 09:00–09:45");
    expect(formatRange(START + 14.5 * HOUR, START + 15.5 * HOUR, "UTC")).toBe("Wed 25 Nov, 23:30–Thu 26 Nov, 00:30");
  });
  it.each([
    ["UTC", "Asia/Tokyo", "18:00 Wed"],
    ["UTC", "Pacific/Honolulu", "23:00 Tue"],
    ["UTC", "Europe/London", null],
    ["Europe/Berlin", "Europe/Paris", null],
  ])("theirTime from %s for %s = %s", (mine, theirs, expected) => {
    expect(theirTime(START, mine, theirs)).toBe(expected);
  });
  it("describes a slot day without shifting it by a zone", () => {
    expect(describeDate("2026-11-25")).toBe("Wednesday 25 November");
    expect(describeDate("2026-03-01")).toBe("Sunday 1 March");
  });
  it.each([
    [START, "now"],
    [START - MIN, "in 1 minute"],
    [START - 30 * MIN, "in 30 minutes"],
    [START - HOUR, "in 1 hour"],
    [START - 47 * HOUR, "in 47 hours"],
    [START - 72 * HOUR, "in 3 days"],
  ])("describeStartsIn at %d = %s", (now, expected) => {
    expect(describeStartsIn(START, now)).toBe(expected);
  });
  it("names the .ics of a cancelled session differently", () => {
    expect(icsFileName(session("abc", "accepted"))).toBe("session-abc.ics");
    expect(icsFileName(session("abc", "cancelled"))).toBe("session-abc-cancelled.ics");
  });
});

describe("statusPillClass", () => {
  it.each([
    ["accepted", true, "pill pill-soon"],
    ["accepted", false, "pill pill-open"],
    ["pending", false, "pill pill-full"],
    ["cancelled", false, "pill pill-closed"],
    ["completed", false, "pill pill-closed"],
  ] as const)("%s (ongoing %s) → %s", (status, ongoing, expected) => {
    expect(statusPillClass(status, ongoing)).toBe(expected);
  });
});

describe("statusLabel", () => {
  it.each([
    ["pending", ME, false, "Waiting for an answer"],
    ["pending", THEM, false, "Needs your answer"],
    ["accepted", ME, false, "Confirmed"],
    ["accepted", THEM, true, "Ongoing"],
    ["no_show", ME, false, "Missed"],
  ] as const)("%s proposed by %s (ongoing %s): %s", (status, proposedBy, ongoing, expected) => {
    expect(statusLabel(session("s", status, START, { proposedBy }), ME, ongoing)).toBe(expected);
  });
});
