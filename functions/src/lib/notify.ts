import {
  describeZodError,
  dedupeDocId,
  mailIdFor,
  notificationLinkSchema,
  paths,
  renderEmail,
  type EmailKind,
  type MailAttachment,
  type MailDoc,
  type NotificationDoc,
  type NotificationKind,
} from "@mentormatch/shared";
import {
  FieldValue,
  type DocumentReference,
  type DocumentSnapshot,
  type Firestore,
  type Transaction,
  type WriteBatch,
} from "firebase-admin/firestore";
import { clampNotificationText, planNotification, type NotificationRecipient } from "../planners/notification.js";
import { db as defaultDb } from "./app.js";
import { appUrl } from "./config.js";
import { readDisplayName, readSettings } from "./documents.js";

/** Who a mail goes to, as an attachment builder sees them. */
export type MailRecipient = Pick<NotificationRecipient, "email" | "displayName">;

export interface NotifyEmail {
  subject: string;
  heading: string;
  /** Plain text; the template escapes it. */
  paragraphs: string[];
  action?: { label: string; path: string };
  /** Linked entries after the paragraphs (a digest's conversations); the template escapes them. */
  items?: { title: string; detail: string; path: string }[];
  /** Footer line for mail the person cannot switch off (see EmailContent.reason). */
  reason?: string;
  /**
   * Files for the mail (a session's .ics). A function gets the recipient, whose address only the notifier reads, so
   * a calendar file can name them without the caller reading anyone's private settings.
   */
  attachments?: MailAttachment[] | ((recipient: MailRecipient) => MailAttachment[]);
}

export interface NotifyInput {
  kind: NotificationKind;
  text: string;
  /** In-app path, starting with "/". */
  link: string;
  /** Same key → same notification and mail ids, so a retried trigger cannot notify twice. Scope it to the event. */
  dedupeKey: string;
  email?: NotifyEmail;
  /**
   * False: email only, no in-app notification (and nothing at all when the preference is off). For what the app
   * already shows another way, such as unread chat messages (the counter).
   */
  inApp?: false;
}

export interface NotifyItem {
  uid: string;
  input: NotifyInput;
  /**
   * What the caller already knows about the recipient; skips reading their settings and profile. Needed when
   * those are written in the same transaction (registerAccount), where a read would not see them.
   */
  recipient?: NotificationRecipient;
}

export interface NotifyOptions {
  /** Single-recipient form of NotifyItem.recipient. */
  recipient?: NotificationRecipient;
  appUrl?: string;
  db?: Firestore;
}

export interface NotifyResult {
  uid: string;
  notificationId: string;
  /** False when this dedupe key was already used. */
  notified: boolean;
  /** The mail document created, or null when no email was queued. */
  mailId: string | null;
}

export interface PreparedNotifications {
  results: NotifyResult[];
  /** Queues the creates on the transaction; call after the caller's own reads are done. */
  write(): void;
}

type Writer = Pick<Transaction, "create"> | Pick<WriteBatch, "create">;

/**
 * The read half of notifying several people inside one transaction: one `getAll` for every recipient's dedupe
 * documents (and settings and name, when an email is wanted and the recipient is not given). Firestore wants every
 * read before the first write, so a transaction that tells both people of an event reads its own documents, calls
 * this, then writes its changes and calls `write()`.
 */
export async function prepareNotifications(
  tx: Transaction,
  items: NotifyItem[],
  options: Omit<NotifyOptions, "recipient"> = {},
): Promise<PreparedNotifications> {
  const firestore = options.db ?? defaultDb();
  const origin = options.appUrl ?? appUrl();
  const slots = items.map((item) => {
    const link = notificationLinkSchema.safeParse(item.input.link);
    if (!link.success) throw new Error(`notify(${item.input.kind}): ${describeZodError(link.error)}`);
    if (!item.input.dedupeKey) throw new Error(`notify(${item.input.kind}): a dedupeKey is required`);
    const notificationId = dedupeDocId(item.input.dedupeKey);
    const mailId = mailIdFor(item.uid, item.input.dedupeKey);
    const readRecipient = !item.recipient && !!item.input.email;
    return {
      item,
      link: link.data,
      notificationId,
      mailId,
      refs: [
        firestore.doc(paths.notification(item.uid, notificationId)),
        firestore.doc(paths.mail(mailId)),
        ...(readRecipient ? [firestore.doc(paths.userSettings(item.uid)), firestore.doc(paths.user(item.uid))] : []),
      ] as DocumentReference[],
    };
  });
  const allRefs = slots.flatMap((slot) => slot.refs);
  const snaps = allRefs.length ? await tx.getAll(...allRefs) : [];
  const byPath = new Map(snaps.map((snap) => [snap.ref.path, snap]));

  const writes: (() => void)[] = [];
  const claimed = new Set<string>();
  const results = slots.map(({ item, link, notificationId, mailId, refs }): NotifyResult => {
    const [notificationRef, mailRef, settingsRef, profileRef] = refs;
    const recipient =
      item.recipient ??
      (settingsRef && profileRef ? recipientFrom(byPath.get(settingsRef.path), byPath.get(profileRef.path)) : null);
    const plan = planNotification({
      kind: item.input.kind,
      hasEmail: !!item.input.email,
      inApp: item.input.inApp !== false,
      notificationExists: !!byPath.get(notificationRef!.path)?.exists,
      mailExists: !!byPath.get(mailRef!.path)?.exists,
      recipient,
    });
    // Two items for the same person and key in one call would collide on create: the first one wins.
    const key = `${item.uid}/${notificationId}`;
    if (plan.action === "skip" || claimed.has(key)) return { uid: item.uid, notificationId, notified: false, mailId: null };
    claimed.add(key);
    const queueMail = plan.mail && item.input.email && recipient ? { mail: plan.mail, email: item.input.email, recipient } : null;
    writes.push(() => {
      if (plan.action === "notify") tx.create(notificationRef!, notificationDoc(item.input, link));
      if (queueMail)
        tx.create(mailRef!, mailDoc(item.uid, queueMail.mail.to, queueMail.mail.emailKind, queueMail.recipient, queueMail.email, origin));
    });
    return { uid: item.uid, notificationId, notified: true, mailId: queueMail ? mailId : null };
  });
  return { results, write: () => writes.splice(0).forEach((write) => write()) };
}

