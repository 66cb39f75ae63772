// Mini mentorship requests: the lifecycle callables through the functions emulator, and the two jobs (expiry, lapsed
// claims) called directly with an injected `now` (scheduled functions never fire in the emulators). The jobs' requests
// are seeded in 2021, so nothing else in the run is ever due for them.
import {
  MINI,
  MINI_CLAIMED_MESSAGE,
  UNANSWERED_HOURS,
  localDateIn,
  miniRequestDocSchema,
  paths,
  type CallableInput,
  type MailDoc,
  type MiniRequestDoc,
} from "@mentormatch/shared";
import { lockCellsFor, lockDocId } from "@mentormatch/shared/scheduling";
import { Timestamp } from "firebase-admin/firestore";
import { afterAll, describe, expect, it } from "vitest";
import { expireMiniRequests, releaseLapsedMiniClaims } from "../../functions/src/lib/mini-requests.js";
import { adminDb, closeClients, expectCallableError, mailsFor, sleep, type CallableFailure, type SignedInClient } from "./helpers.js";
import { miniRequestDoc } from "../mini-request-doc.js";
import { DAY, HOUR, MINUTE, member } from "./session-fixtures.js";

afterAll(closeClients);

/** A UTC date `n` days from today. */
const day = (n: number) => new Date(Date.parse(localDateIn("UTC", Date.now())) + n * DAY).toISOString().slice(0, 10);

/** A valid form, its days from the day after tomorrow (UTC), so midnight during the run changes nothing. */
function form(overrides: Record<string, unknown> = {}): CallableInput<"postMiniRequest"> {
  return {
    title: "Mock interview for a data analyst role",
    sessionType: "interview_prep",
    description: "I have an interview on Friday for a junior data analyst role and want to practise SQL questions.",
    durationMinutes: 45,
    urgency: "high",
    preferredDateStart: day(2),
    preferredDateEnd: day(5),
    preferredTimeSlots: [{ from: "09:00", to: "17:00" }],
    timezone: "UTC",
    tags: ["SQL", "interviews"],
    relevantExperience: "Two internships.",
    specificQuestions: "How deep do window functions go?",
    resumeUrl: "https://example.com/cv.pdf",
    portfolioUrl: "",
    ...overrides,
  } as CallableInput<"postMiniRequest">;
}

const requestDoc = async (id: string) => (await adminDb.doc(paths.miniRequest(id)).get()).data() as MiniRequestDoc;
const requestsOf = async (uid: string) => (await adminDb.collection(paths.miniRequests()).where("studentId", "==", uid).get()).docs;
const notes = async (uid: string, kind: string) => (await adminDb.collection(paths.notifications(uid)).where("kind", "==", kind).get()).docs.map((d) => d.data());
const miniMails = async (uid: string) => (await mailsFor(uid)).map((d) => d.data() as MailDoc).filter((mail) => mail.kind === "miniMentorship");

let seeded = 0;
/** A request written as postMiniRequest writes it (then put in any state with `overrides`). */
async function seedRequest(studentId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const nowMs = Date.now();
  const ref = adminDb.collection(paths.miniRequests()).doc(`mini-${Date.now().toString(36)}-${(seeded += 1)}`);
  const data = miniRequestDoc({ studentId, nowMs, timestamp: Timestamp.fromDate }, overrides);
  expect(miniRequestDocSchema.safeParse(data).success).toBe(true);
  await ref.set(data);
  return ref.id;
}

const claimedFields = (mentor: { uid: string }, claimedAtMs = Date.now() - HOUR) => ({
  status: "claimed",
  claimedBy: mentor.uid,
  claimedByName: "Ada Mentor",
  claimedAt: Timestamp.fromMillis(claimedAtMs),
  scheduleBy: Timestamp.fromMillis(claimedAtMs + MINI.scheduleWithinHours * HOUR),
  firstClaimedAt: Timestamp.fromMillis(claimedAtMs),
});

