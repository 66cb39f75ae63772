import { matchIdOf, paths, rtdbPaths, type MatchDoc } from "@mentormatch/shared";
import { Timestamp } from "firebase-admin/firestore";
import { afterAll, describe, expect, it } from "vitest";
import { rtdb } from "../../functions/src/lib/app.js";
import { CHAT_SYNC_DELAY_MS, syncDueChats } from "../../functions/src/lib/chat-sync.js";
import { adminDb, closeClients, expectCallableError, makeAdmin, registered, type SignedInClient } from "./helpers.js";

if (!process.env.FIREBASE_DATABASE_EMULATOR_HOST)
  throw new Error(
    "The chat-sync tests need a Realtime Database (emulator or stand-in): node scripts/emulators.mjs exec --test-env --only auth,firestore,functions,database -- 'npx vitest run --project functions tests/functions/chat-sync.test.ts'",
  );

afterAll(async () => {
  await closeClients();
});

// ---- helpers ----------------------------------------------------------------------------------------------------

const matchRef = (matchId: string) => adminDb.doc(paths.match(matchId));
const matchOf = async (matchId: string) => (await matchRef(matchId).get()).data() as MatchDoc | undefined;
/** The chat as the Realtime Database holds it: `{ members, meta }`, or null when nothing is there. */
const chatOf = async (matchId: string) => (await rtdb().ref(rtdbPaths.chat(matchId)).get()).val() as {
  members?: Record<string, boolean>;
  meta?: { closed?: boolean };
} | null;

/** A mentee asked a mentor, who accepted: the pair's match and its open chat, through the callables. */
async function acceptedPair(label: string): Promise<{ mentor: SignedInClient; mentee: SignedInClient; matchId: string }> {
  const mentor = await registered("mentor", `Ada ${label}`);
  const mentee = await registered("mentee", `Sam ${label}`);
  await mentee.call("requestMatch", { mentorId: mentor.uid, message: "Could you help me grow?" });
  const matchId = matchIdOf(mentor.uid, mentee.uid);
  await mentor.call("acceptMatch", { matchId });
  return { mentor, mentee, matchId };
}

/**
 * What a callable whose Realtime Database write failed leaves behind: the outbox `pending` since `at`, and the chat
 * not (or wrongly) written. Seeded with the Admin SDK.
 */
async function leavePending(matchId: string, at: Date, chat: object | null = null): Promise<void> {
  await matchRef(matchId).update({ chatSync: "pending", chatSyncAt: Timestamp.fromDate(at) });
  await rtdb().ref(rtdbPaths.chat(matchId)).set(chat);
}

// ---- the callables write the outbox and settle it ---------------------------------------------------------------

describe("acceptMatch and endMatch follow the match into the chat", () => {
  it("accept: the chat is open with both members and the outbox is done", async () => {
    const { mentor, mentee, matchId } = await acceptedPair("Accept");
    expect(await chatOf(matchId)).toEqual({ members: { [mentor.uid]: true, [mentee.uid]: true }, meta: { closed: false } });
    const match = (await matchOf(matchId))!;
    expect(match.chatSync).toBe("done");
    expect(match.chatSyncAt).toBeInstanceOf(Timestamp);
    expect(Math.abs((match.chatSyncAt as Timestamp).toMillis() - (match.respondedAt as Timestamp).toMillis())).toBe(0);
  });

  it("end: the chat is read-only, members kept, and the outbox is done", async () => {
    const { mentor, mentee, matchId } = await acceptedPair("End");
    await mentee.call("endMatch", { matchId });
    expect(await chatOf(matchId)).toEqual({ members: { [mentor.uid]: true, [mentee.uid]: true }, meta: { closed: true } });
    expect((await matchOf(matchId))?.chatSync).toBe("done");
  });

  it("a retried accept (already accepted) re-writes a chat the first attempt never wrote, and settles it", async () => {
    const { mentor, mentee, matchId } = await acceptedPair("Retry");
    const acceptedAt = (await matchOf(matchId))!.respondedAt;
    await leavePending(matchId, new Date());
    const result = await mentor.call("acceptMatch", { matchId });
    expect(result).toMatchObject({ changed: false });
    expect(await chatOf(matchId)).toEqual({ members: { [mentor.uid]: true, [mentee.uid]: true }, meta: { closed: false } });
    expect(await matchOf(matchId)).toMatchObject({ chatSync: "done", status: "accepted", respondedAt: acceptedAt });
  });

  it("the mentor's role taken away ends the match and closes its chat through the outbox", async () => {
    const { mentor, mentee, matchId } = await acceptedPair("Role");
    const admin = await makeAdmin("chat-admin");
    await admin.call("setUserRole", { uid: mentor.uid, role: "mentee", endActiveMatches: true });
    expect(await matchOf(matchId)).toMatchObject({ status: "ended", chatSync: "done" });
    expect(await chatOf(matchId)).toEqual({ members: { [mentor.uid]: true, [mentee.uid]: true }, meta: { closed: true } });
  });
});

