import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MINI } from "../constants.js";
import { MINI_STATUSES, miniRequestInputSchema, type MiniStatus } from "../schemas/mini.js";
import {
  MINI_ACTIONS,
  MINI_CLAIMED_MESSAGE,
  MINI_EXPIRED_MESSAGE,
  miniJobIndexes,
  miniSearchQueryToken,
  miniSearchTokens,
  planMiniPost,
  planMiniTransition,
  planMiniWaitEstimate,
  type MiniAction,
  type MiniApply,
  type MiniPlan,
  type MiniPostInput,
  type MiniRequestFacts,
  type MiniTransitionInput,
} from "./mini.js";

const H = 3_600_000;
const DAY = 24 * H;
const NOW = Date.UTC(2030, 0, 10, 12);
const STUDENT = "stu";
const CLAIMER = "mark";
const OTHER_MENTOR = "otto";

/** A request in `status` as the transitions leave it: claimed by CLAIMER from `claimed` on, with a session once scheduled. */
function request(status: MiniStatus, overrides: Partial<MiniRequestFacts> = {}): MiniRequestFacts {
  const held = status === "claimed" || status === "scheduled" || status === "completed";
  return {
    studentId: STUDENT,
    status,
    claimedBy: held ? CLAIMER : null,
    claimedAtMs: held ? NOW - 2 * H : null,
    scheduleByMs: status === "claimed" ? NOW + 46 * H : null,
    firstClaimedAtMs: held ? NOW - 2 * H : null,
    releasedBy: [],
    sessionId: status === "scheduled" || status === "completed" ? "s-1" : null,
    expiresAtMs: NOW + 3 * DAY,
    ...overrides,
  };
}

const SCHEDULE = { sessionId: "s-new", startMs: NOW + 2 * DAY, meetingType: "video" as const, meetingLink: "https://meet.jit.si/x", phone: "", location: "" };

/** Each action by the person who would normally take it. */
function inputFor(action: MiniAction, req: MiniRequestFacts | null, overrides: Partial<MiniTransitionInput> = {}): MiniTransitionInput {
  const actor: Record<MiniAction, Pick<MiniTransitionInput, "actorUid" | "actorRole">> = {
    claim: { actorUid: OTHER_MENTOR, actorRole: "mentor" },
    release: { actorUid: CLAIMER, actorRole: "mentor" },
    lapse: { actorUid: "job", actorRole: null },
    cancel: { actorUid: STUDENT, actorRole: "mentee" },
    expire: { actorUid: "job", actorRole: null },
    schedule: { actorUid: CLAIMER, actorRole: "mentor" },
    complete: { actorUid: CLAIMER, actorRole: "mentor" },
  };
  return { request: req, action, ...actor[action], nowMs: NOW, actorName: "Otto Mentor", claimerOpenClaims: 0, reason: "", schedule: SCHEDULE, ...overrides };
}

/** What a plan comes to, for the table: "→ status", "noop", or "refuse code: message". */
function outcome(plan: MiniPlan): string {
  if (plan.action === "apply") return `→ ${plan.to}`;
  if (plan.action === "noop") return "noop";
  return `refuse ${plan.code}: ${plan.message}`;
}

const NOT_HELD = "refuse failed-precondition: You do not hold this request.";
const NOT_HELD_SCHEDULE = "refuse failed-precondition: You do not hold this request: claim it first.";
const CLOSED = {
  completed: "This request is completed.",
  cancelled: "The student cancelled this request.",
  expired: MINI_EXPIRED_MESSAGE,
};

