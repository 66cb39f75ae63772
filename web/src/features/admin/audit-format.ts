import type { AuditEntryDoc } from "@mentormatch/shared";
import { formatRelativeTime } from "../notifications/notification-format";
import { WITH_ARTICLE } from "./people-roles";

type Described = Pick<AuditEntryDoc, "action" | "actorName" | "targetName" | "targetEmail" | "from" | "to"> &
  Partial<Pick<AuditEntryDoc, "note" | "countBefore" | "countAfter">>;

const nameOr = (name: string | null, fallback: string) => name?.trim() || fallback;
const noteSuffix = (note: string | undefined) => (note?.trim() ? `: “${note.trim()}”` : "");
const plural = (n: number) => `${n} ${n === 1 ? "word" : "words"}`;

/** One line of the Recent changes panel: "Morgan Reyes made Sam Okafor a mentor (was mentee)". */
export function describeAuditEntry(entry: Described): string {
  const actor = nameOr(entry.actorName, "An admin");
  const address = nameOr(entry.targetEmail, "an address");
  switch (entry.action) {
    case "role_changed": {
      const target = nameOr(entry.targetName, nameOr(entry.targetEmail, "someone"));
      const to = entry.to ? ` ${WITH_ARTICLE[entry.to]}` : "";
      const was = entry.from && entry.from !== entry.to ? ` (was ${entry.from})` : "";
      return entry.to ? `${actor} made ${target}${to}${was}` : `${actor} changed the role of ${target}`;
    }
    case "invite_created":
      return `${actor} invited ${address}`;
    case "invite_revoked":
      return `${actor} withdrew the invitation for ${address}`;
    // Moderation. A person who blocks is a member, not an admin: "An admin" is only the fallback for a missing name.
    case "report_dismissed":
      return `${actor} dismissed a report about ${nameOr(entry.targetName, "someone")}'s message${noteSuffix(entry.note)}`;
    case "message_removed":
      return `${actor} removed a message from ${nameOr(entry.targetName, "someone")}${noteSuffix(entry.note)}`;
    case "user_blocked":
      return `${nameOr(entry.actorName, "Someone")} blocked ${nameOr(entry.targetName, "someone")}`;
    case "user_unblocked":
      return `${nameOr(entry.actorName, "Someone")} unblocked ${nameOr(entry.targetName, "someone")}`;
    case "blocked_words_changed":
      return `${actor} changed the blocked words (${plural(entry.countBefore ?? 0)} → ${plural(entry.countAfter ?? 0)})`;
  }
}

/**
 * The exact moment in the viewer's own time zone (their profile's, else the browser's), with the zone named:
 * "12 Mar 2025, 14:05 GMT". An unknown zone falls back to the browser's rather than throwing.
 */
export function formatExactTime(date: Date, timeZone?: string, locale?: string): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: timeZone || undefined }).format(date) + zoneSuffix(date, timeZone, locale);
  } catch {
    return new Intl.DateTimeFormat(locale, options).format(date) + zoneSuffix(date, undefined, locale);
  }
}

function zoneSuffix(date: Date, timeZone: string | undefined, locale?: string): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone: timeZone || undefined, timeZoneName: "short" })
    .formatToParts(date)
    .find((p) => p.type === "timeZoneName");
  return part ? ` ${part.value}` : "";
}

/** "just now", "5 minutes ago": a server time a little ahead of this device's clock reads as now, not "in 1 minute". */
export function relativeTime(date: Date, now: Date): string {
  return formatRelativeTime(date.getTime() > now.getTime() ? now : date, now);
}
