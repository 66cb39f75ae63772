import { describe, expect, it } from "vitest";
import { MAIL_LEASE_MS, MAIL_MAX_ATTEMPTS, planMailDelivery, type MailState } from "./mail-delivery.js";

const now = 1_700_000_000_000;

describe("planMailDelivery", () => {
  it.each<[string, MailState, ReturnType<typeof planMailDelivery>]>([
    ["a new mail is sent", { status: "PENDING", attempts: 0, leaseExpiresAt: null }, { action: "send", attempts: 1, leaseExpiresAt: now + MAIL_LEASE_MS }],
    ["a sent mail is never sent again", { status: "SENT", attempts: 1, leaseExpiresAt: null }, { action: "skip", reason: "sent" }],
    ["a live lease belongs to another run", { status: "PROCESSING", attempts: 1, leaseExpiresAt: now + 1 }, { action: "skip", reason: "leased" }],
    ["an expired lease is taken over", { status: "PROCESSING", attempts: 1, leaseExpiresAt: now - 1 }, { action: "send", attempts: 2, leaseExpiresAt: now + MAIL_LEASE_MS }],
    ["an error with attempts left is retried", { status: "ERROR", attempts: 1, leaseExpiresAt: null }, { action: "send", attempts: 2, leaseExpiresAt: now + MAIL_LEASE_MS }],
    ["an error out of attempts gives up", { status: "ERROR", attempts: MAIL_MAX_ATTEMPTS, leaseExpiresAt: null }, { action: "skip", reason: "gave-up" }],
    ["a lease expiring exactly now is taken over", { status: "PROCESSING", attempts: 1, leaseExpiresAt: now }, { action: "send", attempts: 2, leaseExpiresAt: now + MAIL_LEASE_MS }],
  ])("%s", (_name, state, expected) => {
    expect(planMailDelivery(state, now)).toEqual(expected);
  });

  it("honours custom lease and attempt limits", () => {
    expect(planMailDelivery({ status: "ERROR", attempts: 1, leaseExpiresAt: null }, now, { maxAttempts: 1 })).toEqual({ action: "skip", reason: "gave-up" });
    expect(planMailDelivery({ status: "PENDING", attempts: 0, leaseExpiresAt: null }, now, { leaseMs: 5 })).toEqual({ action: "send", attempts: 1, leaseExpiresAt: now + 5 });
  });
});
