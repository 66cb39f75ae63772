import { rtdbPaths, type MessageAttachment } from "@mentormatch/shared";
import {
  endBefore,
  increment,
  limitToLast,
  onDisconnect,
  onValue,
  orderByChild,
  orderByKey,
  push,
  query,
  ref,
  serverTimestamp,
  set,
  startAt,
  update,
  get,
  type DataSnapshot,
  type Unsubscribe,
} from "firebase/database";
import type * as z from "zod";
import { rtdb } from "../lib/database";
import {
  CHAT_LIMITS,
  chatMessageSchema,
  flagSchema,
  presenceSchema,
  timestampValueSchema,
  userChatSchema,
  type ChatMessageValue,
  type Presence,
  type UserChatValue,
} from "./chat-schemas";

/** How many messages one page holds, and how many conversations the list (and the sidebar total) reads. */
export const MESSAGE_PAGE_SIZE = 30;
export const CHAT_LIST_LIMIT = 100;

export interface ChatMessage extends ChatMessageValue {
  id: string;
}
export interface ChatSummary extends UserChatValue {
  chatId: string;
}
export type { Presence };

function parseOr<S extends z.ZodType>(schema: S, path: string, value: unknown): z.output<S> | null {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  console.warn("unexpected value in the Realtime Database", path, result.error.issues);
  return null;
}

/** Children of a snapshot in query order, parsed; a child that does not parse is logged and left out. */
function childrenOf<S extends z.ZodType, T>(snap: DataSnapshot, schema: S, shape: (value: z.output<S>, key: string) => T): T[] {
  const items: T[] = [];
  snap.forEach((child) => {
    const value = parseOr(schema, child.ref.toString(), child.val());
    if (value !== null) items.push(shape(value, child.key!));
  });
  return items;
}

/** My conversations, live, most recent activity first (bounded by CHAT_LIST_LIMIT). */
export function watchMyChats(uid: string, onNext: (chats: ChatSummary[]) => void, onError: (error: Error) => void): Unsubscribe {
  const q = query(ref(rtdb, rtdbPaths.userChats(uid)), orderByChild("lastMessageAt"), limitToLast(CHAT_LIST_LIMIT));
  return onValue(
    q,
    (snap) => onNext(childrenOf(snap, userChatSchema, (value, chatId) => ({ ...value, chatId })).reverse()),
    onError,
  );
}

/** The sum of my conversations' unread counters, live (over the same bounded list). */
export function watchUnreadMessageTotal(uid: string, onNext: (total: number) => void, onError: (error: Error) => void): Unsubscribe {
  return watchMyChats(uid, (chats) => onNext(chats.reduce((sum, chat) => sum + chat.unread, 0)), onError);
}

/** The newest page of a chat's messages, live, oldest first. */
export function watchLatestMessages(chatId: string, onNext: (messages: ChatMessage[]) => void, onError: (error: Error) => void): Unsubscribe {
  const q = query(ref(rtdb, rtdbPaths.chatMessages(chatId)), orderByKey(), limitToLast(MESSAGE_PAGE_SIZE));
  return onValue(q, (snap) => onNext(childrenOf(snap, chatMessageSchema, (value, id) => ({ ...value, id }))), onError);
}

/** The page of messages before `oldestKey`, oldest first; fewer than MESSAGE_PAGE_SIZE means the start of the chat. */
export async function loadOlderMessages(chatId: string, oldestKey: string): Promise<ChatMessage[]> {
  const q = query(ref(rtdb, rtdbPaths.chatMessages(chatId)), orderByKey(), endBefore(oldestKey), limitToLast(MESSAGE_PAGE_SIZE));
  const snap = await get(q);
  return childrenOf(snap, chatMessageSchema, (value, id) => ({ ...value, id }));
}

/**
 * Search bounds. Search is an explicit action, so it may read more than a page, but never a whole history at once:
 * one search in a conversation reads at most SEARCH_SCAN_LIMIT messages going back (in pages of SEARCH_PAGE_SIZE),
 * and "search older messages" continues from there; a search across conversations reads the newest
 * SEARCH_ACROSS_MESSAGES of each of my SEARCH_ACROSS_CHATS most recent conversations.
 */
export const SEARCH_PAGE_SIZE = 100;
export const SEARCH_SCAN_LIMIT = 500;
export const SEARCH_ACROSS_CHATS = 30;
export const SEARCH_ACROSS_MESSAGES = 100;

