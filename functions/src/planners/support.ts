import { SUPPORT, supportPreview, type Role, type SupportSide, type SupportThreadDoc } from "@mentormatch/shared";

/**
 * Support conversations' decisions, pure: the callables read the thread (and the requester's open threads) in a
 * transaction, ask here with `now`, and write exactly what comes back.
 */

export type SupportRefusal = {
  action: "refuse";
  code: "not-found" | "failed-precondition" | "resource-exhausted";
  message: string;
};

const refuse = (code: SupportRefusal["code"], message: string): SupportRefusal => ({ action: "refuse", code, message });

/** The thread fields a plan reads; the callables pass the parsed document. */
export type SupportThreadState = Pick<SupportThreadDoc, "requesterUid" | "requesterName" | "subject" | "status" | "messageCount">;

export interface SupportAuthor {
  uid: string;
  /** The current stored role, as defineCallable read it. */
  role: Role;
  displayName: string;
}

export interface SupportMessageWrite {
  authorUid: string;
  authorName: string;
  authorRole: SupportSide;
  text: string;
  kind: "message" | "close_note";
  createdAt: Date;
}

// A missing thread and someone else's thread answer the same, so ids cannot be probed for existence.
const NOT_FOUND = "That conversation does not exist, or it is not yours.";
const TOO_MANY = `You already have ${SUPPORT.maxOpenThreads} open conversations. Add to one of them, or wait until one is closed.`;

/**
 * Which side `author` writes for: the requester first (an admin's own question to their colleagues is theirs as
 * requester), else any current admin, else nobody.
 */
export function supportSideOf(author: Pick<SupportAuthor, "uid" | "role">, thread: Pick<SupportThreadDoc, "requesterUid">): SupportSide | null {
  if (author.uid === thread.requesterUid) return "requester";
  return author.role === "admin" ? "admin" : null;
}

// ---- openSupportThread ------------------------------------------------------------------------------------------

export type OpenPlan =
  | SupportRefusal
  | {
      action: "open";
      thread: Omit<SupportThreadDoc, "createdAt" | "updatedAt" | "lastMessageAt" | "closedAt"> & {
        createdAt: Date;
        updatedAt: Date;
        lastMessageAt: Date;
        closedAt: null;
      };
      message: SupportMessageWrite;
    };

export function planSupportOpen(input: {
  author: SupportAuthor;
  /** How many of the author's threads are open now (read with a query bounded at maxOpenThreads + 1). */
  openCount: number;
  subject: string;
  text: string;
  now: Date;
}): OpenPlan {
  const { author, subject, text, now } = input;
  if (input.openCount >= SUPPORT.maxOpenThreads) return refuse("resource-exhausted", TOO_MANY);
  return {
    action: "open",
    thread: {
      requesterUid: author.uid,
      requesterName: author.displayName,
      subject,
      status: "open",
      createdAt: now,
      updatedAt: now,
      lastMessageAt: now,
      lastMessagePreview: supportPreview(text),
      lastFrom: "requester",
      unreadForRequester: false,
      unreadForAdmins: true,
      messageCount: 1,
      closedBy: null,
      closedAt: null,
    },
    message: { authorUid: author.uid, authorName: author.displayName, authorRole: "requester", text, kind: "message", createdAt: now },
  };
}

// ---- postSupportMessage -----------------------------------------------------------------------------------------

export type PostPlan =
  | SupportRefusal
  | {
      action: "post";
      side: SupportSide;
      message: SupportMessageWrite;
      threadUpdate: Pick<
        SupportThreadDoc,
        "lastMessagePreview" | "lastFrom" | "unreadForRequester" | "unreadForAdmins" | "messageCount"
      > & { updatedAt: Date; lastMessageAt: Date };
    };

export function planSupportMessage(input: { author: SupportAuthor; thread: SupportThreadState | null; text: string; now: Date }): PostPlan {
  const { author, thread, text, now } = input;
  const side = thread ? supportSideOf(author, thread) : null;
  if (!thread || !side) return refuse("not-found", NOT_FOUND);
  if (thread.status === "closed")
    return refuse(
      "failed-precondition",
      side === "requester"
        ? "This conversation is closed. Reopen it to write again."
        : "This conversation is closed. The person can reopen it if they need more help.",
    );
  return {
    action: "post",
    side,
    message: { authorUid: author.uid, authorName: author.displayName, authorRole: side, text, kind: "message", createdAt: now },
    threadUpdate: {
      updatedAt: now,
      lastMessageAt: now,
      lastMessagePreview: supportPreview(text),
      lastFrom: side,
      // The writer has obviously seen the thread; the other side now has something new.
      unreadForRequester: side === "admin",
      unreadForAdmins: side === "requester",
      messageCount: thread.messageCount + 1,
    },
  };
}

// ---- closeSupportThread (admins) --------------------------------------------------------------------------------

export type ClosePlan =
  | SupportRefusal
  | { action: "unchanged" }
  | {
      action: "close";
      /** The closing note, kept in the conversation; null without one. */
      message: SupportMessageWrite | null;
      threadUpdate: Record<string, unknown> & { status: "closed"; closedBy: string; closedAt: Date; updatedAt: Date };
    };

export function planSupportClose(input: { author: SupportAuthor; thread: SupportThreadState | null; note: string; now: Date }): ClosePlan {
  const { author, thread, note, now } = input;
  if (!thread || author.role !== "admin") return refuse("not-found", NOT_FOUND);
  if (thread.status === "closed") return { action: "unchanged" };
  const message: SupportMessageWrite | null = note
    ? { authorUid: author.uid, authorName: author.displayName, authorRole: "admin", text: note, kind: "close_note", createdAt: now }
    : null;
  return {
    action: "close",
    message,
    threadUpdate: {
      status: "closed",
      closedBy: author.uid,
      closedAt: now,
      updatedAt: now,
      // The requester learns of the close (and reads the note) in the thread, so it counts as news for them.
      unreadForRequester: true,
      unreadForAdmins: false,
      ...(message
        ? { lastMessageAt: now, lastMessagePreview: supportPreview(note), lastFrom: "admin", messageCount: thread.messageCount + 1 }
        : {}),
    },
  };
}

// ---- reopenSupportThread (the requester) ------------------------------------------------------------------------

export type ReopenPlan =
  | SupportRefusal
  | { action: "unchanged" }
  | { action: "reopen"; threadUpdate: { status: "open"; closedBy: null; closedAt: null; updatedAt: Date; unreadForAdmins: true } };

export function planSupportReopen(input: { callerUid: string; thread: SupportThreadState | null; openCount: number; now: Date }): ReopenPlan {
  const { callerUid, thread, now } = input;
  if (!thread || thread.requesterUid !== callerUid) return refuse("not-found", NOT_FOUND);
  if (thread.status === "open") return { action: "unchanged" };
  if (input.openCount >= SUPPORT.maxOpenThreads) return refuse("resource-exhausted", TOO_MANY);
  return { action: "reopen", threadUpdate: { status: "open", closedBy: null, closedAt: null, updatedAt: now, unreadForAdmins: true } };
}
