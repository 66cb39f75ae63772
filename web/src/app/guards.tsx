import type { Role } from "@mentormatch/shared";
import type { ReactNode } from "react";
import { Navigate, useLocation, useSearchParams } from "react-router-dom";
import { PageLoader } from "../components/page-loader";
import { useAuth } from "./auth-context";
import { safeNextPath } from "./next-path";

/** Signed-in users with a role only; a signed-in account without one is sent to finish registration. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { loading, user, role } = useAuth();
  const location = useLocation();
  if (loading) return <PageLoader label="Checking your session" />;
  const here = location.pathname + location.search;
  if (!user) return <Navigate to={here === "/" ? "/signin" : `/signin?next=${encodeURIComponent(here)}`} replace />;
  if (!role) return <Navigate to="/signup" replace />;
  return <>{children}</>;
}

export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { role } = useAuth();
  if (!role || !roles.includes(role)) {
    return (
      <section className="page narrow" aria-labelledby="forbidden-title">
        <h1 id="forbidden-title">Not available</h1>
        <p className="muted">This page is only for programme administrators.</p>
      </section>
    );
  }
  return <>{children}</>;
}

/** Sign-in and password reset make no sense when already signed in: go where the person was heading. */
export function RedirectIfSignedIn({ children }: { children: ReactNode }) {
  const { loading, user, role } = useAuth();
  const [params] = useSearchParams();
  if (loading) return <PageLoader label="Checking your session" />;
  if (user && role) return <Navigate to={safeNextPath(params.get("next"))} replace />;
  if (user && !role) return <Navigate to="/signup" replace />;
  return <>{children}</>;
}
