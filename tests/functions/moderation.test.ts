// Chat moderation's callables against the emulators (auth, firestore, functions) and a Realtime Database (the
// emulator or the stand-in): reportMessage, resolveReport, blockUser, unblockUser, setBlockedWords.
import {
  MODERATION_LIMITS,
  REMOVED_MESSAGE_TEXT,
  blockIdOf,
  dedupeDocId,
  matchIdOf,
  paths,
  reportIdOf,
  rtdbPaths,
  type NotificationKind,
} from "@mentormatch/shared";
import { afterAll, describe, expect, it } from "vitest";
import { rtdb } from "../../functions/src/lib/app.js";
import { adminDb, closeClients, expectCallableError, makeAdmin, registered, signUp, uniqueId, type SignedInClient } from "./helpers.js";

if (!process.env.FIREBASE_DATABASE_EMULATOR_HOST)
  throw new Error("These tests need a Realtime Database: node scripts/emulators.mjs exec --only auth,firestore,functions,database -- '…'");

const database = rtdb();
afterAll(async () => {
  await closeClients();
  // The admin connection would keep the worker busy after the last test.
  database.goOffline();
});

// ---- helpers ----------------------------------------------------------------------------------------------------

const profileOf = async (uid: string) => (await adminDb.doc(paths.user(uid)).get()).data()!;
const notesOf = async (uid: string, kind?: NotificationKind) =>
  (await adminDb.collection(paths.notifications(uid)).get()).docs.map((d) => d.data()).filter((n) => !kind || n.kind === kind);
const auditFor = async (field: "targetUid" | "actorUid", uid: string) =>
  (await adminDb.collection(paths.auditLog()).where(field, "==", uid).get()).docs.map((d) => d.data());
const reportsBy = async (uid: string) => (await adminDb.collection(paths.reports()).where("reporterUid", "==", uid).get()).docs;
const rtdbValue = async (path: string) => (await database.ref(path).get()).val() as Record<string, unknown> | null;

/** A mentor and a mentee with an accepted match, so their chat is open (acceptMatch sets the members). */
async function matchedPair(label: string, mentorFields: Record<string, unknown> = {}) {
  const ada = await registered("mentor", `Ada ${label}`);
  if (Object.keys(mentorFields).length) await adminDb.doc(paths.user(ada.uid)).update(mentorFields);
  const sam = await registered("mentee", `Sam ${label}`);
  await sam.call("requestMatch", { mentorId: ada.uid, message: "Could you help me?" });
  const chatId = matchIdOf(ada.uid, sam.uid);
  await ada.call("acceptMatch", { matchId: chatId });
  return { ada, sam, chatId };
}

/** A message as a send leaves it (web/src/data/chats.ts): the message and both chat-list entries naming it. */
async function sendAs(chatId: string, from: SignedInClient, to: SignedInClient, text: string): Promise<string> {
  const id = uniqueId("m");
  const summary = { lastMessageId: id, lastMessage: text.slice(0, 140), lastMessageAt: Date.now(), lastFrom: from.uid };
  await database.ref().update({
    [`${rtdbPaths.chatMessages(chatId)}/${id}`]: { from: from.uid, text, sentAt: Date.now() },
    [`${rtdbPaths.userChats(from.uid)}/${chatId}`]: { ...summary, peerId: to.uid },
    [`${rtdbPaths.userChats(to.uid)}/${chatId}`]: { ...summary, peerId: from.uid, unread: 1 },
  });
  return id;
}

/** Every report_filed notification for one report, with the uid it went to. */
async function reportFiledNotes(reportId: string) {
  const id = dedupeDocId(`report:${reportId}:filed`);
  const snap = await adminDb.collectionGroup("notifications").where("kind", "==", "report_filed").get();
  return snap.docs.filter((d) => d.id === id).map((d) => ({ uid: d.ref.parent.parent!.id, ...(d.data() as { text: string; link: string; read: boolean }) }));
}

// ---- reportMessage ----------------------------------------------------------------------------------------------

