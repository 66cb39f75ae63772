import { describe, expect, it } from "vitest";
import type { Availability } from "@mentormatch/shared/scheduling";
import {
  SLOT_TAKEN_MESSAGE,
  bookingLockIds,
  busyIntervals,
  holdsTimeOf,
  inviteeLockIds,
  lockIdParts,
  lockIdsForRequest,
  planBooking,
  planCancel,
  planComplete,
  planFeedback,
  planRespond,
  planReschedule,
  proposalLockIds,
  refuseMatchAccess,
  slotWindow,
  type SessionFacts,
} from "./session.js";

const HOUR = 3_600_000;
const NOW = Date.parse("2026-11-23T08:00:00Z"); // a Monday
const START = Date.parse("2026-11-24T10:00:00Z");
const day = ["09:00", "17:00"] as const;
const hours = [{ start: day[0], end: day[1] }];
const availability: Availability = {
  timeZone: "UTC",
  weekly: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: [], sun: [] },
  overrides: {},
  minimumNoticeMinutes: 60,
  horizonDays: 28,
  bufferMinutes: 15,
};
const accepted = { mentorId: "mark", menteeId: "mia", status: "accepted" as const };

describe("refuseMatchAccess", () => {
  it.each([
    ["the mentor of an accepted match", "mark", accepted, null],
    ["the mentee of an accepted match", "mia", accepted, null],
    ["someone else", "nora", accepted, "You can book sessions only with your own mentor or mentee."],
    ["anyone, for a match that does not exist", "mia", null, "You can book sessions only with your own mentor or mentee."],
    ["the mentee of a pending request", "mia", { ...accepted, status: "pending" as const }, "You can book sessions once the mentoring request is accepted."],
    ["the mentee of an ended match", "mia", { ...accepted, status: "ended" as const }, "This mentoring is not active, so no sessions can be booked in it."],
  ])("%s", (_what, uid, match, message) => {
    const refusal = refuseMatchAccess(uid, match);
    if (message === null) expect(refusal).toBeNull();
    else expect(refusal).toMatchObject({ action: "refuse", code: "failed-precondition", message });
  });
});

describe("bookingLockIds", () => {
  it("locks the mentor's cells with the buffer after, and the mentee's cells without it", () => {
    expect(bookingLockIds({ mentorId: "mark", menteeId: "mia", startMs: START, endMs: START + HOUR / 2, bufferMinutes: 15 })).toEqual([
      "mark_2026-11-24T10:00Z",
      "mark_2026-11-24T10:15Z",
      "mark_2026-11-24T10:30Z",
      "mia_2026-11-24T10:00Z",
      "mia_2026-11-24T10:15Z",
    ]);
  });

  it("a 60-minute session with a 60-minute buffer stays within the 12 locks a transaction reads", () => {
    expect(bookingLockIds({ mentorId: "a", menteeId: "b", startMs: START, endMs: START + HOUR, bufferMinutes: 60 })).toHaveLength(12);
  });

  it.each(["mark", "user_with_underscore"])("lockIdParts splits %s's lock id back", (uid) => {
    expect(lockIdParts(`${uid}_2026-11-24T10:15Z`)).toEqual({ uid, cell: "2026-11-24T10:15Z" });
  });

  it.each([
    ["no match", null, availability, START, 30],
    ["no availability", accepted, null, START, 30],
    ["an odd duration", accepted, availability, START, 20],
    ["a start that is not a number", accepted, availability, Number.NaN, 30],
  ])("lockIdsForRequest: none for %s", (_what, match, avail, start, duration) => {
    expect(lockIdsForRequest(match, avail, start, duration, "mia")).toBeNull();
  });

  it.each([
    ["the mentee", "mia", ["mark_2026-11-24T10:00Z", "mark_2026-11-24T10:15Z", "mark_2026-11-24T10:30Z", "mia_2026-11-24T10:00Z", "mia_2026-11-24T10:15Z"]],
    ["the mentor", "mark", ["mark_2026-11-24T10:00Z", "mark_2026-11-24T10:15Z", "mark_2026-11-24T10:30Z"]],
  ])("lockIdsForRequest: a proposal by %s locks the proposal's cells", (_who, proposedBy, expected) => {
    expect(lockIdsForRequest(accepted, availability, START, 30, proposedBy)).toEqual(expected);
  });
});

