import { VERIFICATION_RESEND_SECONDS } from "@mentormatch/shared";

/** How often the waiting screen asks Firebase whether the email has been confirmed (in another tab, on a phone…). */
export const VERIFICATION_POLL_MS = 3_000;

/** Seconds until another verification email may be sent, from when the last one went out (null: never). */
export function secondsUntilResend(sentAtMillis: number | null, now: number, windowSeconds = VERIFICATION_RESEND_SECONDS): number {
  if (sentAtMillis === null) return 0;
  const left = windowSeconds - (now - sentAtMillis) / 1000;
  return left <= 0 ? 0 : Math.min(windowSeconds, Math.ceil(left));
}

export function sameEmail(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The address an admin's invitation link carries (`/signup?email=…`), or null. It pre-fills the form and lets that
 * one address past the domain check in the browser; the server still decides, by the invitation it stored.
 */
export function invitedEmailFrom(params: URLSearchParams): string | null {
  const email = params.get("email")?.trim() ?? "";
  return email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : null;
}

/** "Resend in 0:42" style countdown text, short enough for a phone-width button. */
export function countdownText(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