describe("reportMessage", () => {
  it("files an open report with a snapshot of the message and tells the admins (a bounded number of them)", async () => {
    await makeAdmin("mod-admin", "Morgan Moderator");
    const { ada, sam, chatId } = await matchedPair("Report");
    const messageId = await sendAs(chatId, ada, sam, "You will never make senior, give up.");

    const result = await sam.call("reportMessage", { chatId, messageId, reason: "harassment", details: "  Third time this week.  " });

    const reportId = reportIdOf(chatId, messageId, sam.uid);
    expect(result).toEqual({ reportId, created: true });
    const report = (await adminDb.doc(paths.report(reportId)).get()).data()!;
    expect(report).toMatchObject({
      chatId,
      messageId,
      reporterUid: sam.uid,
      reporterName: "Sam Report",
      authorUid: ada.uid,
      authorName: "Ada Report",
      messageText: "You will never make senior, give up.",
      reason: "harassment",
      details: "Third time this week.",
      status: "open",
      resolvedAt: null,
      action: null,
    });
    const notes = await reportFiledNotes(reportId);
    expect(notes.length).toBeGreaterThanOrEqual(1);
    expect(notes.length).toBeLessThanOrEqual(MODERATION_LIMITS.adminsNotified);
    for (const note of notes) {
      expect((await profileOf(note.uid)).role).toBe("admin");
      expect(note).toMatchObject({ link: "/admin/moderation", read: false });
      expect(String(note.text)).toBe("Sam Report reported a message from Ada Report: harassment or bullying.");
    }
    // The author is not told anything.
    expect(await notesOf(ada.uid, "report_filed")).toEqual([]);
  });

  it("reporting the same message twice, even at once, answers ok and writes one report", async () => {
    const { ada, sam, chatId } = await matchedPair("Twice");
    const messageId = await sendAs(chatId, ada, sam, "buy my course");
    const results = await Promise.all([
      sam.call("reportMessage", { chatId, messageId, reason: "spam" }),
      sam.call("reportMessage", { chatId, messageId, reason: "other", details: "again" }),
    ]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    const again = await sam.call("reportMessage", { chatId, messageId, reason: "harassment" });
    expect(again).toEqual({ reportId: reportIdOf(chatId, messageId, sam.uid), created: false });
    const reports = await reportsBy(sam.uid);
    expect(reports).toHaveLength(1);
    // The first report stands: a later call does not rewrite its reason.
    expect(["spam", "other"]).toContain(reports[0]!.get("reason"));
  });

  it("refuses bad input with invalid-argument and writes nothing", async () => {
    const { ada, sam, chatId } = await matchedPair("BadReport");
    const messageId = await sendAs(chatId, ada, sam, "hello");
    const bad: unknown[] = [
      { chatId, messageId, reason: "rude" },
      { chatId, messageId, reason: "spam", details: "x".repeat(MODERATION_LIMITS.reportDetails + 1) },
      { chatId, messageId: "../../users/x", reason: "spam" },
      { chatId: "", messageId, reason: "spam" },
      { chatId, messageId, reason: "spam", status: "resolved" },
      { chatId, messageId },
    ];
    for (const input of bad) await expectCallableError(sam.callRaw("reportMessage", input), "invalid-argument");
    const error = await expectCallableError(sam.callRaw("reportMessage", { chatId, messageId, reason: "rude" }), "invalid-argument");
    expect(error.details?.fields?.reason).toBe("Choose why you are reporting this message.");
    expect(await reportsBy(sam.uid)).toHaveLength(0);
  });

  it("refuses someone outside the chat, one's own message, a missing message and an account without a role", async () => {
    const { ada, sam, chatId } = await matchedPair("Outsider");
    const messageId = await sendAs(chatId, ada, sam, "hello");
    const own = await sendAs(chatId, sam, ada, "hi back");
    const eve = await registered("mentee", "Eve Outsider");
    await expectCallableError(eve.call("reportMessage", { chatId, messageId, reason: "spam" }), "not-found", "We could not find that conversation.");
    await expectCallableError(sam.call("reportMessage", { chatId, messageId: own, reason: "spam" }), "failed-precondition", "You cannot report your own message.");
    await expectCallableError(sam.call("reportMessage", { chatId, messageId: "-Nnothing", reason: "spam" }), "not-found", "We could not find that message.");
    const noRole = await signUp("norole");
    await expectCallableError(noRole.call("reportMessage", { chatId, messageId, reason: "spam" }), "permission-denied");
    expect(await reportsBy(eve.uid)).toHaveLength(0);
    expect(await reportsBy(sam.uid)).toHaveLength(0);
  });
});

// ---- resolveReport ----------------------------------------------------------------------------------------------

describe("resolveReport", () => {
  async function reported(label: string) {
    const pair = await matchedPair(label);
    const messageId = await sendAs(pair.chatId, pair.ada, pair.sam, "something unkind");
    const { reportId } = await pair.sam.call("reportMessage", { chatId: pair.chatId, messageId, reason: "harassment" });
    return { ...pair, messageId, reportId };
  }

  it("remove_message: resolves the report, blanks the message and the previews, tells the reporter, audits once", async () => {
    const admin = await makeAdmin("remover", "Rita Remover");
    const { ada, sam, chatId, messageId, reportId } = await reported("Remove");

    const result = await admin.call("resolveReport", { reportId, action: "remove_message", note: "  Clear harassment.  " });
    expect(result).toEqual({ reportId, status: "resolved", action: "remove_message", changed: true });

    const report = (await adminDb.doc(paths.report(reportId)).get()).data()!;
    expect(report).toMatchObject({ status: "resolved", action: "remove_message", resolvedBy: admin.uid, resolvedByName: "Rita Remover", note: "Clear harassment." });
    expect(report.messageText).toBe("something unkind");
    expect(await rtdbValue(rtdbPaths.chatMessage(chatId, messageId))).toMatchObject({ from: ada.uid, text: "", removed: true });
    expect((await rtdbValue(`${rtdbPaths.userChats(sam.uid)}/${chatId}`))?.lastMessage).toBe(REMOVED_MESSAGE_TEXT);
    expect((await rtdbValue(`${rtdbPaths.userChats(ada.uid)}/${chatId}`))?.lastMessage).toBe(REMOVED_MESSAGE_TEXT);
    const told = await notesOf(sam.uid, "report_resolved");
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toBe("Thanks for your report. A moderator removed the message from Ada Remove.");

    // A second decision (another admin, or a retry) answers with the first and writes nothing more.
    expect(await admin.call("resolveReport", { reportId, action: "dismiss" })).toEqual({ reportId, status: "resolved", action: "remove_message", changed: false });
    const audit = (await auditFor("targetUid", ada.uid)).filter((e) => e.reportId === reportId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "message_removed", actorUid: admin.uid, actorName: "Rita Remover", targetName: "Ada Remove", note: "Clear harassment." });
    expect(await notesOf(sam.uid, "report_resolved")).toHaveLength(1);
  });

  it("dismiss: resolves the report and leaves the message as it was", async () => {
    const admin = await makeAdmin("dismisser", "Dee Dismiss");
    const { ada, sam, chatId, messageId, reportId } = await reported("Dismiss");
    expect(await admin.call("resolveReport", { reportId, action: "dismiss" })).toMatchObject({ action: "dismiss", changed: true });
    expect(await rtdbValue(rtdbPaths.chatMessage(chatId, messageId))).toEqual(expect.objectContaining({ text: "something unkind" }));
    expect((await rtdbValue(rtdbPaths.chatMessage(chatId, messageId)))?.removed).toBeUndefined();
    expect((await notesOf(sam.uid, "report_resolved"))[0]!.text).toContain("left it in place");
    expect((await auditFor("targetUid", ada.uid)).map((e) => e.action)).toEqual(["report_dismissed"]);
  });

  it("refuses mentors, mentees and a demoted admin's old token; the report stays open", async () => {
    const { ada, sam, reportId } = await reported("Denied");
    await expectCallableError(sam.call("resolveReport", { reportId, action: "dismiss" }), "permission-denied", "Only admins can do that.");
    await expectCallableError(ada.call("resolveReport", { reportId, action: "remove_message" }), "permission-denied");
    const demoted = await makeAdmin("demoted", "Dan Demoted");
    await adminDb.doc(paths.user(demoted.uid)).update({ role: "mentee" });
    await expectCallableError(demoted.call("resolveReport", { reportId, action: "dismiss" }), "permission-denied");
    expect((await adminDb.doc(paths.report(reportId)).get()).get("status")).toBe("open");
  });

  it("refuses bad input and a report that is not there, writing nothing", async () => {
    const admin = await makeAdmin("picky", "Pat Picky");
    const { reportId } = await reported("BadResolve");
    await expectCallableError(admin.callRaw("resolveReport", { reportId, action: "delete" }), "invalid-argument", "Choose to dismiss the report or remove the message.");
    await expectCallableError(admin.callRaw("resolveReport", { reportId, action: "dismiss", note: "x".repeat(501) }), "invalid-argument");
    await expectCallableError(admin.callRaw("resolveReport", { reportId: "a/b", action: "dismiss" }), "invalid-argument");
    await expectCallableError(admin.call("resolveReport", { reportId: "nope_nope_nope", action: "dismiss" }), "not-found", "We could not find that report.");
    expect((await adminDb.doc(paths.report(reportId)).get()).get("status")).toBe("open");
    expect(await auditFor("actorUid", admin.uid)).toEqual([]);
  });
});

