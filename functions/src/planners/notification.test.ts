import { describe, expect, it } from "vitest";
import { clampNotificationText, planNotification, type NotificationPlan, type NotificationPlanInput } from "./notification.js";

const recipient = { email: "ada@example.com", displayName: "Ada", emailPrefs: { account: true, matchRequests: false } };
const base: NotificationPlanInput = { kind: "welcome", hasEmail: true, notificationExists: false, mailExists: false, recipient };

describe("planNotification", () => {
  it.each<[string, Partial<NotificationPlanInput>, NotificationPlan]>([
    ["a first notification with email on is mailed", {}, { action: "notify", mail: { to: "ada@example.com", emailKind: "account" } }],
    ["a retried notify does nothing", { notificationExists: true }, { action: "skip" }],
    ["a mailed key is not re-notified after the owner deleted it", { mailExists: true }, { action: "skip" }],
    ["no email content means in-app only", { hasEmail: false }, { action: "notify", mail: null }],
    ["the kind's email preference off means in-app only", { kind: "match_requested" }, { action: "notify", mail: null }],
    ["a kind missing from old settings counts as on", { kind: "feedback_received" }, { action: "notify", mail: { to: "ada@example.com", emailKind: "feedback" } }],
    ["the opt-in digest missing from old settings counts as off", { kind: "message_digest" }, { action: "notify", mail: null }],
    ["the digest switched on is mailed", { kind: "message_digest", recipient: { ...recipient, emailPrefs: { messageDigest: true } } }, { action: "notify", mail: { to: "ada@example.com", emailKind: "messageDigest" } }],
    ["no settings means no address", { recipient: null }, { action: "notify", mail: null }],
    ["an empty address is not mailed", { recipient: { ...recipient, email: "" } }, { action: "notify", mail: null }],
    ["email-only with the preference on is mailed, nothing in-app", { kind: "message_unread", inApp: false }, { action: "email", mail: { to: "ada@example.com", emailKind: "messages" } }],
    ["email-only with the preference off writes nothing", { kind: "message_unread", inApp: false, recipient: { ...recipient, emailPrefs: { messages: false } } }, { action: "skip" }],
    ["email-only without settings writes nothing", { kind: "message_unread", inApp: false, recipient: null }, { action: "skip" }],
    ["email-only: a mailed key is not mailed again", { kind: "message_unread", inApp: false, mailExists: true }, { action: "skip" }],
    ["email-only digest left off (the default) writes nothing", { kind: "message_digest", inApp: false }, { action: "skip" }],
  ])("%s", (_name, patch, expected) => {
    expect(planNotification({ ...base, ...patch })).toEqual(expected);
  });
});

describe("clampNotificationText", () => {
  it.each([
    ["  Hello   there ", 300, "Hello there"],
    ["abcdef", 6, "abcdef"],
    ["abcdefg", 6, "abcde…"],
    ["abc defg", 5, "abc…"],
  ] as const)("%j (max %d) → %j", (text, max, expected) => {
    expect(clampNotificationText(text, max)).toBe(expected);
    expect(clampNotificationText(text, max).length).toBeLessThanOrEqual(max);
  });
});
