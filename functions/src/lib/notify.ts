import {
  describeZodError,
  dedupeDocId,
  mailIdFor,
  notificationLinkSchema,
  paths,
  renderEmail,
  type EmailKind,
  type MailDoc,
  type NotificationDoc,
  type NotificationKind,
} from "@mentormatch/shared";
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import { clampNotificationText, planNotification, type NotificationRecipient } from "../planners/notification.js";
import { db as defaultDb } from "./app.js";
import { appUrl } from "./config.js";

export interface NotifyEmail {
  subject: string;
  heading: string;
  /** Plain text; the template escapes it. */
  paragraphs: string[];
  action?: { label: string; path: string };
}

export interface NotifyInput {
  kind: NotificationKind;
  text: string;
  /** In-app path, starting with "/". */
  link: string;
  /** Same key → same notification and mail ids, so a retried trigger cannot notify twice. Scope it to the event. */
  dedupeKey: string;
  email?: NotifyEmail;
}

export interface NotifyOptions {
  /**
   * What the caller already knows about the recipient; skips reading their settings and profile. Needed when
   * those are written in the same transaction (registerAccount), where a read would not see them.
   */
  recipient?: NotificationRecipient;
  appUrl?: string;
  db?: Firestore;
}

export interface NotifyResult {
  notificationId: string;
  /** False when this dedupe key was already used. */
  notified: boolean;
  /** The mail document created, or null when no email was queued. */
  mailId: string | null;
}

/**
 * The one way a feature tells a user something: an in-app notification and, when their preference for the
 * kind is on, a `mail/` document that `on-mail-created` sends. Both are created at most once per dedupe key.
 *
 * With `tx`, it runs inside the caller's transaction: call it after the caller's reads and before its writes,
 * because notify reads too and Firestore wants every read before the first write.
 */
export async function notify(
  uid: string,
  input: NotifyInput,
  tx?: Transaction,
  options: NotifyOptions = {},
): Promise<NotifyResult> {
  const firestore = options.db ?? defaultDb();
  if (!tx) return firestore.runTransaction((transaction) => notify(uid, input, transaction, options));

  const link = notificationLinkSchema.safeParse(input.link);
  if (!link.success) throw new Error(`notify(${input.kind}): ${describeZodError(link.error)}`);
  if (!input.dedupeKey) throw new Error(`notify(${input.kind}): a dedupeKey is required`);

  const notificationId = dedupeDocId(input.dedupeKey);
  const mailId = mailIdFor(uid, input.dedupeKey);
  const notificationRef = firestore.doc(paths.notification(uid, notificationId));
  const mailRef = firestore.doc(paths.mail(mailId));
  const [notificationSnap, mailSnap] = await tx.getAll(notificationRef, mailRef);
  let recipient = options.recipient ?? null;
  if (!recipient && input.email) recipient = await readRecipient(firestore, tx, uid);

  const plan = planNotification({
    kind: input.kind,
    hasEmail: !!input.email,
    notificationExists: !!notificationSnap?.exists,
    mailExists: !!mailSnap?.exists,
    recipient,
  });
  if (plan.action === "skip") return { notificationId, notified: false, mailId: null };

  const notification: Omit<NotificationDoc, "createdAt"> & { createdAt: FieldValue } = {
    kind: input.kind,
    text: clampNotificationText(input.text),
    link: link.data,
    read: false,
    createdAt: FieldValue.serverTimestamp(),
    readAt: null,
  };
  tx.create(notificationRef, notification);
  if (!plan.mail || !input.email || !recipient) return { notificationId, notified: true, mailId: null };

  tx.create(mailRef, buildMailDoc(uid, plan.mail, recipient.displayName, input.email, options.appUrl ?? appUrl()));
  return { notificationId, notified: true, mailId };
}

async function readRecipient(firestore: Firestore, tx: Transaction, uid: string): Promise<NotificationRecipient | null> {
  const [settings, profile] = await tx.getAll(firestore.doc(paths.userSettings(uid)), firestore.doc(paths.user(uid)));
  if (!settings?.exists) return null;
  const email = settings.get("email");
  const prefs = settings.get("emailPrefs");
  const name = profile?.get("displayName");
  return {
    email: typeof email === "string" ? email : "",
    displayName: typeof name === "string" && name ? name : "there",
    emailPrefs: prefs && typeof prefs === "object" ? (prefs as NotificationRecipient["emailPrefs"]) : {},
  };
}

function buildMailDoc(
  uid: string,
  mail: { to: string; emailKind: EmailKind },
  recipientName: string,
  email: NotifyEmail,
  origin: string,
): Record<keyof MailDoc, unknown> {
  const rendered = renderEmail({ kind: mail.emailKind, recipientName, ...email }, origin);
  return {
    to: mail.to,
    uid,
    kind: mail.emailKind,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    status: "PENDING",
    attempts: 0,
    leaseExpiresAt: null,
    lastError: null,
    createdAt: FieldValue.serverTimestamp(),
    sentAt: null,
  };
}