// ---- blockUser / unblockUser ------------------------------------------------------------------------------------

describe("blockUser", () => {
  it("ends the accepted match as endMatch would (the mentor's count drops exactly once), closes the chat, and requests are refused", async () => {
    // Names without "block" in them, so the check that the notification does not mention a block means something.
    const { ada, sam, chatId } = await matchedPair("Cutoff", { capacity: 3 });
    // A second mentee, so the count shows one drop and not a reset to 0.
    const bo = await registered("mentee", "Bo Other");
    await bo.call("requestMatch", { mentorId: ada.uid, message: "Hi" });
    await ada.call("acceptMatch", { matchId: matchIdOf(ada.uid, bo.uid) });
    expect((await profileOf(ada.uid)).activeMenteeCount).toBe(2);

    const result = await sam.call("blockUser", { uid: ada.uid });
    expect(result).toEqual({ uid: ada.uid, blocked: true, changed: true, endedMatch: true, closedRequest: false });
    expect((await profileOf(ada.uid)).activeMenteeCount).toBe(1);
    expect((await adminDb.doc(paths.match(chatId)).get()).data()).toMatchObject({ status: "ended", endedBy: sam.uid });
    expect((await adminDb.doc(paths.block(blockIdOf(sam.uid, ada.uid))).get()).data()).toMatchObject({ blockerUid: sam.uid, blockedUid: ada.uid, blockedName: "Ada Cutoff" });
    expect(await rtdbValue(rtdbPaths.chatMeta(chatId))).toEqual({ closed: true });

    // The other person hears that the mentoring ended, not that they were blocked.
    const ended = await notesOf(ada.uid, "match_ended");
    expect(ended).toHaveLength(1);
    expect(String(ended[0]!.text)).not.toMatch(/block/i);

    // Again: answered ok, nothing more (count, notification, audit).
    expect(await sam.call("blockUser", { uid: ada.uid })).toEqual({ uid: ada.uid, blocked: true, changed: false, endedMatch: false, closedRequest: false });
    expect((await profileOf(ada.uid)).activeMenteeCount).toBe(1);
    expect(await notesOf(ada.uid, "match_ended")).toHaveLength(1);
    expect((await auditFor("actorUid", sam.uid)).map((e) => e.action)).toEqual(["user_blocked"]);

    // Neither can ask the other: the same neutral answer whoever blocked.
    await expectCallableError(sam.call("requestMatch", { mentorId: ada.uid, message: "Again?" }), "failed-precondition", "You can't send a request to this mentor right now.");
    const cy = await registered("mentee", "Cy Blocked");
    await ada.call("blockUser", { uid: cy.uid });
    await expectCallableError(cy.call("requestMatch", { mentorId: ada.uid, message: "Hello" }), "failed-precondition", "You can't send a request to this mentor right now.");
    expect((await adminDb.doc(paths.match(matchIdOf(ada.uid, cy.uid))).get()).exists).toBe(false);
  });

  it("closes a waiting request: declined when the mentor blocks, not counted as an answer", async () => {
    const ada = await registered("mentor", "Ada Pending");
    const sam = await registered("mentee", "Sam Pending");
    await sam.call("requestMatch", { mentorId: ada.uid, message: "Hi" });
    expect(await ada.call("blockUser", { uid: sam.uid })).toMatchObject({ changed: true, endedMatch: false, closedRequest: true });
    const match = (await adminDb.doc(paths.match(matchIdOf(ada.uid, sam.uid))).get()).data()!;
    expect(match).toMatchObject({ status: "declined", responseCounted: true });
    expect(await notesOf(sam.uid, "match_declined")).toHaveLength(1);
    expect((await profileOf(ada.uid)).responseHoursRecent ?? []).toEqual([]);
  });

  it("refuses blocking oneself, bad ids and nobody, writing nothing", async () => {
    const sam = await registered("mentee", "Sam Self");
    await expectCallableError(sam.call("blockUser", { uid: sam.uid }), "invalid-argument", "You cannot block yourself.");
    await expectCallableError(sam.callRaw("blockUser", { uid: "../users/x" }), "invalid-argument");
    await expectCallableError(sam.callRaw("blockUser", { uid: "x", reason: "rude" }), "invalid-argument");
    await expectCallableError(sam.call("blockUser", { uid: "nobody-here" }), "not-found");
    expect((await adminDb.collection(paths.blocks()).where("blockerUid", "==", sam.uid).get()).size).toBe(0);
    const noRole = await signUp("norole-block");
    await expectCallableError(noRole.call("blockUser", { uid: sam.uid }), "permission-denied");
  });
});

