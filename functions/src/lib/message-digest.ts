import { CHAT_EMAIL, mailIdFor, paths, rtdbPaths } from "@mentormatch/shared";
import type { Database } from "firebase-admin/database";
import { FieldPath, type Firestore, type QueryDocumentSnapshot } from "firebase-admin/firestore";
import { logger } from "firebase-functions";
import { digestKey, digestMessage, planDigest, type DigestConversation } from "../planners/unread-mail.js";
import { db as defaultDb, rtdb } from "./app.js";
import { readDisplayName } from "./documents.js";
import { notify } from "./notify.js";
import { readChatEntry } from "./unread-mail.js";

export interface DigestResult {
  /** People with the digest switched on. */
  people: number;
  /** Digests queued by this run. */
  mailed: number;
  /** People whose digest for the day was already queued (an earlier run). */
  alreadySent: number;
  /** People whose digest threw (logged). */
  failed: number;
}

const PAGE = 200;
const PARALLEL = 10;

/**
 * Sends each person who switched on `messageDigest` one email a day listing their conversations with unread
 * messages. It reads only those people (a collection-group query on `private/settings` where the preference is
 * true, paged by document), then per person: whether today's digest mail already exists (a second run stops there),
 * their chat list with `unread ≥ 1` (`orderByChild("unread").startAt(1)`, bounded), each such chat's `closed` flag
 * and the other people's names (one getAll). planDigest decides; notify() queues it, email only, keyed by person and
 * UTC day, so running twice the same day sends one. The scheduled `sendMessageDigests` calls it daily; tests call it
 * with an injected `now`.
 */
export async function sendMessageDigests(options: { now: Date; db?: Firestore; database?: Database; pageSize?: number }): Promise<DigestResult> {
  const firestore = options.db ?? defaultDb();
  const database = options.database ?? rtdb();
  const pageSize = options.pageSize ?? PAGE;
  const result: DigestResult = { people: 0, mailed: 0, alreadySent: 0, failed: 0 };
  let after: QueryDocumentSnapshot | null = null;
  for (;;) {
    let query = firestore
      .collectionGroup("private")
      .where("emailPrefs.messageDigest", "==", true)
      .orderBy(FieldPath.documentId())
      .limit(pageSize);
    if (after) query = query.startAfter(after);
    const page = await query.select().get();
    const people = page.docs.filter((doc) => doc.id === "settings" && doc.ref.parent.parent).map((doc) => doc.ref.parent.parent!.id);
    result.people += people.length;
    for (let at = 0; at < people.length; at += PARALLEL) {
      await Promise.all(
        people.slice(at, at + PARALLEL).map(async (uid) => {
          try {
            const outcome = await digestFor(firestore, database, uid, options.now);
            if (outcome === "mailed") result.mailed += 1;
            if (outcome === "already-sent") result.alreadySent += 1;
          } catch (error) {
            // One person's broken data must not cost everyone else their digest.
            result.failed += 1;
            logger.error(`message digest for ${uid} failed`, error);
          }
        }),
      );
    }
    if (page.size < pageSize) return result;
    after = page.docs[page.docs.length - 1]!;
  }
}

async function digestFor(firestore: Firestore, database: Database, uid: string, now: Date): Promise<"mailed" | "already-sent" | "nothing"> {
  if ((await firestore.doc(paths.mail(mailIdFor(uid, digestKey(uid, now)))).get()).exists) return "already-sent";
  const unread = await database
    .ref(rtdbPaths.userChats(uid))
    .orderByChild("unread")
    .startAt(1)
    // The most unread first when there are more than fit in one email.
    .limitToLast(CHAT_EMAIL.digestConversations)
    .get();
  const entries: Omit<DigestConversation, "closed">[] = [];
  unread.forEach((child) => {
    const entry = readChatEntry(child);
    if (entry) entries.push({ chatId: child.key!, entry });
  });
  if (entries.length === 0) return "nothing";
  const closed = await Promise.all(entries.map(({ chatId }) => database.ref(`${rtdbPaths.chatMeta(chatId)}/closed`).get()));
  const peerIds = [...new Set(entries.map(({ entry }) => entry.peerId))];
  const profiles = await firestore.getAll(...peerIds.map((peerId) => firestore.doc(paths.user(peerId))));
  const names: Record<string, string> = {};
  for (const snap of profiles) {
    try {
      const name = readDisplayName(snap)?.displayName;
      if (name) names[snap.id] = name;
    } catch {
      // A malformed profile is named generically rather than costing the person their digest.
    }
  }
  const plan = planDigest({
    uid,
    conversations: entries.map((item, index) => ({ ...item, closed: closed[index]!.val() === true })),
    names,
    now,
    limit: CHAT_EMAIL.digestConversations,
  });
  if (plan.action === "skip") return "nothing";
  const sent = await notify(uid, digestMessage(plan), undefined, { db: firestore });
  return sent.mailId ? "mailed" : "nothing";
}
