import { appLinks, type NotificationKind } from "@mentormatch/shared";

/** `unreadMail/{uid}__{chatId}`: the send that left `uid` something unread in `chatId`, at `at` (ms). */
export interface UnreadMarker {
  uid: string;
  chatId: string;
  at: number;
}

/** The fields of `userChats/{uid}/{chatId}` these planners read. */
export interface ChatEntry {
  peerId: string;
  lastMessageId: string;
  lastMessage: string;
  lastMessageAt: number;
  lastFrom: string;
  unread: number;
}

export interface UnreadMailInput {
  marker: UnreadMarker;
  /** The recipient's chat-list entry, or null when there is none. */
  entry: ChatEntry | null;
  closed: boolean;
  /** The recipient's `chats/{chatId}/lastRead/{uid}`, or null when they never opened the chat. */
  lastReadAt: number | null;
  now: Date;
  delayMinutes: number;
}

export type UnreadMailPlan =
  | { action: "wait" }
  /** Nothing to send: the marker goes. */
  | { action: "drop"; reason: "no-entry" | "read" | "replied" | "closed" }
  | { action: "send"; dedupeKey: string; peerId: string; unread: number; preview: string; link: string };

/**
 * What the unread-mail job does with one due marker. It mails only while the recipient still has something unread
 * in an open chat and the last word is not their own. The dedupe key names the recipient's last read, not the
 * message: one email per stretch of not reading, however many messages (and markers) arrive in it, and again only
 * after they have opened the chat since. Overlapping runs use the same key, so they queue one mail.
 */
export function planUnreadMail(input: UnreadMailInput): UnreadMailPlan {
  const { marker, entry } = input;
  if (marker.at > input.now.getTime() - input.delayMinutes * 60_000) return { action: "wait" };
  if (!entry) return { action: "drop", reason: "no-entry" };
  if (input.closed) return { action: "drop", reason: "closed" };
  if (entry.unread <= 0) return { action: "drop", reason: "read" };
  // Their own message last means they were in the chat after the others (the counter only clears on opening it).
  if (entry.lastFrom === marker.uid) return { action: "drop", reason: "replied" };
  return {
    action: "send",
    dedupeKey: `chat-unread:${marker.chatId}:${marker.uid}:${input.lastReadAt ?? "never"}`,
    peerId: entry.peerId,
    unread: entry.unread,
    preview: entry.lastMessage,
    link: appLinks.chat(marker.chatId),
  };
}

/** The notify() input for a planned unread-message email: email only, the counter already shows it in the app. */
export function unreadMailMessage(plan: Extract<UnreadMailPlan, { action: "send" }>, peerName: string) {
  const messages = plan.unread === 1 ? "a message" : `${plan.unread} messages`;
  return {
    kind: "message_unread" as NotificationKind,
    text: `${peerName} sent you ${messages} you have not read yet.`,
    link: plan.link,
    dedupeKey: plan.dedupeKey,
    inApp: false as const,
    email: {
      subject: `${peerName} sent you ${messages} on MentorMatch`,
      heading: `Unread ${plan.unread === 1 ? "message" : "messages"} from ${peerName}`,
      paragraphs: [
        `${peerName} sent you ${messages} you have not read yet. The latest:`,
        `“${plan.preview}”`,
      ],
      action: { label: "Open the conversation", path: plan.link },
    },
  };
}

export interface DigestConversation {
  chatId: string;
  entry: ChatEntry;
  closed: boolean;
}

export interface DigestInput {
  uid: string;
  conversations: DigestConversation[];
  /** Display names by uid; someone missing is "Your mentoring partner". */
  names: Record<string, string>;
  now: Date;
  limit: number;
}

export interface DigestItem {
  chatId: string;
  peerName: string;
  unread: number;
  preview: string;
  link: string;
}

export type DigestPlan = { action: "skip" } | { action: "send"; dedupeKey: string; items: DigestItem[]; unread: number };

const FALLBACK_NAME = "Your mentoring partner";

/**
 * One person's daily digest: the open conversations where they have something unread and the last word is not
 * theirs, most recent first, at most `limit`. Nothing to list: no email. Keyed by the UTC day of `now`, so a second
 * run that day (or a retry) queues nothing more.
 */
export function planDigest(input: DigestInput): DigestPlan {
  const due = input.conversations
    .filter(({ entry, closed }) => !closed && entry.unread > 0 && entry.lastFrom !== input.uid)
    .sort((a, b) => b.entry.lastMessageAt - a.entry.lastMessageAt)
    .slice(0, input.limit);
  if (due.length === 0) return { action: "skip" };
  const items = due.map(({ chatId, entry }) => ({
    chatId,
    peerName: input.names[entry.peerId] || FALLBACK_NAME,
    unread: entry.unread,
    preview: entry.lastMessage,
    link: appLinks.chat(chatId),
  }));
  return {
    action: "send",
    dedupeKey: digestKey(input.uid, input.now),
    items,
    unread: items.reduce((sum, item) => sum + item.unread, 0),
  };
}

/** One digest per person per UTC day: the job checks this key's mail before reading anyone's chats. */
export function digestKey(uid: string, now: Date): string {
  return `message-digest:${uid}:${now.toISOString().slice(0, 10)}`;
}

/** The notify() input for a planned digest: email only (it is a summary of what the app shows live). */
export function digestMessage(plan: Extract<DigestPlan, { action: "send" }>) {
  const messages = plan.unread === 1 ? "1 unread message" : `${plan.unread} unread messages`;
  const conversations = plan.items.length === 1 ? "1 conversation" : `${plan.items.length} conversations`;
  return {
    kind: "message_digest" as NotificationKind,
    text: `You have ${messages} in ${conversations}.`,
    link: appLinks.messages(),
    dedupeKey: plan.dedupeKey,
    inApp: false as const,
    email: {
      subject: `Your MentorMatch digest: ${messages}`,
      heading: "Your unread messages",
      paragraphs: [`You have ${messages} in ${conversations}:`],
      items: plan.items.map((item) => ({
        title: item.peerName,
        detail: `${item.unread === 1 ? "1 unread" : `${item.unread} unread`}, latest: “${item.preview}”`,
        path: item.link,
      })),
      action: { label: "Open messages", path: appLinks.messages() },
    },
  };
}