// ---- the sweep, with an injected now ----------------------------------------------------------------------------

describe("sync-chat-membership (the handler, with an injected now)", () => {
  it("repairs a due pending sync from the match, and a second run changes nothing", async () => {
    const now = new Date();
    const open = await acceptedPair("Sweep Open");
    const ended = await acceptedPair("Sweep Ended");
    await ended.mentee.call("endMatch", { matchId: ended.matchId });
    // The accept's write never happened; the end's close never happened and the chat still says open.
    await leavePending(open.matchId, new Date(now.getTime() - 10 * 60_000));
    await leavePending(ended.matchId, new Date(now.getTime() - 5 * 60_000), {
      members: { [ended.mentor.uid]: true, [ended.mentee.uid]: true },
      meta: { closed: false },
    });

    const first = await syncDueChats({ now, limit: 500 });
    expect(first.written).toBeGreaterThanOrEqual(2);
    expect(await chatOf(open.matchId)).toEqual({ members: { [open.mentor.uid]: true, [open.mentee.uid]: true }, meta: { closed: false } });
    expect(await chatOf(ended.matchId)).toEqual({ members: { [ended.mentor.uid]: true, [ended.mentee.uid]: true }, meta: { closed: true } });
    const afterFirst = [await matchOf(open.matchId), await matchOf(ended.matchId)];
    expect(afterFirst.map((m) => m?.chatSync)).toEqual(["done", "done"]);

    // Idempotent: the second run finds neither (they are done), and both documents and chats stay as they were.
    const second = await syncDueChats({ now, limit: 500 });
    expect(second.failed).toBe(0);
    expect([await matchOf(open.matchId), await matchOf(ended.matchId)]).toEqual(afterFirst);
    expect(await chatOf(open.matchId)).toEqual({ members: { [open.mentor.uid]: true, [open.mentee.uid]: true }, meta: { closed: false } });
    expect(await chatOf(ended.matchId)).toEqual({ members: { [ended.mentor.uid]: true, [ended.mentee.uid]: true }, meta: { closed: true } });
  });

  it("leaves a pending sync that is not due yet (a callable may still be finishing it)", async () => {
    const now = new Date();
    const { matchId } = await acceptedPair("Not Due");
    await leavePending(matchId, new Date(now.getTime() - CHAT_SYNC_DELAY_MS + 5_000));
    const before = await matchOf(matchId);
    await syncDueChats({ now, limit: 500 });
    expect(await chatOf(matchId)).toBeNull();
    expect(await matchOf(matchId)).toEqual(before);
    expect(before?.chatSync).toBe("pending");

    // Once it is due, the next run takes it.
    await syncDueChats({ now: new Date(now.getTime() + CHAT_SYNC_DELAY_MS), limit: 500 });
    expect((await chatOf(matchId))?.meta).toEqual({ closed: false });
    expect((await matchOf(matchId))?.chatSync).toBe("done");
  });

  it("a match that was re-requested after its end keeps the pending close, and the sweep closes the chat", async () => {
    const now = new Date();
    const { mentor, mentee, matchId } = await acceptedPair("Reopen");
    await mentee.call("endMatch", { matchId });
    await leavePending(matchId, new Date(now.getTime() - 10 * 60_000), { members: { [mentor.uid]: true, [mentee.uid]: true }, meta: { closed: false } });
    await mentee.call("requestMatch", { mentorId: mentor.uid, message: "Could we start again?" });
    expect(await matchOf(matchId)).toMatchObject({ status: "pending", round: 2, chatSync: "pending" });

    await syncDueChats({ now, limit: 500 });
    expect((await chatOf(matchId))?.meta).toEqual({ closed: true });
    expect(await matchOf(matchId)).toMatchObject({ status: "pending", round: 2, chatSync: "done" });
  });
});