describe("proposalLockIds and inviteeLockIds", () => {
  const times = { mentorId: "mark", menteeId: "mia", startMs: START, endMs: START + HOUR / 2, bufferMinutes: 15 };
  const mentorCells = ["mark_2026-11-24T10:00Z", "mark_2026-11-24T10:15Z", "mark_2026-11-24T10:30Z"];
  const menteeCells = ["mia_2026-11-24T10:00Z", "mia_2026-11-24T10:15Z"];

  it.each([
    ["the mentee proposes: both people's cells while pending, nothing more on acceptance", "mia", [...mentorCells, ...menteeCells], []],
    ["the mentor proposes: only the mentor's cells while pending; the invited mentee's on acceptance", "mark", mentorCells, menteeCells],
  ])("%s", (_what, proposedBy, atProposal, atAcceptance) => {
    expect(proposalLockIds({ ...times, proposedBy })).toEqual(atProposal);
    expect(inviteeLockIds({ ...times, proposedBy })).toEqual(atAcceptance);
    // Once accepted, a session holds both people's cells, whoever proposed it.
    expect([...proposalLockIds({ ...times, proposedBy }), ...inviteeLockIds({ ...times, proposedBy })].sort()).toEqual(bookingLockIds(times).sort());
  });
});

describe("holdsTimeOf", () => {
  const s = (status: "pending" | "accepted" | "cancelled", proposedBy: string) => ({ status, mentorId: "mark", proposedBy });
  it.each([
    ["an accepted session, the mentee", "mia", s("accepted", "mark"), true],
    ["an accepted session, the mentor", "mark", s("accepted", "mia"), true],
    ["the mentor's own proposal", "mark", s("pending", "mark"), true],
    ["a proposal to the mentor (the mentor's time is the slot)", "mark", s("pending", "mia"), true],
    ["the mentee's own proposal", "mia", s("pending", "mia"), true],
    ["a proposal waiting for the mentee's answer", "mia", s("pending", "mark"), false],
    ["a cancelled session", "mark", s("cancelled", "mark"), false],
  ])("%s", (_what, uid, session, expected) => {
    expect(holdsTimeOf(uid, session)).toBe(expected);
  });
});

describe("planBooking", () => {
  const base = { callerUid: "mia", match: accepted, availability, nowMs: NOW, startMs: START, durationMinutes: 30, takenLockIds: [] as string[] };

  it.each([
    ["the mentee books a free start: both people's locks", "mia", bookingLockIds({ mentorId: "mark", menteeId: "mia", startMs: START, endMs: START + HOUR / 2, bufferMinutes: 15 })],
    ["the mentor books a free start: only the mentor's locks", "mark", ["mark_2026-11-24T10:00Z", "mark_2026-11-24T10:15Z", "mark_2026-11-24T10:30Z"]],
  ])("%s", (_what, callerUid, lockIds) => {
    expect(planBooking({ ...base, callerUid })).toEqual({ action: "book", startMs: START, endMs: START + HOUR / 2, mentorId: "mark", menteeId: "mia", lockIds });
  });

  it.each([
    ["outside the hours", { startMs: Date.parse("2026-11-24T18:00:00Z") }, "invalid-argument", "That time is outside this mentor's available hours.", "startMs"],
    ["on a weekend", { startMs: Date.parse("2026-11-28T10:00:00Z") }, "invalid-argument", "That time is outside this mentor's available hours.", "startMs"],
    ["in the past", { startMs: NOW - HOUR }, "invalid-argument", "That time has already passed: choose a later one.", "startMs"],
    ["within the notice", { startMs: NOW + 15 * 60_000 }, "invalid-argument", "This mentor needs at least 1 hour of notice: choose a later time.", "startMs"],
    ["beyond the horizon", { startMs: NOW + 40 * 24 * HOUR }, "invalid-argument", "This mentor takes bookings up to 4 weeks ahead: choose an earlier time.", "startMs"],
    ["off the grid", { startMs: START + 5 * 60_000 }, "invalid-argument", "Sessions start on the hour or at :15, :30 or :45.", "startMs"],
    ["for 0 minutes", { durationMinutes: 0 }, "invalid-argument", "A session lasts 30, 45 or 60 minutes.", "durationMinutes"],
    ["for 90 minutes", { durationMinutes: 90 }, "invalid-argument", "A session lasts 30, 45 or 60 minutes.", "durationMinutes"],
    ["when a lock is taken", { takenLockIds: ["mark_2026-11-24T10:15Z"] }, "already-exists", SLOT_TAKEN_MESSAGE, "startMs"],
    ["when a known session overlaps", { busy: [{ startMs: START + HOUR / 4, endMs: START + HOUR }] }, "already-exists", SLOT_TAKEN_MESSAGE, "startMs"],
    ["without availability", { availability: null }, "failed-precondition", "This mentor has not set their available hours yet, so no time can be booked.", undefined],
    ["by an outsider", { callerUid: "nora" }, "failed-precondition", "You can book sessions only with your own mentor or mentee.", undefined],
  ])("refuses a booking %s", (_what, change, code, message, field) => {
    const plan = planBooking({ ...base, ...change });
    expect(plan).toMatchObject({ action: "refuse", code, message });
    if (plan.action === "refuse") expect(plan.fields).toEqual(field ? { [field]: message } : undefined);
  });
});

