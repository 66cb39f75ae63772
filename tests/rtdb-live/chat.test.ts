// Chat through the real firebase SDK against whichever Realtime Database runs (official emulator or the local
// stand-in), with people signed in through the Auth emulator: what the in-process rules tests cannot show.
import { rtdbPaths } from "@mentormatch/shared";
import {
  endBefore,
  get,
  goOffline,
  limitToLast,
  onChildAdded,
  onDisconnect,
  onValue,
  orderByKey,
  push,
  query,
  ref,
  remove,
  serverTimestamp,
  set,
} from "firebase/database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin, closeAll, failure, openChat, send, signedIn, valueWhere, type Person } from "./helpers";

interface Message {
  from: string;
  text: string;
  sentAt: number;
}
interface ChatListEntry {
  peerId: string;
  lastMessageId?: string;
  lastMessage?: string;
  lastMessageAt?: number;
  lastFrom?: string;
  unread?: number;
}
interface Presence {
  state: "online" | "offline";
  lastChanged: number;
}

const PERMISSION = /permission.denied/i;
let mentor: Person;
let mentee: Person;
let outsider: Person;

beforeAll(async () => {
  [mentor, mentee, outsider] = await Promise.all([signedIn("mentor"), signedIn("mentee"), signedIn("mentee")]);
});
afterAll(closeAll);

