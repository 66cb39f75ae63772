import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { ProgrammeCounters } from "../schemas/stats.js";
import {
  applyIncrements,
  deriveProgrammeStats,
  durationBucket,
  histogramMedian,
  mentorProfileFields,
  needsDepartment,
  planProgrammeCounters,
  planStatsDelta,
  statsDepartmentUid,
  statsIndexes,
  withDepartment,
  type StatsEvent,
} from "./programme-counters.js";
import {
  planProgrammeStats,
  type ProgrammeStatsInput,
  type StatsFeedbackInput,
  type StatsMatchInput,
  type StatsMiniRequestInput,
  type StatsSessionInput,
  type StatsUserInput,
} from "./programme-stats.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Wednesday 18 November 2026, noon UTC (week of Monday the 16th). */
const NOW = Date.UTC(2026, 10, 18, 12);
const nov = (day: number, hour = 10) => Date.UTC(2026, 10, day, hour);

const session = (status: StatsSessionInput["status"], startAtMs = nov(17), kind: StatsSessionInput["kind"] = "match"): StatsSessionInput => ({
  kind,
  matchId: kind === "mini" ? "r1" : "m1_s1",
  mentorId: "m1",
  status,
  startAtMs,
});
const match = (status: StatsMatchInput["status"], respondedAtMs: number | null = null): StatsMatchInput => ({ mentorId: "m1", status, respondedAtMs });
const rating = (toRole: "mentor" | "mentee", value: number, kind: "session" | "mini" = "session"): StatsFeedbackInput => ({
  kind,
  fromUid: toRole === "mentor" ? "s1" : "m1",
  toUid: toRole === "mentor" ? "m1" : "s1",
  toRole,
  rating: value,
  createdAtMs: nov(17),
});
const request = (status: StatsMiniRequestInput["status"], claimAfter: number | null = null, scheduleAfter: number | null = null): StatsMiniRequestInput => ({
  id: "r1",
  studentId: "s1",
  status,
  createdAtMs: nov(16),
  firstClaimedAtMs: claimAfter === null ? null : nov(16) + claimAfter * MINUTE,
  scheduledAtMs: claimAfter === null || scheduleAfter === null ? null : nov(16) + (claimAfter + scheduleAfter) * MINUTE,
});
const user = (uid: string, role: StatsUserInput["role"], department: string, capacity = 0): StatsUserInput => ({ uid, role, displayName: uid.toUpperCase(), department, capacity });

/** The increments as "a.b.c=+n", sorted, the department filled in as "Eng". */
const described = (event: StatsEvent) =>
  withDepartment(planStatsDelta(event), "Eng")
    .increments.map(({ path, by }) => `${path.join(".")}=${by > 0 ? "+" : ""}${by}`)
    .sort();

const W = "2026-11-16";

