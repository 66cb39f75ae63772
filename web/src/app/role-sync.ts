import type { Role } from "@mentormatch/shared";

/** Waits between token refreshes while the claim has not caught up with the profile yet. */
export const ROLE_SYNC_RETRY_DELAYS_MS = [0, 1_000, 3_000, 10_000] as const;

/**
 * Errors that mean the session itself is over: setUserRole revokes the person's refresh tokens after a role change,
 * so in production their next refresh fails with one of these (and the SDK signs them out).
 */
export const SESSION_ENDED_CODES = ["auth/user-token-expired", "auth/user-disabled", "auth/invalid-user-token"] as const;

export type RoleSyncEvent =
  /** The live profile (the role every check reads) and the token's claim, as currently known. */
  | { type: "observed"; profileRole: Role | null | undefined; tokenRole: Role | null }
  /** A forced refresh (attempt 0, 1, …) answered with this role. */
  | { type: "refreshed"; profileRole: Role; role: Role | null; attempt: number }
  /** A forced refresh threw. */
  | { type: "refresh-failed"; code: string | null; attempt: number }
  /** Firebase reported nobody signed in; `roleChangePending` when a role change had been seen and not yet settled. */
  | { type: "signed-out"; roleChangePending: boolean; byUser: boolean };

export type RoleSyncPlan =
  | { action: "none" }
  | { action: "refresh"; attempt: number; delayMs: number }
  /** The token now carries the new role: tell the person once. */
  | { action: "announce"; role: Role }
  /** Retries used up; the next natural token refresh (or the next sign-in) settles it. Rules refuse the stale token meanwhile. */
  | { action: "give-up" }
  /** The session was revoked with the role change: sign in again, with the reason on the sign-in page. */
  | { action: "sign-in-again" };

const retry = (attempt: number): RoleSyncPlan => {
  const next = attempt + 1;
  return next < ROLE_SYNC_RETRY_DELAYS_MS.length
    ? { action: "refresh", attempt: next, delayMs: ROLE_SYNC_RETRY_DELAYS_MS[next]! }
    : { action: "give-up" };
};

/**
 * What the shell does to keep the token's role claim in step with the live profile. setUserRole writes the
 * profile, then the claim, then revokes the person's refresh tokens: a mismatch means an admin changed the role,
 * so the token is refreshed (retried briefly, as the claim lands just after the profile). A refresh that brings the
 * new role is announced; one refused because the session was revoked — or Firebase signing the person out while a
 * change was pending — sends them to sign in again. A token without a role (registration unfinished) is left to
 * the sign-up page.
 */
export function planRoleSync(event: RoleSyncEvent): RoleSyncPlan {
  switch (event.type) {
    case "observed":
      if (!event.profileRole || !event.tokenRole || event.profileRole === event.tokenRole) return { action: "none" };
      return { action: "refresh", attempt: 0, delayMs: ROLE_SYNC_RETRY_DELAYS_MS[0] };
    case "refreshed":
      return event.role === event.profileRole ? { action: "announce", role: event.role } : retry(event.attempt);
    case "refresh-failed":
      return event.code && (SESSION_ENDED_CODES as readonly string[]).includes(event.code)
        ? { action: "sign-in-again" }
        : retry(event.attempt);
    case "signed-out":
      return event.roleChangePending && !event.byUser ? { action: "sign-in-again" } : { action: "none" };
  }
}