const session = (overrides: Partial<SessionFacts> = {}): SessionFacts => ({
  matchId: "mark_mia",
  mentorId: "mark",
  menteeId: "mia",
  proposedBy: "mia",
  status: "pending",
  version: 1,
  lockIds: ["mark_2026-11-24T10:00Z", "mia_2026-11-24T10:00Z"],
  remindersSent: {},
  startMs: START,
  endMs: START + HOUR / 2,
  ...overrides,
});

describe("planRespond", () => {
  const base = {
    callerUid: "mark",
    sessionId: "s1",
    session: session(),
    match: accepted,
    decision: "accept" as const,
    note: "",
    nowMs: NOW,
    inviteeLocks: [] as { lockId: string; sessionId: string }[],
    clash: null,
    timeZone: "Europe/Madrid",
  };
  const accepting = (lockIds: string[], createLockIds: string[]) => ({
    action: "accept",
    update: {
      status: "accepted",
      responseNote: "",
      respondedAt: new Date(NOW),
      confirmedAt: new Date(NOW),
      nextReminderAt: new Date(START - 24 * HOUR),
      lockIds,
      updatedAt: new Date(NOW),
    },
    createLockIds,
  });

  it("the invitee accepts: confirmed now, the 24-hour reminder next", () => {
    expect(planRespond(base)).toEqual(accepting(["mark_2026-11-24T10:00Z", "mia_2026-11-24T10:00Z"], []));
  });

  // The mentor proposed: the session holds the mentor's cells; the mentee's are claimed now.
  const mentorProposal = session({ proposedBy: "mark", lockIds: ["mark_2026-11-24T10:00Z", "mark_2026-11-24T10:15Z", "mark_2026-11-24T10:30Z"] });
  const miaCells = ["mia_2026-11-24T10:00Z", "mia_2026-11-24T10:15Z"];
  const clash = { mentorId: "nick", menteeId: "mia", mentorName: "Ana Ruiz", menteeName: "Mia Mentee", startMs: START + HOUR / 4 };

  it.each([
    ["free cells: the invited mentee's cells are created and added", [], [...mentorProposal.lockIds, ...miaCells], miaCells],
    [
      "a cell this session already holds (locked before this design): only the missing one is created",
      [{ lockId: miaCells[0]!, sessionId: "s1" }],
      [...mentorProposal.lockIds, ...miaCells],
      [miaCells[1]!],
    ],
  ])("the invited mentee accepts, %s", (_what, inviteeLocks, lockIds, createLockIds) => {
    expect(planRespond({ ...base, callerUid: "mia", session: mentorProposal, inviteeLocks })).toEqual(accepting(lockIds, createLockIds));
  });

  it.each([
    [
      "names the session holding the cell, in the caller's clock",
      clash,
      "This overlaps your session with Ana Ruiz on Tue 24 Nov, 11:15 CET — decline or move one of them first.",
    ],
    ["says so even when that session cannot be read", null, "This overlaps another of your sessions — decline or move one of them first."],
  ])("a cell another session holds refuses the accept: %s", (_what, other, message) => {
    const input = { ...base, callerUid: "mia", session: mentorProposal, inviteeLocks: [{ lockId: miaCells[1]!, sessionId: "s2" }], clash: other };
    expect(planRespond(input)).toEqual({ action: "refuse", code: "failed-precondition", message });
  });

  it("a clash does not stop a decline: it frees the proposal's cells", () => {
    const input = { ...base, callerUid: "mia", session: mentorProposal, decision: "decline" as const, inviteeLocks: [{ lockId: miaCells[1]!, sessionId: "s2" }], clash };
    expect(planRespond(input)).toMatchObject({ action: "decline", releaseLockIds: mentorProposal.lockIds });
  });

  it("the invitee declines with a note: every lock is released", () => {
    expect(planRespond({ ...base, decision: "decline", note: "Busy then" })).toEqual({
      action: "decline",
      update: { status: "declined", responseNote: "Busy then", respondedAt: new Date(NOW), lockIds: [], updatedAt: new Date(NOW) },
      releaseLockIds: ["mark_2026-11-24T10:00Z", "mia_2026-11-24T10:00Z"],
    });
  });

  it.each([
    ["the proposer answers their own proposal", { callerUid: "mia" }, "permission-denied", "You proposed this session: the other person accepts or declines it."],
    ["an outsider answers", { callerUid: "nora" }, "not-found", "That session does not exist, or it is not yours."],
    ["the session does not exist", { session: null }, "not-found", "That session does not exist, or it is not yours."],
    ["it was cancelled", { session: session({ status: "cancelled" }) }, "failed-precondition", "This session was cancelled."],
    ["it was declined and is now accepted", { session: session({ status: "declined" }) }, "failed-precondition", "This session was already declined."],
    ["its time has passed", { nowMs: START + 1 }, "failed-precondition", "This session's time has passed: decline it, or propose a new time."],
    ["the match ended", { match: { ...accepted, status: "ended" as const } }, "failed-precondition", "This mentoring is no longer active, so the session cannot be accepted."],
  ])("refuses when %s", (_what, change, code, message) => {
    expect(planRespond({ ...base, ...change })).toMatchObject({ action: "refuse", code, message });
  });

  it("answering again with the same decision changes nothing", () => {
    expect(planRespond({ ...base, session: session({ status: "accepted" }) })).toEqual({ action: "noop", status: "accepted" });
  });
});

