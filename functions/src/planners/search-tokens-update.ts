import { buildSearchTokens, sameTokens } from "@mentormatch/shared";

/**
 * The search tokens a profile should have, or null when it already has them (or was deleted). Returning null
 * for an up-to-date profile is what stops `on-profile-written` from re-triggering itself forever.
 */
export function planSearchTokensUpdate(profile: Record<string, unknown> | undefined): string[] | null {
  if (!profile) return null;
  const displayName = typeof profile.displayName === "string" ? profile.displayName : "";
  const expertise = Array.isArray(profile.expertise)
    ? profile.expertise.filter((tag): tag is string => typeof tag === "string")
    : [];
  const tokens = buildSearchTokens({ displayName, expertise });
  const current = Array.isArray(profile.searchTokens) ? (profile.searchTokens as string[]) : undefined;
  return sameTokens(current, tokens) ? null : tokens;
}