describe("a two-person chat", () => {
  it("delivers a message to the other member, with their chat-list summary and unread counter one up", async () => {
    const chatId = await openChat(mentor, mentee);
    const received: Message[] = [];
    const stop = onChildAdded(ref(mentor.db, rtdbPaths.chatMessages(chatId)), (snap) => received.push(snap.val() as Message));
    const before = Date.now();
    const id = await send(mentee, mentor, chatId, "Hello! Do you have time on Thursday?");
    const entry = await valueWhere<ChatListEntry>(ref(mentor.db, `${rtdbPaths.userChats(mentor.uid)}/${chatId}`), (value) => value?.lastMessageId === id);
    await expect.poll(() => received.length).toBe(1);
    stop();
    expect(received[0]).toMatchObject({ from: mentee.uid, text: "Hello! Do you have time on Thursday?" });
    expect(received[0]!.sentAt).toBeGreaterThanOrEqual(before - 1000);
    expect(entry).toMatchObject({ peerId: mentee.uid, lastMessage: "Hello! Do you have time on Thursday?", lastFrom: mentee.uid, unread: 1 });
    expect(entry!.lastMessageAt).toBe(received[0]!.sentAt);

    await send(mentee, mentor, chatId, "Or Friday?");
    const second = await valueWhere<ChatListEntry>(ref(mentor.db, `${rtdbPaths.userChats(mentor.uid)}/${chatId}`), (value) => value?.unread === 2);
    expect(second).toMatchObject({ lastMessage: "Or Friday?", unread: 2 });
    // The sender's own entry names the mentor and has no unread messages.
    expect((await get(ref(mentee.db, `${rtdbPaths.userChats(mentee.uid)}/${chatId}`))).val()).toMatchObject({ peerId: mentor.uid, lastFrom: mentee.uid });
    expect((await get(ref(mentee.db, `${rtdbPaths.userChats(mentee.uid)}/${chatId}/unread`))).val()).toBeNull();
  });

  it("keeps a non-member out: no read, no listen, no message, no joining", async () => {
    const chatId = await openChat(mentor, mentee);
    await send(mentor, mentee, chatId, "Private");
    const messages = ref(outsider.db, rtdbPaths.chatMessages(chatId));
    expect(await failure(get(messages))).toMatch(PERMISSION);
    const cancelled = await new Promise<Error>((resolve) => onValue(messages, () => undefined, resolve));
    expect(cancelled.message).toMatch(PERMISSION);
    expect(await failure(set(push(messages), { from: outsider.uid, text: "hi", sentAt: serverTimestamp() }))).toMatch(PERMISSION);
    expect(await failure(set(ref(outsider.db, `${rtdbPaths.chatMembers(chatId)}/${outsider.uid}`), true))).toMatch(PERMISSION);
    expect(await failure(get(ref(outsider.db, rtdbPaths.userChats(mentor.uid))))).toMatch(PERMISSION);
    expect((await admin.ref(`${rtdbPaths.chatMembers(chatId)}/${outsider.uid}`).get()).exists()).toBe(false);
  });

  it("refuses a forged author and someone else's unread counter", async () => {
    const chatId = await openChat(mentor, mentee);
    const messages = ref(mentee.db, rtdbPaths.chatMessages(chatId));
    expect(await failure(set(push(messages), { from: mentor.uid, text: "I owe you", sentAt: serverTimestamp() }))).toMatch(PERMISSION);
    expect(await failure(set(ref(mentee.db, `${rtdbPaths.userChats(mentor.uid)}/${chatId}/unread`), 5))).toMatch(PERMISSION);
  });

  it("shows typing and read receipts to the other member", async () => {
    const chatId = await openChat(mentor, mentee);
    const id = await send(mentee, mentor, chatId, "Seen this?");
    await set(ref(mentor.db, rtdbPaths.chatTyping(chatId, mentor.uid)), true);
    await valueWhere<boolean>(ref(mentee.db, rtdbPaths.chatTyping(chatId, mentor.uid)), (value) => value === true);
    await set(ref(mentor.db, rtdbPaths.chatTyping(chatId, mentor.uid)), false);
    await valueWhere<boolean>(ref(mentee.db, rtdbPaths.chatTyping(chatId, mentor.uid)), (value) => value === false);

    await set(ref(mentor.db, rtdbPaths.chatLastRead(chatId, mentor.uid)), serverTimestamp());
    await set(ref(mentor.db, `${rtdbPaths.userChats(mentor.uid)}/${chatId}/unread`), 0);
    const sentAt = (await get(ref(mentee.db, `${rtdbPaths.chatMessages(chatId)}/${id}/sentAt`))).val() as number;
    const lastRead = await valueWhere<number>(ref(mentee.db, rtdbPaths.chatLastRead(chatId, mentor.uid)), (value) => typeof value === "number");
    expect(lastRead).toBeGreaterThanOrEqual(sentAt);
    expect(await failure(set(ref(mentee.db, rtdbPaths.chatTyping(chatId, mentor.uid)), true))).toMatch(PERMISSION);
  });

  it("pages backwards through the history, newest first, with get() and a live first page", async () => {
    const chatId = await openChat(mentor, mentee);
    // History written by admin in one update; push ids sort by time, so key order is send order.
    const history: Record<string, Message> = {};
    const keys: string[] = [];
    for (let i = 0; i < 45; i += 1) {
      const key = push(ref(mentor.db, rtdbPaths.chatMessages(chatId))).key!;
      keys.push(key);
      history[key] = { from: i % 2 ? mentor.uid : mentee.uid, text: `message ${i}`, sentAt: Date.now() - (45 - i) * 1000 };
    }
    await admin.ref(rtdbPaths.chatMessages(chatId)).set(history);
    const messages = ref(mentor.db, rtdbPaths.chatMessages(chatId));
    const texts = (value: unknown) => Object.values((value ?? {}) as Record<string, Message>).map((message) => message.text);
    const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `message ${from + i}`);

    const firstPage: string[] = [];
    const stop = onChildAdded(query(messages, orderByKey(), limitToLast(20)), (snap) => firstPage.push((snap.val() as Message).text));
    await expect.poll(() => firstPage.length).toBe(20);
    expect(firstPage).toEqual(range(25, 45));

    const second = await get(query(messages, orderByKey(), endBefore(keys[25]!), limitToLast(20)));
    expect(texts(second.val())).toEqual(range(5, 25));
    const third = await get(query(messages, orderByKey(), endBefore(keys[5]!), limitToLast(20)));
    expect(texts(third.val())).toEqual(range(0, 5));

    await send(mentee, mentor, chatId, "and a new one");
    await expect.poll(() => firstPage.at(-1)).toBe("and a new one");
    stop();
  });

  it("refuses messages, typing and read receipts once the chat is closed, and still lets members read it", async () => {
    const chatId = await openChat(mentor, mentee);
    await send(mentor, mentee, chatId, "Last words");
    await admin.ref(`chats/${chatId}/meta/closed`).set(true);
    expect(await failure(send(mentee, mentor, chatId, "Wait!"))).toMatch(PERMISSION);
    expect(await failure(set(ref(mentee.db, rtdbPaths.chatTyping(chatId, mentee.uid)), true))).toMatch(PERMISSION);
    expect(await failure(set(ref(mentee.db, rtdbPaths.chatLastRead(chatId, mentee.uid)), serverTimestamp()))).toMatch(PERMISSION);
    const history = (await get(ref(mentee.db, rtdbPaths.chatMessages(chatId)))).val() as Record<string, Message>;
    expect(Object.values(history).map((message) => message.text)).toEqual(["Last words"]);
    expect(await failure(set(ref(mentee.db, `${rtdbPaths.userChats(mentee.uid)}/${chatId}/unread`), 0))).toBeNull();
  });
});

