import { z } from "zod";
import { LIMITS } from "../constants.js";

/** True when the runtime knows `zone` as an IANA time zone. */
export function isValidTimeZone(zone: string): boolean {
  if (!zone || zone.length > LIMITS.timezone) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * A string field whose type errors read as sentences: zod's default for a missing field is
 * "Invalid input: expected string, received undefined", which nobody filling a form can act on.
 */
export function text(label: string) {
  return z.string({
    error: (issue) => (issue.input === undefined ? `${label} is required.` : `${label} must be text.`),
  });
}

export const timezoneSchema = text("Time zone")
  .trim()
  .min(1, "Choose a time zone.")
  .max(LIMITS.timezone, "That time zone name is too long.")
  .refine(isValidTimeZone, "Choose a time zone from the list (for example Europe/London).");

export const uidSchema = text("A user id").min(1, "A user id is required.").max(128, "That user id is too long.");

/** Tags are compared case-insensitively, so they are stored trimmed, lower-case and with single spaces. */
export function normalizeTag(tag: string): string {
  return tag.trim().toLowerCase().replace(/\s+/g, " ");
}

export const tagSchema = z
  .string()
  .transform(normalizeTag)
  .pipe(
    z
      .string()
      .min(1, "Tags cannot be empty.")
      .max(LIMITS.tag, `Each tag must be at most ${LIMITS.tag} characters.`),
  );

export const httpsUrlSchema = text("The link")
  .trim()
  .max(LIMITS.avatarUrl, `Links must be at most ${LIMITS.avatarUrl} characters.`)
  .refine((value) => {
    if (value === "") return true;
    try {
      return new URL(value).protocol === "https:";
    } catch {
      return false;
    }
  }, "Use a full https:// link, or leave it empty.");
