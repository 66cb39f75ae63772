import { CHAT_EMAIL, paths, rtdbPaths } from "@mentormatch/shared";
import type { Database, DataSnapshot } from "firebase-admin/database";
import type { Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions";
import * as z from "zod";
import { planUnreadMail, unreadMailMessage, type ChatEntry, type UnreadMarker } from "../planners/unread-mail.js";
import { db as defaultDb, rtdb } from "./app.js";
import { readDisplayName } from "./documents.js";
import { notify } from "./notify.js";

const markerSchema = z.object({ uid: z.string().min(1), chatId: z.string().min(1), at: z.number() });

/** A chat-list entry as the rules let a send write it; the sender's own entry has no counter until it gets one. */
export const chatEntrySchema = z.object({
  peerId: z.string(),
  lastMessageId: z.string(),
  lastMessage: z.string(),
  lastMessageAt: z.number(),
  lastFrom: z.string(),
  unread: z.number().default(0),
});

export function readChatEntry(snap: DataSnapshot): ChatEntry | null {
  if (!snap.exists()) return null;
  const parsed = chatEntrySchema.safeParse(snap.val());
  if (parsed.success) return parsed.data;
  logger.warn(`unexpected chat-list entry at ${snap.ref.toString()}`, parsed.error.issues);
  return null;
}

/** A display name to put in an email; someone without a (readable) profile gets the generic one. */
export async function displayNameOf(firestore: Firestore, uid: string): Promise<string | null> {
  try {
    return readDisplayName(await firestore.doc(paths.user(uid)).get())?.displayName || null;
  } catch (error) {
    logger.warn(`no usable profile for ${uid}`, error);
    return null;
  }
}

export interface UnreadMailResult {
  /** Due markers the query found. */
  examined: number;
  /** Emails queued by this run (a duplicate key, or the preference off, queues none). */
  mailed: number;
  /** Markers removed (mailed, read, closed …); a marker renewed by a newer message meanwhile stays. */
  removed: number;
  /** Markers whose handling threw (logged); they stay and are tried again next run. */
  failed: number;
  /** Whether the query hit its limit: more may be due, and the next run takes them. */
  more: boolean;
}

/** How many markers are worked on at once: enough to finish a full batch well within the job's timeout. */
const PARALLEL = 10;

/**
 * Emails people about chat messages left unread for `delayMinutes`. A send writes `unreadMail/{uid}__{chatId}`
 * (`at` = the send's server time) in the same update as the message, so this reads only markers due by `now`
 * (`orderByChild("at").endAt(now − delay)`, oldest first, at most `limit`), never every conversation. Each one is
 * checked against the recipient's chat-list entry and the chat's `closed` flag, then planUnreadMail decides; the
 * email goes through notify() (email only, deduped per stretch of not reading). The marker is removed only if its
 * `at` is unchanged (a transaction), so a message that arrived meanwhile keeps its own, later marker.
 * Running twice, or two runs at once, queues one email. The scheduled `emailUnreadMessages` calls it every 15 minutes;
 * tests call it with an injected `now`.
 */
export async function emailUnreadMessages(options: {
  now: Date;
  delayMinutes: number;
  limit?: number;
  db?: Firestore;
  database?: Database;
}): Promise<UnreadMailResult> {
  const firestore = options.db ?? defaultDb();
  const database = options.database ?? rtdb();
  const limit = options.limit ?? CHAT_EMAIL.unreadBatch;
  const cutoff = options.now.getTime() - options.delayMinutes * 60_000;
  const due = await database.ref(rtdbPaths.unreadMail()).orderByChild("at").endAt(cutoff).limitToFirst(limit).get();
  const markers: { key: string; value: unknown }[] = [];
  due.forEach((child) => {
    markers.push({ key: child.key!, value: child.val() });
  });

  const result: UnreadMailResult = { examined: markers.length, mailed: 0, removed: 0, failed: 0, more: markers.length === limit };
  for (let at = 0; at < markers.length; at += PARALLEL) {
    await Promise.all(
      markers.slice(at, at + PARALLEL).map(async ({ key, value }) => {
        try {
          const outcome = await handleMarker(firestore, database, key, value, options);
          if (outcome.mailed) result.mailed += 1;
          if (outcome.removed) result.removed += 1;
        } catch (error) {
          // One person's broken data must not hold up everyone else's email; the marker stays for the next run.
          result.failed += 1;
          logger.error(`unreadMail/${key} failed`, error);
        }
      }),
    );
  }
  return result;
}

async function handleMarker(
  firestore: Firestore,
  database: Database,
  key: string,
  value: unknown,
  options: { now: Date; delayMinutes: number },
): Promise<{ mailed: boolean; removed: boolean }> {
  const markerRef = database.ref(rtdbPaths.unreadMail()).child(key);
  const parsed = markerSchema.safeParse(value);
  if (!parsed.success) {
    // The rules let only a send write one, so this is damage; left in place it would head the queue forever.
    logger.warn(`unreadMail/${key} is malformed; removing it`, parsed.error.issues);
    await markerRef.remove();
    return { mailed: false, removed: true };
  }
  const marker: UnreadMarker = parsed.data;
  const [entrySnap, closedSnap, lastReadSnap] = await Promise.all([
    database.ref(`${rtdbPaths.userChats(marker.uid)}/${marker.chatId}`).get(),
    database.ref(`${rtdbPaths.chatMeta(marker.chatId)}/closed`).get(),
    database.ref(rtdbPaths.chatLastRead(marker.chatId, marker.uid)).get(),
  ]);
  const lastRead: unknown = lastReadSnap.val();
  const plan = planUnreadMail({
    marker,
    entry: readChatEntry(entrySnap),
    closed: closedSnap.val() === true,
    lastReadAt: typeof lastRead === "number" ? lastRead : null,
    now: options.now,
    delayMinutes: options.delayMinutes,
  });
  if (plan.action === "wait") return { mailed: false, removed: false };
  let mailed = false;
  if (plan.action === "send") {
    const peerName = (await displayNameOf(firestore, plan.peerId)) ?? "Your mentoring partner";
    mailed = (await notify(marker.uid, unreadMailMessage(plan, peerName), undefined, { db: firestore })).mailId !== null;
  }
  return { mailed, removed: await removeIfUnchanged(markerRef, marker.at) };
}

/**
 * Removes a marker only while its `at` is the one handled. The first call may see the local cache (null): answering
 * null then makes the server compare with what it holds and call again with the real value.
 */
async function removeIfUnchanged(markerRef: ReturnType<Database["ref"]>, at: number): Promise<boolean> {
  const outcome = await markerRef.transaction(
    (current: { at?: unknown } | null) => (current === null || current.at === at ? null : undefined),
    undefined,
    false,
  );
  return outcome.committed;
}
