import { describe, expect, it } from "vitest";
import { countdownText, invitedEmailFrom, sameEmail, secondsUntilResend } from "./sign-up-flow";

describe("secondsUntilResend", () => {
  const now = 1_000_000;
  it.each<[string, number | null, number]>([
    ["never sent", null, 0],
    ["just sent", now, 60],
    ["sent 10.5 s ago", now - 10_500, 50],
    ["sent a minute ago", now - 60_000, 0],
    ["sent long ago", now - 3_600_000, 0],
    ["clock skew: sent in the future", now + 30_000, 60],
  ])("%s", (_name, sentAt, seconds) => expect(secondsUntilResend(sentAt, now)).toBe(seconds));
});

describe("sameEmail", () => {
  it.each<[string | null, string | null, boolean]>([
    ["Ada@Gmail.com ", "ada@gmail.com", true],
    ["ada@gmail.com", "bob@gmail.com", false],
    [null, "ada@gmail.com", false],
    ["", "", false],
  ])("%j vs %j", (a, b, same) => expect(sameEmail(a, b)).toBe(same));
});

describe("invitedEmailFrom", () => {
  it.each<[string, string | null]>([
    ["?email=ada%40gmail.com", "ada@gmail.com"],
    ["?email=%20ada%40gmail.com%20", "ada@gmail.com"],
    ["?email=ada+x%40gmail.com", null], // "+" decodes to a space: not an address
    ["?email=ada%2Bx%40gmail.com", "ada+x@gmail.com"],
    ["?email=not-an-address", null],
    ["", null],
  ])("%j", (search, email) => expect(invitedEmailFrom(new URLSearchParams(search))).toBe(email));
});

describe("countdownText", () => {
  it.each<[number, string]>([
    [60, "1:00"],
    [42, "0:42"],
    [5.2, "0:06"],
    [0, "0:00"],
    [-3, "0:00"],
  ])("%j s", (seconds, text) => expect(countdownText(seconds)).toBe(text));
});
