import { MATCHING, type MatchDoc, type TimestampLike } from "@mentormatch/shared";
import { describe, expect, it } from "vitest";
import {
  planAccept,
  planDeclineCount,
  planEnd,
  planExpiry,
  planMatchEvent,
  planRequest,
  type AcceptPlan,
  type AcceptPlanInput,
  type EndPlan,
  type EndPlanInput,
  type MatchMentee,
  type MatchMentor,
  type RequestPlan,
  type RequestPlanInput,
} from "./match.js";

const H = 3_600_000;
const DAY = 24 * H;
const T0 = Date.UTC(2025, 0, 1, 9);
const now = new Date(T0 + 5 * H);

function ts(millis: number): TimestampLike {
  return { seconds: Math.floor(millis / 1000), nanoseconds: 0, toMillis: () => millis, toDate: () => new Date(millis) };
}

/** One instance, so toEqual compares it by identity (a TimestampLike carries functions). */
const CREATED = ts(T0 - 30 * DAY);

const mentor: MatchMentor = {
  role: "mentor",
  displayName: "Ada Lovelace",
  title: "Principal Engineer",
  capacity: 2,
  activeMenteeCount: 1,
  acceptingRequests: true,
  responseHoursRecent: [2, 4],
};

const mentee: MatchMentee = {
  role: "mentee",
  displayName: "Sam Okafor",
  title: "Junior Engineer",
  department: "Engineering",
  learningGoals: ["system design", "sql"],
};

/** The pair's match as requestMatch wrote it at T0, in `status`. */
function match(status: MatchDoc["status"], overrides: Partial<MatchDoc> = {}): MatchDoc {
  return {
    mentorId: "ada",
    menteeId: "sam",
    participants: ["ada", "sam"],
    status,
    round: 1,
    message: "Could you help me?",
    goals: ["system design"],
    mentorName: "Ada Lovelace",
    mentorTitle: "Principal Engineer",
    menteeName: "Sam Okafor",
    menteeTitle: "Junior Engineer",
    menteeDepartment: "Engineering",
    responseMessage: "",
    requestedAt: ts(T0),
    expiresAt: ts(T0 + MATCHING.requestDays * DAY),
    respondedAt: null,
    endedAt: null,
    endedBy: null,
    endMessage: "",
    responseCounted: false,
    createdAt: CREATED,
    updatedAt: ts(T0),
    ...overrides,
  };
}

