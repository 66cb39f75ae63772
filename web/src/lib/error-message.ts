import { isCallableErrorDetails } from "@mentormatch/shared";
import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";

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
  "auth/user-token-expired": "Your session has ended. Sign in again.",
  "auth/invalid-action-code": "This link has expired or has already been used.",
  "auth/expired-action-code": "This link has expired or has already been used.",
  "functions/unauthenticated": "Your session has expired. Sign in again.",
  "functions/permission-denied": "You don't have permission to do that.",
  "functions/unavailable": "The service is unavailable right now. Try again in a moment.",
  "functions/deadline-exceeded": "The server took too long to answer. Try again.",
  "functions/internal": "Something went wrong on our side. Try again in a moment.",
  "functions/not-found": "That service could not be found. The app may need updating.",
  "functions/resource-exhausted": "Too many requests. Wait a minute and try again.",
  "permission-denied": "You don't have permission to do that.",
  unavailable: "Can't reach the server. Check your connection and try again.",
  "not-found": "That item no longer exists.",
  "deadline-exceeded": "The server took too long to answer. Try again.",
  unauthenticated: "Your session has expired. Sign in again.",
  "resource-exhausted": "Too many requests. Wait a minute and try again.",
};

/**
 * Codes whose bare server message is fit to show even without `details` (callables that predate
 * CallableErrorDetails, and the SDK's own checks). A message in `details` is shown whatever the code.
 */
const PASS_THROUGH = new Set([
  "functions/invalid-argument",
  "functions/failed-precondition",
  "functions/already-exists",
  "functions/out-of-range",
]);

/** Never shown even if it came with details: an internal error is a bug, and its text may say too much. */
const NEVER_SHOWN = new Set(["functions/internal", "internal"]);

export const GENERIC_ERROR = "Something went wrong. Try again.";

/** An error whose message is already fit to show. */
export class UserFacingError extends Error {
  override name = "UserFacingError";
}

/**
 * A callable refused the request on purpose: `message` is the server's sentence for people, `fields` maps input
 * field names to their problem (for `invalid-argument`), and `code` is the bare functions code
 * (`permission-denied`, `invalid-argument`, …), so a form can decide where the message goes.
 */
export class CallableError extends UserFacingError {
  override name = "CallableError";
  constructor(
    readonly code: string,
    message: string,
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/** `functions/permission-denied` → `permission-denied`; other codes unchanged. */
export function bareCode(code: string): string {
  return code.startsWith("functions/") ? code.slice("functions/".length) : code;
}

/**
 * The CallableError for a rejection from httpsCallable, or null when it carries no CallableErrorDetails (the SDK's
 * own errors — a missing function, the network, `internal` — keep the generic mapping in errorMessage()).
 */
export function callableErrorFrom(error: unknown): CallableError | null {
  if (error instanceof CallableError) return error;
  if (!error || typeof error !== "object") return null;
  const { code, details } = error as { code?: unknown; details?: unknown };
  if (typeof code !== "string" || NEVER_SHOWN.has(code) || !isCallableErrorDetails(details)) return null;
  return new CallableError(bareCode(code), details.message, details.fields ?? {});
}

/** Turns anything thrown by Firebase (or us) into one sentence for a toast or an inline error. */
export function errorMessage(error: unknown): string {
  if (error && typeof error === "object") {
    if (error instanceof UserFacingError) return error.message;
    const fromCallable = callableErrorFrom(error);
    if (fromCallable) return fromCallable.message;
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (typeof code === "string") {
      if (PASS_THROUGH.has(code) && typeof message === "string" && message) return message;
      return MESSAGES[code] ?? GENERIC_ERROR;
    }
    // An error class loaded twice (a second copy of this module) fails instanceof but keeps its name.
    if (error instanceof Error && (error.name === "UserFacingError" || error.name === "CallableError")) return error.message;
  }
  return GENERIC_ERROR;
}

/** The code of a Firebase error (`auth/…`, `functions/…`, Firestore's bare codes), or null. */
export function errorCode(error: unknown): string | null {
  const code = error && typeof error === "object" ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : null;
}

/**
 * Puts a callable's field messages next to the form's fields with react-hook-form's setError (the first matched
 * field gets focus). `knownFields` are the form's field names; `aliases` maps a server field name to a form field
 * when they differ. Messages for fields the form doesn't have go to `onUnmatched` (a toast), but only when some
 * field matched; returns whether any did, so the caller shows errorMessage(error) otherwise.
 */
export function applyFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  knownFields: readonly FieldPath<T>[],
  options: { aliases?: Readonly<Record<string, FieldPath<T>>>; onUnmatched?: (message: string) => void } = {},
): boolean {
  const fields = callableErrorFrom(error)?.fields ?? {};
  const { matched, unmatched } = matchFieldErrors(fields, knownFields, options.aliases);
  matched.forEach(([field, message], index) => setError(field, { type: "server", message }, { shouldFocus: index === 0 }));
  if (matched.length > 0 && unmatched.length > 0) options.onUnmatched?.(unmatched.join(" "));
  return matched.length > 0;
}

/** The pure half of applyFieldErrors: which messages belong to which form field, and which to none. */
export function matchFieldErrors<F extends string>(
  fields: Readonly<Record<string, string>>,
  knownFields: readonly F[],
  aliases: Readonly<Record<string, F>> = {},
): { matched: [F, string][]; unmatched: string[] } {
  const matched: [F, string][] = [];
  const unmatched: string[] = [];
  for (const [name, message] of Object.entries(fields)) {
    const field = Object.hasOwn(aliases, name) ? aliases[name] : (knownFields as readonly string[]).includes(name) ? (name as F) : undefined;
    if (field !== undefined && knownFields.includes(field) && !matched.some(([seen]) => seen === field)) matched.push([field, message]);
    else unmatched.push(message);
  }
  return { matched, unmatched };
}
