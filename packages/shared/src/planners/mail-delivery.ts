import type { MailStatus } from "../schemas/notification.js";

export const MAIL_LEASE_MS = 60_000;
export const MAIL_MAX_ATTEMPTS = 3;

export interface MailState {
  status: MailStatus;
  attempts: number;
  /** Milliseconds since the epoch, or null when no lease is held. */
  leaseExpiresAt: number | null;
}

export type MailDeliveryPlan =
  | { action: "send"; attempts: number; leaseExpiresAt: number }
  | { action: "skip"; reason: "sent" | "leased" | "gave-up" };

/**
 * Whether this trigger run may take the lease and send. Only a run that moves the mail to PROCESSING in a
 * transaction sends, so a retried or duplicated trigger never sends twice while the lease is live.
 */
export function planMailDelivery(
  mail: MailState,
  now: number,
  options: { leaseMs?: number; maxAttempts?: number } = {},
): MailDeliveryPlan {
  const leaseMs = options.leaseMs ?? MAIL_LEASE_MS;
  const maxAttempts = options.maxAttempts ?? MAIL_MAX_ATTEMPTS;
  if (mail.status === "SENT") return { action: "skip", reason: "sent" };
  if (mail.status === "PROCESSING" && mail.leaseExpiresAt !== null && mail.leaseExpiresAt > now)
    return { action: "skip", reason: "leased" };
  if (mail.attempts >= maxAttempts) return { action: "skip", reason: "gave-up" };
  return { action: "send", attempts: mail.attempts + 1, leaseExpiresAt: now + leaseMs };
}