describe("planRequest", () => {
  const input = (overrides: Partial<RequestPlanInput> = {}): RequestPlanInput => ({
    menteeId: "sam",
    mentee,
    mentorId: "ada",
    mentor,
    match: null,
    pendingCount: 0,
    message: "Could you help me?",
    now,
    ...overrides,
  });
  const requested = {
    mentorId: "ada",
    menteeId: "sam",
    participants: ["ada", "sam"],
    status: "pending",
    message: "Could you help me?",
    mentorName: "Ada Lovelace",
    mentorTitle: "Principal Engineer",
    menteeName: "Sam Okafor",
    menteeTitle: "Junior Engineer",
    menteeDepartment: "Engineering",
    responseMessage: "",
    requestedAt: now,
    expiresAt: new Date(now.getTime() + 14 * DAY),
    respondedAt: null,
    endedAt: null,
    endedBy: null,
    endMessage: "",
    responseCounted: false,
    updatedAt: now,
  } as const;

  it.each<[string, Partial<RequestPlanInput>, RequestPlan]>([
    [
      "a first request, with the profile's goals, expiring in 14 days",
      {},
      { action: "request", isNew: true, doc: { ...requested, participants: ["ada", "sam"], round: 1, goals: ["system design", "sql"], createdAt: now } },
    ],
    [
      "the form's goals win over the profile's",
      { goals: ["public speaking"] },
      { action: "request", isNew: true, doc: { ...requested, participants: ["ada", "sam"], round: 1, goals: ["public speaking"], createdAt: now } },
    ],
    ...(["declined", "cancelled", "expired", "ended"] as const).map((status): [string, Partial<RequestPlanInput>, RequestPlan] => [
      `a ${status} match is re-opened as the next round, keeping createdAt`,
      { match: match(status, { round: 2 }) },
      {
        action: "request",
        isNew: false,
        doc: { ...requested, participants: ["ada", "sam"], round: 3, goals: ["system design", "sql"], createdAt: CREATED },
      },
    ]),
    [
      "two pending requests elsewhere are fine",
      { pendingCount: MATCHING.maxPendingRequests - 1 },
      { action: "request", isNew: true, doc: { ...requested, participants: ["ada", "sam"], round: 1, goals: ["system design", "sql"], createdAt: now } },
    ],
    [
      "a blocked pair (either way) is refused without saying so, before anything else about the mentor",
      { blocked: true, mentor: { ...mentor, acceptingRequests: false } },
      { action: "refuse", code: "failed-precondition", message: "You can't send a request to this mentor right now." },
    ],
    [
      "not blocked: the request goes ahead",
      { blocked: false },
      { action: "request", isNew: true, doc: { ...requested, participants: ["ada", "sam"], round: 1, goals: ["system design", "sql"], createdAt: now } },
    ],
    [
      "the mentor is not accepting",
      { mentor: { ...mentor, acceptingRequests: false } },
      { action: "refuse", code: "failed-precondition", message: "Ada Lovelace is not taking new mentees right now." },
    ],
    [
      "the mentor is at capacity",
      { mentor: { ...mentor, activeMenteeCount: 2 } },
      { action: "refuse", code: "failed-precondition", message: "Ada Lovelace has no open spots right now: every place is taken." },
    ],
    [
      "a request is already pending",
      { match: match("pending") },
      {
        action: "refuse",
        code: "already-exists",
        message: "You already asked Ada Lovelace, who has not answered yet. You can cancel that request on your Requests page.",
      },
    ],
    [
      "the pair is already matched (checked before capacity: the mentee's own place counts)",
      { match: match("accepted"), mentor: { ...mentor, activeMenteeCount: 2 } },
      { action: "refuse", code: "already-exists", message: "Ada Lovelace is already your mentor." },
    ],
    [
      "too many requests waiting",
      { pendingCount: MATCHING.maxPendingRequests },
      {
        action: "refuse",
        code: "resource-exhausted",
        message: "You already have 3 requests waiting for an answer, the most you can have at once. Cancel one, or wait for an answer, before asking another mentor.",
      },
    ],
    ["no such mentor", { mentor: null }, { action: "refuse", code: "not-found", message: "There is no mentor with that id on MentorMatch." }],
    [
      "someone who is not a mentor",
      { mentor: { ...mentor, role: "mentee" } },
      { action: "refuse", code: "not-found", message: "There is no mentor with that id on MentorMatch." },
    ],
    [
      "asking oneself",
      { mentorId: "sam" },
      { action: "refuse", code: "not-found", message: "There is no mentor with that id on MentorMatch." },
    ],
    [
      "a caller demoted from mentee since the call began",
      { mentee: { ...mentee, role: "mentor" } },
      { action: "refuse", code: "permission-denied", message: "Only mentees can ask for a mentor." },
    ],
  ])("%s", (_name, overrides, expected) => expect(planRequest(input(overrides))).toEqual(expected));
});

