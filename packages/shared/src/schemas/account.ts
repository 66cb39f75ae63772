import { z } from "zod";
import { EMAIL_KINDS, LIMITS, ROLES, SELF_SERVICE_ROLES } from "../constants.js";
import { timezoneSchema, uidSchema } from "./common.js";
import { displayNameSchema } from "./profile.js";

export const emailSchema = z
  .string()
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
});
export type SetUserRoleInput = z.input<typeof setUserRoleInputSchema>;

export const emailPrefsSchema = z.strictObject(
  Object.fromEntries(EMAIL_KINDS.map((kind) => [kind, z.boolean()])) as Record<(typeof EMAIL_KINDS)[number], z.ZodBoolean>,
);
export type EmailPrefs = z.output<typeof emailPrefsSchema>;

export function defaultEmailPrefs(): EmailPrefs {
  return Object.fromEntries(EMAIL_KINDS.map((kind) => [kind, true])) as EmailPrefs;
}