describe("planStatsDelta", () => {
  it.each<[string, StatsEvent, string[]]>([
    ["a booked session counts in its week at once", { kind: "session", before: null, after: session("pending") }, ["mentors.m1.sessions.pending=+1", `weeks.${W}.byDepartment.Eng.sessions=+1`, `weeks.${W}.sessions=+1`]],
    [
      "accepting moves it between statuses and adds its start",
      { kind: "session", before: session("pending"), after: session("accepted") },
      [`mentors.m1.acceptedStarts.${nov(17)}=+1`, "mentors.m1.sessions.accepted=+1", "mentors.m1.sessions.pending=-1"],
    ],
    [
      "completing a mini session is a completed outcome and a completed week",
      { kind: "session", before: session("accepted", nov(17), "mini"), after: session("completed", nov(17), "mini") },
      [
        `mentors.m1.acceptedStarts.${nov(17)}=-1`,
        "mentors.m1.sessions.accepted=-1",
        "mentors.m1.sessions.completed=+1",
        "mini.outcomes.completed=+1",
        `weeks.${W}.byDepartment.Eng.completed=+1`,
        `weeks.${W}.completed=+1`,
      ],
    ],
    [
      "a declined proposal stops counting anywhere",
      { kind: "session", before: session("pending"), after: session("declined") },
      ["mentors.m1.sessions.pending=-1", `weeks.${W}.byDepartment.Eng.sessions=-1`, `weeks.${W}.sessions=-1`],
    ],
    [
      "a reschedule to next week moves the start and the week",
      { kind: "session", before: session("accepted", nov(17)), after: session("pending", nov(24)) },
      [
        `mentors.m1.acceptedStarts.${nov(17)}=-1`,
        "mentors.m1.sessions.accepted=-1",
        "mentors.m1.sessions.pending=+1",
        `weeks.${W}.byDepartment.Eng.sessions=-1`,
        `weeks.${W}.sessions=-1`,
        "weeks.2026-11-23.byDepartment.Eng.sessions=+1",
        "weeks.2026-11-23.sessions=+1",
      ],
    ],
    ["a reminder or notes update changes nothing", { kind: "session", before: session("accepted"), after: session("accepted") }, []],
    ["a deleted session takes its counts with it", { kind: "session", before: session("cancelled"), after: null }, ["mentors.m1.sessions.cancelled=-1", `weeks.${W}.byDepartment.Eng.sessions=-1`, `weeks.${W}.sessions=-1`]],
    ["a request to a mentor is pending", { kind: "match", before: null, after: match("pending") }, ["mentors.m1.pending=+1"]],
    [
      "an accept is an active match and a new match in the week of the answer",
      { kind: "match", before: match("pending"), after: match("accepted", nov(18)) },
      ["mentors.m1.active=+1", "mentors.m1.pending=-1", `weeks.${W}.byDepartment.Eng.newMatches=+1`, `weeks.${W}.newMatches=+1`],
    ],
    ["ending keeps the new match, no longer active", { kind: "match", before: match("accepted", nov(18)), after: match("ended", nov(18)) }, ["mentors.m1.active=-1"]],
    ["a decline only closes the request", { kind: "match", before: match("pending"), after: match("declined", nov(18)) }, ["mentors.m1.pending=-1"]],
    [
      "a mentee's rating of a mentor",
      { kind: "feedback", before: null, after: rating("mentor", 4) },
      ["mentors.m1.ratingCount=+1", "mentors.m1.ratingSum=+4", `weeks.${W}.byDepartment.Eng.ratingCount=+1`, `weeks.${W}.byDepartment.Eng.ratingSum=+4`, `weeks.${W}.ratingCount=+1`, `weeks.${W}.ratingSum=+4`],
    ],
    [
      "a mentor's rating of a mini student",
      { kind: "feedback", before: null, after: rating("mentee", 5, "mini") },
      [
        "menteeRatings.count=+1",
        "menteeRatings.sum=+5",
        "mini.ratings.mentee.count=+1",
        "mini.ratings.mentee.sum=+5",
        `weeks.${W}.byDepartment.Eng.ratingCount=+1`,
        `weeks.${W}.byDepartment.Eng.ratingSum=+5`,
        `weeks.${W}.ratingCount=+1`,
        `weeks.${W}.ratingSum=+5`,
      ],
    ],
    [
      "a posted mini request",
      { kind: "miniRequest", before: null, after: request("open") },
      ["mini.byStatus.open=+1", "mini.months.2026-11.posted=+1", "mini.students.s1=+1", `weeks.${W}.byDepartment.Eng.miniPosted=+1`, `weeks.${W}.miniPosted=+1`],
    ],
    [
      "a claim 90 minutes after posting fills the claim histogram",
      { kind: "miniRequest", before: request("open"), after: request("claimed", 90) },
      ["mini.byStatus.claimed=+1", "mini.byStatus.open=-1", "mini.months.2026-11.claimed=+1", `mini.toClaim.${durationBucket(90)}=+1`, `weeks.${W}.byDepartment.Eng.miniClaimed=+1`, `weeks.${W}.miniClaimed=+1`],
    ],
    [
      "scheduling fills the schedule histogram",
      { kind: "miniRequest", before: request("claimed", 90), after: request("scheduled", 90, 30) },
      ["mini.byStatus.claimed=-1", "mini.byStatus.scheduled=+1", `mini.toSchedule.${durationBucket(30)}=+1`],
    ],
    [
      "the student cancelling after the claim is a cancelled outcome",
      { kind: "miniRequest", before: request("scheduled", 90, 30), after: request("cancelled", 90, 30) },
      ["mini.byStatus.cancelled=+1", "mini.byStatus.scheduled=-1", "mini.outcomes.cancelled=+1"],
    ],
    ["cancelled while open: no outcome", { kind: "miniRequest", before: request("open"), after: request("cancelled") }, ["mini.byStatus.cancelled=+1", "mini.byStatus.open=-1"]],
    ["a new mentor", { kind: "user", before: null, after: user("m1", "mentor", "Design") }, ["people.Design.mentors=+1"]],
    ["a mentee becoming a mentor", { kind: "user", before: user("m1", "mentee", ""), after: user("m1", "mentor", "") }, ["people.No department.mentees=-1", "people.No department.mentors=+1"]],
    ["a department change moves the person", { kind: "user", before: user("m1", "mentor", "Design"), after: user("m1", "mentor", "Product") }, ["people.Design.mentors=-1", "people.Product.mentors=+1"]],
    ["an admin counts as neither", { kind: "user", before: null, after: user("a1", "admin", "Design") }, []],
  ])("%s", (_name, event, expected) => {
    expect(described(event)).toEqual(expected);
  });

  it.each<[string, StatsEvent, string | null, boolean]>([
    ["a session's department is its mentor's", { kind: "session", before: null, after: session("pending") }, "m1", true],
    ["a rating of a mentee: the mentor who gave it", { kind: "feedback", before: null, after: rating("mentee", 3) }, "m1", true],
    ["a mini request: its student", { kind: "miniRequest", before: null, after: request("open") }, "s1", true],
    ["a status change inside one week needs no department (no read)", { kind: "session", before: session("pending"), after: session("accepted") }, "m1", false],
    ["a user event never does", { kind: "user", before: null, after: user("m1", "mentor", "X") }, null, false],
  ])("department: %s", (_name, event, uid, needed) => {
    expect([statsDepartmentUid(event), needsDepartment(planStatsDelta(event))]).toEqual([uid, needed]);
  });

  it("asks for the mentor row's profile when someone is or was a mentor, not for mentees", () => {
    expect(planStatsDelta({ kind: "user", before: user("m1", "mentee", ""), after: user("m1", "mentor", "") }).mentorProfile).toEqual({ uid: "m1" });
    expect(planStatsDelta({ kind: "user", before: user("m1", "mentor", ""), after: user("m1", "mentee", "") }).mentorProfile).toEqual({ uid: "m1" });
    expect(planStatsDelta({ kind: "user", before: null, after: user("s1", "mentee", "") }).mentorProfile).toBeNull();
    // Any other profile write (last active, search tokens, rating fields) leaves the row alone: no read, no commit.
    expect(planStatsDelta({ kind: "user", before: user("m1", "mentor", "Design", 2), after: user("m1", "mentor", "Design", 2) })).toEqual({ increments: [], mentorProfile: null });
    expect(planStatsDelta({ kind: "user", before: user("m1", "mentor", "Design", 2), after: user("m1", "mentor", "Design", 3) }).mentorProfile).toEqual({ uid: "m1" });
  });
});