describe("unblockUser", () => {
  it("removes the block (audited), after which a request goes through; unblocking again changes nothing", async () => {
    const ada = await registered("mentor", "Ada Unblock");
    const sam = await registered("mentee", "Sam Unblock");
    await sam.call("blockUser", { uid: ada.uid });
    expect(await sam.call("unblockUser", { uid: ada.uid })).toEqual({ uid: ada.uid, blocked: false, changed: true });
    expect((await adminDb.doc(paths.block(blockIdOf(sam.uid, ada.uid))).get()).exists).toBe(false);
    expect(await sam.call("unblockUser", { uid: ada.uid })).toMatchObject({ changed: false });
    expect((await auditFor("actorUid", sam.uid)).map((e) => e.action).sort()).toEqual(["user_blocked", "user_unblocked"]);
    expect(await sam.call("requestMatch", { mentorId: ada.uid, message: "Friends again?" })).toMatchObject({ status: "pending" });
  });

  it("only the blocker lifts their block", async () => {
    const ada = await registered("mentor", "Ada Keep");
    const sam = await registered("mentee", "Sam Keep");
    await sam.call("blockUser", { uid: ada.uid });
    expect(await ada.call("unblockUser", { uid: sam.uid })).toMatchObject({ changed: false });
    expect((await adminDb.doc(paths.block(blockIdOf(sam.uid, ada.uid))).get()).exists).toBe(true);
    await expectCallableError(ada.callRaw("unblockUser", { uid: "" }), "invalid-argument");
  });
});

