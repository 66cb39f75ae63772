/** Messages a person can act on, keyed by Firebase error code (auth/…, functions/…, and Firestore's bare codes). */
const MESSAGES: Record<string, string> = {
  "auth/email-already-in-use": "An account with this email already exists. Sign in instead, or reset your password.",
  "auth/invalid-email": "Enter a valid email address, like name@example.com.",
  "auth/weak-password": "Choose a stronger password (at least 8 characters).",
  "auth/invalid-credential": "That email and password don't match an account.",
  "auth/wrong-password": "That email and password don't match an account.",
  "auth/user-not-found": "That email and password don't match an account.",
  "auth/user-disabled": "This account has been disabled. Contact the programme team.",
  "auth/too-many-requests": "Too many attempts. Wait a minute and try again.",
  "auth/network-request-failed": "Can't reach the server. Check your connection and try again.",
  "auth/requires-recent-login": "For your security, sign in again and retry.",
  "functions/unauthenticated": "Your session has expired. Sign in again.",
  "functions/permission-denied": "You don't have permission to do that.",
  "functions/unavailable": "The service is unavailable right now. Try again in a moment.",
  "functions/deadline-exceeded": "The server took too long to answer. Try again.",
  "functions/internal": "Something went wrong on our side. Try again in a moment.",
  "functions/not-found": "That service could not be found. The app may need updating.",
  "permission-denied": "You don't have permission to do that.",
  unavailable: "Can't reach the server. Check your connection and try again.",
  "not-found": "That item no longer exists.",
  "deadline-exceeded": "The server took too long to answer. Try again.",
  unauthenticated: "Your session has expired. Sign in again.",
  "resource-exhausted": "Too many requests. Wait a minute and try again.",
};

/** Codes whose server message is written for people (the callables' zod messages, precondition explanations). */
const PASS_THROUGH = new Set([
  "functions/invalid-argument",
  "functions/failed-precondition",
  "functions/already-exists",
  "functions/out-of-range",
]);

export const GENERIC_ERROR = "Something went wrong. Try again.";

/** Turns anything thrown by Firebase (or us) into one sentence for a toast or an inline error. */
export function errorMessage(error: unknown): string {
  if (error && typeof error === "object") {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (typeof code === "string") {
      if (PASS_THROUGH.has(code) && typeof message === "string" && message) return message;
      const known = MESSAGES[code];
      if (known) return known;
      return GENERIC_ERROR;
    }
    if (error instanceof Error && error.name === "UserFacingError") return error.message;
  }
  return GENERIC_ERROR;
}

/** An error whose message is already fit to show. */
export class UserFacingError extends Error {
  override name = "UserFacingError";
}
