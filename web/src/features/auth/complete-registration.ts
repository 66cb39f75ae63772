import type { RegisterAccountInput, Role } from "@mentormatch/shared";
import type { User } from "firebase/auth";
import { call } from "../../lib/callables";
import { UserFacingError } from "../../lib/error-message";

/** Shown after a sign-up completes, wherever it completed (the sign-up page's wait, or the link's page). */
export const WELCOME_TOAST = "Welcome to MentorMatch! Tell people a little about yourself.";

/**
 * Finishes a sign-up whose email is now confirmed: a fresh token (it says `email_verified` only once refreshed),
 * registerAccount again with the choices the person made (it is idempotent: a second tab or a retry finds the
 * profile and answers ok), then the token that carries the new role. Returns that role.
 */
export async function completeRegistration(
  user: User,
  values: RegisterAccountInput,
  refreshRole: () => Promise<Role | null>,
): Promise<Role> {
  await user.reload();
  await user.getIdToken(true);
  const result = await call("registerAccount", values);
  if (result.status !== "registered")
    throw new UserFacingError(`Your email isn't confirmed yet. Open the link we sent to ${result.email}, then try again.`);
  // The claim is only in a fresh token; without this the guards would still see "no role".
  const role = await refreshRole();
  if (!role) throw new UserFacingError("Your account was created but the role has not arrived yet. Reload the page.");
  return role;
}