/**
 * The one way a feature tells a user something: an in-app notification and, when their preference for the
 * kind is on, a `mail/` document that `on-mail-created` sends. Both are created at most once per dedupe key.
 *
 * With `tx`, it runs inside the caller's transaction: call it after the caller's reads and before its writes
 * (it reads and writes); to tell several people in one transaction use prepareNotifications.
 */
export async function notify(uid: string, input: NotifyInput, tx?: Transaction, options: NotifyOptions = {}): Promise<NotifyResult> {
  const firestore = options.db ?? defaultDb();
  if (!tx) return firestore.runTransaction((transaction) => notify(uid, input, transaction, options));
  const prepared = await prepareNotifications(tx, [{ uid, input, recipient: options.recipient }], options);
  prepared.write();
  return prepared.results[0]!;
}

/**
 * Adds a notification (and its mail) to a batch without reading: `create` makes the whole batch fail if either
 * already exists, which is what a caller that commits "exactly once" by creating documents wants (registerAccount).
 */
export function addNotificationToBatch(
  batch: WriteBatch,
  item: Required<Pick<NotifyItem, "recipient">> & NotifyItem,
  options: Omit<NotifyOptions, "recipient"> = {},
): NotifyResult {
  const firestore = options.db ?? defaultDb();
  const link = notificationLinkSchema.parse(item.input.link);
  const notificationId = dedupeDocId(item.input.dedupeKey);
  const mailId = mailIdFor(item.uid, item.input.dedupeKey);
  const plan = planNotification({
    kind: item.input.kind,
    hasEmail: !!item.input.email,
    inApp: item.input.inApp !== false,
    notificationExists: false,
    mailExists: false,
    recipient: item.recipient,
  });
  if (plan.action === "skip") return { uid: item.uid, notificationId, notified: false, mailId: null };
  if (plan.action === "notify") batch.create(firestore.doc(paths.notification(item.uid, notificationId)), notificationDoc(item.input, link));
  if (!plan.mail || !item.input.email) return { uid: item.uid, notificationId, notified: true, mailId: null };
  batch.create(
    firestore.doc(paths.mail(mailId)),
    mailDoc(item.uid, plan.mail.to, plan.mail.emailKind, item.recipient, item.input.email, options.appUrl ?? appUrl()),
  );
  return { uid: item.uid, notificationId, notified: true, mailId };
}

/**
 * Queues one email to an address outside the notification system (a verification link, an invitation to an
 * address with no account yet). `create` under `mailId`, so the same id twice is refused rather than sent twice.
 */
export function queueEmail(
  writer: Writer,
  mailId: string,
  mail: { to: string; uid: string; kind: EmailKind; recipientName: string; email: NotifyEmail },
  options: { db?: Firestore; appUrl?: string } = {},
): void {
  const firestore = options.db ?? defaultDb();
  writer.create(
    firestore.doc(paths.mail(mailId)),
    mailDoc(mail.uid, mail.to, mail.kind, { email: mail.to, displayName: mail.recipientName }, mail.email, options.appUrl ?? appUrl()),
  );
}

function recipientFrom(settingsSnap: DocumentSnapshot | undefined, profileSnap: DocumentSnapshot | undefined): NotificationRecipient | null {
  const settings = readSettings(settingsSnap);
  if (!settings) return null;
  return { email: settings.email, displayName: readDisplayName(profileSnap)?.displayName || "there", emailPrefs: settings.emailPrefs };
}

function notificationDoc(input: NotifyInput, link: string): Omit<NotificationDoc, "createdAt"> & { createdAt: FieldValue } {
  return {
    kind: input.kind,
    text: clampNotificationText(input.text),
    link,
    read: false,
    createdAt: FieldValue.serverTimestamp(),
    readAt: null,
  };
}

function mailDoc(
  uid: string,
  to: string,
  kind: EmailKind,
  recipient: MailRecipient,
  email: NotifyEmail,
  origin: string,
): Record<Exclude<keyof MailDoc, "attachments">, unknown> & { attachments?: MailAttachment[] } {
  const { attachments: attach, ...content } = email;
  const rendered = renderEmail({ kind, recipientName: recipient.displayName, ...content }, origin);
  const attachments = typeof attach === "function" ? attach(recipient) : attach;
  return {
    // Only when there are some: Firestore refuses an `undefined` field.
    ...(attachments?.length ? { attachments } : {}),
    to,
    uid,
    kind,
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
