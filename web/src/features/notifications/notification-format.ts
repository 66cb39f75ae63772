import { UNREAD_LIMIT_DISPLAY } from "./unread-limit";

/** The badge text: the unread query stops at 100 documents, so anything at the limit shows as "99+". */
export function formatBadgeCount(count: number): string {
  if (count <= 0) return "";
  return count >= UNREAD_LIMIT_DISPLAY ? "99+" : String(count);
}

export function describeUnread(count: number): string {
  if (count <= 0) return "No unread notifications";
  if (count >= UNREAD_LIMIT_DISPLAY) return "More than 99 unread notifications";
  return `${count} unread notification${count === 1 ? "" : "s"}`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "just now", "5 minutes ago", "yesterday": `now` is passed in so the function is deterministic. */
export function formatRelativeTime(date: Date, now: Date, locale = "en"): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  if (Math.abs(seconds) < 45) return "just now";
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, size] of UNITS) if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  return format.format(Math.round(seconds / 60), "minute");
}

export function greetingFor(hour: number): string {
  if (hour < 5) return "Good evening";
  if (hour < 12) return "Good morning";
  if (hour < 18) return "Good afternoon";
  return "Good evening";
}
