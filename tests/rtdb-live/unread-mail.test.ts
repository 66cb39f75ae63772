// The unread-mail marker through the real firebase SDK: a send leaves one for its recipient, reading removes it.
import { rtdbPaths } from "@mentormatch/shared";
import { get, ref, serverTimestamp, set, update } from "firebase/database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin, closeAll, failure, openChat, send, signedIn, type Person } from "./helpers";

interface Marker {
  uid: string;
  chatId: string;
  at: number;
}

const PERMISSION = /permission.denied/i;
let mentor: Person;
let mentee: Person;
let outsider: Person;

beforeAll(async () => {
  [mentor, mentee, outsider] = await Promise.all([signedIn("mentor"), signedIn("mentee"), signedIn("mentee")]);
});
afterAll(closeAll);

const markerOf = async (uid: string, chatId: string) => (await admin.ref(rtdbPaths.unreadMailMarker(uid, chatId)).get()).val() as Marker | null;
const sentAtOf = async (chatId: string, id: string) => (await admin.ref(`${rtdbPaths.chatMessages(chatId)}/${id}/sentAt`).get()).val() as number;

/** What the chat page's markChatRead writes: lastRead, my counter to 0, my marker removed. */
async function markRead(person: Person, chatId: string): Promise<void> {
  await Promise.all([
    set(ref(person.db, rtdbPaths.chatLastRead(chatId, person.uid)), serverTimestamp()),
    set(ref(person.db, `${rtdbPaths.userChats(person.uid)}/${chatId}/unread`), 0),
    set(ref(person.db, rtdbPaths.unreadMailMarker(person.uid, chatId)), null),
  ]);
}

describe("the unread-mail marker", () => {
  it("is written for the recipient by a send, at the message's server time, and renewed by the next send", async () => {
    const chatId = await openChat(mentor, mentee);
    const first = await send(mentee, mentor, chatId, "Hello! Do you have time on Thursday?");
    const marker = await markerOf(mentor.uid, chatId);
    expect(marker).toEqual({ uid: mentor.uid, chatId, at: await sentAtOf(chatId, first) });
    // Only the recipient has one.
    expect(await markerOf(mentee.uid, chatId)).toBeNull();

    const second = await send(mentee, mentor, chatId, "Or Friday?");
    expect((await markerOf(mentor.uid, chatId))!.at).toBe(await sentAtOf(chatId, second));
  });

  it("is removed when the recipient reads the chat, and not by anyone else", async () => {
    const chatId = await openChat(mentor, mentee);
    await send(mentor, mentee, chatId, "How did the interview go?");
    expect(await markerOf(mentee.uid, chatId)).not.toBeNull();

    expect(await failure(set(ref(mentor.db, rtdbPaths.unreadMailMarker(mentee.uid, chatId)), null))).toMatch(PERMISSION);
    expect(await failure(set(ref(outsider.db, rtdbPaths.unreadMailMarker(mentee.uid, chatId)), null))).toMatch(PERMISSION);
    expect(await markerOf(mentee.uid, chatId)).not.toBeNull();

    await markRead(mentee, chatId);
    expect(await markerOf(mentee.uid, chatId)).toBeNull();
    // Reading again, with no marker left, still succeeds.
    expect(await failure(markRead(mentee, chatId))).toBeNull();
  });

  it("is readable by nobody, not even its owner", async () => {
    const chatId = await openChat(mentor, mentee);
    await send(mentor, mentee, chatId, "Private");
    expect(await failure(get(ref(mentee.db, rtdbPaths.unreadMailMarker(mentee.uid, chatId))))).toMatch(PERMISSION);
    expect(await failure(get(ref(mentor.db, rtdbPaths.unreadMail())))).toMatch(PERMISSION);
  });

  it("cannot be forged: not without a send, not for an outsider, not with another time", async () => {
    const chatId = await openChat(mentor, mentee);
    const forged = { uid: mentee.uid, chatId, at: serverTimestamp() };
    expect(await failure(set(ref(mentor.db, rtdbPaths.unreadMailMarker(mentee.uid, chatId)), forged))).toMatch(PERMISSION);
    expect(await failure(set(ref(outsider.db, rtdbPaths.unreadMailMarker(mentee.uid, chatId)), forged))).toMatch(PERMISSION);
    expect(
      await failure(update(ref(mentor.db), { [rtdbPaths.unreadMailMarker(mentee.uid, chatId)]: { uid: mentee.uid, chatId, at: Date.now() - 3_600_000 } })),
    ).toMatch(PERMISSION);
    expect(await markerOf(mentee.uid, chatId)).toBeNull();
  });
});