describe("histogramMedian", () => {
  const histogramOf = (minutes: number[]) => {
    const histogram: Record<string, number> = {};
    for (const value of minutes) histogram[durationBucket(value)] = (histogram[durationBucket(value)] ?? 0) + 1;
    return histogram;
  };
  const exactMedian = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  it.each<[string, number[]]>([
    ["one value", [42]],
    ["an odd count", [5, 90, 600]],
    ["an even count: the mean of the middle two", [10, 25]],
    ["minutes to days", [3, 17, 45, 120, 360, 1_440, 2_880, 7_000, 9_999]],
    ["many equal values", Array.from({ length: 25 }, () => 60)],
    ["a spread of 1,000 claims", Array.from({ length: 1_000 }, (_, i) => 10 + ((i * 7919) % 600))],
  ])("within 2.2 %% of the exact median: %s", (_name, values) => {
    const exact = exactMedian(values);
    const estimate = histogramMedian(histogramOf(values))!;
    expect(Math.abs(estimate - exact) / exact).toBeLessThanOrEqual(0.022);
  });

  it.each<[string, Record<string, number> | undefined, number | null]>([
    ["no histogram", undefined, null],
    ["only zeros (a value added and taken away)", { "40": 0 }, null],
    ["under a minute", { "0": 3 }, 0.5],
  ])("%s", (_name, histogram, expected) => {
    expect(histogramMedian(histogram)).toBe(expected);
  });

  it.each([
    [0.2, "0"],
    [1, "1"],
    [2, "17"],
    [60, String(1 + Math.floor(Math.log2(60) * 16))],
  ])("durationBucket(%s) = %s", (minutes, bucket) => {
    expect(durationBucket(minutes)).toBe(bucket);
  });
});