describe("planCancel", () => {
  const base = { callerUid: "mia", session: session({ status: "accepted" }), reason: "", nowMs: NOW };

  it.each([
    ["the mentee, a day ahead, without a reason", {}, false],
    ["the mentor, a day ahead", { callerUid: "mark" }, false],
    ["inside the cut-off with a reason", { nowMs: START - HOUR, reason: "Sick" }, true],
    ["a pending proposal whose time has passed", { session: session({ status: "pending" }), nowMs: START + HOUR, reason: "Never answered" }, true],
  ])("cancels: %s", (_what, change, late) => {
    const input = { ...base, ...change };
    expect(planCancel(input)).toEqual({
      action: "cancel",
      update: {
        status: "cancelled",
        cancelledBy: input.callerUid,
        cancelReason: input.reason,
        cancelledAt: new Date(input.nowMs),
        nextReminderAt: null,
        lockIds: [],
        updatedAt: new Date(input.nowMs),
      },
      releaseLockIds: input.session.lockIds,
      late,
    });
  });

  it.each([
    ["inside the cut-off without a reason", { nowMs: START - HOUR }, "invalid-argument", "The session starts in less than 2 hours: say why you are cancelling, so the other person knows."],
    ["an accepted session that has started", { nowMs: START + 60_000, reason: "x" }, "failed-precondition", "This session has already started, so it cannot be cancelled."],
    ["a declined session", { session: session({ status: "declined" }) }, "failed-precondition", "This session was already declined."],
    ["a completed session", { session: session({ status: "completed" }) }, "failed-precondition", "This session has already taken place."],
    ["by an outsider", { callerUid: "nora" }, "not-found", "That session does not exist, or it is not yours."],
  ])("refuses %s", (_what, change, code, message) => {
    expect(planCancel({ ...base, ...change })).toMatchObject({ action: "refuse", code, message });
  });

  it("puts the missing reason next to the reason field", () => {
    expect(planCancel({ ...base, nowMs: START - HOUR })).toMatchObject({ fields: { reason: expect.stringContaining("say why") } });
  });

  it("a configurable cut-off: 24 hours", () => {
    expect(planCancel({ ...base, nowMs: START - 3 * HOUR, cutoffHours: 24 })).toMatchObject({ action: "refuse", fields: { reason: expect.any(String) } });
  });

  it("cancelling again changes nothing", () => {
    expect(planCancel({ ...base, session: session({ status: "cancelled" }) })).toEqual({ action: "noop" });
  });
});

