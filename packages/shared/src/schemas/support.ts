import * as z from "zod";
import { SINGLE_LINE_PATTERN, idSchema, text, timestampSchema, uidSchema } from "./common.js";

/**
 * Support conversations between one person and the programme admins (docs/ARCHITECTURE.md, supportThreads/).
 * They live in Firestore because who reads them depends on the admin role, and only Firestore rules can check the
 * current stored role; every write that adds content goes through a callable, which also notifies the other side.
 */
export const SUPPORT = {
  subjectMax: 120,
  messageMax: 2000,
  /** Open conversations one person may have at once: a flood of new threads would bury everyone else's. */
  maxOpenThreads: 3,
  /** The optional note an admin leaves when closing. */
  closeNoteMax: 500,
  /** How many characters of the last message the thread keeps for the lists. */
  previewMax: 140,
  /** The most admins told about one event; the query that finds them is bounded by it. */
  maxAdminsNotified: 50,
  /** Page sizes of the lists (the inbox shows open threads first, then recently closed ones). */
  listLimit: 50,
  closedListLimit: 20,
  messagesLimit: 200,
} as const;

export const SUPPORT_STATUSES = ["open", "closed"] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];

/** Who wrote: the person who opened the conversation, or one of the programme admins. */
export const SUPPORT_SIDES = ["requester", "admin"] as const;
export type SupportSide = (typeof SUPPORT_SIDES)[number];

export const supportThreadIdSchema = idSchema("A conversation id");

const subjectSchema = text("The subject")
  .trim()
  .min(1, "Give the conversation a subject.")
  .max(SUPPORT.subjectMax, `Keep the subject to ${SUPPORT.subjectMax} characters.`)
  .regex(SINGLE_LINE_PATTERN, "The subject must be a single line of text.");

const messageSchema = text("The message")
  .trim()
  .min(1, "Write a message.")
  .max(SUPPORT.messageMax, `Messages can be at most ${SUPPORT.messageMax} characters.`);

/** `openSupportThread`, and the web's "New conversation" form. */
export const openSupportThreadInputSchema = z.strictObject({
  subject: subjectSchema,
  text: messageSchema,
});
export type OpenSupportThreadInput = z.input<typeof openSupportThreadInputSchema>;

/** `postSupportMessage`: the requester or an admin writes in an open conversation; also the composer's schema. */
export const postSupportMessageInputSchema = z.strictObject({
  threadId: supportThreadIdSchema,
  text: messageSchema,
});
export type PostSupportMessageInput = z.input<typeof postSupportMessageInputSchema>;

/** The composer validates only the text; the thread id comes from the page. */
export const supportComposerSchema = postSupportMessageInputSchema.pick({ text: true });

/** `closeSupportThread`: an admin closes, with an optional note the requester sees as the last message. */
export const closeSupportThreadInputSchema = z.strictObject({
  threadId: supportThreadIdSchema,
  note: text("The note")
    .trim()
    .max(SUPPORT.closeNoteMax, `The note can be at most ${SUPPORT.closeNoteMax} characters.`)
    .optional(),
});
export type CloseSupportThreadInput = z.input<typeof closeSupportThreadInputSchema>;

/** `reopenSupportThread`: the requester opens a closed conversation again (it counts toward maxOpenThreads). */
export const reopenSupportThreadInputSchema = z.strictObject({
  threadId: supportThreadIdSchema,
});

/** `supportThreads/{threadId}` as stored. */
export const supportThreadDocSchema = z.object({
  requesterUid: uidSchema,
  requesterName: z.string().max(80),
  subject: z.string().min(1).max(SUPPORT.subjectMax),
  status: z.enum(SUPPORT_STATUSES),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  lastMessageAt: timestampSchema,
  lastMessagePreview: z.string().max(SUPPORT.previewMax),
  lastFrom: z.enum(SUPPORT_SIDES),
  /** The requester has not seen the admins' latest message; cleared by the requester (client, under the rules). */
  unreadForRequester: z.boolean(),
  /** No admin has seen the requester's latest message; cleared by any admin. */
  unreadForAdmins: z.boolean(),
  messageCount: z.number().int().min(0),
  closedBy: z.string().nullable(),
  closedAt: timestampSchema.nullable(),
});
export type SupportThreadDoc = z.output<typeof supportThreadDocSchema>;

/** `supportThreads/{threadId}/messages/{messageId}` as stored; written only by the callables. */
export const supportMessageDocSchema = z.object({
  authorUid: uidSchema,
  authorName: z.string().max(80),
  authorRole: z.enum(SUPPORT_SIDES),
  text: z.string().min(1).max(SUPPORT.messageMax),
  /** A closing note is shown as a system line ("Closed by …") rather than a bubble. */
  kind: z.enum(["message", "close_note"]),
  createdAt: timestampSchema,
});
export type SupportMessageDoc = z.output<typeof supportMessageDocSchema>;

/** The start of a message as the lists show it: one line, at most SUPPORT.previewMax characters. */
export function supportPreview(message: string): string {
  const line = message.replace(/\s+/g, " ").trim();
  return line.length <= SUPPORT.previewMax ? line : `${line.slice(0, SUPPORT.previewMax - 1)}…`;
}

/** Fields a client may change on a thread, each only to false: its own side's unread flag. */
export const SUPPORT_CLIENT_READ_FIELDS = { requester: "unreadForRequester", admin: "unreadForAdmins" } as const;