describe("postMiniRequest", () => {
  it("posts the whole request, open for 7 days, and tells the student once", async () => {
    const student = await member("mentee", "Sam Poster");
    const before = Date.now();
    const result = await student.call("postMiniRequest", form());
    const stored = await requestDoc(result.requestId);
    expect(miniRequestDocSchema.safeParse(stored).success).toBe(true);
    expect(stored).toMatchObject({
      studentId: student.uid,
      studentName: "Sam Poster",
      status: "open",
      urgency: "high",
      urgencyRank: 2,
      tags: ["sql", "interviews"],
      resumeUrl: "https://example.com/cv.pdf",
      claimedBy: null,
      releasedBy: [],
    });
    expect(stored.searchTokens).toEqual(expect.arrayContaining(["#sql", "#interviews", "mock", "analyst", "practise"]));
    expect(stored.expiresAt.toMillis() - stored.createdAt.toMillis()).toBe(MINI.expiryDays * DAY);
    expect(result.expiresAtMs).toBe(stored.expiresAt.toMillis());
    expect(stored.createdAt.toMillis()).toBeGreaterThanOrEqual(before - 5_000);

    expect(await notes(student.uid, "mini_posted")).toHaveLength(1);
    const mails = await miniMails(student.uid);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain("Your mini mentorship request is posted");
    expect(mails[0]!.text).toContain(`/mini-sessions/${result.requestId}`);
  });

  it("escapes what the student wrote in the email", async () => {
    const student = await member("mentee", "Sam <b>Bold</b>");
    await student.call("postMiniRequest", form({ title: `<img src=x onerror="alert(1)">` }));
    const [mail] = await miniMails(student.uid);
    expect(mail!.html).not.toContain("<img");
    expect(mail!.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ["a missing title", { title: undefined }, "title"],
    ["a title too short", { title: "Help" }, "title"],
    ["an oversize title", { title: "x".repeat(MINI.titleMax + 1) }, "title"],
    ["an oversize description", { description: "y".repeat(MINI.descriptionMax + 1) }, "description"],
    ["an unknown session type", { sessionType: "therapy" }, "sessionType"],
    ["an unknown urgency", { urgency: "yesterday" }, "urgency"],
    ["a 50-minute session", { durationMinutes: 50 }, "durationMinutes"],
    ["a date range in the past", { preferredDateStart: "2020-01-01", preferredDateEnd: "2020-01-03" }, "preferredDateEnd"],
    ["a first day in the past", { preferredDateStart: day(-2) }, "preferredDateStart"],
    ["a range longer than allowed", { preferredDateEnd: day(2 + MINI.rangeMaxDays) }, "preferredDateEnd"],
    ["a reversed date range", { preferredDateStart: "2030-02-10", preferredDateEnd: "2030-02-01" }, "preferredDateEnd"],
    ["a date that does not exist", { preferredDateStart: "2030-02-30" }, "preferredDateStart"],
    ["a non-https resume link", { resumeUrl: "http://example.com/cv.pdf" }, "resumeUrl"],
    ["a javascript: portfolio link", { portfolioUrl: "javascript:alert(1)" }, "portfolioUrl"],
    ["no time of day", { preferredTimeSlots: [] }, "preferredTimeSlots"],
    ["a window ending before it starts", { preferredTimeSlots: [{ from: "15:00", to: "09:00" }] }, "preferredTimeSlots.0.to"],
    ["too many tags", { tags: Array.from({ length: MINI.tagsMax + 1 }, (_, i) => `tag${i}`) }, "tags"],
    ["an unknown field", { budget: 100 }, ""],
    ["an unknown time zone", { timezone: "Mars/Olympus" }, "timezone"],
  ];
  it.each(bad)("refuses %s: invalid-argument beside the field, nothing written", async (_name, overrides, field) => {
    const student = await member("mentee", "Sam Typo");
    const error = await expectCallableError(student.callRaw("postMiniRequest", JSON.parse(JSON.stringify(form(overrides)))), "invalid-argument");
    expect(error.details?.message).toBeTruthy();
    if (field) expect(Object.keys(error.details?.fields ?? {})).toContain(field);
    expect(await requestsOf(student.uid)).toHaveLength(0);
    expect(await miniMails(student.uid)).toHaveLength(0);
  });

  it(`refuses a student with ${MINI.maxActivePerStudent} live requests (resource-exhausted), and counts only live ones`, async () => {
    const student = await member("mentee", "Sam Busy");
    for (let i = 0; i < MINI.maxActivePerStudent - 1; i++) await seedRequest(student.uid);
    await seedRequest(student.uid, { status: "completed" });
    await seedRequest(student.uid, { status: "expired" });
    // Four live, two closed: one more may be posted.
    await student.call("postMiniRequest", form());
    await expectCallableError(student.call("postMiniRequest", form()), "resource-exhausted", `You already have ${MINI.maxActivePerStudent} requests`);
    expect(await requestsOf(student.uid)).toHaveLength(MINI.maxActivePerStudent + 2);
  });

  it("a mentor cannot post (the current stored role decides)", async () => {
    const mentor = await member("mentor", "Ada Poster");
    await expectCallableError(mentor.call("postMiniRequest", form()), "permission-denied");
    expect(await requestsOf(mentor.uid)).toHaveLength(0);
  });
});

describe("getMiniWaitEstimate", () => {
  it("answers the median minutes to a first claim of the same type and urgency, or null with too few", async () => {
    const student = await member("mentee", "Sam Estimate");
    const someone = "wait-student";
    const created = Date.now() - 30 * DAY;
    // The estimate reads every request of a type and urgency, and the demo seed's test (which may run first) writes
    // some: start these two combinations empty, so the answer is made of this test's samples only.
    for (const urgency of ["urgent", "low"]) {
      const earlier = await adminDb.collection(paths.miniRequests()).where("sessionType", "==", "networking_advice").where("urgency", "==", urgency).get();
      await Promise.all(earlier.docs.map((doc) => doc.ref.delete()));
    }
    for (const minutes of [30, 90, 60]) {
      await seedRequest(someone, {
        sessionType: "networking_advice",
        urgency: "urgent",
        urgencyRank: 3,
        status: "completed",
        createdAt: Timestamp.fromMillis(created),
        firstClaimedAt: Timestamp.fromMillis(created + minutes * MINUTE),
      });
    }
    // Never claimed, or of another urgency: not samples.
    await seedRequest(someone, { sessionType: "networking_advice", urgency: "urgent", urgencyRank: 3 });
    await seedRequest(someone, {
      sessionType: "networking_advice",
      urgency: "low",
      urgencyRank: 0,
      createdAt: Timestamp.fromMillis(created),
      firstClaimedAt: Timestamp.fromMillis(created + 5000 * MINUTE),
    });

    expect(await student.call("getMiniWaitEstimate", { sessionType: "networking_advice", urgency: "urgent" })).toEqual({ medianMinutes: 60, sampleSize: 3 });
    expect(await student.call("getMiniWaitEstimate", { sessionType: "networking_advice", urgency: "low" })).toEqual({ medianMinutes: null, sampleSize: 1 });
  });

  it("refuses a wrong enum", async () => {
    const student = await member("mentee", "Sam Enum");
    await expectCallableError(student.callRaw("getMiniWaitEstimate", { sessionType: "nap", urgency: "low" }), "invalid-argument");
  });
});

/**
 * The functions emulator starts one worker process per concurrent call and keeps idle ones; fifty starting at once on
 * a small machine miss its 30-second start limit. Growing the pool ten at a time (calls that answer not-found) makes
 * the race itself about the transaction, not the emulator's start-up.
 */
async function warmUp(clients: SignedInClient[]) {
  for (let size = 10; size <= clients.length; size += 10) {
    await Promise.allSettled(clients.slice(0, size).map((client) => client.call("claimMiniRequest", { requestId: "warm-up-no-such-request" })));
    // A worker turns idle a moment after its answer: give the pool that moment, or the next wave starts new ones.
    await sleep(1_000);
  }
}

describe("claimMiniRequest", () => {
  it("claims an open request with a 48-hour deadline and tells the student; a retry changes nothing", async () => {
    const student = await member("mentee", "Sam Claimed");
    const mentor = await member("mentor", "Ada Claimer");
    const { requestId } = await student.call("postMiniRequest", form());
    const result = await mentor.call("claimMiniRequest", { requestId });
    const stored = await requestDoc(requestId);
    expect(stored).toMatchObject({ status: "claimed", claimedBy: mentor.uid, claimedByName: "Ada Claimer" });
    expect(stored.scheduleBy!.toMillis() - stored.claimedAt!.toMillis()).toBe(MINI.scheduleWithinHours * HOUR);
    expect(stored.firstClaimedAt!.toMillis()).toBe(stored.claimedAt!.toMillis());
    expect(result).toEqual({ requestId, status: "claimed", scheduleByMs: stored.scheduleBy!.toMillis(), changed: true });

    expect(await mentor.call("claimMiniRequest", { requestId })).toEqual({ ...result, changed: false });
    expect(await notes(student.uid, "mini_claimed")).toHaveLength(1);
    const claimed = (await miniMails(student.uid)).filter((mail) => mail.subject.includes("claimed"));
    expect(claimed).toHaveLength(1);
    expect(claimed[0]!.text).toContain("Ada Claimer");
  });

  it("refuses a mentee (permission-denied), writing nothing", async () => {
    const student = await member("mentee", "Sam Own");
    const other = await member("mentee", "Mia Mentee");
    const requestId = await seedRequest(student.uid);
    await expectCallableError(other.call("claimMiniRequest", { requestId }), "permission-denied");
    expect((await requestDoc(requestId)).status).toBe("open");
  });

  it("refuses claiming your own request (posted before becoming a mentor)", async () => {
    const mentor = await member("mentor", "Ada Former Student");
    const requestId = await seedRequest(mentor.uid);
    await expectCallableError(mentor.call("claimMiniRequest", { requestId }), "failed-precondition", "You cannot claim your own request.");
    expect((await requestDoc(requestId)).status).toBe("open");
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["expired but not yet swept", { expiresAt: Timestamp.fromMillis(Date.now() - MINUTE) }, "This request has expired."],
    ["expired by the job", { status: "expired", expiredAt: Timestamp.fromMillis(Date.now() - HOUR) }, "This request has expired."],
    ["cancelled", { status: "cancelled", cancelledBy: "someone", cancelledAt: Timestamp.now() }, "The student cancelled this request."],
  ])("refuses a request %s", async (_name, overrides, message) => {
    const mentor = await member("mentor", "Ada Late");
    const requestId = await seedRequest("some-student", overrides);
    const before = await requestDoc(requestId);
    await expectCallableError(mentor.call("claimMiniRequest", { requestId }), "failed-precondition", message);
    expect(await requestDoc(requestId)).toEqual(before);
  });

  it("refuses a request that does not exist, and an id with forbidden characters", async () => {
    const mentor = await member("mentor", "Ada Nothing");
    await expectCallableError(mentor.call("claimMiniRequest", { requestId: "no-such-request" }), "not-found");
    await expectCallableError(mentor.callRaw("claimMiniRequest", { requestId: "../users/x" }), "invalid-argument");
  });

  it(`refuses a mentor holding ${MINI.maxClaimedPerMentor} unscheduled claims (resource-exhausted)`, async () => {
    const mentor = await member("mentor", "Ada Greedy");
    for (let i = 0; i < MINI.maxClaimedPerMentor; i++) await seedRequest("greedy-student", claimedFields(mentor));
    // A scheduled one does not count.
    await seedRequest("greedy-student", { ...claimedFields(mentor), status: "scheduled", scheduleBy: null, sessionId: "s-x" });
    const requestId = await seedRequest("greedy-student");
    await expectCallableError(mentor.call("claimMiniRequest", { requestId }), "resource-exhausted", "schedule or give one back first");
    expect((await requestDoc(requestId)).status).toBe("open");
  });

  it("50 mentors claim one request at once: exactly one wins, the others are told it was just claimed", { timeout: 480_000 }, async () => {
    const student = await member("mentee", "Sam Popular");
    const requestId = await seedRequest(student.uid);
    const mentors: SignedInClient[] = [];
    for (let i = 0; i < 50; i++) mentors.push(await member("mentor", `Racer ${i}`));
    await warmUp(mentors);
    const results = await Promise.allSettled(mentors.map((mentor) => mentor.call("claimMiniRequest", { requestId })));

    const winners = results.flatMap((result, i) => (result.status === "fulfilled" && result.value.changed ? [mentors[i]!.uid] : []));
    const answers = results.map((result) =>
      result.status === "fulfilled" ? `ok changed=${result.value.changed}` : `${(result.reason as CallableFailure).code}: ${(result.reason as CallableFailure).details?.message}`,
    );
    const counts = Object.fromEntries([...new Set(answers)].map((answer) => [answer, answers.filter((a) => a === answer).length]));
    expect(counts).toEqual({ "ok changed=true": 1, [`functions/failed-precondition: ${MINI_CLAIMED_MESSAGE}`]: 49 });
    expect((await requestDoc(requestId)).claimedBy).toBe(winners[0]);
    expect(await notes(student.uid, "mini_claimed")).toHaveLength(1);
  });
});

describe("releaseMiniRequest", () => {
  it("gives a claim back: open again, the mentor remembered, the student told; they cannot claim it again, another can", async () => {
    const student = await member("mentee", "Sam Released");
    const mentor = await member("mentor", "Ada Releaser");
    const next = await member("mentor", "Otto Next");
    const { requestId } = await student.call("postMiniRequest", form());
    await mentor.call("claimMiniRequest", { requestId });
    const firstClaim = (await requestDoc(requestId)).firstClaimedAt!.toMillis();

    expect(await mentor.call("releaseMiniRequest", { requestId, reason: "A deadline came up" })).toEqual({ requestId, status: "open", changed: true });
    const stored = await requestDoc(requestId);
    expect(stored).toMatchObject({ status: "open", claimedBy: null, claimedByName: "", claimedAt: null, scheduleBy: null, releasedBy: [mentor.uid] });
    expect(await mentor.call("releaseMiniRequest", { requestId, reason: "" })).toEqual({ requestId, status: "open", changed: false });
    const released = await notes(student.uid, "mini_released");
    expect(released).toHaveLength(1);
    expect((await miniMails(student.uid)).find((mail) => mail.subject.includes("back on the board"))!.text).toContain("A deadline came up");

    await expectCallableError(mentor.call("claimMiniRequest", { requestId }), "failed-precondition", "You gave this request back");
    await next.call("claimMiniRequest", { requestId });
    // The first claim's time stays: it is what "time to claim" measures.
    expect((await requestDoc(requestId)).firstClaimedAt!.toMillis()).toBe(firstClaim);
    expect(await notes(student.uid, "mini_claimed")).toHaveLength(2);
  });

  it("refuses a mentor who does not hold it, and leaves the claim alone", async () => {
    const holder = await member("mentor", "Ada Holder");
    const other = await member("mentor", "Otto Other");
    const requestId = await seedRequest("release-student", claimedFields(holder));
    await expectCallableError(other.call("releaseMiniRequest", { requestId, reason: "" }), "failed-precondition", "You do not hold this request.");
    expect((await requestDoc(requestId)).claimedBy).toBe(holder.uid);
  });

  it("refuses an oversize reason", async () => {
    const holder = await member("mentor", "Ada Wordy");
    const requestId = await seedRequest("release-student", claimedFields(holder));
    await expectCallableError(holder.callRaw("releaseMiniRequest", { requestId, reason: "z".repeat(501) }), "invalid-argument");
    expect((await requestDoc(requestId)).status).toBe("claimed");
  });
});

describe("cancelMiniRequest", () => {
  it("cancels an open request (nobody else to tell); twice changes nothing", async () => {
    const student = await member("mentee", "Sam Cancel Open");
    const { requestId } = await student.call("postMiniRequest", form());
    expect(await student.call("cancelMiniRequest", { requestId, reason: "" })).toEqual({ requestId, status: "cancelled", changed: true });
    expect(await requestDoc(requestId)).toMatchObject({ status: "cancelled", cancelledBy: student.uid });
    expect(await student.call("cancelMiniRequest", { requestId, reason: "" })).toEqual({ requestId, status: "cancelled", changed: false });
  });

  it("cancels a claimed request and tells the claimer, with the reason", async () => {
    const student = await member("mentee", "Sam Cancel Claimed");
    const mentor = await member("mentor", "Ada Told");
    const { requestId } = await student.call("postMiniRequest", form());
    await mentor.call("claimMiniRequest", { requestId });
    await student.call("cancelMiniRequest", { requestId, reason: "Found help elsewhere" });
    expect(await requestDoc(requestId)).toMatchObject({ status: "cancelled", cancelReason: "Found help elsewhere", claimedBy: mentor.uid, scheduleBy: null });
    expect(await notes(mentor.uid, "mini_cancelled")).toHaveLength(1);
    expect((await miniMails(mentor.uid))[0]!.text).toContain("Found help elsewhere");
  });

  it("refuses anyone but the student (not-found), and a completed request", async () => {
    const student = await member("mentee", "Sam Mine");
    const stranger = await member("mentee", "Mia Stranger");
    const requestId = await seedRequest(student.uid);
    await expectCallableError(stranger.call("cancelMiniRequest", { requestId, reason: "" }), "not-found");
    expect((await requestDoc(requestId)).status).toBe("open");
    const done = await seedRequest(student.uid, { status: "completed", completedAt: Timestamp.now() });
    await expectCallableError(student.call("cancelMiniRequest", { requestId: done, reason: "" }), "failed-precondition", "completed");
  });

  it("cancels a scheduled request together with its session and frees the session's locks; the claimer gets a CANCEL .ics", async () => {
    const student = await member("mentee", "Sam Scheduled");
    const mentor = await member("mentor", "Ada Scheduled", "Asia/Tokyo");
    const startMs = Math.ceil((Date.now() + 3 * DAY) / (15 * MINUTE)) * 15 * MINUTE;
    const endMs = startMs + 30 * MINUTE;
    const sessionRef = adminDb.collection(paths.sessions()).doc();
    const lockIds = [...lockCellsFor(startMs, endMs).map((cell) => lockDocId(mentor.uid, cell)), ...lockCellsFor(startMs, endMs).map((cell) => lockDocId(student.uid, cell))];
    const requestId = await seedRequest(student.uid, {
      ...claimedFields(mentor),
      claimedByName: "Ada Scheduled",
      status: "scheduled",
      scheduleBy: null,
      sessionId: sessionRef.id,
      scheduledAt: Timestamp.now(),
      scheduledStartAt: Timestamp.fromMillis(startMs),
      meetingType: "video",
      meetingLink: "https://meet.jit.si/MentorMatch-mini",
    });
    const now = Timestamp.now();
    await sessionRef.set({
      kind: "mini",
      matchId: requestId,
      mentorId: mentor.uid,
      menteeId: student.uid,
      participants: [mentor.uid, student.uid],
      proposedBy: mentor.uid,
      startAt: Timestamp.fromMillis(startMs),
      endAt: Timestamp.fromMillis(endMs),
      durationMinutes: 30,
      timezone: "Asia/Tokyo",
      agenda: "Portfolio critique",
      meetingLink: "https://meet.jit.si/MentorMatch-mini",
      status: "accepted",
      version: 1,
      responseNote: "",
      respondedAt: now,
      cancelledBy: null,
      cancelReason: "",
      cancelledAt: null,
      confirmedAt: now,
      remindersSent: {},
      nextReminderAt: Timestamp.fromMillis(startMs - DAY),
      lockIds,
      mentorName: "Ada Scheduled",
      menteeName: "Sam Scheduled",
      createdAt: now,
      updatedAt: now,
    });
    for (const lockId of lockIds) await adminDb.doc(paths.sessionLock(lockId)).set({ uid: lockId.slice(0, -18), cell: lockId.slice(-17), sessionId: sessionRef.id, createdAt: now });

    await student.call("cancelMiniRequest", { requestId, reason: "" });

    expect(await requestDoc(requestId)).toMatchObject({ status: "cancelled", cancelledBy: student.uid });
    expect((await sessionRef.get()).data()).toMatchObject({ status: "cancelled", cancelledBy: student.uid, nextReminderAt: null, lockIds: [] });
    const locks = await adminDb.getAll(...lockIds.map((id) => adminDb.doc(paths.sessionLock(id))));
    expect(locks.filter((lock) => lock.exists)).toHaveLength(0);
    const [mail] = await miniMails(mentor.uid);
    expect(mail!.subject).toContain("Cancelled: the mini session on");
    // The time in the claimer's own zone.
    expect(mail!.subject).toMatch(/GMT\+9|JST/);
    const ics = mail!.attachments?.[0];
    expect(ics?.filename).toMatch(/\.ics$/);
    expect(Buffer.from(ics!.content, "base64").toString("utf8")).toContain("METHOD:CANCEL");
  });

  it("refuses to cancel a scheduled request whose session has started, writing nothing", async () => {
    const student = await member("mentee", "Sam Started");
    const mentor = await member("mentor", "Ada Started");
    const sessionRef = adminDb.collection(paths.sessions()).doc();
    const startMs = Date.now() - 10 * MINUTE;
    const requestId = await seedRequest(student.uid, { ...claimedFields(mentor), status: "scheduled", scheduleBy: null, sessionId: sessionRef.id });
    const now = Timestamp.now();
    await sessionRef.set({
      kind: "mini", matchId: requestId, mentorId: mentor.uid, menteeId: student.uid, participants: [mentor.uid, student.uid], proposedBy: mentor.uid,
      startAt: Timestamp.fromMillis(startMs), endAt: Timestamp.fromMillis(startMs + 30 * MINUTE), durationMinutes: 30, timezone: "UTC", agenda: "", meetingLink: "",
      status: "accepted", version: 1, responseNote: "", respondedAt: now, cancelledBy: null, cancelReason: "", cancelledAt: null, confirmedAt: now,
      remindersSent: {}, nextReminderAt: null, lockIds: [], mentorName: "Ada Started", menteeName: "Sam Started", createdAt: now, updatedAt: now,
    });
    await expectCallableError(student.call("cancelMiniRequest", { requestId, reason: "Running late" }), "failed-precondition", "already started");
    expect((await requestDoc(requestId)).status).toBe("scheduled");
    expect((await sessionRef.get()).get("status")).toBe("accepted");
  });
});

// ---- the jobs, with an injected clock in 2021 -----------------------------------------------------------------------

let clock = Date.UTC(2021, 2, 1, 12);
/** A `now` a week after the previous test's. */
const nextNow = () => (clock += 7 * DAY);

describe("expire-mini-requests", () => {
  it("expires only due open requests, tells each student once, and a second run changes nothing", async () => {
    const now = nextNow();
    const student = await member("mentee", "Sam Expiring");
    const claimer = await member("mentor", "Ada Holding");
    const at = (ms: number) => Timestamp.fromMillis(ms);
    const due = await seedRequest(student.uid, { createdAt: at(now - 7 * DAY - HOUR), expiresAt: at(now - HOUR) });
    const dueNow = await seedRequest(student.uid, { createdAt: at(now - 7 * DAY), expiresAt: at(now) });
    const notYet = await seedRequest(student.uid, { createdAt: at(now - DAY), expiresAt: at(now + 6 * DAY) });
    const claimed = await seedRequest(student.uid, { ...claimedFields(claimer, now - DAY), createdAt: at(now - 8 * DAY), expiresAt: at(now - DAY) });

    const first = await expireMiniRequests({ now: new Date(now) });
    expect(first).toMatchObject({ examined: 2, changed: 2, more: false });
    const second = await expireMiniRequests({ now: new Date(now) });
    expect(second).toMatchObject({ examined: 0, changed: 0 });

    for (const id of [due, dueNow]) expect(await requestDoc(id)).toMatchObject({ status: "expired", expiredAt: at(now) });
    expect((await requestDoc(notYet)).status).toBe("open");
    expect((await requestDoc(claimed)).status).toBe("claimed");
    expect(await notes(student.uid, "mini_expired")).toHaveLength(2);
    const mails = (await miniMails(student.uid)).filter((mail) => mail.subject.includes("expired"));
    expect(mails).toHaveLength(2);
    expect(mails[0]!.text).toContain("Post it again:");
    expect(mails[0]!.text).toContain("/mini-sessions/new");
    // The next test runs a week later: what is still open or claimed here would be due there.
    for (const id of [notYet, claimed]) await adminDb.doc(paths.miniRequest(id)).delete();
  });

  it("two runs at once expire each request once", async () => {
    const now = nextNow();
    const student = await member("mentee", "Sam Twice");
    const id = await seedRequest(student.uid, { createdAt: Timestamp.fromMillis(now - 8 * DAY), expiresAt: Timestamp.fromMillis(now - DAY) });
    const [a, b] = await Promise.all([expireMiniRequests({ now: new Date(now) }), expireMiniRequests({ now: new Date(now) })]);
    expect(a.changed + b.changed).toBe(1);
    expect((await requestDoc(id)).status).toBe("expired");
    expect(await notes(student.uid, "mini_expired")).toHaveLength(1);
  });
});

describe("release-lapsed-mini-claims", () => {
  it("returns a claim not scheduled in 48 hours to the board, tells the student, counts once against the mentor", async () => {
    const now = nextNow();
    const student = await member("mentee", "Sam Lapsed");
    const mentor = await member("mentor", "Ada Slow");
    await adminDb.doc(paths.user(mentor.uid)).update({ responseHoursRecent: [2, 4], medianResponseHours: null });
    const lapsed = await seedRequest(student.uid, { ...claimedFields(mentor, now - MINI.scheduleWithinHours * HOUR - MINUTE), createdAt: Timestamp.fromMillis(now - 3 * DAY) });
    const inTime = await seedRequest(student.uid, { ...claimedFields(mentor, now - HOUR), createdAt: Timestamp.fromMillis(now - 3 * DAY) });

    expect(await releaseLapsedMiniClaims({ now: new Date(now) })).toMatchObject({ examined: 1, changed: 1 });
    expect(await releaseLapsedMiniClaims({ now: new Date(now) })).toMatchObject({ examined: 0, changed: 0 });

    expect(await requestDoc(lapsed)).toMatchObject({ status: "open", claimedBy: null, scheduleBy: null, releasedBy: [mentor.uid] });
    expect((await requestDoc(inTime)).status).toBe("claimed");
    const profile = (await adminDb.doc(paths.user(mentor.uid)).get()).data()!;
    expect(profile.responseHoursRecent).toEqual([2, 4, UNANSWERED_HOURS]);
    expect(profile.medianResponseHours).toBe(4);
    expect(await notes(student.uid, "mini_released")).toHaveLength(1);
    const [mail] = (await miniMails(student.uid)).filter((m) => m.subject.includes("back on the board"));
    expect(mail!.text).toContain(`did not pick a time within ${MINI.scheduleWithinHours} hours`);
  });
});
