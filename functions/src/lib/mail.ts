import { MAIL_MAX_ATTEMPTS, paths, planMailDelivery, type MailDeliveryPlan } from "@mentormatch/shared";
import { Client } from "@sendgrid/client";
import { MailService } from "@sendgrid/mail";
import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import { readMail } from "./documents.js";

export interface DeliverMailOptions {
  apiKey: string;
  /** SendGrid API origin; the emulators and tests point it at scripts/mail-capture.mjs. */
  baseUrl: string;
  from: string;
  /** Milliseconds since the epoch, for the lease decision. */
  now?: number;
  timeoutMs?: number;
}

export type DeliverMailResult =
  | { outcome: "missing" }
  | { outcome: "skipped"; reason: Extract<MailDeliveryPlan, { action: "skip" }>["reason"] }
  | { outcome: "sent"; attempts: number }
  | { outcome: "error"; attempts: number; error: string };

/** Header on the SendGrid API request (and custom arg on the message) naming the `mail/` document it sends. */
export const MAIL_ID_HEADER = "X-MentorMatch-Mail-Id";

/**
 * Sends one `mail/` document at most once in effect: a transaction takes a lease (PENDING → PROCESSING) as
 * `planMailDelivery` decides, and only the run holding it calls SendGrid. A failure is recorded as ERROR with
 * `lastError` rather than thrown, so the platform does not retry on its own; `retryStalledMail` (scheduled) picks
 * up an ERROR with attempts left.
 */
export async function deliverMail(db: Firestore, mailId: string, options: DeliverMailOptions): Promise<DeliverMailResult> {
  const ref = db.doc(paths.mail(mailId));
  const now = options.now ?? Date.now();
  const lease = await db.runTransaction(async (tx) => {
    const mail = readMail(await tx.get(ref));
    if (!mail) return { outcome: "missing" } as const;
    const plan = planMailDelivery(
      { status: mail.status, attempts: mail.attempts, leaseExpiresAt: mail.leaseExpiresAt?.toMillis() ?? null },
      now,
    );
    if (plan.action === "skip") return { outcome: "skipped", reason: plan.reason } as const;
    tx.update(ref, {
      status: "PROCESSING",
      attempts: plan.attempts,
      leaseExpiresAt: Timestamp.fromMillis(plan.leaseExpiresAt),
    });
    return { outcome: "leased", attempts: plan.attempts, mail } as const;
  });
  if (lease.outcome !== "leased") return lease;

  const { mail, attempts } = lease;
  try {
    await sendgrid(options, mailId).send({
      to: mail.to,
      from: options.from,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      customArgs: { mailId },
      ...(mail.attachments?.length
        ? {
            attachments: mail.attachments.map((file) => ({
              content: file.content,
              filename: file.filename,
              type: file.contentType,
              disposition: "attachment",
            })),
          }
        : {}),
    });
  } catch (err) {
    const error = describeSendError(err);
    await ref.update({ status: "ERROR", lastError: error, leaseExpiresAt: null });
    return { outcome: "error", attempts, error };
  }
  await ref.update({ status: "SENT", sentAt: FieldValue.serverTimestamp(), leaseExpiresAt: null, lastError: null });
  return { outcome: "sent", attempts };
}

// A client per delivery: the module-level SendGrid singletons share one base URL and key across concurrent runs.
function sendgrid(options: DeliverMailOptions, mailId: string): MailService {
  const client = new Client();
  client.setDefaultHeader(MAIL_ID_HEADER, mailId);
  client.setApiKey(options.apiKey);
  // After setApiKey, which resets the base URL to SendGrid's.
  client.setDefaultRequest("baseUrl", options.baseUrl);
  const service = new MailService();
  service.setClient(client);
  service.setTimeout(options.timeoutMs ?? 10_000);
  return service;
}

/** SendGrid puts the reason in the response body; network failures only have a message. */
export function describeSendError(err: unknown): string {
  const response = (err as { response?: { body?: unknown } } | null)?.response;
  const body = response?.body as { errors?: { message?: unknown }[] } | undefined;
  const reasons = (body?.errors ?? []).map((e) => e.message).filter((m): m is string => typeof m === "string");
  // Node's network errors can have an empty message (an AggregateError from a dual-stack connect) but a code.
  const code = (err as { code?: unknown } | null)?.code;
  const message = (err instanceof Error ? err.message : String(err)) || (typeof code === "string" ? code : "unknown error");
  return (reasons.length ? `${message}: ${reasons.join("; ")}` : message).slice(0, 1000);
}

export interface RetryMailResult {
  examined: number;
  sent: number;
  failed: number;
  skipped: number;
}

/**
 * Gives stalled mail another go: ERROR with attempts left, and PROCESSING whose lease expired (the sender died
 * between taking the lease and recording the outcome). Each goes through deliverMail, whose lease keeps a sweep
 * racing a trigger, or another sweep, from sending twice.
 */
export async function retryStalledMail(
  db: Firestore,
  options: DeliverMailOptions & { batchSize?: number; maxAttempts?: number },
): Promise<RetryMailResult> {
  const now = options.now ?? Date.now();
  const batchSize = options.batchSize ?? 100;
  const maxAttempts = options.maxAttempts ?? MAIL_MAX_ATTEMPTS;
  const mailbox = db.collection(paths.mailbox());
  const [failed, stalled] = await Promise.all([
    mailbox.where("status", "==", "ERROR").where("attempts", "<", maxAttempts).limit(batchSize).get(),
    mailbox.where("status", "==", "PROCESSING").where("leaseExpiresAt", "<=", Timestamp.fromMillis(now)).limit(batchSize).get(),
  ]);
  const ids = [...new Set([...failed.docs, ...stalled.docs].map((doc) => doc.id))];
  const result: RetryMailResult = { examined: ids.length, sent: 0, failed: 0, skipped: 0 };
  // One at a time: a sweep is background work, and SendGrid rate-limits bursts.
  for (const id of ids) {
    const outcome = await deliverMail(db, id, { ...options, now });
    if (outcome.outcome === "sent") result.sent++;
    else if (outcome.outcome === "error") result.failed++;
    else result.skipped++;
  }
  return result;
}
