import { NOTIFICATION_KINDS, paths, type NotificationKind } from "@mentormatch/shared";
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
  type Timestamp,
} from "firebase/firestore";
import { UNREAD_LIMIT_DISPLAY } from "../features/notifications/unread-limit";
import { db } from "../lib/firestore";

export interface AppNotification {
  id: string;
  kind: NotificationKind | null;
  text: string;
  link: string;
  read: boolean;
  createdAt: Date | null;
}

/** The unread query's limit: the badge shows "99+" beyond it rather than reading every document. */
export const UNREAD_LIMIT = UNREAD_LIMIT_DISPLAY;
/** A batch holds at most 500 writes. */
const BATCH_LIMIT = 500;

const listRef = (uid: string) => collection(db, paths.notifications(uid));

export function watchNotifications(
  uid: string,
  onNext: (items: AppNotification[]) => void,
  onError: (error: Error) => void,
  max = 50,
) {
  return onSnapshot(
    query(listRef(uid), orderBy("createdAt", "desc"), limit(max)),
    // Pending server timestamps read as null until the write lands; estimate them so a new item sorts and shows a time.
    (snap) =>
      onNext(
        snap.docs.map((d) => {
          const data = d.data({ serverTimestamps: "estimate" });
          const link = typeof data.link === "string" && data.link.startsWith("/") && !data.link.startsWith("//") ? data.link : "";
          return {
            id: d.id,
            kind: typeof data.kind === "string" && data.kind in NOTIFICATION_KINDS ? (data.kind as NotificationKind) : null,
            text: typeof data.text === "string" ? data.text : "",
            link,
            read: data.read === true,
            createdAt: (data.createdAt as Timestamp | null | undefined)?.toDate?.() ?? null,
          };
        }),
      ),
    onError,
  );
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
