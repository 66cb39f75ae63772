/** Pure helpers for the support pages: who I am in a conversation, what is new for me, and the inbox's order. */

export type SupportViewerSide = "requester" | "admin";

interface ThreadFlags {
  requesterUid: string;
  status: "open" | "closed";
  unreadForRequester: boolean;
  unreadForAdmins: boolean;
  lastMessageAt: number;
}

/** My side: the requester of my own conversation (even as an admin), else an admin answering someone else's. */
export function viewerSide(thread: Pick<ThreadFlags, "requesterUid">, uid: string): SupportViewerSide {
  return thread.requesterUid === uid ? "requester" : "admin";
}

/** Whether the conversation has something I have not seen. */
export function isUnreadFor(thread: ThreadFlags, side: SupportViewerSide): boolean {
  return side === "requester" ? thread.unreadForRequester : thread.unreadForAdmins;
}

/** Open conversations first, each group newest activity first: what an admin should look at comes first. */
export function sortForInbox<T extends ThreadFlags>(threads: readonly T[]): T[] {
  return [...threads].sort((a, b) => (a.status === b.status ? b.lastMessageAt - a.lastMessageAt : a.status === "open" ? -1 : 1));
}

export function describeStatus(status: "open" | "closed"): string {
  return status === "open" ? "Open" : "Closed";
}

/** The screen-reader wording of the admins' open-conversations badge. */
export function describeOpenSupport(count: number): string {
  return count === 1 ? "1 open support conversation" : `${count} open support conversations`;
}

/** Who wrote a message, as the viewer reads it. */
export function authorLabel(message: { authorUid: string; authorName: string; authorRole: "requester" | "admin" }, uid: string): string {
  if (message.authorUid === uid) return "You";
  return message.authorRole === "admin" ? `${message.authorName} (programme support)` : message.authorName;
}
