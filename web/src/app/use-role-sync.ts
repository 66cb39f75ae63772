import type { Role } from "@mentormatch/shared";
import { useEffect } from "react";

/** Waits between token refreshes while the claim has not caught up with the profile yet. */
const RETRY_DELAYS_MS = [0, 1_000, 3_000, 10_000];

/**
 * Keeps the token's role claim in step with the profile's `role` mirror. setUserRole writes the mirror, then the
 * claim, but a signed-in browser keeps its cached ID token (up to an hour), even across reloads. The profile is
 * watched live, so a mismatch means an admin changed the role: force a token refresh. The claim lands just after
 * the mirror, so a refresh that still sees the old role is retried a few times, then left for the next natural
 * refresh; rules and functions only ever trust the token, so stopping early is safe.
 */
export function useRoleSync(profileRole: Role | null | undefined, tokenRole: Role | null, refreshRole: () => Promise<Role | null>) {
  useEffect(() => {
    if (!profileRole || !tokenRole || profileRole === tokenRole) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = (index: number) => {
      timer = setTimeout(async () => {
        if (cancelled) return;
        let role: Role | null = null;
        try {
          role = await refreshRole();
        } catch (error) {
          console.warn("token refresh after a role change failed", error);
        }
        // A matching role re-renders with equal roles and this effect ends itself.
        if (!cancelled && role !== profileRole && index + 1 < RETRY_DELAYS_MS.length) attempt(index + 1);
      }, RETRY_DELAYS_MS[index]);
    };
    attempt(0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [profileRole, tokenRole, refreshRole]);
}
