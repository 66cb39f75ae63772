import { EMAIL_KINDS } from "@mentormatch/shared";
import { describe, expect, it } from "vitest";
import { withDefaultPrefs } from "./email-prefs";

const allOn = Object.fromEntries(EMAIL_KINDS.map((kind) => [kind, true]));

describe("withDefaultPrefs", () => {
  it.each<[string, unknown, Record<string, boolean>]>([
    ["missing map", undefined, allOn],
    ["not an object", "yes", allOn],
    ["one switched off", { reminders: false }, { ...allOn, reminders: false }],
    ["non-boolean ignored", { reminders: "false", feedback: 0 }, allOn],
    ["unknown kinds dropped", { marketing: true, account: false }, { ...allOn, account: false }],
  ])("%s", (_name, stored, expected) => expect(withDefaultPrefs(stored)).toEqual(expected));
});
