import { LIMITS, MATCHING, UNANSWERED_HOURS, matchIdOf, paths, type MatchDoc, type NotificationKind } from "@mentormatch/shared";
import { Timestamp } from "firebase-admin/firestore";
import { connectFirestoreEmulator, doc, getFirestore, serverTimestamp, setLogLevel, updateDoc, type Firestore } from "firebase/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expireMatchRequests } from "../../functions/src/lib/match-expiry.js";
import {
  adminDb,
  closeClients,
  expectCallableError,
  mailsFor,
  makeAdmin,
  newClient,
  postCallable,
  registered,
  sleep,
  waitFor,
  type SignedInClient,
} from "./helpers.js";

afterAll(closeClients);
// The rules' refusals below are expected; the SDK would also log each as a warning.
setLogLevel("error");

// ---- helpers ----------------------------------------------------------------------------------------------------

async function mentor(name: string, fields: { capacity?: number; acceptingRequests?: boolean; activeMenteeCount?: number } = {}) {
  const client = await registered("mentor", name);
  if (Object.keys(fields).length) await adminDb.doc(paths.user(client.uid)).update(fields);
  return client;
}

async function mentee(name: string, learningGoals: string[] = ["system design", "sql"]) {
  const client = await registered("mentee", name);
  await adminDb.doc(paths.user(client.uid)).update({ learningGoals, title: "Junior Engineer", department: "Engineering" });
  return client;
}

const profileOf = async (uid: string) => (await adminDb.doc(paths.user(uid)).get()).data()!;
const matchOf = async (mentorId: string, menteeId: string) =>
  (await adminDb.doc(paths.match(matchIdOf(mentorId, menteeId))).get()).data() as MatchDoc | undefined;
const notesOf = async (uid: string, kind?: NotificationKind) =>
  (await adminDb.collection(paths.notifications(uid)).get()).docs.map((d) => d.data()).filter((n) => !kind || n.kind === kind);
const mailsOf = async (uid: string, kind?: string) => (await mailsFor(uid)).map((d) => d.data()).filter((m) => !kind || m.kind === kind);

/** A Firestore client signed in as `client`, as the web app has: every write goes through the rules. */
function firestoreOf(client: SignedInClient): Firestore {
  const firestore = getFirestore(client.app);
  const [host, port] = (process.env.FIRESTORE_EMULATOR_HOST ?? "127.0.0.1:8080").split(":");
  try {
    connectFirestoreEmulator(firestore, host!, Number(port));
  } catch {
    // Already connected: getFirestore returns the same instance for the same app.
  }
  return firestore;
}

async function request(from: SignedInClient, to: SignedInClient, message = "Could you help me grow into a senior role?") {
  return from.call("requestMatch", { mentorId: to.uid, message });
}

// ---- requestMatch -----------------------------------------------------------------------------------------------