export interface MessageScan {
  /** Oldest first. */
  messages: ChatMessage[];
  /** Nothing older is left in the chat. */
  reachedStart: boolean;
}

/** Up to `limit` messages before `beforeKey` (from the newest when null), read by key page by page, oldest first. */
export async function scanMessagesBackwards(chatId: string, beforeKey: string | null, limit = SEARCH_SCAN_LIMIT): Promise<MessageScan> {
  const pages: ChatMessage[][] = [];
  let cursor = beforeKey;
  let read = 0;
  while (read < limit) {
    const size = Math.min(SEARCH_PAGE_SIZE, limit - read);
    const base = ref(rtdb, rtdbPaths.chatMessages(chatId));
    const q = cursor === null ? query(base, orderByKey(), limitToLast(size)) : query(base, orderByKey(), endBefore(cursor), limitToLast(size));
    const snap = await get(q);
    const page = childrenOf(snap, chatMessageSchema, (value, id) => ({ ...value, id }));
    // Count what the database returned, parsed or not, so a bad child cannot make the scan end early or loop.
    const returned = snap.size;
    pages.unshift(page);
    read += returned;
    if (returned < size) return { messages: pages.flat(), reachedStart: true };
    let oldest: string | null = null;
    snap.forEach((child) => {
      oldest = child.key;
      return true;
    });
    cursor = oldest;
  }
  return { messages: pages.flat(), reachedStart: false };
}

/** A chat's newest `count` messages, oldest first (one read, for searching across conversations). */
export async function loadRecentMessages(chatId: string, count = SEARCH_ACROSS_MESSAGES): Promise<ChatMessage[]> {
  const snap = await get(query(ref(rtdb, rtdbPaths.chatMessages(chatId)), orderByKey(), limitToLast(count)));
  return childrenOf(snap, chatMessageSchema, (value, id) => ({ ...value, id }));
}

/**
 * The messages from `fromKey` up to (not including) `beforeKey`, oldest first: what opening a search result needs to
 * show it joined to the loaded pages. Its size is what the search already read to find that result.
 */
export async function loadMessagesFrom(chatId: string, fromKey: string, beforeKey: string): Promise<ChatMessage[]> {
  const snap = await get(query(ref(rtdb, rtdbPaths.chatMessages(chatId)), orderByKey(), startAt(fromKey), endBefore(beforeKey)));
  return childrenOf(snap, chatMessageSchema, (value, id) => ({ ...value, id }));
}

/** Archives or unarchives one of my conversations (mine only: the other person's list does not change). */
export async function setChatArchived(uid: string, chatId: string, archived: boolean): Promise<void> {
  await set(ref(rtdb, `${rtdbPaths.userChats(uid)}/${chatId}/archived`), archived);
}

/** A new message key (push ids sort by time), so the view can show it as "sending" before the write lands. */
export function newMessageId(chatId: string): string {
  return push(ref(rtdb, rtdbPaths.chatMessages(chatId))).key!;
}

/**
 * A send, in the one multi-path update the rules require: the message, both chat-list entries' summary (with the
 * other member as peerId), and the other member's unread counter one up. With an attachment, `id` is the id the file
 * was uploaded under and the server has accepted it (the rules check its verdict).
 */
export async function sendMessage(
  chatId: string,
  from: string,
  to: string,
  text: string,
  id = newMessageId(chatId),
  attachment?: MessageAttachment,
): Promise<string> {
  if ((text.length < 1 && !attachment) || text.length > CHAT_LIMITS.text) throw new Error(`Messages are 1 to ${CHAT_LIMITS.text} characters.`);
  // A file without a caption is previewed by its name (the rules allow exactly that).
  const preview = (text || attachment?.name || "").slice(0, CHAT_LIMITS.preview);
  const summary = { lastMessageId: id, lastMessage: preview, lastMessageAt: serverTimestamp(), lastFrom: from };
  const fields = (uid: string, extra: object) =>
    Object.fromEntries(Object.entries({ ...summary, ...extra }).map(([key, value]) => [`${rtdbPaths.userChats(uid)}/${chatId}/${key}`, value]));
  await update(ref(rtdb), {
    [`${rtdbPaths.chatMessages(chatId)}/${id}`]: { from, text, sentAt: serverTimestamp(), ...(attachment ? { attachment } : {}) },
    ...fields(from, { peerId: to }),
    ...fields(to, { peerId: from, unread: increment(1) }),
    // The recipient's due-marker for the unread-message email (the job reads only markers that are due).
    [rtdbPaths.unreadMailMarker(to, chatId)]: { uid: to, chatId, at: serverTimestamp() },
  });
  return id;
}