describe("planAccept", () => {
  const input = (overrides: Partial<AcceptPlanInput> = {}): AcceptPlanInput => ({
    callerUid: "ada",
    match: match("pending"),
    mentor,
    menteeExists: true,
    message: "Happy to!",
    now,
    ...overrides,
  });

  it.each<[string, Partial<AcceptPlanInput>, AcceptPlan]>([
    [
      "within capacity: accepted, count + 1, the answer time (5 h) counted",
      {},
      {
        action: "accept",
        matchUpdate: { status: "accepted", responseMessage: "Happy to!", respondedAt: now, updatedAt: now, responseCounted: true },
        mentorUpdate: { activeMenteeCount: 2, responseHoursRecent: [2, 4, 5], medianResponseHours: 4, lastActiveAt: now },
        capacity: 2,
      },
    ],
    [
      "at capacity",
      { mentor: { ...mentor, activeMenteeCount: 2 } },
      {
        action: "refuse",
        code: "failed-precondition",
        message: "You have no open spots: you mentor 2 of 2. Raise your capacity on your profile, or end a mentoring, to accept.",
      },
    ],
    [
      "capacity lowered below the count",
      { mentor: { ...mentor, capacity: 0 } },
      {
        action: "refuse",
        code: "failed-precondition",
        message: "You have no open spots: you mentor 1 of 0. Raise your capacity on your profile, or end a mentoring, to accept.",
      },
    ],
    ["accepted already: a retry answers ok", { match: match("accepted") }, { action: "noop", activeMenteeCount: 1, capacity: 2 }],
    ["declined", { match: match("declined") }, { action: "refuse", code: "failed-precondition", message: "You already declined this request." }],
    ["cancelled", { match: match("cancelled") }, { action: "refuse", code: "failed-precondition", message: "Sam Okafor withdrew this request." }],
    ["expired", { match: match("expired") }, { action: "refuse", code: "failed-precondition", message: "This request expired before it was answered." }],
    ["ended", { match: match("ended") }, { action: "refuse", code: "failed-precondition", message: "This mentoring has already ended." }],
    [
      "past expiresAt but not yet swept",
      { now: new Date(T0 + MATCHING.requestDays * DAY) },
      { action: "refuse", code: "failed-precondition", message: "This request expired before it was answered." },
    ],
    ["the mentee tries", { callerUid: "sam" }, { action: "refuse", code: "permission-denied", message: "Only Ada Lovelace can accept this request." }],
    ["someone else", { callerUid: "eve" }, { action: "refuse", code: "not-found", message: "We could not find that request. It may have been withdrawn." }],
    ["no such match", { match: null }, { action: "refuse", code: "not-found", message: "We could not find that request. It may have been withdrawn." }],
    ["a caller no longer a mentor", { mentor: { ...mentor, role: "mentee" } }, { action: "refuse", code: "permission-denied", message: "Only mentors can accept requests." }],
    ["the mentee's account is gone", { menteeExists: false }, { action: "refuse", code: "failed-precondition", message: "Sam Okafor is no longer on MentorMatch." }],
  ])("%s", (_name, overrides, expected) => expect(planAccept(input(overrides))).toEqual(expected));
});

describe("planEnd", () => {
  const input = (overrides: Partial<EndPlanInput> = {}): EndPlanInput => ({
    callerUid: "sam",
    match: match("accepted"),
    mentor: { activeMenteeCount: 2 },
    message: "Thank you!",
    now,
    ...overrides,
  });
  const ended = (by: string) => ({ status: "ended", endedAt: now, endedBy: by, endMessage: "Thank you!", updatedAt: now }) as const;

  it.each<[string, Partial<EndPlanInput>, EndPlan]>([
    ["by the mentee: the count drops", {}, { action: "end", matchUpdate: ended("sam"), mentorUpdate: { activeMenteeCount: 1 } }],
    ["by the mentor: the count drops and they were active", { callerUid: "ada" }, { action: "end", matchUpdate: ended("ada"), mentorUpdate: { activeMenteeCount: 1, lastActiveAt: now } }],
    ["the count never goes below 0", { mentor: { activeMenteeCount: 0 } }, { action: "end", matchUpdate: ended("sam"), mentorUpdate: { activeMenteeCount: 0 } }],
    ["the mentor's profile is gone: the match still ends", { mentor: null }, { action: "end", matchUpdate: ended("sam"), mentorUpdate: null }],
    ["ended already: a retry answers ok", { match: match("ended") }, { action: "noop" }],
    ["pending, by the mentee", { match: match("pending") }, { action: "refuse", code: "failed-precondition", message: "This request has not been accepted yet: cancel it instead." }],
    ["pending, by the mentor", { match: match("pending"), callerUid: "ada" }, { action: "refuse", code: "failed-precondition", message: "This request has not been accepted yet: decline it instead." }],
    ["declined", { match: match("declined") }, { action: "refuse", code: "failed-precondition", message: "Only an accepted mentoring can be ended." }],
    ["someone else", { callerUid: "eve" }, { action: "refuse", code: "not-found", message: "We could not find that mentoring." }],
    ["no such match", { match: null }, { action: "refuse", code: "not-found", message: "We could not find that mentoring." }],
  ])("%s", (_name, overrides, expected) => expect(planEnd(input(overrides))).toEqual(expected));
});