describe("requestMatch", () => {
  it("writes a pending request with the note, the profile's goals and a 14-day expiry, and tells the mentor", async () => {
    const ada = await mentor("Ada Request");
    const sam = await mentee("Sam Request", ["Get better at system design", "sql"]);
    const before = Date.now();
    const result = await sam.call("requestMatch", { mentorId: ada.uid, message: "  Could you help me with system design?  " });

    expect(result).toMatchObject({ matchId: matchIdOf(ada.uid, sam.uid), status: "pending", round: 1 });
    const match = (await matchOf(ada.uid, sam.uid))!;
    expect(match).toMatchObject({
      mentorId: ada.uid,
      menteeId: sam.uid,
      participants: [ada.uid, sam.uid],
      status: "pending",
      round: 1,
      message: "Could you help me with system design?",
      goals: ["Get better at system design", "sql"],
      mentorName: "Ada Request",
      menteeName: "Sam Request",
      menteeTitle: "Junior Engineer",
      menteeDepartment: "Engineering",
      responseMessage: "",
      respondedAt: null,
      responseCounted: false,
    });
    const requestedAt = (match.requestedAt as Timestamp).toMillis();
    expect(requestedAt).toBeGreaterThanOrEqual(before - 5_000);
    expect((match.expiresAt as Timestamp).toMillis() - requestedAt).toBe(MATCHING.requestDays * 86_400_000);
    expect(Date.parse(result.expiresAt)).toBe((match.expiresAt as Timestamp).toMillis());

    const [note, ...more] = await notesOf(ada.uid, "match_requested");
    expect(more).toEqual([]);
    expect(note).toMatchObject({ link: "/requests", read: false });
    expect(note!.text).toContain("Sam Request asked you to be their mentor");
    const [mail] = await mailsOf(ada.uid, "matchRequests");
    expect(mail).toMatchObject({ subject: "Sam Request would like you as their mentor", to: ada.email });
    expect(mail!.text).toContain("Get better at system design; sql");
  });

  it("takes the goals from the form when given", async () => {
    const ada = await mentor("Ada Goals");
    const sam = await mentee("Sam Goals");
    await sam.call("requestMatch", { mentorId: ada.uid, message: "Hello", goals: ["Public speaking"] });
    expect((await matchOf(ada.uid, sam.uid))?.goals).toEqual(["Public speaking"]);
  });

  /** The refusal's code and sentence, and that nothing was written: no match, no notification for the mentor. */
  async function expectRefused(from: SignedInClient, to: SignedInClient, code: string, message: string) {
    const before = await matchOf(to.uid, from.uid);
    const notesBefore = (await notesOf(to.uid, "match_requested")).length;
    const error = await expectCallableError(request(from, to), code, message);
    expect(error.details?.message).toContain(message);
    expect(await matchOf(to.uid, from.uid)).toEqual(before);
    expect(await notesOf(to.uid, "match_requested")).toHaveLength(notesBefore);
  }

  it("refuses when the mentor is not accepting requests", async () => {
    const ada = await mentor("Ada Closed", { acceptingRequests: false });
    await expectRefused(await mentee("Sam Closed"), ada, "failed-precondition", "Ada Closed is not taking new mentees right now.");
  });

  it("refuses when the mentor is at capacity", async () => {
    const ada = await mentor("Ada Full", { capacity: 1, activeMenteeCount: 1 });
    await expectRefused(await mentee("Sam Full"), ada, "failed-precondition", "Ada Full has no open spots right now");
  });

  it("refuses a second request while the first is pending", async () => {
    const ada = await mentor("Ada Twice");
    const sam = await mentee("Sam Twice");
    await request(sam, ada);
    await expectRefused(sam, ada, "already-exists", "You already asked Ada Twice, who has not answered yet.");
    expect((await matchOf(ada.uid, sam.uid))?.round).toBe(1);
  });

  it("refuses a request to one's own mentor", async () => {
    const ada = await mentor("Ada Mine");
    const sam = await mentee("Sam Mine");
    await request(sam, ada);
    await ada.call("acceptMatch", { matchId: matchIdOf(ada.uid, sam.uid) });
    await expectRefused(sam, ada, "already-exists", "Ada Mine is already your mentor.");
  });

  it(`refuses a mentee with ${MATCHING.maxPendingRequests} requests waiting`, async () => {
    const sam = await mentee("Sam Busy");
    const mentors = await Promise.all(Array.from({ length: MATCHING.maxPendingRequests + 1 }, (_, i) => mentor(`Mentor Busy ${i}`)));
    for (const m of mentors.slice(0, -1)) await request(sam, m);
    await expectRefused(sam, mentors.at(-1)!, "resource-exhausted", `You already have ${MATCHING.maxPendingRequests} requests waiting for an answer`);
  });

  it("refuses someone who is not a mentor", async () => {
    const other = await mentee("Not A Mentor");
    await expectRefused(await mentee("Sam Asks"), other, "not-found", "There is no mentor with that id on MentorMatch.");
  });

  it("refuses a mentor asking: only mentees request", async () => {
    const ada = await mentor("Ada Target");
    await expectRefused(await mentor("Mentor Asks"), ada, "permission-denied", "Only mentees can do that.");
  });

  it("re-opens a declined request as the next round", async () => {
    const ada = await mentor("Ada Again");
    const sam = await mentee("Sam Again");
    await request(sam, ada);
    await adminDb.doc(paths.match(matchIdOf(ada.uid, sam.uid))).update({ status: "declined" });
    const again = await request(sam, ada, "Trying again next quarter");
    expect(again.round).toBe(2);
    expect(await matchOf(ada.uid, sam.uid)).toMatchObject({ status: "pending", round: 2, message: "Trying again next quarter" });
    expect(await notesOf(ada.uid, "match_requested")).toHaveLength(2);
  });
});

