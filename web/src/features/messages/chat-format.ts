/** Pure helpers for the Messages page: day groups, safe links, receipt states, presence and previews. */

export interface Timed {
  id: string;
  sentAt: number;
}

/** The calendar day of `time` in `timeZone` (the viewer's), as YYYY-MM-DD. */
export function dayKey(time: number, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(new Date(time));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

export interface DayGroup<T> {
  day: string;
  items: T[];
}

/** Messages (oldest first) grouped by the viewer's calendar day, so the view can put a separator before each day. */
export function groupByDay<T extends Timed>(messages: readonly T[], timeZone?: string): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const message of messages) {
    const day = dayKey(message.sentAt, timeZone);
    const last = groups.at(-1);
    if (last && last.day === day) last.items.push(message);
    else groups.push({ day, items: [message] });
  }
  return groups;
}

/** "Today", "Yesterday", or the date, for a day separator. */
export function describeDay(day: string, now: Date, timeZone?: string): string {
  const today = dayKey(now.getTime(), timeZone);
  const yesterday = dayKey(now.getTime() - 86_400_000, timeZone);
  if (day === today) return "Today";
  if (day === yesterday) return "Yesterday";
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  return new Intl.DateTimeFormat("en-US", { timeZone: "UTC", weekday: "short", month: "short", day: "numeric", ...(sameYear ? {} : { year: "numeric" }) }).format(
    new Date(Date.UTC(year, month - 1, date)),
  );
}

/** A message's clock time in the viewer's time zone. */
export function formatClock(time: number, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", minute: "2-digit" }).format(new Date(time));
}

/** A chat-list time: the clock today, else the short date. */
export function formatListTime(time: number, now: Date, timeZone?: string): string {
  if (dayKey(time, timeZone) === dayKey(now.getTime(), timeZone)) return formatClock(time, timeZone);
  return new Intl.DateTimeFormat("en-US", { timeZone, month: "short", day: "numeric" }).format(new Date(time));
}

export type TextPart = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}]+$/;

/**
 * Splits message text into plain text and http(s) links. Only http and https become links (never javascript:,
 * data: …), trailing punctuation stays text, and the href is the URL as the URL parser normalises it.
 */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    let raw = match[0];
    const trailing = TRAILING_PUNCTUATION.exec(raw)?.[0] ?? "";
    raw = raw.slice(0, raw.length - trailing.length);
    let href: string | null = null;
    try {
      const url = new URL(raw);
      if (url.protocol === "http:" || url.protocol === "https:") href = url.href;
    } catch {
      href = null;
    }
    if (!href) continue;
    if (start > last) parts.push({ kind: "text", text: text.slice(last, start) });
    parts.push({ kind: "link", text: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}

export type ReceiptState = "sending" | "sent" | "read";

/** My message's state: sending until the database has it, read once the other person's lastRead reaches its sentAt. */
export function receiptState(message: { sentAt: number | null }, peerLastRead: number | null | undefined): ReceiptState {
  if (message.sentAt === null) return "sending";
  if (peerLastRead != null && peerLastRead >= message.sentAt) return "read";
  return "sent";
}

/** "online", or "last seen …" from a presence value. */
export function describePresence(presence: { state: "online" | "offline"; lastChanged: number } | null, now: Date, timeZone?: string): string {
  if (!presence) return "offline";
  if (presence.state === "online") return "online";
  const minutes = Math.floor((now.getTime() - presence.lastChanged) / 60_000);
  if (minutes < 1) return "last seen just now";
  if (minutes < 60) return `last seen ${minutes} min ago`;
  if (dayKey(presence.lastChanged, timeZone) === dayKey(now.getTime(), timeZone)) return `last seen today at ${formatClock(presence.lastChanged, timeZone)}`;
  return `last seen ${formatListTime(presence.lastChanged, now, timeZone)}`;
}

/** The screen-reader wording of an unread count. */
export function describeUnreadMessages(count: number): string {
  return count === 1 ? "1 unread message" : `${count} unread messages`;
}