describe("busyIntervals", () => {
  it("takes each active session once, earliest first, and ignores closed ones", () => {
    expect(
      busyIntervals([
        { id: "b", startMs: 30, endMs: 40, status: "accepted" },
        { id: "a", startMs: 10, endMs: 20, status: "pending" },
        { id: "b", startMs: 30, endMs: 40, status: "accepted" },
        { id: "c", startMs: 50, endMs: 60, status: "cancelled" },
      ]),
    ).toEqual([
      { startMs: 10, endMs: 20 },
      { startMs: 30, endMs: 40 },
    ]);
  });
});

describe("slotWindow", () => {
  const DAY = 24 * HOUR;
  it.each([
    ["from now, within a long horizon", undefined, 56, { fromMs: NOW, toMs: NOW + 14 * DAY, nextFromMs: NOW + 14 * DAY }],
    ["the next page", NOW + 14 * DAY, 56, { fromMs: NOW + 14 * DAY, toMs: NOW + 28 * DAY, nextFromMs: NOW + 28 * DAY }],
    ["a horizon inside the window", undefined, 7, { fromMs: NOW, toMs: NOW + 7 * DAY, nextFromMs: null }],
    ["a from in the past counts from now", NOW - DAY, 56, { fromMs: NOW, toMs: NOW + 14 * DAY, nextFromMs: NOW + 14 * DAY }],
  ])("%s", (_what, from, horizon, expected) => {
    expect(slotWindow(NOW, from, horizon)).toEqual(expected);
  });
});

describe("planComplete", () => {
  const END = START + HOUR / 2;
  const done = { otherAttended: true, actualMinutes: 30, sharedNotes: "Went well", topics: ["CV"], actionItems: ["Send CV"], followUp: true };
  const base = { callerUid: "mark", session: session({ status: "accepted" }), nowMs: END + 60_000, ...done };

  it.each([
    ["the mentor just after the end", {}, "completed", "mia", { mentor: true, mentee: true }],
    ["the mentee once 24 h have passed", { callerUid: "mia", nowMs: END + 24 * HOUR }, "completed", "mark", { mentor: true, mentee: true }],
    ["the mentor, the mentee did not come", { otherAttended: false }, "no_show", "mia", { mentor: true, mentee: false }],
    ["the mentee after 24 h, the mentor did not come", { callerUid: "mia", nowMs: END + 25 * HOUR, otherAttended: false }, "no_show", "mark", { mentor: false, mentee: true }],
  ])("completes: %s", (_what, change, status, otherUid, attendance) => {
    const input = { ...base, ...change };
    expect(planComplete(input)).toEqual({
      action: "complete",
      status,
      otherUid,
      countSessions: status === "completed",
      update: {
        status,
        completedAt: new Date(input.nowMs),
        completedBy: input.callerUid,
        attendance,
        actualMinutes: 30,
        sharedNotes: "Went well",
        topics: ["CV"],
        actionItems: ["Send CV"],
        followUp: true,
        nextReminderAt: null,
        updatedAt: new Date(input.nowMs),
      },
    });
  });

  it.each([
    ["before the end", { nowMs: END - 60_000 }, "failed-precondition", "This session has not ended yet: complete it after its end time."],
    ["the mentee before 24 h", { callerUid: "mia", nowMs: END + 23 * HOUR }, "failed-precondition", "The mentor completes the session first; if they have not within 24 hours of the end, you can."],
    ["a pending session", { session: session({ status: "pending" }) }, "failed-precondition", "Only an accepted session can be completed."],
    ["a cancelled session", { session: session({ status: "cancelled" }) }, "failed-precondition", "Only an accepted session can be completed."],
    ["an outsider", { callerUid: "nora" }, "not-found", "That session does not exist, or it is not yours."],
    ["a missing session", { session: null }, "not-found", "That session does not exist, or it is not yours."],
  ])("refuses %s", (_what, change, code, message) => {
    expect(planComplete({ ...base, ...change })).toEqual({ action: "refuse", code, message });
  });

  it.each([["completed"], ["no_show"]] as const)("a %s session again changes nothing", (status) => {
    expect(planComplete({ ...base, session: session({ status }) })).toEqual({ action: "noop", status });
  });
});

