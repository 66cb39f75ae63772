import * as z from "zod";
import { LIMITS } from "../constants.js";
import { isIanaTimeZone } from "../time-zones.js";

/** True when `zone` is an IANA time zone name MentorMatch accepts (the same list firestore.rules holds). */
export function isValidTimeZone(zone: string): boolean {
  return isIanaTimeZone(zone);
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

/**
 * Document ids that reach `db.doc()` from a request: letters, digits, `_` and `-` only, so `/`, `.` and `..`
 * can never change the path, and the message is ours rather than an internal error from the SDK.
 */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

export function idSchema(label: string, maxLength = 128) {
  return text(label)
    .min(1, `${label} is required.`)
    .max(maxLength, `${label} is too long.`)
    .regex(/^[A-Za-z0-9_-]+$/, `${label} is not valid.`);
}

export const uidSchema = idSchema("A user id");

/** `matches/` ids are `{mentorId}_{menteeId}`: two user ids and a separator. */
export const matchIdSchema = idSchema("A match id", 2 * 128 + 1);

/** Firestore Timestamps from either SDK (web or admin): both have these members. */
export interface TimestampLike {
  seconds: number;
  nanoseconds: number;
  toMillis(): number;
  toDate(): Date;
}

export function isTimestampLike(value: unknown): value is TimestampLike {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as TimestampLike).toMillis === "function" &&
    typeof (value as TimestampLike).seconds === "number"
  );
}

export const timestampSchema = z.custom<TimestampLike>(isTimestampLike, "Expected a timestamp.");

/**
 * Visible text: no leading or trailing white space, no control characters, line breaks or bidirectional overrides
 * (which can make a name read as someone else's); joiners inside emoji stay allowed. The same pattern is in
 * firestore.rules (displayName), so a name that is only spaces or carries markup line noise is refused there too.
 */
export const SINGLE_LINE_PATTERN = /^[^\s\p{Z}\p{C}](?:[^\p{Cc}\p{Zl}\p{Zp}\u202a-\u202e\u2066-\u2069]*[^\s\p{Z}\p{C}])?$/u;

/** Tags are compared case-insensitively, so they are stored trimmed, lower-case and with single spaces. */
export function normalizeTag(tag: string): string {
  return tag.trim().toLowerCase().replace(/\s+/g, " ");
}

/** A tag as stored: already normalised. Forms normalise first (tagInputSchema); documents must already be. */
export const storedTagSchema = z
  .string()
  .min(1, "Tags cannot be empty.")
  .max(LIMITS.tag, `Each tag must be at most ${LIMITS.tag} characters.`)
  .refine((tag) => tag === normalizeTag(tag), "Tags are stored in lower case, without extra spaces.");

/** What a person types as a tag: normalised, then held to the stored form. */
export const tagSchema = z.string().transform(normalizeTag).pipe(storedTagSchema);

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
