// Archiving a conversation (userChats/{uid}/{chatId}/archived) through the real SDK, against whichever Realtime
// Database runs: only the owner sets it, a new message leaves it alone, and the list query still brings it.
import { rtdbPaths } from "@mentormatch/shared";
import { get, limitToLast, orderByChild, query, ref, set, update } from "firebase/database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAll, failure, openChat, send, signedIn, valueWhere, type Person } from "./helpers";

interface ChatListEntry {
  peerId: string;
  lastMessageId?: string;
  lastMessage?: string;
  unread?: number;
  archived?: boolean;
}

const PERMISSION = /permission.denied/i;
let mentor: Person;
let mentee: Person;
let outsider: Person;

beforeAll(async () => {
  [mentor, mentee, outsider] = await Promise.all([signedIn("mentor"), signedIn("mentee"), signedIn("mentee")]);
});
afterAll(closeAll);

const archivedRef = (person: Person, owner: string, chatId: string) => ref(person.db, `${rtdbPaths.userChats(owner)}/${chatId}/archived`);
const entryRef = (person: Person, owner: string, chatId: string) => ref(person.db, `${rtdbPaths.userChats(owner)}/${chatId}`);

describe("archiving a conversation", () => {
  it("is the owner's own flag: set and cleared by them, their peer's entry untouched", async () => {
    const chatId = await openChat(mentor, mentee);
    await send(mentee, mentor, chatId, "Hello");
    await set(archivedRef(mentor, mentor.uid, chatId), true);
    expect((await get(entryRef(mentor, mentor.uid, chatId))).val()).toMatchObject({ peerId: mentee.uid, archived: true, unread: 1 });
    expect((await get(archivedRef(mentee, mentee.uid, chatId))).val()).toBeNull();
    await set(archivedRef(mentor, mentor.uid, chatId), false);
    expect((await get(archivedRef(mentor, mentor.uid, chatId))).val()).toBe(false);
  });

  it("stays archived when a new message arrives, which still counts as unread", async () => {
    const chatId = await openChat(mentor, mentee);
    await send(mentee, mentor, chatId, "First");
    await set(archivedRef(mentor, mentor.uid, chatId), true);
    const id = await send(mentee, mentor, chatId, "Are you there?");
    const entry = await valueWhere<ChatListEntry>(entryRef(mentor, mentor.uid, chatId), (value) => value?.lastMessageId === id);
    expect(entry).toMatchObject({ archived: true, unread: 2, lastMessage: "Are you there?" });
    // The app's list query (by lastMessageAt, bounded) still returns it, flag included: the app files it under Archived.
    const list = await get(query(ref(mentor.db, rtdbPaths.userChats(mentor.uid)), orderByChild("lastMessageAt"), limitToLast(100)));
    expect((list.val() as Record<string, ChatListEntry>)[chatId]).toMatchObject({ archived: true, unread: 2 });
  });

  it("refuses anyone else's hand on the flag, a non-boolean, and a flag on a chat with no entry yet", async () => {
    const chatId = await openChat(mentor, mentee);
    await send(mentor, mentee, chatId, "Hi");
    expect(await failure(set(archivedRef(mentor, mentee.uid, chatId), true))).toMatch(PERMISSION);
    expect(await failure(set(archivedRef(outsider, outsider.uid, chatId), true))).toMatch(PERMISSION);
    expect(await failure(set(archivedRef(outsider, mentor.uid, chatId), true))).toMatch(PERMISSION);
    expect(await failure(set(archivedRef(mentor, mentor.uid, chatId), "yes"))).toMatch(PERMISSION);
    expect(await failure(set(archivedRef(mentor, mentor.uid, chatId), null))).toMatch(PERMISSION);
    const fresh = await openChat(mentor, mentee);
    expect(await failure(set(archivedRef(mentor, mentor.uid, fresh), true))).toMatch(PERMISSION);
    expect((await get(entryRef(mentor, mentor.uid, fresh))).val()).toBeNull();
    expect((await get(archivedRef(mentee, mentee.uid, chatId))).val()).toBeNull();
  });

  it("does not let archiving carry other fields along", async () => {
    const chatId = await openChat(mentor, mentee);
    await send(mentee, mentor, chatId, "Hello");
    expect(await failure(update(entryRef(mentor, mentor.uid, chatId), { archived: true, unread: 7 }))).toMatch(PERMISSION);
    expect(await failure(update(entryRef(mentor, mentor.uid, chatId), { archived: true, lastMessage: "Hello" }))).toMatch(PERMISSION);
    expect(await failure(update(entryRef(mentor, mentor.uid, chatId), { archived: true, peerId: outsider.uid }))).toMatch(PERMISSION);
    expect((await get(entryRef(mentor, mentor.uid, chatId))).val()).toMatchObject({ peerId: mentee.uid, unread: 1, lastMessage: "Hello" });
    expect((await get(archivedRef(mentor, mentor.uid, chatId))).val()).toBeNull();
    // Archiving while clearing my own counter is one legitimate update.
    await update(entryRef(mentor, mentor.uid, chatId), { archived: true, unread: 0 });
    expect((await get(entryRef(mentor, mentor.uid, chatId))).val()).toMatchObject({ archived: true, unread: 0 });
  });
});
