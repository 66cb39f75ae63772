import * as z from "zod";
import { idSchema, text, timestampSchema, uidSchema } from "./common.js";

/** Why a person reports a message; the review queue groups and labels by these. */
export const REPORT_REASONS = ["harassment", "spam", "inappropriate", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  harassment: "Harassment or bullying",
  spam: "Spam or advertising",
  inappropriate: "Inappropriate content",
  other: "Something else",
};

export const REPORT_STATUSES = ["open", "resolved"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_ACTIONS = ["dismiss", "remove_message"] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export const MODERATION_LIMITS = {
  reportDetails: 500,
  resolveNote: 500,
  blockedWords: 200,
  blockedWordMin: 2,
  blockedWordMax: 40,
  /** How many admins one report notifies (a bounded query; a programme has a handful). */
  adminsNotified: 20,
} as const;

/** What the chat shows, and the chat list previews, in place of a message a moderator removed. */
export const REMOVED_MESSAGE_TEXT = "Message removed by a moderator";

/** `reports/` ids: one per reporter and message, so reporting twice addresses the same document. */
export const reportIdOf = (chatId: string, messageId: string, reporterUid: string) => `${chatId}_${messageId}_${reporterUid}`;
/** `blocks/` ids: `{blockerUid}_{blockedUid}`, so "has A blocked B" is one get, in either direction two. */
export const blockIdOf = (blockerUid: string, blockedUid: string) => `${blockerUid}_${blockedUid}`;

const optionalNote = (label: string, max: number) => text(label).trim().max(max, `${label} can be at most ${max} characters.`).optional();

export const reportMessageInputSchema = z.strictObject({
  chatId: idSchema("A chat id", 2 * 128 + 1),
  /** Realtime Database push ids: 20 characters of letters, digits, `-` and `_`. */
  messageId: idSchema("A message id", 64),
  reason: z.enum(REPORT_REASONS, { message: "Choose why you are reporting this message." }),
  details: optionalNote("Details", MODERATION_LIMITS.reportDetails),
});
export type ReportMessageInput = z.input<typeof reportMessageInputSchema>;

export const resolveReportInputSchema = z.strictObject({
  reportId: idSchema("A report id", 512),
  action: z.enum(REPORT_ACTIONS, { message: "Choose to dismiss the report or remove the message." }),
  note: optionalNote("The note", MODERATION_LIMITS.resolveNote),
});
export type ResolveReportInput = z.input<typeof resolveReportInputSchema>;

export const blockUserInputSchema = z.strictObject({ uid: uidSchema });
export type BlockUserInput = z.input<typeof blockUserInputSchema>;

/** A blocked word as stored: trimmed, lower case, 2–40 characters. Forms and the callable normalise first. */
export const normalizeBlockedWord = (word: string) => word.trim().toLowerCase().replace(/\s+/g, " ");

export const blockedWordSchema = z
  .string({ message: "Each word must be text." })
  .transform(normalizeBlockedWord)
  .pipe(
    z
      .string()
      .min(MODERATION_LIMITS.blockedWordMin, `Each word needs at least ${MODERATION_LIMITS.blockedWordMin} characters.`)
      .max(MODERATION_LIMITS.blockedWordMax, `Each word can be at most ${MODERATION_LIMITS.blockedWordMax} characters.`),
  );

export const setBlockedWordsInputSchema = z.strictObject({
  words: z
    .array(blockedWordSchema, { message: "The words must be a list." })
    .max(MODERATION_LIMITS.blockedWords, `List at most ${MODERATION_LIMITS.blockedWords} words.`)
    // The same word twice (after normalising) says nothing more; keep the first, in the admin's order.
    .transform((words) => [...new Set(words)]),
});
export type SetBlockedWordsInput = z.input<typeof setBlockedWordsInputSchema>;

/** `reports/{reportId}`: a reported chat message, with a snapshot of it, waiting in the admins' review queue. */
export const reportDocSchema = z.object({
  chatId: z.string(),
  messageId: z.string(),
  reporterUid: z.string(),
  reporterName: z.string(),
  authorUid: z.string(),
  authorName: z.string(),
  /** The message as it was when reported (removing it later does not change the report). */
  messageText: z.string(),
  messageSentAt: timestampSchema,
  reason: z.enum(REPORT_REASONS),
  details: z.string(),
  status: z.enum(REPORT_STATUSES),
  createdAt: timestampSchema,
  resolvedAt: timestampSchema.nullable(),
  resolvedBy: z.string().nullable(),
  resolvedByName: z.string().nullable(),
  action: z.enum(REPORT_ACTIONS).nullable(),
  note: z.string(),
});
export type ReportDoc = z.output<typeof reportDocSchema>;

/** `blocks/{blockerUid}_{blockedUid}`. */
export const blockDocSchema = z.object({
  blockerUid: z.string(),
  blockedUid: z.string(),
  blockedName: z.string(),
  createdAt: timestampSchema,
});
export type BlockDoc = z.output<typeof blockDocSchema>;

/** `config/moderation`: the word list every client checks at send and masks at display. */
export const moderationConfigDocSchema = z.object({
  blockedWords: z.array(z.string()).max(MODERATION_LIMITS.blockedWords),
  updatedAt: timestampSchema,
  updatedBy: z.string(),
});
export type ModerationConfigDoc = z.output<typeof moderationConfigDocSchema>;

export const reportMessageOutputSchema = z.object({ reportId: z.string(), created: z.boolean() });
export const resolveReportOutputSchema = z.object({
  reportId: z.string(),
  status: z.literal("resolved"),
  action: z.enum(REPORT_ACTIONS),
  /** False when it was already resolved (a retry or a second admin); `action` is then the one taken. */
  changed: z.boolean(),
});
export const blockUserOutputSchema = z.object({
  uid: z.string(),
  blocked: z.boolean(),
  changed: z.boolean(),
  /** Whether an accepted mentoring between the two ended, or a waiting request closed. */
  endedMatch: z.boolean().optional(),
  closedRequest: z.boolean().optional(),
});
export const setBlockedWordsOutputSchema = z.object({ words: z.array(z.string()), count: z.number() });
