// The private calendar feed: createCalendarFeed / deleteCalendarFeed through the functions emulator, and the
// calendarFeed HTTPS function fetched as a calendar app would (plus its handler called in-process to count reads).
import { createHash } from "node:crypto";
import { CALENDAR_FEED, FUNCTIONS_REGION, paths, type SessionDoc } from "@mentormatch/shared";
import { icsUid } from "@mentormatch/shared/scheduling";
import { DocumentReference, Query, Timestamp } from "firebase-admin/firestore";
import ICAL from "ical.js";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { serveCalendarFeed } from "../../functions/src/lib/calendar-feed.js";
import { PROJECT_ID, adminDb, closeClients, expectCallableError, makeAdmin, newClient, type SignedInClient } from "./helpers.js";
import { DAY, HOUR, MINUTE, dayAt, member, pair } from "./session-fixtures.js";

afterAll(closeClients);
afterEach(() => vi.restoreAllMocks());

const FUNCTION_URL = `http://127.0.0.1:5001/${PROJECT_ID}/${FUNCTIONS_REGION}/calendarFeed`;
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

async function fetchFeed(path: string, init: RequestInit = {}) {
  const response = await fetch(`${FUNCTION_URL}${path}`, init);
  return { status: response.status, type: response.headers.get("content-type"), etag: response.headers.get("etag"), body: await response.text() };
}

function eventsOf(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: String(vevent.getFirstPropertyValue("status")),
      startMs: event.startDate.toJSDate().getTime(),
      summary: event.summary,
      description: event.description ?? "",
    };
  });
}

