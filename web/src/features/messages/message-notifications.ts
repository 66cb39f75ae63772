/** Pure decisions for desktop notifications of new messages while the app is in a background tab. */

export interface ChatHead {
  chatId: string;
  lastMessageId?: string;
  lastMessage?: string;
  lastFrom?: string;
}

export interface NotificationContext {
  me: string;
  /** `document.visibilityState === "hidden"`. */
  hidden: boolean;
  /** `Notification.permission`, or "unsupported" when the browser has no Notification. */
  permission: NotificationPermission | "unsupported";
}

export interface MessageNotice {
  chatId: string;
  messageId: string;
  from: string;
  preview: string;
}

/** The last message id of each chat, to compare the next list with. */
export function lastMessageIds(chats: readonly ChatHead[]): Map<string, string | undefined> {
  return new Map(chats.map((chat) => [chat.chatId, chat.lastMessageId]));
}

/**
 * Which chats got a new message from someone else since `previous` (null on the first list, which only records
 * what is there: nothing that was already there when the page opened is announced). Only in a hidden tab, and
 * only where the person allowed notifications.
 */
export function messagesToNotify(
  previous: ReadonlyMap<string, string | undefined> | null,
  current: readonly ChatHead[],
  context: NotificationContext,
): MessageNotice[] {
  if (previous === null || !context.hidden || context.permission !== "granted") return [];
  const notices: MessageNotice[] = [];
  for (const chat of current) {
    const { lastMessageId, lastFrom } = chat;
    if (!lastMessageId || !lastFrom || lastFrom === context.me) continue;
    if (previous.get(chat.chatId) === lastMessageId) continue;
    // Push ids sort by time: an id not after the one seen before is an old message coming back (a list
    // reshuffle at the bound), not a new one.
    const before = previous.get(chat.chatId);
    if (before !== undefined && lastMessageId < before) continue;
    notices.push({ chatId: chat.chatId, messageId: lastMessageId, from: lastFrom, preview: chat.lastMessage ?? "" });
  }
  return notices;
}

/** How many notified message ids every tab remembers (so two tabs show one notification per message). */
export const NOTIFIED_MEMORY = 50;

/**
 * Claims a message for notifying: given the ids already notified (shared by the tabs), whether this tab should show
 * it and the ids to store back (newest last, bounded).
 */
export function claimNotice(notified: readonly string[], messageId: string): { show: boolean; notified: string[] } {
  if (notified.includes(messageId)) return { show: false, notified: [...notified] };
  return { show: true, notified: [...notified, messageId].slice(-NOTIFIED_MEMORY) };
}

/** Reads the stored list of notified ids, tolerating anything else found under the key. */
export function parseNotified(raw: string | null): string[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}