describe("planFeedback", () => {
  const COMPLETED = START + HOUR;
  const DAY = 24 * HOUR;
  const completed = { ...session({ status: "completed" }), completedAtMs: COMPLETED };
  const base = { callerUid: "mia", session: completed, ownExists: false, counterpart: null, subject: { ratingAvg: 4, ratingCount: 1 }, rating: 5, nowMs: COMPLETED + HOUR };

  it.each([
    ["the mentee, first in: hidden for 7 days, counted into the mentor", {}, { toUid: "mark", toRole: "mentor", visibleAt: new Date(COMPLETED + 7 * DAY), counterpartVisibleAt: null, profileUpdate: { ratingAvg: 4.5, ratingCount: 2, ratingScore: 4.1429 } }],
    ["the mentor, second in: both visible now, not counted", { callerUid: "mark", counterpart: { visibleAtMs: COMPLETED + 7 * DAY } }, { toUid: "mia", toRole: "mentee", visibleAt: new Date(COMPLETED + HOUR * 2 - HOUR), counterpartVisibleAt: new Date(COMPLETED + HOUR), profileUpdate: null }],
    ["second in after the 7 days: nothing moves", { counterpart: { visibleAtMs: COMPLETED + 7 * DAY }, nowMs: COMPLETED + 8 * DAY }, { visibleAt: new Date(COMPLETED + 7 * DAY), counterpartVisibleAt: null }],
  ])("submits: %s", (_what, change, expected) => {
    expect(planFeedback({ ...base, ...change })).toMatchObject({ action: "submit", ...expected });
  });

  it.each([
    ["twice", { ownExists: true }, "already-exists", "You have already left feedback for this session; it cannot be changed."],
    ["on an accepted session", { session: { ...session({ status: "accepted" }), completedAtMs: null } }, "failed-precondition", "Feedback opens once the session is marked completed."],
    ["on a no-show", { session: { ...session({ status: "no_show" }), completedAtMs: COMPLETED } }, "failed-precondition", "Feedback opens once the session is marked completed."],
    ["by an outsider", { callerUid: "nora" }, "not-found", "That session does not exist, or it is not yours."],
  ])("refuses feedback %s", (_what, change, code, message) => {
    expect(planFeedback({ ...base, ...change })).toEqual({ action: "refuse", code, message });
  });
});

