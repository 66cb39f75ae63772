import { ROLES, type Role, type SelfServiceRole, type SignUpAccess } from "@mentormatch/shared";

export type RegistrationPlan =
  | { action: "create"; writeProfile: boolean; setClaim: boolean }
  | { action: "noop" }
  | { action: "conflict"; role: Role }
  | { action: "refuse"; message: string }
  | { action: "verify" };

/** The `role` claim as a known role, or null: claims are arbitrary JSON, so anything unexpected counts as none. */
export function roleOfClaims(claims: Record<string, unknown> | undefined | null): Role | null {
  const role = claims?.role;
  return typeof role === "string" && (ROLES as readonly string[]).includes(role) ? (role as Role) : null;
}

export interface RegistrationInput {
  claimRole: Role | null;
  profile: { role: string } | null;
  role: SelfServiceRole;
  /** From the Auth user record, not the token: the token says false until it is refreshed after verifying. */
  emailVerified: boolean;
  access: SignUpAccess;
}

/**
 * What `registerAccount` does for a user. A role is granted only to a verified address the organisation lets in
 * (its domains, or an admin's invitation); until then the sign-up waits as a pending registration and a
 * verification email goes out. Someone who already has their role keeps it whatever the domain list says now.
 * The profile is written before the claim is set, so a call that failed in between leaves a profile without a
 * claim; the profile's role then counts as the choice, and a retry with the same role only sets the claim.
 */
export function planRegistration(input: RegistrationInput): RegistrationPlan {
  const { claimRole, profile, role, emailVerified, access } = input;
  if (claimRole && claimRole !== role) return { action: "conflict", role: claimRole };
  if (!claimRole && profile && profile.role !== role) {
    const stored = (ROLES as readonly string[]).includes(profile.role) ? (profile.role as Role) : "mentee";
    return { action: "conflict", role: stored };
  }
  const writeProfile = profile === null;
  const setClaim = claimRole !== role;
  if (!writeProfile && !setClaim) return { action: "noop" };
  if (writeProfile) {
    if (!access.allowed) return { action: "refuse", message: access.message };
    if (!emailVerified) return { action: "verify" };
  }
  return { action: "create", writeProfile, setClaim };
}

/** "a mentor", "an admin": for messages that name a role. */
export function withArticle(role: Role): string {
  return `${/^[aeiou]/.test(role) ? "an" : "a"} ${role}`;
}