describe("presence", () => {
  it("goes offline for the others when a person's connection closes (onDisconnect)", async () => {
    const leaving = await signedIn("mentee");
    const chatId = await openChat(mentor, leaving);
    const presence = ref(leaving.db, rtdbPaths.presence(leaving.uid));
    const typing = ref(leaving.db, rtdbPaths.chatTyping(chatId, leaving.uid));
    await onDisconnect(presence).set({ state: "offline", lastChanged: serverTimestamp() });
    await onDisconnect(typing).remove();
    await set(presence, { state: "online", lastChanged: serverTimestamp() });
    await set(typing, true);

    const watched = ref(mentor.db, rtdbPaths.presence(leaving.uid));
    const online = await valueWhere<Presence>(watched, (value) => value?.state === "online");
    await valueWhere<boolean>(ref(mentor.db, rtdbPaths.chatTyping(chatId, leaving.uid)), (value) => value === true);
    goOffline(leaving.db);
    const offline = await valueWhere<Presence>(watched, (value) => value?.state === "offline");
    expect(offline!.lastChanged).toBeGreaterThanOrEqual(online!.lastChanged);
    await valueWhere<boolean>(ref(mentor.db, rtdbPaths.chatTyping(chatId, leaving.uid)), (value) => value === null);
  });

  it("keeps a cancelled onDisconnect from running, and someone else's presence out of reach", async () => {
    const other = await signedIn("mentor");
    const presence = ref(other.db, rtdbPaths.presence(other.uid));
    await set(presence, { state: "online", lastChanged: serverTimestamp() });
    await onDisconnect(presence).set({ state: "offline", lastChanged: serverTimestamp() });
    await onDisconnect(presence).cancel();
    expect(await failure(onDisconnect(ref(other.db, rtdbPaths.presence(mentor.uid))).remove())).toMatch(PERMISSION);
    await other.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(((await get(ref(mentor.db, rtdbPaths.presence(other.uid)))).val() as Presence).state).toBe("online");
  });
});

describe("the database itself", () => {
  it("lets the Admin SDK (functions' rtdb()) write what the rules refuse everyone", async () => {
    const chatId = await openChat(mentor, mentee);
    await admin.ref(`${rtdbPaths.chatMembers(chatId)}/${outsider.uid}`).set(true);
    expect((await get(ref(outsider.db, rtdbPaths.chatMembers(chatId)))).val()).toEqual({ [mentor.uid]: true, [mentee.uid]: true, [outsider.uid]: true });
    await admin.ref(`${rtdbPaths.chatMembers(chatId)}/${outsider.uid}`).remove();
    expect(await failure(get(ref(outsider.db, rtdbPaths.chatMembers(chatId))))).toMatch(PERMISSION);
  });

  it("evaluates `now` in the rules as the time server timestamps resolve to, every time", async () => {
    const chatId = await openChat(mentor, mentee);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        failure(i % 2 ? set(ref(mentor.db, rtdbPaths.chatLastRead(chatId, mentor.uid)), serverTimestamp()) : send(mentor, mentee, chatId, `burst ${i}`)),
      ),
    );
    expect(results.filter((result) => result !== null)).toEqual([]);
    const entry = (await get(ref(mentee.db, `${rtdbPaths.userChats(mentee.uid)}/${chatId}`))).val() as ChatListEntry;
    expect(entry.unread).toBe(20);
  });

  it("answers get() and needs a verified person with a role", async () => {
    const [unverified, roleless] = await Promise.all([signedIn("mentee", { verified: false }), signedIn(null)]);
    for (const person of [unverified, roleless]) {
      expect(await failure(get(ref(person.db, rtdbPaths.userChats(person.uid))))).toMatch(PERMISSION);
      expect(await failure(set(ref(person.db, rtdbPaths.presence(person.uid)), { state: "online", lastChanged: serverTimestamp() }))).toMatch(PERMISSION);
    }
    const chatId = await openChat(mentor, mentee);
    await send(mentee, mentor, chatId, "ping");
    expect((await get(ref(mentor.db, `${rtdbPaths.userChats(mentor.uid)}/${chatId}/lastMessage`))).val()).toBe("ping");
    await remove(ref(mentor.db, rtdbPaths.presence(mentor.uid)));
    expect((await get(ref(mentor.db, rtdbPaths.presence(mentor.uid)))).exists()).toBe(false);
  });
});
