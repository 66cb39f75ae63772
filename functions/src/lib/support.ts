import {
  SUPPORT,
  appLinks,
  parseDoc,
  paths,
  profileDocSchema,
  supportThreadDocSchema,
  type SupportThreadDoc,
} from "@mentormatch/shared";
import type { DocumentSnapshot, Firestore, Transaction } from "firebase-admin/firestore";
import { prepareNotifications, type NotifyInput, type PreparedNotifications } from "./notify.js";
import { readProfile } from "./documents.js";
import type { SupportMessageWrite } from "../planners/support.js";

/**
 * What the support callables share: reading a thread, counting a person's open threads, finding the admins to tell
 * (a bounded query), and the words of each notification. Every read here joins the caller's transaction.
 */

export function readSupportThread(snap: DocumentSnapshot | undefined): SupportThreadDoc | null {
  return snap?.exists ? parseDoc(supportThreadDocSchema, snap.ref.path, snap.data()) : null;
}

/** The caller's name as threads and messages show it. */
export async function authorName(tx: Transaction, firestore: Firestore, uid: string): Promise<string> {
  return readProfile(await tx.get(firestore.doc(paths.user(uid))))?.displayName ?? "A member";
}

/** How many of `uid`'s threads are open, counted up to maxOpenThreads (all a limit check needs). */
export async function openThreadCount(tx: Transaction, firestore: Firestore, uid: string): Promise<number> {
  const snap = await tx.get(
    firestore
      .collection(paths.supportThreads())
      .where("requesterUid", "==", uid)
      .where("status", "==", "open")
      .limit(SUPPORT.maxOpenThreads),
  );
  return snap.size;
}

/**
 * The programme admins to tell, by their stored role, at most SUPPORT.maxAdminsNotified; `except` (the admin who
 * acted) is left out. A bounded query, so a programme with many admins costs at most that many notifications.
 */
export async function adminUids(tx: Transaction, firestore: Firestore, except?: string): Promise<string[]> {
  const snap = await tx.get(firestore.collection(paths.users()).where("role", "==", "admin").limit(SUPPORT.maxAdminsNotified));
  return snap.docs
    .filter((doc) => parseDoc(profileDocSchema.pick({ role: true }), doc.ref.path, doc.data()).role === "admin")
    .map((doc) => doc.id)
    .filter((uid) => uid !== except);
}

/** Notifications for several people, after the caller's reads: the same input for each admin. */
export function prepareForAll(tx: Transaction, firestore: Firestore, uids: string[], input: NotifyInput): Promise<PreparedNotifications> {
  return prepareNotifications(tx, uids.map((uid) => ({ uid, input })), { db: firestore });
}

const quoted = (text: string, max = 160) => `“${text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`}”`;

type ThreadFacts = Pick<SupportThreadDoc, "subject" | "requesterName">;

/** To the admins: a new conversation (or a closed one reopened). */
export function supportOpenedMessage(threadId: string, thread: ThreadFacts, text: string, event: "opened" | `reopened:${number}`): NotifyInput {
  const reopened = event !== "opened";
  return {
    kind: "support_opened",
    text: reopened
      ? `${thread.requesterName} reopened “${thread.subject}”.`
      : `${thread.requesterName} asked for help: “${thread.subject}”.`,
    link: appLinks.adminSupport(threadId),
    dedupeKey: `support:${threadId}:${event}`,
    email: {
      subject: reopened ? `Support: ${thread.requesterName} reopened a conversation` : `Support: ${thread.subject}`,
      heading: reopened ? "A support conversation was reopened" : "A new support conversation",
      paragraphs: [
        reopened
          ? `${thread.requesterName} reopened “${thread.subject}”.`
          : `${thread.requesterName} opened a support conversation: “${thread.subject}”.`,
        ...(text ? [`Their message: ${quoted(text, 1000)}`] : []),
        "Answer it from the support inbox.",
      ],
      action: { label: "Open the support inbox", path: appLinks.adminSupport(threadId) },
    },
  };
}

/** To the other side: a new message. Admins land in the inbox, the requester on their conversation. */
export function supportRepliedMessage(
  threadId: string,
  thread: ThreadFacts,
  messageId: string,
  message: Pick<SupportMessageWrite, "authorName" | "authorRole" | "text">,
): NotifyInput {
  const toAdmins = message.authorRole === "requester";
  const link = toAdmins ? appLinks.adminSupport(threadId) : appLinks.support(threadId);
  return {
    kind: "support_replied",
    text: toAdmins
      ? `${message.authorName} wrote in “${thread.subject}”: ${quoted(message.text, 120)}`
      : `Programme support answered “${thread.subject}”: ${quoted(message.text, 120)}`,
    link,
    dedupeKey: `support:${threadId}:message:${messageId}`,
    email: {
      subject: toAdmins ? `Support: ${message.authorName} wrote again` : `Programme support answered “${thread.subject}”`,
      heading: toAdmins ? "A new message in a support conversation" : "An answer from programme support",
      paragraphs: [
        toAdmins
          ? `${message.authorName} wrote in “${thread.subject}”:`
          : `${message.authorName} from programme support answered “${thread.subject}”:`,
        quoted(message.text, 2000),
      ],
      action: { label: "Open the conversation", path: link },
    },
  };
}

/** To the requester: an admin closed their conversation. */
export function supportClosedMessage(threadId: string, thread: ThreadFacts, closedAtMillis: number, adminName: string, note: string): NotifyInput {
  return {
    kind: "support_closed",
    text: `${adminName} closed “${thread.subject}”.${note ? ` ${quoted(note, 120)}` : ""}`,
    link: appLinks.support(threadId),
    dedupeKey: `support:${threadId}:closed:${closedAtMillis}`,
    email: {
      subject: `Your support conversation “${thread.subject}” was closed`,
      heading: "Your support conversation was closed",
      paragraphs: [
        `${adminName} from programme support closed “${thread.subject}”.`,
        ...(note ? [`Their note: ${quoted(note, 500)}`] : []),
        "If you still need help, you can reopen it from the Help & support page.",
      ],
      action: { label: "Open the conversation", path: appLinks.support(threadId) },
    },
  };
}