// Every status × every action, each by the person who would take it, with no deadline passed.
const TABLE: Record<MiniStatus, Record<MiniAction, string>> = {
  open: {
    claim: "→ claimed",
    release: NOT_HELD,
    lapse: "noop",
    cancel: "→ cancelled",
    expire: "noop",
    schedule: NOT_HELD_SCHEDULE,
    complete: "refuse failed-precondition: This request is still open.",
  },
  claimed: {
    claim: `refuse failed-precondition: ${MINI_CLAIMED_MESSAGE}`,
    release: "→ open",
    lapse: "noop",
    cancel: "→ cancelled",
    expire: "noop",
    schedule: "→ scheduled",
    complete: "refuse failed-precondition: This request is claimed.",
  },
  scheduled: {
    claim: `refuse failed-precondition: ${MINI_CLAIMED_MESSAGE}`,
    release: "refuse failed-precondition: This request is scheduled: cancel the session instead, so the student is told.",
    lapse: "noop",
    cancel: "→ cancelled",
    expire: "noop",
    schedule: "noop",
    complete: "→ completed",
  },
  completed: {
    claim: `refuse failed-precondition: ${CLOSED.completed}`,
    release: NOT_HELD,
    lapse: "noop",
    cancel: `refuse failed-precondition: ${CLOSED.completed} It cannot be cancelled.`,
    expire: "noop",
    schedule: `refuse failed-precondition: ${CLOSED.completed}`,
    complete: "noop",
  },
  cancelled: {
    claim: `refuse failed-precondition: ${CLOSED.cancelled}`,
    release: NOT_HELD,
    lapse: "noop",
    cancel: "noop",
    expire: "noop",
    schedule: NOT_HELD_SCHEDULE,
    complete: `refuse failed-precondition: ${CLOSED.cancelled}`,
  },
  expired: {
    claim: `refuse failed-precondition: ${CLOSED.expired}`,
    release: NOT_HELD,
    lapse: "noop",
    cancel: `refuse failed-precondition: ${CLOSED.expired} It cannot be cancelled.`,
    expire: "noop",
    schedule: NOT_HELD_SCHEDULE,
    complete: `refuse failed-precondition: ${CLOSED.expired}`,
  },
};

describe("planMiniTransition: every status × every action", () => {
  it("the table covers every status and action", () => {
    expect(Object.keys(TABLE).sort()).toEqual([...MINI_STATUSES].sort());
    for (const row of Object.values(TABLE)) expect(Object.keys(row).sort()).toEqual([...MINI_ACTIONS].sort());
  });

  const cases = MINI_STATUSES.flatMap((status) => MINI_ACTIONS.map((action) => [status, action, TABLE[status][action]] as const));
  it.each(cases)("%s × %s: %s", (status, action, expected) => {
    expect(outcome(planMiniTransition(inputFor(action, request(status))))).toBe(expected);
  });

  it.each(MINI_ACTIONS)("%s of a request that does not exist: not-found", (action) => {
    expect(outcome(planMiniTransition(inputFor(action, null)))).toBe("refuse not-found: That request does not exist.");
  });
});

const applied = (plan: MiniPlan): MiniApply => {
  if (plan.action !== "apply") throw new Error(`expected apply, got ${outcome(plan)}`);
  return plan;
};

describe("claim", () => {
  it("sets the claim, the 48-hour deadline and the first claim time", () => {
    const plan = applied(planMiniTransition(inputFor("claim", request("open"))));
    expect(plan.update).toEqual({
      status: "claimed",
      claimedBy: OTHER_MENTOR,
      claimedByName: "Otto Mentor",
      claimedAt: new Date(NOW),
      scheduleBy: new Date(NOW + MINI.scheduleWithinHours * H),
      firstClaimedAt: new Date(NOW),
      updatedAt: new Date(NOW),
    });
    expect(plan).toMatchObject({ claimer: OTHER_MENTOR, claimedAtMs: NOW, countAgainstClaimer: false, cancelSessionId: null });
  });

  it("keeps the first claim's time through a release and a second claim", () => {
    const plan = applied(planMiniTransition(inputFor("claim", request("open", { firstClaimedAtMs: NOW - DAY, releasedBy: ["someone"] }))));
    expect(plan.update.firstClaimedAt).toEqual(new Date(NOW - DAY));
  });

  it.each<[string, Partial<MiniTransitionInput>, Partial<MiniRequestFacts>, string]>([
    ["the claimer again (a retry)", { actorUid: CLAIMER }, { status: "claimed", claimedBy: CLAIMER }, "noop"],
    ["their own request", { actorUid: STUDENT }, {}, "refuse failed-precondition: You cannot claim your own request."],
    ["as a mentee", { actorRole: "mentee" }, {}, "refuse permission-denied: Only mentors can claim requests."],
    ["as an admin", { actorRole: "admin" }, {}, "refuse permission-denied: Only mentors can claim requests."],
    ["past expiresAt, not yet swept", {}, { expiresAtMs: NOW }, `refuse failed-precondition: ${MINI_EXPIRED_MESSAGE}`],
    [
      "after giving it back",
      {},
      { releasedBy: [OTHER_MENTOR] },
      "refuse failed-precondition: You gave this request back, so another mentor gets the chance to take it.",
    ],
    [
      "holding the most unscheduled claims",
      { claimerOpenClaims: MINI.maxClaimedPerMentor },
      {},
      `refuse resource-exhausted: You already hold ${MINI.maxClaimedPerMentor} claimed requests that are not scheduled yet: schedule or give one back first.`,
    ],
    ["holding one fewer", { claimerOpenClaims: MINI.maxClaimedPerMentor - 1 }, {}, "→ claimed"],
    ["scheduled by the caller", { actorUid: CLAIMER }, { status: "scheduled", claimedBy: CLAIMER }, "refuse failed-precondition: You already scheduled this request."],
  ])("%s", (_name, overrides, requestOverrides, expected) => {
    expect(outcome(planMiniTransition(inputFor("claim", request("open", requestOverrides), overrides)))).toBe(expected);
  });
});

