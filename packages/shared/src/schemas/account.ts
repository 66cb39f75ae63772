import * as z from "zod";
import { EMAIL_KINDS, EMAIL_KIND_DEFAULTS, LIMITS, ROLES, SELF_SERVICE_ROLES, type EmailKind } from "../constants.js";
import { timestampSchema, timezoneSchema, uidSchema } from "./common.js";
import { displayNameSchema } from "./profile.js";

export const emailSchema = z
  .string({ error: (issue) => (issue.input === undefined ? "Enter your email address." : "Enter a valid email address, like name@example.com.") })
  .trim()
  .max(LIMITS.email, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.com."));

export const passwordSchema = z
  .string()
  .min(LIMITS.passwordMin, `Passwords need at least ${LIMITS.passwordMin} characters.`)
  .max(LIMITS.password, `Passwords can be at most ${LIMITS.password} characters.`);

export const roleChoiceSchema = z.enum(SELF_SERVICE_ROLES, { message: "Choose whether you join as a mentor or a mentee." });

/** The sign-up form; the password never leaves the client (it goes to Firebase Auth only). */
export const signUpFormSchema = z.object({
  displayName: displayNameSchema,
  email: emailSchema,
  password: passwordSchema,
  role: roleChoiceSchema,
  timezone: timezoneSchema,
});
export type SignUpForm = z.input<typeof signUpFormSchema>;

export const signInFormSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password."),
});

export const resetPasswordFormSchema = z.object({ email: emailSchema });

export const registerAccountInputSchema = z.strictObject({
  role: roleChoiceSchema,
  displayName: displayNameSchema,
  timezone: timezoneSchema,
});
export type RegisterAccountInput = z.input<typeof registerAccountInputSchema>;

export const setUserRoleInputSchema = z.strictObject({
  uid: uidSchema,
  role: z.enum(ROLES, { message: "Role must be mentor, mentee or admin." }),
  /**
   * Taking the mentor role from someone who mentors people now ends those matches (the mentees are told); without
   * this the call is refused with how many mentees they have, so the admin can confirm.
   */
  endActiveMatches: z.boolean({ message: "endActiveMatches must be true or false." }).optional(),
});
export type SetUserRoleInput = z.input<typeof setUserRoleInputSchema>;

/** Callables that take nothing still refuse unknown fields, so a typo or a probe is not silently ignored. */
export const emptyInputSchema = z.strictObject({});

export const inviteInputSchema = z.strictObject({ email: emailSchema });
export type InviteInput = z.input<typeof inviteInputSchema>;

export const emailPrefsSchema = z.strictObject(
  Object.fromEntries(EMAIL_KINDS.map((kind) => [kind, z.boolean()])) as Record<(typeof EMAIL_KINDS)[number], z.ZodBoolean>,
);
export type EmailPrefs = z.output<typeof emailPrefsSchema>;

export function defaultEmailPrefs(): EmailPrefs {
  return { ...EMAIL_KIND_DEFAULTS };
}

/** Whether a person wants email of this kind; a kind missing from an older document takes its default. */
export function wantsEmail(prefs: Partial<Record<string, boolean>> | null | undefined, kind: EmailKind): boolean {
  return prefs?.[kind] ?? EMAIL_KIND_DEFAULTS[kind];
}

/** `users/{uid}/private/settings`. emailPrefs may miss kinds added after the document was written (they take EMAIL_KIND_DEFAULTS). */
export const settingsDocSchema = z.object({
  email: z.string(),
  emailPrefs: z.record(z.string(), z.boolean()),
  createdAt: timestampSchema,
  /** When the person's calendar feed was made (createCalendarFeed); null or absent: no feed. */
  calendarFeedCreatedAt: timestampSchema.nullable().default(null),
});
export type SettingsDoc = z.output<typeof settingsDocSchema>;

/**
 * `users/{uid}/private/registration`: a sign-up waiting for its email to be verified. The only document a signed-in
 * person without a role can read, so the app can say what happens next.
 */
export const REGISTRATION_STATUSES = ["awaiting_verification", "complete"] as const;
export const registrationDocSchema = z.object({
  email: z.string(),
  role: z.enum(SELF_SERVICE_ROLES),
  displayName: z.string(),
  timezone: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  verificationSentAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type RegistrationDoc = z.output<typeof registrationDocSchema>;

/** `invites/{inviteId}`: an admin let one address from outside the allowed domains join. */
export const inviteDocSchema = z.object({
  email: z.string(),
  invitedBy: z.string(),
  invitedByName: z.string(),
  createdAt: timestampSchema,
  acceptedAt: timestampSchema.nullable(),
  acceptedUid: z.string().nullable(),
});
export type InviteDoc = z.output<typeof inviteDocSchema>;

/** `auditLog/{id}`: who did what to whom, written by functions in the same transaction as the change. */
export const AUDIT_ACTIONS = [
  "role_changed",
  "invite_created",
  "invite_revoked",
  "report_dismissed",
  "message_removed",
  "user_blocked",
  "user_unblocked",
  "blocked_words_changed",
] as const;
/** The actions the Moderation page's log shows. */
export const MODERATION_AUDIT_ACTIONS = [
  "report_dismissed",
  "message_removed",
  "user_blocked",
  "user_unblocked",
  "blocked_words_changed",
] as const satisfies readonly (typeof AUDIT_ACTIONS)[number][];
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const auditEntryDocSchema = z.object({
  action: z.enum(AUDIT_ACTIONS),
  actorUid: z.string(),
  actorName: z.string(),
  targetUid: z.string().nullable(),
  targetName: z.string().nullable(),
  /** For invitations: the address. */
  targetEmail: z.string().nullable(),
  from: z.enum(ROLES).nullable(),
  to: z.enum(ROLES).nullable(),
  /** Moderation: the report acted on (report_dismissed, message_removed) and the admin's note. */
  reportId: z.string().nullable().optional(),
  note: z.string().optional(),
  /** blocked_words_changed: how many words the list held before and after. */
  countBefore: z.number().int().optional(),
  countAfter: z.number().int().optional(),
  at: timestampSchema,
});
export type AuditEntryDoc = z.output<typeof auditEntryDocSchema>;

/** `calendarFeeds/{sha256(token)}`: whose feed a token opens. Functions only; no client reads or writes it. */
export const calendarFeedDocSchema = z.object({
  uid: uidSchema,
  /** The document id again (hex SHA-256 of the token), compared in constant time before anything is served. */
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: timestampSchema,
});
export type CalendarFeedDoc = z.output<typeof calendarFeedDocSchema>;

/** A feed token as handed out: base64url of CALENDAR_FEED.tokenBytes random bytes. Anything else is not one. */
export const CALENDAR_FEED_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const createCalendarFeedOutputSchema = z.object({
  /** Shown once: only its hash is stored, so a lost link is replaced, never shown again. */
  token: z.string().regex(CALENDAR_FEED_TOKEN_PATTERN),
  /** `/calendar/{token}.ics`, on the app's origin. */
  path: z.string(),
  createdAt: z.string(),
  /** Whether an older feed existed and stopped working. */
  replaced: z.boolean(),
});

export const signUpPolicySchema = z.object({
  /** Lower-case domains whose addresses may sign up; empty means anyone may. */
  domains: z.array(z.string()),
});
export type SignUpPolicy = z.output<typeof signUpPolicySchema>;

