import { messageAttachmentSchema } from "@mentormatch/shared";
import * as z from "zod";

/** Limits the database rules enforce (database.rules.json): message text 1–2000, chat-list preview ≤ 140. */
export const CHAT_LIMITS = { text: 2000, preview: 140 } as const;

/**
 * `chats/{chatId}/messages/{pushId}`. A message a moderator removed (resolveReport, Admin SDK) has `removed: true`,
 * empty text and no attachment; clients can never write either (database.rules.json), so only a removed message or
 * a file without a caption is empty.
 */
export const chatMessageSchema = z
  .object({
    from: z.string().min(1),
    text: z.string().max(CHAT_LIMITS.text),
    sentAt: z.number(),
    removed: z.literal(true).optional(),
    /** A file the server checked (attachmentUploads); the text is then an optional caption. */
    attachment: messageAttachmentSchema.optional(),
  })
  .refine(
    (message) => message.removed === true || message.text.length >= 1 || message.attachment !== undefined,
    "A message has text or a file unless a moderator removed it.",
  );
export type ChatMessageValue = z.infer<typeof chatMessageSchema>;

/** `userChats/{uid}/{chatId}`: the summary the last send wrote; `unread` may be absent on the sender's own entry, `archived` until archived. */
export const userChatSchema = z.object({
  peerId: z.string().min(1),
  lastMessageId: z.string().optional(),
  lastMessage: z.string().optional(),
  lastMessageAt: z.number().optional(),
  lastFrom: z.string().optional(),
  unread: z.number().int().min(0).default(0),
  /** Set by the owner only; a new message leaves it as it is. */
  archived: z.boolean().default(false),
});
export type UserChatValue = z.infer<typeof userChatSchema>;

/** `presence/{uid}`. */
export const presenceSchema = z.object({
  state: z.enum(["online", "offline"]),
  lastChanged: z.number(),
});
export type Presence = z.infer<typeof presenceSchema>;

/** `chats/{chatId}/lastRead/{uid}` and `meta/closed`, `typing/{uid}`. */
export const timestampValueSchema = z.number();
export const flagSchema = z.boolean();