/**
 * Marks a chat read: my lastRead now (while open). My unread counter goes to 0 only when I have an entry (the rules need its
 * peerId, which only a send writes), so a fresh chat with no messages writes just lastRead.
 */
export async function markChatRead(chatId: string, uid: string, hasEntry: boolean, closed: boolean): Promise<void> {
  const writes: Promise<void>[] = [];
  // A closed chat takes no lastRead; my counter can still go to 0.
  if (!closed) writes.push(set(ref(rtdb, rtdbPaths.chatLastRead(chatId, uid)), serverTimestamp()));
  if (hasEntry) writes.push(set(ref(rtdb, `${rtdbPaths.userChats(uid)}/${chatId}/unread`), 0));
  // Read now: no email about it. Removing a marker that is not there is allowed and changes nothing.
  writes.push(set(ref(rtdb, rtdbPaths.unreadMailMarker(uid, chatId)), null));
  await Promise.all(writes);
}

/** Every member's lastRead, live. */
export function watchLastRead(chatId: string, onNext: (lastRead: Record<string, number>) => void, onError: (error: Error) => void): Unsubscribe {
  return onValue(
    ref(rtdb, `${rtdbPaths.chat(chatId)}/lastRead`),
    (snap) => {
      const values: Record<string, number> = {};
      snap.forEach((child) => {
        const value = parseOr(timestampValueSchema, child.ref.toString(), child.val());
        if (value !== null) values[child.key!] = value;
      });
      onNext(values);
    },
    onError,
  );
}

/** Who is typing, live (uids with `true`). */
export function watchTyping(chatId: string, onNext: (uids: string[]) => void, onError: (error: Error) => void): Unsubscribe {
  return onValue(
    ref(rtdb, `${rtdbPaths.chat(chatId)}/typing`),
    (snap) => {
      const uids: string[] = [];
      snap.forEach((child) => {
        if (parseOr(flagSchema, child.ref.toString(), child.val()) === true) uids.push(child.key!);
      });
      onNext(uids);
    },
    onError,
  );
}

/** My typing flag; while true it is removed if my connection drops. */
export async function setTyping(chatId: string, uid: string, typing: boolean): Promise<void> {
  const target = ref(rtdb, rtdbPaths.chatTyping(chatId, uid));
  if (typing) await onDisconnect(target).remove();
  await set(target, typing);
  if (!typing) await onDisconnect(target).cancel();
}

/** Whether the chat is closed (the match ended), live. */
export function watchChatClosed(chatId: string, onNext: (closed: boolean) => void, onError: (error: Error) => void): Unsubscribe {
  return onValue(
    ref(rtdb, `${rtdbPaths.chatMeta(chatId)}/closed`),
    (snap) => onNext(parseOr(flagSchema, snap.ref.toString(), snap.val()) === true),
    onError,
  );
}

/** One person's presence, live (null when never seen). */
export function watchPresence(uid: string, onNext: (presence: Presence | null) => void, onError: (error: Error) => void): Unsubscribe {
  return onValue(ref(rtdb, rtdbPaths.presence(uid)), (snap) => onNext(snap.exists() ? parseOr(presenceSchema, rtdbPaths.presence(uid), snap.val()) : null), onError);
}

/**
 * Marks me online while connected: on every (re)connection, onDisconnect sets me offline first, then I go online.
 * Returns the stop function, which sets me offline.
 */
export function trackMyPresence(uid: string): () => void {
  const target = ref(rtdb, rtdbPaths.presence(uid));
  const stop = onValue(ref(rtdb, ".info/connected"), (snap) => {
    if (snap.val() !== true) return;
    onDisconnect(target)
      .set({ state: "offline", lastChanged: serverTimestamp() })
      .then(() => set(target, { state: "online", lastChanged: serverTimestamp() }))
      .catch((error: unknown) => console.warn("presence write failed", error));
  });
  return () => {
    stop();
    set(target, { state: "offline", lastChanged: serverTimestamp() }).catch(() => undefined);
  };
}