describe("release and lapse", () => {
  it("release: back to open, the claim cleared, the mentor remembered", () => {
    const plan = applied(planMiniTransition(inputFor("release", request("claimed", { releasedBy: ["earlier"] }))));
    expect(plan.update).toEqual({
      status: "open",
      claimedBy: null,
      claimedByName: "",
      claimedAt: null,
      scheduleBy: null,
      releasedBy: ["earlier", CLAIMER],
      updatedAt: new Date(NOW),
    });
    expect(plan).toMatchObject({ claimer: CLAIMER, claimedAtMs: NOW - 2 * H, countAgainstClaimer: false });
  });

  it("release retried after it committed: noop", () => {
    expect(outcome(planMiniTransition(inputFor("release", request("open", { releasedBy: [CLAIMER] }))))).toBe("noop");
  });

  it("release by a mentor who does not hold it", () => {
    expect(outcome(planMiniTransition(inputFor("release", request("claimed"), { actorUid: OTHER_MENTOR })))).toBe(NOT_HELD);
  });

  it("lapse: once scheduleBy has passed, the same as a release, and counted against the claimer", () => {
    const plan = applied(planMiniTransition(inputFor("lapse", request("claimed", { scheduleByMs: NOW }))));
    expect(plan.update).toMatchObject({ status: "open", claimedBy: null, releasedBy: [CLAIMER] });
    expect(plan).toMatchObject({ claimer: CLAIMER, countAgainstClaimer: true });
  });

  it("lapse after the release already ran (a second job run): noop", () => {
    const once = applied(planMiniTransition(inputFor("lapse", request("claimed", { scheduleByMs: NOW - H }))));
    const after = request("open", { releasedBy: once.update.releasedBy as string[] });
    expect(outcome(planMiniTransition(inputFor("lapse", after)))).toBe("noop");
  });

  it("releasedBy stays within 50 names", () => {
    const many = Array.from({ length: 50 }, (_, i) => `m${i}`);
    const plan = applied(planMiniTransition(inputFor("release", request("claimed", { releasedBy: many }))));
    expect(plan.update.releasedBy).toHaveLength(50);
    expect((plan.update.releasedBy as string[]).at(-1)).toBe(CLAIMER);
  });
});