describe("planReschedule", () => {
  const heldLocks = bookingLockIds({ mentorId: "mark", menteeId: "mia", startMs: START, endMs: START + HOUR / 2, bufferMinutes: 15 });
  const held = session({ status: "accepted", lockIds: heldLocks });
  const base = { callerUid: "mia", session: held, match: accepted, availability, nowMs: NOW, startMs: START + 2 * HOUR, note: "", takenLockIds: [] as string[] };

  it.each([
    ["the mentee moves an accepted session two hours later", {}, 30],
    ["the mentor moves it, and makes it an hour long", { callerUid: "mark", durationMinutes: 60 }, 60],
    ["the invitee of a pending proposal answers with another time", { session: session({ status: "pending", lockIds: heldLocks }), callerUid: "mark" }, 30],
    ["inside the cut-off with a reason", { nowMs: START - HOUR, note: "A clash came up" }, 30],
  ])("reschedules: %s", (_what, change, minutes) => {
    const input = { ...base, ...change };
    const endMs = input.startMs + minutes * 60_000;
    // A new time is a new proposal by the mover: an invited mentee's cells wait for their answer.
    const lockIds = proposalLockIds({ mentorId: "mark", menteeId: "mia", proposedBy: input.callerUid, startMs: input.startMs, endMs, bufferMinutes: 15 });
    expect(planReschedule(input)).toEqual({
      action: "reschedule",
      update: {
        startAt: new Date(input.startMs),
        endAt: new Date(endMs),
        durationMinutes: minutes,
        status: "pending",
        proposedBy: input.callerUid,
        version: 2,
        respondedAt: null,
        confirmedAt: null,
        responseNote: "",
        remindersSent: {},
        nextReminderAt: null,
        lockIds,
        updatedAt: new Date(input.nowMs),
      },
      startMs: input.startMs,
      endMs,
      releaseLockIds: heldLocks,
      createLockIds: lockIds,
      notifyUid: input.callerUid === "mia" ? "mark" : "mia",
    });
  });

  it("a move by 15 minutes keeps the cells both times share and releases only the rest", () => {
    const plan = planReschedule({ ...base, startMs: START + HOUR / 4 });
    expect(plan.action).toBe("reschedule");
    if (plan.action !== "reschedule") return;
    const moved = bookingLockIds({ mentorId: "mark", menteeId: "mia", startMs: START + HOUR / 4, endMs: START + (3 * HOUR) / 4, bufferMinutes: 15 });
    expect(plan.releaseLockIds).toEqual(heldLocks.filter((id) => !moved.includes(id)));
    expect(plan.createLockIds).toEqual(moved.filter((id) => !heldLocks.includes(id)));
    expect(plan.releaseLockIds).toEqual(["mark_2026-11-24T10:00Z", "mia_2026-11-24T10:00Z"]);
    expect(plan.createLockIds).toEqual(["mark_2026-11-24T10:45Z", "mia_2026-11-24T10:30Z"]);
  });

  it.each([
    ["someone else", { callerUid: "nora" }, "not-found", "That session does not exist, or it is not yours.", undefined],
    ["a cancelled session", { session: session({ status: "cancelled" }) }, "failed-precondition", "This session was cancelled.", undefined],
    ["a declined one", { session: session({ status: "declined" }) }, "failed-precondition", "This session was already declined.", undefined],
    ["a session that has started", { nowMs: START + 60_000 }, "failed-precondition", "This session has already started, so it cannot be moved.", undefined],
    [
      "inside the cut-off without a reason",
      { nowMs: START - HOUR },
      "invalid-argument",
      "The session starts in less than 2 hours: say why you are moving it, so the other person knows.",
      "note",
    ],
    ["a match that ended", { match: { ...accepted, status: "ended" as const } }, "failed-precondition", "This mentoring is not active, so no sessions can be booked in it.", undefined],
    ["a mentor without hours", { availability: null }, "failed-precondition", "This mentor has not set their available hours yet, so no time can be booked.", undefined],
    ["the time it already has", { startMs: START }, "invalid-argument", "That is the session's current time: choose another.", "startMs"],
    ["a time another session holds", { takenLockIds: ["mark_2026-11-24T12:00Z"] }, "already-exists", "That time was just taken — pick another.", "startMs"],
    ["a length other than 30/45/60", { durationMinutes: 20 }, "invalid-argument", undefined, "durationMinutes"],
    ["a Saturday, outside the hours", { startMs: Date.parse("2026-11-28T10:00:00Z") }, "invalid-argument", undefined, "startMs"],
  ])("refuses %s", (_what, change, code, message, field) => {
    const plan = planReschedule({ ...base, ...change });
    expect(plan).toMatchObject({ action: "refuse", code, ...(message ? { message } : {}) });
    if (field) expect(Object.keys((plan as { fields?: object }).fields ?? {})).toEqual([field]);
  });

  it("a retried move that already committed changes nothing", () => {
    const moved = session({ status: "pending", proposedBy: "mia", version: 2, startMs: START + 2 * HOUR, endMs: START + 2.5 * HOUR });
    expect(planReschedule({ ...base, session: moved })).toEqual({ action: "noop", version: 2, startMs: START + 2 * HOUR, endMs: START + 2.5 * HOUR });
  });
});
