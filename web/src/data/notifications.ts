import { notificationDocSchema, paths, type NotificationDoc } from "@mentormatch/shared";
import {
  collection,
  doc,
  getDocs,
  limit,
  onSnapshot,
  orderBy,
  query,
  serverTimestamp,
  updateDoc,
  where,
  writeBatch,
} from "firebase/firestore";
import { UNREAD_LIMIT_DISPLAY } from "../features/notifications/unread-limit";
import { db } from "../lib/firestore";
import { converterFor, watchList } from "./parse";

export interface AppNotification extends Pick<NotificationDoc, "kind" | "text" | "link" | "read"> {
  id: string;
  createdAt: Date;
}

/** The unread query's limit: the badge shows "99+" beyond it rather than reading every document. */
export const UNREAD_LIMIT = UNREAD_LIMIT_DISPLAY;
/** A batch holds at most 500 writes. */
const BATCH_LIMIT = 500;

const notificationConverter = converterFor(
  notificationDocSchema,
  ({ kind, text, link, read, createdAt }, id): AppNotification => ({ id, kind, text, link, read, createdAt: createdAt.toDate() }),
);
const listRef = (uid: string) => collection(db, paths.notifications(uid));

/** The newest notifications, live. A pending server timestamp reads as an estimate, so a new item sorts and shows a time. */
export function watchNotifications(
  uid: string,
  onNext: (items: AppNotification[]) => void,
  onError: (error: Error) => void,
  max = 50,
) {
  return watchList(query(listRef(uid).withConverter(notificationConverter), orderBy("createdAt", "desc"), limit(max)), onNext, onError);
}

export function watchUnreadCount(uid: string, onNext: (count: number) => void, onError: (error: Error) => void) {
  return onSnapshot(query(listRef(uid), where("read", "==", false), limit(UNREAD_LIMIT)), (snap) => onNext(snap.size), onError);
}

/** Exactly the update the rules allow: `read` to true and `readAt` the request time. */
export async function markRead(uid: string, id: string): Promise<void> {
  await updateDoc(doc(db, paths.notification(uid, id)), { read: true, readAt: serverTimestamp() });
}

/** Marks every unread notification read, in batches; returns how many changed. */
export async function markAllRead(uid: string): Promise<number> {
  let total = 0;
  for (;;) {
    const snap = await getDocs(query(listRef(uid), where("read", "==", false), limit(BATCH_LIMIT)));
    if (snap.empty) return total;
    const batch = writeBatch(db);
    for (const d of snap.docs) batch.update(d.ref, { read: true, readAt: serverTimestamp() });
    await batch.commit();
    total += snap.size;
    if (snap.size < BATCH_LIMIT) return total;
  }
}
