import { LIMITS, NOTIFICATION_KINDS, wantsEmail, type EmailKind, type NotificationKind } from "@mentormatch/shared";

export interface NotificationRecipient {
  email: string;
  displayName: string;
  /** Missing kinds count as on: preferences default on, and settings written before a kind existed lack it. */
  emailPrefs: Partial<Record<EmailKind, boolean>>;
}

export interface NotificationPlanInput {
  kind: NotificationKind;
  hasEmail: boolean;
  notificationExists: boolean;
  mailExists: boolean;
  /**
   * False for email-only kinds: what the app already shows another way (the chat's unread counter) would only be
   * repeated by a notification. Missing means true.
   */
  inApp?: boolean;
  /** Null when the user has no settings document (no address to write to). */
  recipient: NotificationRecipient | null;
}

export type NotificationPlan =
  | { action: "skip" }
  | { action: "notify"; mail: null | { to: string; emailKind: EmailKind } }
  /** Email-only: the mail and no notification. */
  | { action: "email"; mail: { to: string; emailKind: EmailKind } };

/**
 * Whether `notify()` writes anything. Either document existing means an earlier run with this dedupe key got
 * through (the owner may since have deleted the notification), so a retried trigger does nothing at all.
 */
export function planNotification(input: NotificationPlanInput): NotificationPlan {
  if (input.notificationExists || input.mailExists) return { action: "skip" };
  const emailKind = NOTIFICATION_KINDS[input.kind];
  const recipient = input.recipient;
  const wantsMail = input.hasEmail && !!recipient?.email && wantsEmail(recipient.emailPrefs, emailKind);
  const mail = wantsMail && recipient ? { to: recipient.email, emailKind } : null;
  if (input.inApp === false) return mail ? { action: "email", mail } : { action: "skip" };
  return { action: "notify", mail };
}

/** Notification text is capped by the rules; long user-supplied names must not make `notify()` fail. */
export function clampNotificationText(text: string, max: number = LIMITS.notificationText): string {
  const trimmed = text.trim().replace(/\s+/g, " ");
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1).trimEnd()}…`;
}
