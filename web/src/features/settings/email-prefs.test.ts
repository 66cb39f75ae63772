import { EMAIL_KINDS } from "@mentormatch/shared";
import { describe, expect, it } from "vitest";
import { withDefaultPrefs } from "./email-prefs";

// Every kind is on by default except the daily digest, which people opt into.
const defaults = Object.fromEntries(EMAIL_KINDS.map((kind) => [kind, kind !== "messageDigest"]));

describe("withDefaultPrefs", () => {
  it.each<[string, unknown, Record<string, boolean>]>([
    ["missing map", undefined, defaults],
    ["not an object", "yes", defaults],
    ["one switched off", { reminders: false }, { ...defaults, reminders: false }],
    ["non-boolean ignored", { reminders: "false", feedback: 0 }, defaults],
    ["digest switched on", { messageDigest: true }, { ...defaults, messageDigest: true }],
    ["unknown kinds dropped", { marketing: true, account: false }, { ...defaults, account: false }],
  ])("%s", (_name, stored, expected) => expect(withDefaultPrefs(stored)).toEqual(expected));
});
