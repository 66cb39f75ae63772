import * as z from "zod";
import { EMAIL_KINDS, LIMITS, NOTIFICATION_KIND_LIST } from "../constants.js";
import { timestampSchema } from "./common.js";

export const notificationLinkSchema = z
  .string()
  .max(LIMITS.notificationLink, `Links must be at most ${LIMITS.notificationLink} characters.`)
  .regex(/^\/(?!\/)/, "Notification links are in-app paths that start with a single /.");

export const notificationDocSchema = z.object({
  kind: z.enum(NOTIFICATION_KIND_LIST),
  text: z.string().min(1).max(LIMITS.notificationText),
  link: notificationLinkSchema,
  read: z.boolean(),
  createdAt: timestampSchema,
  readAt: timestampSchema.nullable(),
});
export type NotificationDoc = z.output<typeof notificationDocSchema>;

export const MAIL_STATUSES = ["PENDING", "PROCESSING", "SENT", "ERROR"] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export const mailAttachmentSchema = z.object({
  filename: z.string().min(1).max(100),
  contentType: z.string().min(1).max(100),
  content: z.string().max(200_000),
});
export type MailAttachment = z.output<typeof mailAttachmentSchema>;

export const mailDocSchema = z.object({
  to: z.string(),
  /** The recipient's uid, or "" for an address with no account yet (an invitation). */
  uid: z.string(),
  kind: z.enum(EMAIL_KINDS),
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  status: z.enum(MAIL_STATUSES),
  attempts: z.number().int().min(0),
  leaseExpiresAt: timestampSchema.nullable(),
  lastError: z.string().nullable(),
  createdAt: timestampSchema,
  sentAt: timestampSchema.nullable(),
  /** Files sent with the mail (a session's .ics); absent on most mail. `content` is base64, as SendGrid takes it. */
  attachments: z.array(mailAttachmentSchema).max(5).optional(),
});
export type MailDoc = z.output<typeof mailDocSchema>;
