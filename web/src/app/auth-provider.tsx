import type { Role } from "@mentormatch/shared";
import { onIdTokenChanged, type User } from "firebase/auth";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { auth } from "../lib/firebase";
import { AuthContext, type AuthState } from "./auth-context";
import { planRoleSync } from "./role-sync";
import { roleChangeTracker, setSignInNotice } from "./sign-in-notice";

// A type-checked copy of ROLES: importing the shared package here would pull zod and every schema into the
// first download, which only needs to know who is signed in. `Record<Role, true>` fails to compile if a role is added.
const KNOWN_ROLES: Record<Role, true> = { mentor: true, mentee: true, admin: true };

function roleFromClaims(claims: Record<string, unknown>): Role | null {
  const role = claims.role;
  return typeof role === "string" && Object.hasOwn(KNOWN_ROLES, role) ? (role as Role) : null;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ loading: boolean; user: User | null; role: Role | null }>({
    loading: true,
    user: null,
    role: null,
  });
  // Token reads are async: only the latest one may win, or a slow read of the pre-registration token could
  // overwrite the role that arrived after it.
  const generation = useRef(0);
  const lastUid = useRef<string | null>(null);

  useEffect(
    () =>
      onIdTokenChanged(auth, async (user) => {
        const mine = ++generation.current;
        if (!user) {
          // setUserRole revokes the person's refresh tokens; in production the SDK then signs them out on its
          // next refresh. If that happens while the shell was catching up with a role change, say why on sign-in.
          const plan = planRoleSync({
            type: "signed-out",
            roleChangePending: roleChangeTracker.isPendingFor(lastUid.current),
            byUser: roleChangeTracker.signingOutByHand,
          });
          if (plan.action === "sign-in-again") setSignInNotice("role_changed");
          roleChangeTracker.settle();
          lastUid.current = null;
          setState({ loading: false, user: null, role: null });
          return;
        }
        lastUid.current = user.uid;
        try {
          const { claims } = await user.getIdTokenResult();
          if (mine === generation.current) setState({ loading: false, user, role: roleFromClaims(claims) });
        } catch {
          if (mine === generation.current) setState({ loading: false, user, role: null });
        }
      }),
    [],
  );

  const refreshRole = useCallback(async () => {
    const user = auth.currentUser;
    if (!user) return null;
    const mine = ++generation.current;
    const { claims } = await user.getIdTokenResult(true);
    const role = roleFromClaims(claims);
    if (mine === generation.current) setState({ loading: false, user, role });
    return role;
  }, []);

  const value = useMemo<AuthState>(() => ({ ...state, refreshRole }), [state, refreshRole]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
