import { ROLES, type Role, type SelfServiceRole } from "@mentormatch/shared";

export type RegistrationPlan =
  | { action: "create"; writeProfile: boolean; setClaim: boolean }
  | { action: "noop" }
  | { action: "conflict"; role: Role };

/** The `role` claim as a known role, or null: claims are arbitrary JSON, so anything unexpected counts as none. */
export function roleOfClaims(claims: Record<string, unknown> | undefined | null): Role | null {
  const role = claims?.role;
  return typeof role === "string" && (ROLES as readonly string[]).includes(role) ? (role as Role) : null;
}

/**
 * What `registerAccount` does for a user. The profile is written in a transaction before the claim is set, so a
 * call that failed in between leaves a profile without a claim; the profile's role then counts as the choice,
 * and a retry with the same role only sets the claim. A claim without a profile (an admin set the role before
 * the person signed up) gets its profile written.
 */
export function planRegistration(
  claimRole: Role | null,
  profile: { role: string } | null,
  input: { role: SelfServiceRole },
): RegistrationPlan {
  if (claimRole && claimRole !== input.role) return { action: "conflict", role: claimRole };
  if (!claimRole && profile && profile.role !== input.role) {
    const role = (ROLES as readonly string[]).includes(profile.role) ? (profile.role as Role) : "mentee";
    return { action: "conflict", role };
  }
  const writeProfile = profile === null;
  const setClaim = claimRole !== input.role;
  if (!writeProfile && !setClaim) return { action: "noop" };
  return { action: "create", writeProfile, setClaim };
}

/** "a mentor", "an admin": for messages that name a role. */
export function withArticle(role: Role): string {
  return `${/^[aeiou]/.test(role) ? "an" : "a"} ${role}`;
}
