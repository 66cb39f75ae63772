// A message written without a connection: the SDK keeps it (the sender sees it at once, marked pending by the
// unresolved write) and sends it once on reconnect, under the id the client chose.
import { rtdbPaths } from "@mentormatch/shared";
import { get, goOffline, goOnline, increment, onChildAdded, onValue, push, ref, serverTimestamp, update } from "firebase/database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAll, openChat, signedIn, valueWhere, type Person } from "./helpers";

interface Message {
  from: string;
  text: string;
  sentAt: number;
}

let mentor: Person;
let mentee: Person;

beforeAll(async () => {
  [mentor, mentee] = await Promise.all([signedIn("mentor"), signedIn("mentee")]);
});
afterAll(closeAll);

/** The app's send (web/src/data/chats.ts sendMessage) with the id chosen before the write, as the app does. */
function sendWithId(from: Person, to: Person, chatId: string, id: string, text: string): Promise<void> {
  const summary = { lastMessageId: id, lastMessage: text.slice(0, 140), lastMessageAt: serverTimestamp(), lastFrom: from.uid };
  const fields = (uid: string, extra: object) =>
    Object.fromEntries(Object.entries({ ...summary, ...extra }).map(([key, value]) => [`${rtdbPaths.userChats(uid)}/${chatId}/${key}`, value]));
  return update(ref(from.db), {
    [`${rtdbPaths.chatMessages(chatId)}/${id}`]: { from: from.uid, text, sentAt: serverTimestamp() },
    ...fields(from.uid, { peerId: to.uid }),
    ...fields(to.uid, { peerId: from.uid, unread: increment(1) }),
  });
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("sending without a connection", () => {
  it("shows the message to its sender at once, holds it from the other member, and delivers it once on reconnect", async () => {
    const chatId = await openChat(mentor, mentee);
    const messages = rtdbPaths.chatMessages(chatId);
    // Both listen first, as the open conversation does.
    await valueWhere(ref(mentee.db, messages), () => true);
    const arrivals: string[] = [];
    const stopArrivals = onChildAdded(ref(mentor.db, messages), (snap) => arrivals.push(snap.key!));

    goOffline(mentee.db);
    const id = push(ref(mentee.db, messages)).key!;
    let acknowledged = false;
    const write = sendWithId(mentee, mentor, chatId, id, "Written on the train").then(() => {
      acknowledged = true;
    });

    // The sender's view has it straight away (what the app shows as "Sending…")…
    const local = await valueWhere<Record<string, Message>>(ref(mentee.db, messages), (value) => value?.[id] !== undefined);
    expect(local![id]).toMatchObject({ from: mentee.uid, text: "Written on the train" });
    // …the server does not, and the write stays unacknowledged while offline.
    await settle(1_000);
    expect(acknowledged).toBe(false);
    expect(arrivals).toEqual([]);
    expect((await get(ref(mentor.db, `${messages}/${id}`))).exists()).toBe(false);

    goOnline(mentee.db);
    await write;
    expect(acknowledged).toBe(true);
    await expect.poll(() => arrivals).toEqual([id]);
    // Reconnecting again sends nothing twice.
    goOffline(mentee.db);
    goOnline(mentee.db);
    await settle(1_000);
    stopArrivals();
    expect(arrivals).toEqual([id]);
    const stored = (await get(ref(mentor.db, messages))).val() as Record<string, Message>;
    expect(Object.keys(stored)).toEqual([id]);
    expect(stored[id]).toMatchObject({ from: mentee.uid, text: "Written on the train" });
    const entry = await valueWhere<{ unread?: number; lastMessageId?: string }>(
      ref(mentor.db, `${rtdbPaths.userChats(mentor.uid)}/${chatId}`),
      (value) => value?.lastMessageId === id,
    );
    expect(entry?.unread).toBe(1);
  });

  it("keeps the sender's pending message through the offline spell (no duplicate, no loss in their own view)", async () => {
    const chatId = await openChat(mentor, mentee);
    const messages = rtdbPaths.chatMessages(chatId);
    const seen: string[][] = [];
    const stop = onValue(ref(mentee.db, messages), (snap) => seen.push(Object.keys((snap.val() as Record<string, unknown> | null) ?? {})));
    // The open conversation has its first page before anything is written (until then the SDK has no complete view
    // to show a pending child in).
    await expect.poll(() => seen.length).toBeGreaterThan(0);
    goOffline(mentee.db);
    const id = push(ref(mentee.db, messages)).key!;
    const write = sendWithId(mentee, mentor, chatId, id, "Queued");
    await expect.poll(() => seen.at(-1)).toEqual([id]);
    goOnline(mentee.db);
    await write;
    await settle(500);
    stop();
    // From the moment it was written, every view the sender got held it exactly once.
    const afterWrite = seen.slice(seen.findIndex((keys) => keys.includes(id)));
    expect(afterWrite.every((keys) => keys.length === 1 && keys[0] === id)).toBe(true);
  });
});
