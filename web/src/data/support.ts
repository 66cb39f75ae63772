import {
  SUPPORT,
  paths,
  planSupportListQuery,
  supportMessageDocSchema,
  supportThreadDocSchema,
  type SupportListSearch,
  type SupportMessageDoc,
  type SupportThreadDoc,
} from "@mentormatch/shared";
import { collection, doc, limit, onSnapshot, orderBy, query, updateDoc, where } from "firebase/firestore";
import { call } from "../lib/callables";
import { db } from "../lib/firestore";
import { converterFor, watchDoc, watchList } from "./parse";

/**
 * Support conversations with the programme admins (docs/ARCHITECTURE.md, supportThreads/). Everything that adds
 * content goes through the callables (they notify the other side); the only client write is clearing one's own
 * unread flag, exactly as the rules allow.
 */

export interface SupportThread extends Omit<SupportThreadDoc, "createdAt" | "updatedAt" | "lastMessageAt" | "closedAt"> {
  id: string;
  createdAt: number;
  lastMessageAt: number;
  closedAt: number | null;
}

export interface SupportMessage extends Omit<SupportMessageDoc, "createdAt"> {
  id: string;
  /** Named like the chat's messages so the chat's day grouping and clock helpers apply as they are. */
  sentAt: number;
}

const threadConverter = converterFor(
  supportThreadDocSchema,
  ({ createdAt, updatedAt: _updatedAt, lastMessageAt, closedAt, ...rest }, id): SupportThread => ({
    ...rest,
    id,
    createdAt: createdAt.toMillis(),
    lastMessageAt: lastMessageAt.toMillis(),
    closedAt: closedAt ? closedAt.toMillis() : null,
  }),
);
const messageConverter = converterFor(
  supportMessageDocSchema,
  ({ createdAt, ...rest }, id): SupportMessage => ({ ...rest, id, sentAt: createdAt.toMillis() }),
);

function threadsQuery(search: SupportListSearch) {
  const plan = planSupportListQuery(search);
  return query(
    collection(db, paths.supportThreads()).withConverter(threadConverter),
    where(plan.where.field, "==", plan.where.value),
    orderBy(plan.orderBy.field, plan.orderBy.direction),
    limit(plan.limit),
  );
}

/** My conversations, newest activity first, live. */
export function watchMySupportThreads(uid: string, onNext: (threads: SupportThread[]) => void, onError: (error: Error) => void) {
  return watchList(threadsQuery({ view: "mine", uid }), onNext, onError);
}

/** The admins' inbox: one status, newest activity first, live. */
export function watchSupportInbox(status: "open" | "closed", onNext: (threads: SupportThread[]) => void, onError: (error: Error) => void) {
  return watchList(threadsQuery({ view: "inbox", status }), onNext, onError);
}

/** The open conversations' count for the admins' sidebar badge, bounded like the inbox itself. */
export function watchOpenSupportCount(onNext: (count: number) => void, onError: (error: Error) => void) {
  const plan = planSupportListQuery({ view: "inbox", status: "open" });
  return onSnapshot(query(collection(db, paths.supportThreads()), where("status", "==", "open"), limit(plan.limit)), (snap) => onNext(snap.size), onError);
}

export function watchSupportThread(threadId: string, onNext: (thread: SupportThread | null) => void, onError: (error: Error) => void) {
  return watchDoc(doc(db, paths.supportThread(threadId)).withConverter(threadConverter), onNext, onError);
}

/** A conversation's messages, oldest first (the newest SUPPORT.messagesLimit), live. */
export function watchSupportMessages(threadId: string, onNext: (messages: SupportMessage[]) => void, onError: (error: Error) => void) {
  return watchList(
    query(collection(db, paths.supportMessages(threadId)).withConverter(messageConverter), orderBy("createdAt", "desc"), limit(SUPPORT.messagesLimit)),
    (messages) => onNext([...messages].reverse()),
    onError,
  );
}

/** Clears my side's unread flag: the requester's, or (as an admin on someone else's thread) the admins'. */
export async function markSupportThreadRead(threadId: string, side: "requester" | "admin"): Promise<void> {
  const field = side === "requester" ? "unreadForRequester" : "unreadForAdmins";
  await updateDoc(doc(db, paths.supportThread(threadId)), { [field]: false });
}

export const openSupportThread = (subject: string, text: string) => call("openSupportThread", { subject, text });
export const postSupportMessage = (threadId: string, text: string) => call("postSupportMessage", { threadId, text });
export const closeSupportThread = (threadId: string, note: string) => call("closeSupportThread", { threadId, ...(note.trim() ? { note } : {}) });
export const reopenSupportThread = (threadId: string) => call("reopenSupportThread", { threadId });