describe("planExpiry", () => {
  const due = new Date(T0 + MATCHING.requestDays * DAY);
  it.each<[string, MatchDoc | null, Date, ReturnType<typeof planExpiry>]>([
    ["a pending request at its expiresAt", match("pending"), due, { action: "expire", matchUpdate: { status: "expired", updatedAt: due } }],
    ["a pending request past it", match("pending"), new Date(due.getTime() + DAY), { action: "expire", matchUpdate: { status: "expired", updatedAt: new Date(due.getTime() + DAY) } }],
    ["a pending request a millisecond before", match("pending"), new Date(due.getTime() - 1), { action: "skip" }],
    ["answered in the meantime", match("accepted"), due, { action: "skip" }],
    ["declined in the meantime", match("declined"), due, { action: "skip" }],
    ["already expired (a second run)", match("expired"), due, { action: "skip" }],
    ["re-requested since: the new round is not due", match("pending", { round: 2, expiresAt: ts(due.getTime() + 10 * DAY) }), due, { action: "skip" }],
    ["gone", null, due, { action: "skip" }],
  ])("%s", (_name, doc, at, expected) => expect(planExpiry({ match: doc, now: at })).toEqual(expected));
});

describe("planMatchEvent (client-made transitions the trigger notifies)", () => {
  const s = (status: MatchDoc["status"], round = 1) => ({ status, round });
  it.each<[string, ReturnType<typeof s> | null, ReturnType<typeof s> | null, ReturnType<typeof planMatchEvent>]>([
    ["a decline", s("pending"), s("declined"), "declined"],
    ["a cancel", s("pending"), s("cancelled"), "cancelled"],
    ["an accept (the callable notified)", s("pending"), s("accepted"), null],
    ["an expiry (the sweep notified)", s("pending"), s("expired"), null],
    ["an end", s("accepted"), s("ended"), null],
    ["a new request", s("declined"), s("pending", 2), null],
    ["a first request", null, s("pending"), null],
    ["a different round", s("pending", 1), s("declined", 2), null],
    ["a deletion", s("pending"), null, null],
  ])("%s", (_name, before, after, expected) => expect(planMatchEvent(before, after)).toBe(expected));
});

describe("planDeclineCount", () => {
  const declined = match("declined", { respondedAt: ts(T0 + 10 * H) });
  const mentorStats: Pick<MatchMentor, "role" | "responseHoursRecent"> = { role: "mentor", responseHoursRecent: [2, 4] };
  it.each<[string, Parameters<typeof planDeclineCount>[0], ReturnType<typeof planDeclineCount>]>([
    [
      "the first time: the 10 h answer is counted, and it is when the mentor was last active",
      { match: declined, round: 1, mentor: mentorStats },
      { action: "count", mentorUpdate: { responseHoursRecent: [2, 4, 10], medianResponseHours: 4, lastActiveAt: new Date(T0 + 10 * H) } },
    ],
    ["already counted (a retried event)", { match: { ...declined, responseCounted: true }, round: 1, mentor: mentorStats }, { action: "skip" }],
    ["re-requested since", { match: { ...declined, round: 2, status: "pending" }, round: 1, mentor: mentorStats }, { action: "skip" }],
    ["the mentor's profile is gone", { match: declined, round: 1, mentor: null }, { action: "skip" }],
    ["no match", { match: null, round: 1, mentor: mentorStats }, { action: "skip" }],
  ])("%s", (_name, input, expected) => expect(planDeclineCount(input)).toEqual(expected));
});