describe("cancel, expire, schedule, complete", () => {
  it("cancel of a scheduled request names its session, the claimer and the reason", () => {
    const plan = applied(planMiniTransition(inputFor("cancel", request("scheduled"), { reason: "Got the job" })));
    expect(plan.update).toEqual({ status: "cancelled", cancelledBy: STUDENT, cancelReason: "Got the job", cancelledAt: new Date(NOW), scheduleBy: null, updatedAt: new Date(NOW) });
    expect(plan).toMatchObject({ cancelSessionId: "s-1", claimer: CLAIMER });
  });

  it("cancel of an open request tells no mentor and has no session", () => {
    expect(applied(planMiniTransition(inputFor("cancel", request("open"))))).toMatchObject({ cancelSessionId: null, claimer: null });
  });

  it("cancel by anyone but the student: not-found", () => {
    for (const actorUid of [CLAIMER, OTHER_MENTOR])
      expect(outcome(planMiniTransition(inputFor("cancel", request("claimed"), { actorUid, actorRole: "mentor" })))).toBe(
        "refuse not-found: That request does not exist, or it is not yours.",
      );
  });

  it.each<[string, Partial<MiniRequestFacts>, string]>([
    ["open and due", { expiresAtMs: NOW }, "→ expired"],
    ["open, due an hour ago", { expiresAtMs: NOW - H }, "→ expired"],
    ["open, due in a minute", { expiresAtMs: NOW + 60_000 }, "noop"],
    ["claimed past expiresAt (claims do not expire)", { status: "claimed", claimedBy: CLAIMER, expiresAtMs: NOW - H }, "noop"],
  ])("expire: %s", (_name, overrides, expected) => {
    expect(outcome(planMiniTransition(inputFor("expire", request("open", overrides))))).toBe(expected);
  });

  it("schedule writes the session's facts and clears the deadline", () => {
    const plan = applied(planMiniTransition(inputFor("schedule", request("claimed"))));
    expect(plan.update).toEqual({
      status: "scheduled",
      sessionId: "s-new",
      scheduledAt: new Date(NOW),
      scheduledStartAt: new Date(NOW + 2 * DAY),
      meetingType: "video",
      meetingLink: "https://meet.jit.si/x",
      phone: "",
      location: "",
      scheduleBy: null,
      updatedAt: new Date(NOW),
    });
  });

  it("schedule after the 48 hours ran out (the job has not run yet) is refused", () => {
    expect(outcome(planMiniTransition(inputFor("schedule", request("claimed", { scheduleByMs: NOW }))))).toBe(
      `refuse failed-precondition: Your ${MINI.scheduleWithinHours} hours to schedule this request have passed, so it goes back to the board.`,
    );
  });

  it("schedule by another mentor is refused", () => {
    expect(outcome(planMiniTransition(inputFor("schedule", request("claimed"), { actorUid: OTHER_MENTOR })))).toBe(NOT_HELD_SCHEDULE);
  });

  it("complete stamps completedAt", () => {
    expect(applied(planMiniTransition(inputFor("complete", request("scheduled")))).update).toEqual({
      status: "completed",
      completedAt: new Date(NOW),
      updatedAt: new Date(NOW),
    });
  });
});

const FIELDS = miniRequestInputSchema.parse({
  title: "Mock interview for a data role",
  sessionType: "interview_prep",
  description: "I have an interview on Friday for a junior data analyst role and want to practise SQL questions.",
  durationMinutes: 45,
  urgency: "high",
  preferredDateStart: "2030-01-11",
  preferredDateEnd: "2030-01-14",
  preferredTimeSlots: [{ from: "09:00", to: "12:00" }],
  timezone: "Europe/Berlin",
  tags: ["SQL", "Interviews"],
});

