import type { Role } from "@mentormatch/shared";
import { signOut } from "firebase/auth";
import { useEffect } from "react";
import toast from "react-hot-toast";
import { errorCode } from "../lib/error-message";
import { auth } from "../lib/firebase";
import { planRoleSync, type RoleSyncPlan } from "./role-sync";
import { roleChangeTracker, setSignInNotice } from "./sign-in-notice";

/**
 * Keeps the token's role claim in step with the live profile (planRoleSync decides each step). A signed-in browser
 * keeps its cached ID token (up to an hour), even across reloads, so a profile role that differs from the claim
 * means an admin changed it: the token is refreshed, and the person told once it carries the new role. In
 * production setUserRole also revokes their refresh tokens, so the refresh (or the SDK's own) fails and they are
 * sent to sign in again, with the reason on the sign-in page. The Auth emulator does not enforce revocation: there
 * the refresh simply brings the new role.
 */
export function useRoleSync(
  uid: string | null,
  profileRole: Role | null | undefined,
  tokenRole: Role | null,
  refreshRole: () => Promise<Role | null>,
) {
  useEffect(() => {
    const first = planRoleSync({ type: "observed", profileRole, tokenRole });
    if (first.action !== "refresh" || !uid || !profileRole) {
      if (profileRole && profileRole === tokenRole) roleChangeTracker.settle();
      return;
    }
    roleChangeTracker.start(uid);
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const run = (plan: RoleSyncPlan) => {
      switch (plan.action) {
        case "refresh":
          timer = setTimeout(async () => {
            if (cancelled) return;
            let next: RoleSyncPlan;
            try {
              const role = await refreshRole();
              next = planRoleSync({ type: "refreshed", profileRole, role, attempt: plan.attempt });
            } catch (error) {
              console.warn("token refresh after a role change failed", error);
              next = planRoleSync({ type: "refresh-failed", code: errorCode(error), attempt: plan.attempt });
            }
            // The refresh itself re-renders the shell (and so cancels this run): its outcome is still acted on,
            // and a revoked session even if the SDK's sign-out already unmounted the shell. Only retries stop.
            if (!cancelled || next.action !== "refresh") run(next);
          }, plan.delayMs);
          return;
        case "announce":
          roleChangeTracker.settle();
          // One toast per new role, even if a re-render or a second tab's refresh lands here again.
          toast.success(`An admin changed your role to ${plan.role}.`, { id: `role-changed-${plan.role}` });
          return;
        case "sign-in-again":
          // If the SDK already signed them out, the auth provider left the notice (and the sign-in page may have
          // shown it already); otherwise sign out here. The guard then sends them to /signin, where it is shown.
          if (auth.currentUser?.uid !== uid) return;
          setSignInNotice("role_changed");
          signOut(auth).catch((error) => console.warn("sign-out failed", error));
          return;
        case "give-up":
        case "none":
          return;
      }
    };
    run(first);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [uid, profileRole, tokenRole, refreshRole]);
}
