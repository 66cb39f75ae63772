import {
  MODERATION_LIMITS,
  REMOVED_MESSAGE_TEXT,
  blockDocSchema,
  moderationConfigDocSchema,
  paths,
  reportDocSchema,
  rtdbPaths,
  parseDoc,
  type BlockDoc,
  type ModerationConfigDoc,
  type ReportDoc,
} from "@mentormatch/shared";
import type { DocumentSnapshot, Firestore, Transaction } from "firebase-admin/firestore";
import { logger } from "firebase-functions";
import type * as z from "zod";
import type { ChatMessageFacts } from "../planners/moderation.js";
import { rtdb } from "./app.js";
import { chatSyncUnavailable } from "./chat-membership.js";

/** Moderation documents enter typed code here, parsed by the shared schemas (as lib/documents.ts does for the rest). */
function reader<S extends z.ZodType>(schema: S) {
  return (snap: DocumentSnapshot | undefined): z.output<S> | null => (snap?.exists ? parseDoc(schema, snap.ref.path, snap.data()) : null);
}

type Snap = DocumentSnapshot | undefined;
export const readReport: (snap: Snap) => ReportDoc | null = reader(reportDocSchema);
export const readBlock: (snap: Snap) => BlockDoc | null = reader(blockDocSchema);
export const readModerationConfig: (snap: Snap) => ModerationConfigDoc | null = reader(moderationConfigDocSchema);

/** The admins to tell about a new report: a bounded query, read inside the caller's transaction. */
export async function adminUids(firestore: Firestore, tx: Transaction): Promise<string[]> {
  const snap = await tx.get(firestore.collection(paths.users()).where("role", "==", "admin").limit(MODERATION_LIMITS.adminsNotified));
  return snap.docs.map((doc) => doc.id);
}

/** A chat's members and one of its messages, read as admin (rules do not apply), or nulls when they are not there. */
export async function readChatMessage(chatId: string, messageId: string): Promise<{ members: Record<string, unknown> | null; message: ChatMessageFacts | null }> {
  if (chatSyncUnavailable()) return { members: null, message: null };
  const [members, message] = await Promise.all([
    rtdb().ref(rtdbPaths.chatMembers(chatId)).get(),
    rtdb().ref(rtdbPaths.chatMessage(chatId, messageId)).get(),
  ]);
  const value = message.val() as Partial<ChatMessageFacts> | null;
  const parsed =
    value && typeof value.from === "string" && typeof value.text === "string" && typeof value.sentAt === "number"
      ? { from: value.from, text: value.text, sentAt: value.sentAt, removed: value.removed === true }
      : null;
  return { members: (members.val() as Record<string, unknown> | null) ?? null, message: parsed };
}

/**
 * Removes a reported message's text for everyone, after the report's transaction committed: `removed: true` and
 * `text: ""` (the text stays only in the report's snapshot, which only admins read), and a chat-list preview that
 * showed it says it was removed. Idempotent (the same `update`s), so a retried resolveReport re-applies it; a
 * failure is logged and reported back as false, never thrown: the report is resolved either way.
 */
export async function removeChatMessage(chatId: string, messageId: string): Promise<boolean> {
  if (chatSyncUnavailable()) return false;
  try {
    const database = rtdb();
    await database.ref(rtdbPaths.chatMessage(chatId, messageId)).update({ removed: true, text: "" });
    const members = Object.keys(((await database.ref(rtdbPaths.chatMembers(chatId)).get()).val() as Record<string, unknown> | null) ?? {});
    const update: Record<string, string> = {};
    for (const uid of members) {
      const last = (await database.ref(`${rtdbPaths.userChats(uid)}/${chatId}/lastMessageId`).get()).val() as unknown;
      if (last === messageId) update[`${rtdbPaths.userChats(uid)}/${chatId}/lastMessage`] = REMOVED_MESSAGE_TEXT;
    }
    if (Object.keys(update).length) await database.ref().update(update);
    return true;
  } catch (err) {
    logger.warn(`chat ${chatId}: message ${messageId} not removed; resolving the report again retries`, err);
    return false;
  }
}