// ---- setBlockedWords --------------------------------------------------------------------------------------------

describe("setBlockedWords", () => {
  const config = async () => (await adminDb.doc(paths.moderationConfig()).get()).data();

  it("stores the list normalised (trimmed, lower case, once each) and audits the counts", async () => {
    const admin = await makeAdmin("words", "Wendy Words");
    const before = ((await config())?.blockedWords as string[] | undefined)?.length ?? 0;
    const result = await admin.call("setBlockedWords", { words: ["  Spam ", "SCAM", "spam", "get  rich"] });
    expect(result).toEqual({ words: ["spam", "scam", "get rich"], count: 3 });
    expect(await config()).toMatchObject({ blockedWords: ["spam", "scam", "get rich"], updatedBy: admin.uid });
    const audit = await auditFor("actorUid", admin.uid);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "blocked_words_changed", actorName: "Wendy Words", countBefore: before, countAfter: 3 });

    // The same list again writes nothing more.
    await admin.call("setBlockedWords", { words: ["spam", "scam", "get rich"] });
    expect(await auditFor("actorUid", admin.uid)).toHaveLength(1);
  });

  it("refuses words that are too short or too long and lists that are too long, with the field, writing nothing", async () => {
    const admin = await makeAdmin("words-bad", "Bea Bad");
    const before = await config();
    const short = await expectCallableError(admin.callRaw("setBlockedWords", { words: ["ok", "x"] }), "invalid-argument", "Each word needs at least 2 characters.");
    expect(short.details?.fields).toBeDefined();
    await expectCallableError(admin.callRaw("setBlockedWords", { words: ["y".repeat(41)] }), "invalid-argument", "at most 40 characters");
    await expectCallableError(admin.callRaw("setBlockedWords", { words: Array.from({ length: 201 }, (_, i) => `word${i}`) }), "invalid-argument", "at most 200 words");
    await expectCallableError(admin.callRaw("setBlockedWords", { words: "spam" }), "invalid-argument");
    await expectCallableError(admin.callRaw("setBlockedWords", { words: [42] }), "invalid-argument");
    expect(await config()).toEqual(before);
    expect(await auditFor("actorUid", admin.uid)).toEqual([]);
  });

  it("refuses mentors and a demoted admin", async () => {
    const ada = await registered("mentor", "Ada Words");
    await expectCallableError(ada.call("setBlockedWords", { words: ["nope"] }), "permission-denied", "Only admins can do that.");
    const demoted = await makeAdmin("words-demoted", "Dora Demoted");
    await adminDb.doc(paths.user(demoted.uid)).update({ role: "mentor" });
    await expectCallableError(demoted.call("setBlockedWords", { words: ["nope"] }), "permission-denied");
    expect(await auditFor("actorUid", demoted.uid)).toEqual([]);
  });
});