// ---- the incremental figures equal the full recompute ---------------------------------------------------------------

/** A small deterministic PRNG, so a failing order can be reproduced. */
function prng(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/**
 * A programme's documents as they end, and for each one the states it went through (created, then changed): the
 * events a trigger would see. Departments never change here, so "the department at the time" and "now" agree.
 */
function programmeHistory(random: () => number) {
  const departments = ["Engineering", "Design", ""];
  const users = [
    ...Array.from({ length: 6 }, (_, i) => user(`m${i}`, "mentor", departments[i % 3]!, 1 + (i % 3))),
    ...Array.from({ length: 12 }, (_, i) => user(`s${i}`, "mentee", departments[(i + 1) % 3]!)),
    user("a0", "admin", "Design"),
  ];
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const chains: StatsEvent[][] = [];
  const finalMatches: StatsMatchInput[] = [];
  const finalSessions: StatsSessionInput[] = [];
  const finalFeedback: StatsFeedbackInput[] = [];
  const finalRequests: StatsMiniRequestInput[] = [];
  const chain = <K extends StatsEvent["kind"]>(kind: K, states: (Extract<StatsEvent, { kind: K }>["after"] | null)[]) => {
    const events: StatsEvent[] = [];
    for (let i = 0; i < states.length; i++) events.push({ kind, before: i === 0 ? null : states[i - 1]!, after: states[i] } as StatsEvent);
    chains.push(events);
  };
  for (const person of users) chain("user", [person]);
  for (let i = 0; i < 12; i++) {
    const mentorId = `m${i % 6}`;
    const respondedAtMs = NOW - Math.floor(random() * 120) * DAY;
    const end = pick(["pending", "accepted", "ended", "declined", "cancelled"] as const);
    const states: StatsMatchInput[] = [{ mentorId, status: "pending", respondedAtMs: null }];
    if (end === "accepted" || end === "ended") states.push({ mentorId, status: "accepted", respondedAtMs });
    if (end === "ended") states.push({ mentorId, status: "ended", respondedAtMs });
    if (end === "declined") states.push({ mentorId, status: "declined", respondedAtMs });
    if (end === "cancelled") states.push({ mentorId, status: "cancelled", respondedAtMs: null });
    chain("match", states);
    finalMatches.push(states[states.length - 1]!);
  }
  for (let i = 0; i < 60; i++) {
    const mentorId = `m${i % 6}`;
    const kind = i % 5 === 0 ? "mini" : "match";
    const startAtMs = NOW + Math.floor((random() - 0.7) * 200) * DAY + Math.floor(random() * 24) * HOUR;
    const base: StatsSessionInput = { kind, matchId: kind === "mini" ? `r${i}` : `${mentorId}_s${i % 12}`, mentorId, status: "pending", startAtMs };
    const end = startAtMs > NOW ? pick(["pending", "accepted", "declined", "cancelled"] as const) : pick(["completed", "completed", "no_show", "cancelled", "declined", "accepted"] as const);
    const states: StatsSessionInput[] = [base];
    // Some were moved once before the answer.
    if (random() < 0.3) states.push({ ...base, startAtMs: base.startAtMs + 7 * DAY });
    const moved = states[states.length - 1]!;
    if (end !== "pending" && end !== "declined") states.push({ ...moved, status: "accepted" });
    if (end !== "pending" && end !== "accepted") states.push({ ...moved, status: end });
    chain("session", states);
    const final = states[states.length - 1]!;
    finalSessions.push(final);
    if (final.status === "completed") {
      const toMentor: StatsFeedbackInput = { kind: kind === "mini" ? "mini" : "session", fromUid: `s${i % 12}`, toUid: mentorId, toRole: "mentor", rating: 1 + Math.floor(random() * 5), createdAtMs: final.startAtMs + DAY };
      chain("feedback", [toMentor]);
      finalFeedback.push(toMentor);
      if (random() < 0.5) {
        const toMentee: StatsFeedbackInput = { ...toMentor, fromUid: mentorId, toUid: `s${i % 12}`, toRole: "mentee", rating: 1 + Math.floor(random() * 5) };
        chain("feedback", [toMentee]);
        finalFeedback.push(toMentee);
      }
    }
  }
  for (let i = 0; i < 20; i++) {
    const createdAtMs = NOW - Math.floor(random() * 300) * DAY;
    const open: StatsMiniRequestInput = { id: `r${i}`, studentId: `s${i % 7}`, status: "open", createdAtMs, firstClaimedAtMs: null, scheduledAtMs: null };
    const claimed = { ...open, status: "claimed" as const, firstClaimedAtMs: createdAtMs + Math.floor(1 + random() * 3_000) * MINUTE };
    const scheduled = { ...claimed, status: "scheduled" as const, scheduledAtMs: claimed.firstClaimedAtMs + Math.floor(1 + random() * 2_000) * MINUTE };
    const end = pick(["open", "expired", "claimed", "scheduled", "completed", "cancelled", "cancelled-open", "reopened"] as const);
    const states: StatsMiniRequestInput[] =
      end === "open"
        ? [open]
        : end === "expired"
          ? [open, { ...open, status: "expired" }]
          : end === "cancelled-open"
            ? [open, { ...open, status: "cancelled" }]
            : end === "claimed"
              ? [open, claimed]
              : end === "scheduled"
                ? [open, claimed, scheduled]
                : end === "completed"
                  ? [open, claimed, scheduled, { ...scheduled, status: "completed" }]
                  : end === "reopened"
                    ? [open, claimed, scheduled, { ...open, firstClaimedAtMs: claimed.firstClaimedAtMs }]
                    : [open, claimed, scheduled, { ...scheduled, status: "cancelled" }];
    chain("miniRequest", states);
    finalRequests.push(states[states.length - 1]!);
  }
  const input: ProgrammeStatsInput = { nowMs: NOW, users, matches: finalMatches, sessions: finalSessions, feedback: finalFeedback, miniRequests: finalRequests };
  return { input, events: chains.flat() };
}

function replay(events: readonly StatsEvent[], users: readonly StatsUserInput[]): ProgrammeCounters {
  const counters: ProgrammeCounters = {};
  const byId = new Map(users.map((person) => [person.uid, person]));
  for (const event of events) {
    const delta = planStatsDelta(event);
    const uid = statsDepartmentUid(event);
    applyIncrements(counters, withDepartment(delta, uid ? byId.get(uid)?.department : "").increments);
    if (delta.mentorProfile) {
      const mentors = (counters.mentors ??= {});
      mentors[delta.mentorProfile.uid] = { ...mentors[delta.mentorProfile.uid], ...mentorProfileFields(byId.get(delta.mentorProfile.uid)!) };
    }
  }
  return counters;
}

/** The figures without the two medians (read from histograms: compared within their bound instead). */
const withoutMedians = (stats: ReturnType<typeof planProgrammeStats>) => ({
  ...stats,
  sourceDocs: 0,
  mini: { ...stats.mini, medianMinutesToClaim: null, medianMinutesToSchedule: null },
});

describe("the counters add up to the full recompute", () => {
  it.each([1, 2, 3, 4, 5])("history %i, replayed in a shuffled order: the same figures as planProgrammeStats", (seed) => {
    const random = prng(seed);
    const { input, events } = programmeHistory(random);
    const shuffled = [...events].sort(() => random() - 0.5);
    const derived = deriveProgrammeStats(replay(shuffled, input.users), NOW);
    const reference = planProgrammeStats(input);
    expect(withoutMedians(derived)).toEqual(withoutMedians(reference));
    for (const key of ["medianMinutesToClaim", "medianMinutesToSchedule"] as const) {
      const [estimate, exact] = [derived.mini[key], reference.mini[key]];
      if (exact === null) expect(estimate).toBeNull();
      else expect(Math.abs(estimate! - exact) / exact, key).toBeLessThanOrEqual(0.022);
    }
    // And the in-memory full recompute (what the seed writes without triggers) is the same counters' figures.
    expect(deriveProgrammeStats(planProgrammeCounters(input), NOW)).toEqual(derived);
  });

  it("the derived figures move with `now` without any event: a session stops being upcoming when it starts", () => {
    const counters = planProgrammeCounters({ users: [user("m1", "mentor", "")], matches: [], sessions: [session("accepted", NOW + HOUR)], feedback: [], miniRequests: [] });
    expect(deriveProgrammeStats(counters, NOW).totals.sessionsUpcoming).toBe(1);
    expect(deriveProgrammeStats(counters, NOW + 2 * HOUR).totals.sessionsUpcoming).toBe(0);
  });

  it("weeks older than the page's window are not shown, and a zeroed bucket shows no department", () => {
    const counters = planProgrammeCounters({ users: [], matches: [], sessions: [{ ...session("completed", NOW - 400 * DAY), mentorId: "x" }], feedback: [], miniRequests: [] });
    const stats = deriveProgrammeStats(counters, NOW);
    expect(stats.weeks.reduce((sum, week) => sum + week.sessions, 0)).toBe(0);
    const zeroed = applyIncrements(structuredClone(counters), withDepartment(planStatsDelta({ kind: "session", before: session("pending", NOW - DAY), after: null }), "Gone").increments);
    applyIncrements(zeroed, withDepartment(planStatsDelta({ kind: "session", before: null, after: session("pending", NOW - DAY) }), "Gone").increments);
    expect(deriveProgrammeStats(zeroed, NOW).departments.map((row) => row.department)).toEqual(["No department"]);
  });
});

describe("statsIndexes", () => {
  it("are all declared in firestore.indexes.json", () => {
    const file = fileURLToPath(new URL("../../../../firestore.indexes.json", import.meta.url));
    const declared = new Set((JSON.parse(readFileSync(file, "utf8")).indexes as unknown[]).map((index) => JSON.stringify(index)));
    for (const index of statsIndexes()) expect(declared, JSON.stringify(index)).toContain(JSON.stringify(index));
  });
});
