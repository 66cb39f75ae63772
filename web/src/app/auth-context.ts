import type { Role } from "@mentormatch/shared";
import type { User } from "firebase/auth";
import { createContext, useContext } from "react";

export interface AuthState {
  /** True until Firebase has told us whether someone is signed in. */
  loading: boolean;
  user: User | null;
  /** The `role` custom claim; null for a signed-in account that has not finished registration. */
  role: Role | null;
  /** Re-reads the ID token from the server (after registerAccount set the claim) and waits for the new role. */
  refreshRole: () => Promise<Role | null>;
}

export const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth must be used inside <AuthProvider>");
  return value;
}

/** For pages behind RequireAuth, where a user is guaranteed. */
export function useSignedInUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error("useSignedInUser needs a signed-in user (wrap the route in RequireAuth)");
  return user;
}