// ---- acceptMatch ------------------------------------------------------------------------------------------------

describe("acceptMatch", () => {
  it("accepts within capacity: count + 1, answer time counted, both told in-app and by email", async () => {
    const ada = await mentor("Ada Accept", { capacity: 2 });
    const sam = await mentee("Sam Accept");
    await request(sam, ada);
    const matchId = matchIdOf(ada.uid, sam.uid);

    expect(await ada.call("acceptMatch", { matchId, message: "Happy to help!" })).toEqual({
      matchId,
      status: "accepted",
      changed: true,
      activeMenteeCount: 1,
      capacity: 2,
    });
    const match = (await matchOf(ada.uid, sam.uid))!;
    expect(match).toMatchObject({ status: "accepted", responseMessage: "Happy to help!", responseCounted: true });
    expect(match.respondedAt).toBeInstanceOf(Timestamp);
    const profile = await profileOf(ada.uid);
    expect(profile).toMatchObject({ activeMenteeCount: 1, medianResponseHours: null });
    expect(profile.responseHoursRecent).toHaveLength(1);
    expect(profile.lastActiveAt).toBeInstanceOf(Timestamp);

    const [toMentee] = await notesOf(sam.uid, "match_accepted");
    expect(toMentee).toMatchObject({ text: "Ada Accept accepted your mentoring request. Say hello in your chat.", link: `/messages/${matchId}` });
    const [toMentor] = await notesOf(ada.uid, "match_accepted");
    expect(toMentor!.text).toBe("You are now mentoring Sam Accept. You now mentor 1 of 2.");
    const [menteeMail] = await mailsOf(sam.uid, "matchUpdates");
    expect(menteeMail).toMatchObject({ subject: "Ada Accept accepted your mentoring request", to: sam.email });
    expect(menteeMail!.text).toContain("Happy to help!");
    expect(await mailsOf(ada.uid, "matchUpdates")).toHaveLength(1);

    // A retry answers ok and changes nothing.
    expect(await ada.call("acceptMatch", { matchId })).toMatchObject({ changed: false, activeMenteeCount: 1 });
    expect((await profileOf(ada.uid)).activeMenteeCount).toBe(1);
    expect(await notesOf(sam.uid, "match_accepted")).toHaveLength(1);
  });

  it("at capacity 1, two accepts racing for two mentees give exactly one acceptance", async () => {
    const ada = await mentor("Ada Race", { capacity: 1 });
    const [bo, cy] = await Promise.all([mentee("Bo Race"), mentee("Cy Race")]);
    await Promise.all([request(bo, ada), request(cy, ada)]);

    const results = await Promise.allSettled([
      ada.call("acceptMatch", { matchId: matchIdOf(ada.uid, bo.uid) }),
      ada.call("acceptMatch", { matchId: matchIdOf(ada.uid, cy.uid) }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason.code).toBe("functions/failed-precondition");
    expect(refused.reason.message).toContain("You have no open spots: you mentor 1 of 1.");

    const statuses = [(await matchOf(ada.uid, bo.uid))!.status, (await matchOf(ada.uid, cy.uid))!.status].sort();
    expect(statuses).toEqual(["accepted", "pending"]);
    expect((await profileOf(ada.uid)).activeMenteeCount).toBe(1);
  });

  it("refuses the mentee (mentors only) and another mentor (not theirs), changing nothing", async () => {
    const ada = await mentor("Ada Owner");
    const sam = await mentee("Sam Owner");
    const eve = await mentor("Eve Other");
    await request(sam, ada);
    const matchId = matchIdOf(ada.uid, sam.uid);
    await expectCallableError(sam.call("acceptMatch", { matchId }), "permission-denied", "Only mentors can do that.");
    await expectCallableError(eve.call("acceptMatch", { matchId }), "not-found", "We could not find that request.");
    expect((await matchOf(ada.uid, sam.uid))?.status).toBe("pending");
    expect((await profileOf(ada.uid)).activeMenteeCount).toBe(0);
    expect((await profileOf(eve.uid)).activeMenteeCount).toBe(0);
  });

  it("refuses a request the mentee cancelled", async () => {
    const ada = await mentor("Ada Late");
    const sam = await mentee("Sam Late");
    await request(sam, ada);
    await adminDb.doc(paths.match(matchIdOf(ada.uid, sam.uid))).update({ status: "cancelled" });
    await expectCallableError(ada.call("acceptMatch", { matchId: matchIdOf(ada.uid, sam.uid) }), "failed-precondition", "Sam Late withdrew this request.");
    expect((await profileOf(ada.uid)).activeMenteeCount).toBe(0);
  });
});

// ---- decline and cancel: client writes under the rules, followed up by on-match-written ---------------------------

describe("declining and cancelling from the client SDK", () => {
  it("the mentor declines with a message: the mentee is told once, the answer time counted once", async () => {
    const ada = await mentor("Ada Decline");
    const sam = await mentee("Sam Decline");
    await request(sam, ada);
    const matchId = matchIdOf(ada.uid, sam.uid);

    await updateDoc(doc(firestoreOf(ada), paths.match(matchId)), {
      status: "declined",
      responseMessage: "I'm fully booked this quarter.",
      respondedAt: serverTimestamp(),
      updatedAt: serverTimestamp(),
    });

    const [note] = await waitFor(async () => {
      const notes = await notesOf(sam.uid, "match_declined");
      return notes.length ? notes : null;
    }, undefined, "the decline notification");
    expect(note!.text).toContain("Ada Decline declined your mentoring request.");
    expect(note!.text).toContain("fully booked");
    await waitFor(async () => (await matchOf(ada.uid, sam.uid))?.responseCounted, 20_000, "responseCounted");
    expect((await mailsOf(sam.uid, "matchUpdates")).map((m) => m.subject)).toEqual(["Ada Decline can't take your mentoring request"]);
    const profile = await profileOf(ada.uid);
    expect(profile.responseHoursRecent).toHaveLength(1);
    expect(profile.lastActiveAt).toBeInstanceOf(Timestamp);

    // Nothing more arrives later (a retried event would find the marker and the notification).
    await sleep(1500);
    expect(await notesOf(sam.uid, "match_declined")).toHaveLength(1);
    expect((await profileOf(ada.uid)).responseHoursRecent).toHaveLength(1);
  });

  it("the mentee cancels: the mentor is told", async () => {
    const ada = await mentor("Ada Cancel");
    const sam = await mentee("Sam Cancel");
    await request(sam, ada);
    await updateDoc(doc(firestoreOf(sam), paths.match(matchIdOf(ada.uid, sam.uid))), { status: "cancelled", updatedAt: serverTimestamp() });

    const [note] = await waitFor(async () => {
      const notes = await notesOf(ada.uid, "match_cancelled");
      return notes.length ? notes : null;
    }, undefined, "the cancel notification");
    expect(note).toMatchObject({ text: "Sam Cancel withdrew their mentoring request.", link: "/requests" });
    expect((await profileOf(ada.uid)).responseHoursRecent).toBeUndefined();
  });

  it("the rules refuse the mentee declining and the mentor accepting directly", async () => {
    const ada = await mentor("Ada Rules");
    const sam = await mentee("Sam Rules");
    await request(sam, ada);
    const path = paths.match(matchIdOf(ada.uid, sam.uid));
    await expect(
      updateDoc(doc(firestoreOf(sam), path), { status: "declined", respondedAt: serverTimestamp(), updatedAt: serverTimestamp() }),
    ).rejects.toMatchObject({ code: "permission-denied" });
    await expect(
      updateDoc(doc(firestoreOf(ada), path), { status: "accepted", respondedAt: serverTimestamp(), updatedAt: serverTimestamp() }),
    ).rejects.toMatchObject({ code: "permission-denied" });
    expect((await matchOf(ada.uid, sam.uid))?.status).toBe("pending");
  });
});

// ---- endMatch ---------------------------------------------------------------------------------------------------

describe("endMatch", () => {
  async function accepted(label: string) {
    const ada = await mentor(`Ada ${label}`, { capacity: 2 });
    const sam = await mentee(`Sam ${label}`);
    await request(sam, ada);
    const matchId = matchIdOf(ada.uid, sam.uid);
    await ada.call("acceptMatch", { matchId });
    return { ada, sam, matchId };
  }

  it("the mentee ends it: the count drops, both are told, the end is recorded", async () => {
    const { ada, sam, matchId } = await accepted("End Mentee");
    expect(await sam.call("endMatch", { matchId, message: "Thank you for everything!" })).toEqual({ matchId, status: "ended", changed: true });
    const match = (await matchOf(ada.uid, sam.uid))!;
    expect(match).toMatchObject({ status: "ended", endedBy: sam.uid, endMessage: "Thank you for everything!" });
    expect(match.endedAt).toBeInstanceOf(Timestamp);
    expect((await profileOf(ada.uid)).activeMenteeCount).toBe(0);
    expect((await notesOf(ada.uid, "match_ended"))[0]!.text).toBe("Sam End Mentee ended your mentoring. Your chat history stays readable.");
    expect((await notesOf(sam.uid, "match_ended"))[0]!.text).toBe("You ended your mentoring with Ada End Mentee. The chat history stays readable.");
    expect((await mailsOf(ada.uid, "matchUpdates")).some((m) => String(m.text).includes("Thank you for everything!"))).toBe(true);

    // Ending again answers ok and changes nothing.
    expect(await ada.call("endMatch", { matchId })).toEqual({ matchId, status: "ended", changed: false });
    expect((await matchOf(ada.uid, sam.uid))?.endedBy).toBe(sam.uid);
    expect(await notesOf(ada.uid, "match_ended")).toHaveLength(1);
  });

  it("the mentor ends it", async () => {
    const { ada, sam, matchId } = await accepted("End Mentor");
    await ada.call("endMatch", { matchId });
    expect(await matchOf(ada.uid, sam.uid)).toMatchObject({ status: "ended", endedBy: ada.uid, endMessage: "" });
    expect((await profileOf(ada.uid)).activeMenteeCount).toBe(0);
    expect(await notesOf(sam.uid, "match_ended")).toHaveLength(1);
  });

  it("refuses someone else, and a request that was never accepted, changing nothing", async () => {
    const { ada, sam, matchId } = await accepted("End Stranger");
    const eve = await mentee("Eve Stranger");
    await expectCallableError(eve.call("endMatch", { matchId }), "not-found", "We could not find that mentoring.");
    expect((await matchOf(ada.uid, sam.uid))?.status).toBe("accepted");
    expect((await profileOf(ada.uid)).activeMenteeCount).toBe(1);

    const bo = await mentee("Bo Pending");
    await request(bo, ada);
    await expectCallableError(
      bo.call("endMatch", { matchId: matchIdOf(ada.uid, bo.uid) }),
      "failed-precondition",
      "This request has not been accepted yet: cancel it instead.",
    );
    expect((await matchOf(ada.uid, bo.uid))?.status).toBe("pending");
  });
});

// ---- expiry -----------------------------------------------------------------------------------------------------

describe("expire-match-requests (the handler, with an injected now)", () => {
  it("expires only due requests, tells both people once, and a second run changes nothing", async () => {
    const ada = await mentor("Ada Expiry");
    const [due, fresh] = await Promise.all([mentee("Due Mentee"), mentee("Fresh Mentee")]);
    await request(due, ada);
    await request(fresh, ada);
    const now = new Date();
    // The due request was made 14 days and a minute ago.
    await adminDb.doc(paths.match(matchIdOf(ada.uid, due.uid))).update({
      requestedAt: Timestamp.fromMillis(now.getTime() - MATCHING.requestDays * 86_400_000 - 60_000),
      expiresAt: Timestamp.fromMillis(now.getTime() - 60_000),
    });

    const first = await expireMatchRequests({ now, limit: 500 });
    expect(first.expired).toBeGreaterThanOrEqual(1);
    const second = await expireMatchRequests({ now, limit: 500 });
    expect(second.expired).toBe(0);

    expect((await matchOf(ada.uid, due.uid))?.status).toBe("expired");
    expect((await matchOf(ada.uid, fresh.uid))?.status).toBe("pending");
    const toMentee = await notesOf(due.uid, "match_expired");
    expect(toMentee).toHaveLength(1);
    expect(toMentee[0]!.text).toBe(`Your request to Ada Expiry expired after ${MATCHING.requestDays} days without an answer. You can ask another mentor.`);
    const toMentor = await notesOf(ada.uid, "match_expired");
    expect(toMentor).toHaveLength(1);
    expect(toMentor[0]!.text).toBe("Due Mentee's mentoring request expired before you answered it.");
    expect(await notesOf(fresh.uid, "match_expired")).toEqual([]);
    expect(await mailsOf(due.uid, "matchUpdates")).toHaveLength(1);
    // Ignored: the expiry counts as an answer after the whole window, once (the second run found nothing).
    expect((await profileOf(ada.uid)).responseHoursRecent).toEqual([UNANSWERED_HOURS]);
    expect((await matchOf(ada.uid, due.uid))?.responseCounted).toBe(true);
  });

  it("an expiry enters the mentor's median once, even when two runs race and a third follows", async () => {
    const ada = await mentor("Ada Ignores");
    const sam = await mentee("Sam Ignored");
    // Two fast answers already on record: with only answers counted, one more would show "within an hour".
    await adminDb.doc(paths.user(ada.uid)).update({ responseHoursRecent: [0.5, 1], medianResponseHours: null });
    await request(sam, ada);
    const now = new Date();
    await adminDb.doc(paths.match(matchIdOf(ada.uid, sam.uid))).update({
      requestedAt: Timestamp.fromMillis(now.getTime() - MATCHING.requestDays * 86_400_000 - 60_000),
      expiresAt: Timestamp.fromMillis(now.getTime() - 60_000),
    });

    const runs = await Promise.all([expireMatchRequests({ now, limit: 500 }), expireMatchRequests({ now, limit: 500 })]);
    await expireMatchRequests({ now, limit: 500 });
    expect(runs.map((run) => run.examined).every((n) => n >= 1)).toBe(true);

    const profile = await profileOf(ada.uid);
    expect(profile.responseHoursRecent).toEqual([0.5, 1, UNANSWERED_HOURS]);
    expect(profile.medianResponseHours).toBe(1);
    expect((await matchOf(ada.uid, sam.uid))).toMatchObject({ status: "expired", responseCounted: true });
    expect(await notesOf(sam.uid, "match_expired")).toHaveLength(1);
  });

  it("a request is not due a moment before its expiresAt", async () => {
    const ada = await mentor("Ada Not Due");
    const sam = await mentee("Sam Not Due");
    await request(sam, ada);
    const expiresAt = (await matchOf(ada.uid, sam.uid))!.expiresAt as Timestamp;
    await expireMatchRequests({ now: new Date(expiresAt.toMillis() - 1_000), limit: 500 });
    expect((await matchOf(ada.uid, sam.uid))?.status).toBe("pending");
    expect(await notesOf(sam.uid, "match_expired")).toEqual([]);
  });
});

// ---- setUserRole: a mentor with mentees ---------------------------------------------------------------------------

describe("setUserRole and a mentor's matches", () => {
  let admin: SignedInClient;
  beforeAll(async () => {
    admin = await makeAdmin("match-admin", "Match Admin");
  });

  it("refuses to demote a mentor with active mentees unless the admin confirms; then they end and the mentees are told", async () => {
    const ada = await mentor("Ada Demoted", { capacity: 3 });
    const [bo, cy, di] = await Promise.all([mentee("Bo Demoted"), mentee("Cy Demoted"), mentee("Di Waiting")]);
    for (const m of [bo, cy, di]) await request(m, ada);
    await ada.call("acceptMatch", { matchId: matchIdOf(ada.uid, bo.uid) });
    await ada.call("acceptMatch", { matchId: matchIdOf(ada.uid, cy.uid) });

    const error = await expectCallableError(
      admin.call("setUserRole", { uid: ada.uid, role: "mentee" }),
      "failed-precondition",
      "This mentor has 2 active mentees.",
    );
    expect(error.details?.message).toContain("confirm to go ahead");
    // Machine-readable, so the app offers the second confirm without reading the sentence.
    expect(error.details?.fields).toEqual({ endActiveMatches: "Confirm to end 2 mentorings." });
    expect(await profileOf(ada.uid)).toMatchObject({ role: "mentor", activeMenteeCount: 2, capacity: 3 });
    expect((await matchOf(ada.uid, bo.uid))?.status).toBe("accepted");
    expect((await matchOf(ada.uid, di.uid))?.status).toBe("pending");
    expect(await notesOf(ada.uid, "role_changed")).toEqual([]);

    expect(await admin.call("setUserRole", { uid: ada.uid, role: "mentee", endActiveMatches: true })).toEqual({
      uid: ada.uid,
      role: "mentee",
      changed: true,
      endedMatches: 2,
      closedRequests: 1,
    });
    expect(await profileOf(ada.uid)).toMatchObject({ role: "mentee", activeMenteeCount: 0, capacity: 0, acceptingRequests: false });
    for (const m of [bo, cy]) {
      expect(await matchOf(ada.uid, m.uid)).toMatchObject({ status: "ended", endedBy: admin.uid });
      const notes = await notesOf(m.uid, "match_ended");
      expect(notes).toHaveLength(1);
      expect(notes[0]!.text).toContain("they are no longer a mentor");
    }
    expect(await matchOf(ada.uid, di.uid)).toMatchObject({ status: "declined", responseCounted: true });
    expect((await notesOf(di.uid, "match_declined"))[0]!.text).toContain("is no longer mentoring, so your request was closed");
    // The trigger sees a decline it did not need to follow up: still one notification, no answer time counted.
    await sleep(1500);
    expect(await notesOf(di.uid, "match_declined")).toHaveLength(1);
    expect((await profileOf(ada.uid)).responseHoursRecent).toHaveLength(2);
  });

  it("demotes a mentor with no mentees as before", async () => {
    const ada = await mentor("Ada Idle");
    expect(await admin.call("setUserRole", { uid: ada.uid, role: "admin" })).toEqual({ uid: ada.uid, role: "admin", changed: true });
  });
});

// ---- bad input: invalid-argument with a sentence, and nothing written ----------------------------------------------

describe("bad input", () => {
  let ada: SignedInClient;
  let sam: SignedInClient;
  let bo: SignedInClient;
  let admin: SignedInClient;
  let pendingId: string;
  let acceptedId: string;

  beforeAll(async () => {
    [ada, sam, bo, admin] = await Promise.all([mentor("Ada Input", { capacity: 3 }), mentee("Sam Input"), mentee("Bo Input"), makeAdmin("input-admin")]);
    await request(sam, ada);
    await request(bo, ada);
    pendingId = matchIdOf(ada.uid, sam.uid);
    acceptedId = matchIdOf(ada.uid, bo.uid);
    await ada.call("acceptMatch", { matchId: acceptedId });
  });

  /** Everything these calls could touch, read before and after. */
  const snapshot = async () => ({
    pending: await matchOf(ada.uid, sam.uid),
    accepted: await matchOf(ada.uid, bo.uid),
    mentor: await profileOf(ada.uid),
    mentorNotes: (await notesOf(ada.uid)).length,
    menteeNotes: (await notesOf(sam.uid)).length + (await notesOf(bo.uid)).length,
  });

  const long = "x".repeat(LIMITS.matchMessage + 1);
  it.each<[string, string, () => unknown, string, string | null]>([
    ["requestMatch: a mentor id with a slash", "requestMatch", () => ({ mentorId: `${ada.uid}/private/settings`, message: "Hi" }), "mentorId: A user id is not valid.", "mentorId"],
    ["requestMatch: an empty mentor id", "requestMatch", () => ({ mentorId: "", message: "Hi" }), "mentorId: A user id is required.", "mentorId"],
    ["requestMatch: a mentor id that is a number", "requestMatch", () => ({ mentorId: 7, message: "Hi" }), "mentorId: A user id must be text.", "mentorId"],
    ["requestMatch: no note", "requestMatch", () => ({ mentorId: ada.uid }), "message: Your note is required.", "message"],
    ["requestMatch: a blank note", "requestMatch", () => ({ mentorId: ada.uid, message: "   " }), "message: Write a short note", "message"],
    ["requestMatch: a note over the limit", "requestMatch", () => ({ mentorId: ada.uid, message: long }), `message: Your note can be at most ${LIMITS.matchMessage} characters.`, "message"],
    ["requestMatch: goals that are not a list", "requestMatch", () => ({ mentorId: ada.uid, message: "Hi", goals: "sql" }), "goals: Goals must be a list.", "goals"],
    ["requestMatch: too many goals", "requestMatch", () => ({ mentorId: ada.uid, message: "Hi", goals: Array.from({ length: 11 }, (_, i) => `goal ${i}`) }), "goals: List at most 10 goals.", "goals"],
    ["requestMatch: an unknown field", "requestMatch", () => ({ mentorId: ada.uid, message: "Hi", status: "accepted" }), "Unexpected field(s): status.", null],
    ["acceptMatch: a match id with a slash", "acceptMatch", () => ({ matchId: `${pendingId}/x` }), "matchId: A match id is not valid.", "matchId"],
    ["acceptMatch: a match id of ..", "acceptMatch", () => ({ matchId: ".." }), "matchId: A match id is not valid.", "matchId"],
    ["acceptMatch: no match id", "acceptMatch", () => ({}), "matchId: A match id is required.", "matchId"],
    ["acceptMatch: a message over the limit", "acceptMatch", () => ({ matchId: pendingId, message: long }), `message: The message can be at most ${LIMITS.matchMessage} characters.`, "message"],
    ["acceptMatch: a message that is not text", "acceptMatch", () => ({ matchId: pendingId, message: 5 }), "message: The message must be text.", "message"],
    ["acceptMatch: an unknown field", "acceptMatch", () => ({ matchId: pendingId, capacity: 99 }), "Unexpected field(s): capacity.", null],
    ["endMatch: a match id with a slash", "endMatch", () => ({ matchId: `matches/${acceptedId}` }), "matchId: A match id is not valid.", "matchId"],
    ["endMatch: a message over the limit", "endMatch", () => ({ matchId: acceptedId, message: long }), `message: The message can be at most ${LIMITS.matchMessage} characters.`, "message"],
    ["endMatch: an unknown field", "endMatch", () => ({ matchId: acceptedId, endedBy: "someone" }), "Unexpected field(s): endedBy.", null],
  ])("%s", async (_name, callable, input, message, field) => {
    const caller = callable === "requestMatch" ? sam : callable === "endMatch" ? bo : ada;
    const before = await snapshot();
    const error = await expectCallableError(caller.callRaw(callable, input()), "invalid-argument", message);
    if (field) expect(error.details?.fields?.[field]).toBeTruthy();
    expect(await snapshot()).toEqual(before);
  });

  it("setUserRole: endActiveMatches that is not a boolean", async () => {
    const before = await snapshot();
    await expectCallableError(
      admin.callRaw("setUserRole", { uid: ada.uid, role: "mentee", endActiveMatches: "yes" }),
      "invalid-argument",
      "endActiveMatches: endActiveMatches must be true or false.",
    );
    expect(await snapshot()).toEqual(before);
  });

  it("requestMatch: a __proto__ key sent as raw JSON", async () => {
    const before = await snapshot();
    const body = JSON.stringify({ data: { mentorId: ada.uid, message: "Hi" } }).replace('{"mentorId"', '{"__proto__":{"status":"accepted"},"mentorId"');
    const response = await postCallable("requestMatch", body, await bo.user.getIdToken());
    expect(response.error?.status).toBe("INVALID_ARGUMENT");
    expect(await snapshot()).toEqual(before);
  });

  it("acceptMatch and endMatch signed out", async () => {
    await expectCallableError(newClient().call("acceptMatch", { matchId: pendingId }), "unauthenticated");
    await expectCallableError(newClient().call("endMatch", { matchId: acceptedId }), "unauthenticated");
    expect((await matchOf(ada.uid, sam.uid))?.status).toBe("pending");
  });
});