/** A session as the booking callables leave it, written directly (the 1,000-session case, and the states). */
function sessionDoc(mentor: SignedInClient, mentee: SignedInClient, startMs: number, overrides: Partial<Record<keyof SessionDoc, unknown>> = {}) {
  const now = Timestamp.now();
  return {
    kind: "match",
    matchId: `${mentor.uid}_${mentee.uid}`,
    mentorId: mentor.uid,
    menteeId: mentee.uid,
    participants: [mentor.uid, mentee.uid],
    proposedBy: mentee.uid,
    startAt: Timestamp.fromMillis(startMs),
    endAt: Timestamp.fromMillis(startMs + 30 * MINUTE),
    durationMinutes: 30,
    timezone: "UTC",
    agenda: "Plans",
    meetingLink: "",
    status: "accepted",
    version: 1,
    responseNote: "",
    respondedAt: now,
    cancelledBy: null,
    cancelReason: "",
    cancelledAt: null,
    confirmedAt: now,
    remindersSent: {},
    nextReminderAt: null,
    lockIds: [],
    mentorName: "Ada Feed",
    menteeName: "Sam Feed",
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

const turnOn = (client: SignedInClient) => client.call("createCalendarFeed", {});

describe("createCalendarFeed / deleteCalendarFeed", () => {
  it("hands out a 256-bit token once and stores only its SHA-256, with the date on the person's settings", async () => {
    const mentee = await member("mentee", "Sam Token");
    const feed = await turnOn(mentee);
    expect(feed.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(feed.token, "base64url")).toHaveLength(CALENDAR_FEED.tokenBytes);
    expect(feed).toMatchObject({ path: `/calendar/${feed.token}.ics`, replaced: false });

    const stored = await adminDb.collection(paths.calendarFeeds()).where("uid", "==", mentee.uid).get();
    expect(stored.docs.map((d) => d.id)).toEqual([sha256(feed.token)]);
    expect(stored.docs[0]!.data()).toEqual({ uid: mentee.uid, tokenHash: sha256(feed.token), createdAt: expect.any(Timestamp) });
    expect(JSON.stringify(stored.docs[0]!.data())).not.toContain(feed.token);
    const settings = (await adminDb.doc(paths.userSettings(mentee.uid)).get()).data()!;
    expect((settings.calendarFeedCreatedAt as Timestamp).toDate().toISOString()).toBe(feed.createdAt);
    expect(JSON.stringify(settings)).not.toContain(feed.token);
  });

  it("two tokens never repeat, and a reset leaves exactly one feed", async () => {
    const mentee = await member("mentee", "Sam Twice");
    const first = await turnOn(mentee);
    const second = await turnOn(mentee);
    expect(second.token).not.toBe(first.token);
    expect(second.replaced).toBe(true);
    const stored = await adminDb.collection(paths.calendarFeeds()).where("uid", "==", mentee.uid).get();
    expect(stored.docs.map((d) => d.id)).toEqual([sha256(second.token)]);
  });

  it("refuses admins (no sessions), signed-out callers and unknown fields, writing nothing", async () => {
    const admin = await makeAdmin("feed-admin");
    await expectCallableError(admin.call("createCalendarFeed", {}), "permission-denied");
    await expectCallableError(newClient().call("createCalendarFeed", {}), "unauthenticated");
    const mentee = await member("mentee", "Sam Fields");
    await expectCallableError(mentee.callRaw("createCalendarFeed", { token: "mine" }), "invalid-argument");
    expect((await adminDb.collection(paths.calendarFeeds()).where("uid", "in", [admin.uid, mentee.uid]).get()).empty).toBe(true);
  });

  it("turning it off removes the feed and clears the date; turning off again is a no-op", async () => {
    const mentee = await member("mentee", "Sam Off");
    const feed = await turnOn(mentee);
    expect((await fetchFeed(feed.path)).status).toBe(200);
    expect(await mentee.call("deleteCalendarFeed", {})).toEqual({ deleted: true });
    expect((await fetchFeed(feed.path)).status).toBe(404);
    expect((await adminDb.doc(paths.userSettings(mentee.uid)).get()).get("calendarFeedCreatedAt")).toBeNull();
    expect(await mentee.call("deleteCalendarFeed", {})).toEqual({ deleted: false });
  });
});

describe("calendarFeed (HTTPS)", () => {
  it("serves the person's sessions as RFC 5545: upcoming, the last 90 days, cancelled ones as CANCELLED; nobody else's, no notes", async () => {
    const { mentor, mentee } = await pair("Feed");
    const stranger = await member("mentee", "Kim Stranger");
    const now = Date.now();
    const rows: Record<string, ReturnType<typeof sessionDoc>> = {
      upcoming: sessionDoc(mentor, mentee, dayAt(3, 10), { sharedNotes: "SHARED-NOTES-TEXT" }),
      proposed: sessionDoc(mentor, mentee, dayAt(4, 10), { status: "pending" }),
      cancelled: sessionDoc(mentor, mentee, dayAt(5, 10), { status: "cancelled", version: 2, cancelReason: "CANCEL-REASON-TEXT", cancelledBy: mentor.uid }),
      lastMonth: sessionDoc(mentor, mentee, now - 30 * DAY, { status: "completed" }),
      tooOld: sessionDoc(mentor, mentee, now - 91 * DAY, { status: "completed" }),
      someoneElses: sessionDoc(mentor, stranger, dayAt(3, 12)),
    };
    const ids = Object.fromEntries(Object.keys(rows).map((key) => [key, `feed-${key}-${mentee.uid}`]));
    const batch = adminDb.batch();
    for (const [key, row] of Object.entries(rows)) batch.set(adminDb.doc(paths.session(ids[key]!)), row);
    batch.set(adminDb.doc(paths.sessionPrivateNote(ids.upcoming!, mentee.uid)), { text: "PRIVATE-NOTE-TEXT", updatedAt: Timestamp.now() });
    await batch.commit();

    const feed = await turnOn(mentee);
    const answer = await fetchFeed(feed.path);
    expect(answer.status).toBe(200);
    expect(answer.type).toBe("text/calendar; charset=utf-8");
    const events = eventsOf(answer.body);
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect([...byUid.keys()].sort()).toEqual(["upcoming", "proposed", "cancelled", "lastMonth"].map((key) => icsUid(ids[key]!)).sort());
    expect(byUid.get(icsUid(ids.upcoming!))).toMatchObject({ status: "CONFIRMED", sequence: 1, startMs: dayAt(3, 10), summary: "Mentoring session with Ada Feed" });
    expect(byUid.get(icsUid(ids.proposed!))).toMatchObject({ status: "TENTATIVE", sequence: 1 });
    expect(byUid.get(icsUid(ids.cancelled!))).toMatchObject({ status: "CANCELLED", sequence: 3 });
    expect(byUid.get(icsUid(ids.lastMonth!))).toMatchObject({ status: "CONFIRMED" });
    for (const secret of ["PRIVATE-NOTE-TEXT", "SHARED-NOTES-TEXT", "CANCEL-REASON-TEXT", mentee.email, mentor.email]) expect(answer.body).not.toContain(secret);

    // The mentor's own feed is the same sessions from their side, plus the stranger's.
    const mentorFeed = eventsOf((await fetchFeed((await turnOn(mentor)).path)).body);
    expect(mentorFeed).toHaveLength(5);
    expect(mentorFeed.find((e) => e.uid === icsUid(ids.upcoming!))!.summary).toBe("Mentoring session with Sam Feed");

    // A calendar polling again with the ETag gets 304 and no body.
    const again = await fetchFeed(feed.path, { headers: { "If-None-Match": answer.etag! } });
    expect(again).toMatchObject({ status: 304, body: "" });
  });

  it("a reschedule keeps the UID and raises SEQUENCE; a cancel then keeps the UID with STATUS:CANCELLED and a higher SEQUENCE", async () => {
    const { mentor, mentee, matchId } = await pair("Move");
    const startMs = dayAt(2, 14);
    const { sessionId } = await mentee.call("bookSession", { matchId, startMs, durationMinutes: 30, agenda: "Plans", meetingLink: "https://zoom.us/j/42" });
    await mentor.call("respondToSession", { sessionId, decision: "accept" });
    const feed = await turnOn(mentee);
    const before = eventsOf((await fetchFeed(feed.path)).body).find((e) => e.uid === icsUid(sessionId))!;
    expect(before).toMatchObject({ sequence: 1, status: "CONFIRMED", startMs });
    expect(before.description).toContain("Join: https://zoom.us/j/42");

    await mentee.call("rescheduleSession", { sessionId, startMs: startMs + 2 * HOUR });
    const moved = eventsOf((await fetchFeed(feed.path)).body);
    expect(moved.filter((e) => e.uid === icsUid(sessionId))).toEqual([expect.objectContaining({ sequence: 2, status: "TENTATIVE", startMs: startMs + 2 * HOUR })]);

    await mentee.call("cancelSession", { sessionId });
    const cancelled = eventsOf((await fetchFeed(feed.path)).body);
    expect(cancelled.filter((e) => e.uid === icsUid(sessionId))).toEqual([expect.objectContaining({ sequence: 3, status: "CANCELLED" })]);
  });

  it("a malformed, unknown, reset or mismatched token gets the same bare 404", async () => {
    const mentee = await member("mentee", "Sam Probe");
    const old = await turnOn(mentee);
    const current = await turnOn(mentee);
    expect((await fetchFeed(current.path)).status).toBe(200);
    // A document whose stored hash disagrees with its id (as no callable writes) opens nothing: the hashes are compared.
    const planted = "P".repeat(43);
    await adminDb.doc(paths.calendarFeed(sha256(planted))).set({ uid: mentee.uid, tokenHash: sha256(current.token), createdAt: Timestamp.now() });

    const probes = [
      old.path, // reset
      `/calendar/${"A".repeat(43)}.ics`, // the right shape, never issued
      `/calendar/${planted}.ics`,
      "/calendar/short.ics",
      `/calendar/${current.token}x.ics`,
      `/calendar/${current.token}`,
      `/calendar/${current.token}.ics/extra`,
      `/calendar/${encodeURIComponent("../../users")}.ics`,
      "/calendar/.ics",
      "/",
    ];
    // One after another: the functions emulator starts a new instance for each concurrent request.
    const answers = [];
    for (const probe of probes) answers.push({ probe, ...(await fetchFeed(probe)) });
    const bare = { status: 404, type: "text/plain; charset=utf-8", body: "Not found\n" };
    // Byte for byte the same answer (Express's weak ETag of the body included), whichever way the token is wrong.
    for (const answer of answers) expect(answer).toEqual({ probe: answer.probe, ...bare, etag: answers[0]!.etag });
  });

  it("answers GET and HEAD only", async () => {
    const mentee = await member("mentee", "Sam Verbs");
    const feed = await turnOn(mentee);
    expect((await fetchFeed(feed.path, { method: "HEAD" })).status).toBe(200);
    expect((await fetchFeed(feed.path, { method: "POST", body: "x" })).status).toBe(405);
  });

  it("serves 1,000 sessions from one document read and one bounded query", async () => {
    const mentor = await member("mentor", "Ada Many");
    const mentee = await member("mentee", "Sam Many");
    const first = Date.now() - 80 * DAY;
    for (let chunk = 0; chunk < 2; chunk += 1) {
      const batch = adminDb.batch();
      for (let i = chunk * 500; i < (chunk + 1) * 500; i += 1)
        batch.set(adminDb.doc(paths.session(`many-${mentee.uid}-${i}`)), sessionDoc(mentor, mentee, first + i * 4 * HOUR, { status: i % 10 === 0 ? "cancelled" : "completed" }));
      await batch.commit();
    }
    const feed = await turnOn(mentee);

    const docGets = vi.spyOn(DocumentReference.prototype, "get");
    const queryGets = vi.spyOn(Query.prototype, "get");
    const answer = await serveCalendarFeed({ method: "GET", path: feed.path }, { nowMs: Date.now(), appUrl: "https://mentor.example", db: adminDb });
    expect(docGets).toHaveBeenCalledTimes(1);
    expect(queryGets).toHaveBeenCalledTimes(1);
    vi.restoreAllMocks();
    expect(answer.status).toBe(200);
    const events = eventsOf(answer.body);
    expect(events).toHaveLength(1000);
    expect(new Set(events.map((e) => e.uid)).size).toBe(1000);
    expect(events.filter((e) => e.status === "CANCELLED")).toHaveLength(100);

    // And over HTTP, as a calendar app gets it.
    expect((await fetchFeed(feed.path)).body.match(/BEGIN:VEVENT/g)).toHaveLength(1000);
  });
});