describe("planMiniPost", () => {
  const base: MiniPostInput = { fields: FIELDS, studentId: STUDENT, student: { role: "mentee", displayName: "Sam Student" }, activeCount: 0, nowMs: NOW };

  it("builds the whole document: open, the rank, the tokens, 7 days to expiry", () => {
    const plan = planMiniPost(base);
    if (plan.action !== "post") throw new Error(plan.message);
    expect(plan.doc).toMatchObject({
      studentId: STUDENT,
      studentName: "Sam Student",
      status: "open",
      urgencyRank: 2,
      tags: ["sql", "interviews"],
      claimedBy: null,
      releasedBy: [],
      firstClaimedAt: null,
      expiresAt: new Date(NOW + MINI.expiryDays * DAY),
      createdAt: new Date(NOW),
    });
    expect(plan.doc.searchTokens).toEqual(expect.arrayContaining(["#sql", "#interviews", "mock", "interview", "sql", "analyst"]));
  });

  it.each<[string, Partial<typeof base>, string]>([
    ["a start before the student's today", { fields: { ...FIELDS, preferredDateStart: "2030-01-09" } }, "refuse invalid-argument: The first day cannot be in the past."],
    [
      "a range wholly in the past",
      { fields: { ...FIELDS, preferredDateStart: "2030-01-01", preferredDateEnd: "2030-01-05" } },
      "refuse invalid-argument: These dates are in the past: choose days from today on.",
    ],
    [
      "too many live requests",
      { activeCount: MINI.maxActivePerStudent },
      `refuse resource-exhausted: You already have ${MINI.maxActivePerStudent} requests open, claimed or scheduled: cancel one, or wait until one is done.`,
    ],
    ["no profile", { student: null }, "refuse permission-denied: Only mentees can post mini mentorship requests."],
  ])("refuses %s", (_name, overrides, expected) => {
    const plan = planMiniPost({ ...base, ...overrides });
    expect(plan.action === "refuse" ? `refuse ${plan.code}: ${plan.message}` : "post").toBe(expected);
  });

  it("puts the date problem next to its field", () => {
    const plan = planMiniPost({ ...base, fields: { ...FIELDS, preferredDateStart: "2030-01-09" } });
    expect(plan.action === "refuse" && plan.fields).toEqual({ preferredDateStart: "The first day cannot be in the past." });
  });

  it("today in the student's zone counts, not UTC's: 23:30 UTC is already tomorrow in Tokyo", () => {
    const late = Date.UTC(2030, 0, 10, 23, 30);
    const today = { ...FIELDS, preferredDateStart: "2030-01-10", preferredDateEnd: "2030-01-12" };
    expect(planMiniPost({ ...base, nowMs: late, fields: { ...today, timezone: "Europe/London" } }).action).toBe("post");
    expect(planMiniPost({ ...base, nowMs: late, fields: { ...today, timezone: "Asia/Tokyo" } }).action).toBe("refuse");
  });
});

describe("search tokens", () => {
  it("tags first as #tag, then the title's and the description's words, lower case, once each", () => {
    expect(miniSearchTokens({ title: "Résumé review, please!", description: "Review my resume a bit", tags: ["cv"] })).toEqual([
      "#cv",
      "resume",
      "review",
      "please",
      "my",
      "bit",
    ]);
  });

  it("stays within 200 tokens, title words kept", () => {
    const description = Array.from({ length: 400 }, (_, i) => `word${i}`).join(" ");
    const tokens = miniSearchTokens({ title: "Portfolio critique", description, tags: [] });
    expect(tokens).toHaveLength(200);
    expect(tokens.slice(0, 2)).toEqual(["portfolio", "critique"]);
  });

  it.each([
    ["SQL interview", "sql"],
    ["  Résumé", "resume"],
    ["#Design", "#design"],
    ["a", null],
    ["", null],
  ])("the query %j looks for %j", (text, token) => expect(miniSearchQueryToken(text)).toBe(token));
});

describe("planMiniWaitEstimate", () => {
  it.each<[string, number[], { medianMinutes: number | null; sampleSize: number }]>([
    ["no samples", [], { medianMinutes: null, sampleSize: 0 }],
    [`fewer than ${MINI.waitMinSample}`, [10, 20], { medianMinutes: null, sampleSize: 2 }],
    ["an odd count: the middle one", [30, 10, 20], { medianMinutes: 20, sampleSize: 3 }],
    ["an even count: the mean of the middle two, rounded", [10, 20, 25, 100], { medianMinutes: 23, sampleSize: 4 }],
    ["nonsense samples are left out", [10, -5, Number.NaN, 20, 30], { medianMinutes: 20, sampleSize: 3 }],
  ])("%s", (_name, samples, expected) => expect(planMiniWaitEstimate(samples)).toEqual(expected));
});

describe("miniJobIndexes", () => {
  it("are all declared in firestore.indexes.json", () => {
    const file = fileURLToPath(new URL("../../../../firestore.indexes.json", import.meta.url));
    const declared = new Set((JSON.parse(readFileSync(file, "utf8")).indexes as unknown[]).map((index) => JSON.stringify(index)));
    for (const index of miniJobIndexes()) expect(declared.has(JSON.stringify(index)), JSON.stringify(index)).toBe(true);
  });
});