// ---- resyncChat (admins, for support) ----------------------------------------------------------------------------

describe("resyncChat", () => {
  it("an admin re-writes a lost chat from the match", async () => {
    const { mentor, mentee, matchId } = await acceptedPair("Resync");
    await rtdb().ref(rtdbPaths.chat(matchId)).set(null);
    const admin = await makeAdmin("resync-admin");
    const result = await admin.call("resyncChat", { matchId });
    expect(result).toEqual({ matchId, closed: false, members: [mentor.uid, mentee.uid] });
    expect(await chatOf(matchId)).toEqual({ members: { [mentor.uid]: true, [mentee.uid]: true }, meta: { closed: false } });
    // Twice: the same chat, the same match.
    const match = await matchOf(matchId);
    await admin.call("resyncChat", { matchId });
    expect(await chatOf(matchId)).toEqual({ members: { [mentor.uid]: true, [mentee.uid]: true }, meta: { closed: false } });
    expect(await matchOf(matchId)).toEqual(match);
  });

  it("refuses a match that was never accepted (no chat) and one that does not exist, writing nothing", async () => {
    const mentor = await registered("mentor", "Ada Never");
    const mentee = await registered("mentee", "Sam Never");
    await mentee.call("requestMatch", { mentorId: mentor.uid, message: "Hello" });
    const matchId = matchIdOf(mentor.uid, mentee.uid);
    const admin = await makeAdmin("resync-admin-2");
    await expectCallableError(admin.call("resyncChat", { matchId }), "failed-precondition", "never accepted");
    expect(await chatOf(matchId)).toBeNull();
    await expectCallableError(admin.call("resyncChat", { matchId: `${mentor.uid}_nobody` }), "not-found", "no match");
  });

  it("refuses mentors and mentees, even the match's own people", async () => {
    const { mentor, mentee, matchId } = await acceptedPair("Resync Denied");
    await rtdb().ref(rtdbPaths.chat(matchId)).set(null);
    await expectCallableError(mentor.call("resyncChat", { matchId }), "permission-denied");
    await expectCallableError(mentee.call("resyncChat", { matchId }), "permission-denied");
    expect(await chatOf(matchId)).toBeNull();
  });

  it("bad input: invalid-argument with a sentence, nothing written", async () => {
    const admin = await makeAdmin("resync-admin-3");
    const cases: [unknown, string][] = [
      [{}, "A match id is required."],
      [{ matchId: "" }, "A match id is required."],
      [{ matchId: "../users/x" }, "A match id is not valid."],
      [{ matchId: 42 }, "A match id must be text."],
      [{ matchId: "a_b", extra: true }, ""],
      [null, "The request was empty"],
    ];
    for (const [input, message] of cases) await expectCallableError(admin.callRaw("resyncChat", input), "invalid-argument", message);
  });
});
