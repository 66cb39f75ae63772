import type { SignUpAccess } from "@mentormatch/shared";
import { describe, expect, it } from "vitest";
import { planRegistration, roleOfClaims, withArticle, type RegistrationInput, type RegistrationPlan } from "./registration.js";

const open: SignUpAccess = { allowed: true, via: "open" };
const refused: SignUpAccess = { allowed: false, message: "Only @acme.com email addresses can join MentorMatch." };
const base: RegistrationInput = { claimRole: null, profile: null, role: "mentee", emailVerified: true, access: open };

describe("planRegistration", () => {
  it.each<[string, Partial<RegistrationInput>, RegistrationPlan]>([
    ["a new verified user gets everything", {}, { action: "create", writeProfile: true, setClaim: true }],
    ["an unverified address waits for verification", { emailVerified: false }, { action: "verify" }],
    ["an address outside the domains is refused", { access: refused }, { action: "refuse", message: refused.message }],
    ["refusal comes before verification: no email to an address that cannot join", { access: refused, emailVerified: false }, { action: "refuse", message: refused.message }],
    ["an invited address is let in", { access: { allowed: true, via: "invite" } }, { action: "create", writeProfile: true, setClaim: true }],
    ["the same role again changes nothing", { claimRole: "mentor", profile: { role: "mentor" }, role: "mentor" }, { action: "noop" }],
    ["a member keeps their role after the domain list changes", { claimRole: "mentor", profile: { role: "mentor" }, role: "mentor", access: refused }, { action: "noop" }],
    ["another role is refused", { claimRole: "mentor", profile: { role: "mentor" }, role: "mentee" }, { action: "conflict", role: "mentor" }],
    ["an admin cannot sign up as a mentee", { claimRole: "admin", profile: { role: "admin" } }, { action: "conflict", role: "admin" }],
    ["a half-finished call is completed by setting the claim", { profile: { role: "mentee" } }, { action: "create", writeProfile: false, setClaim: true }],
    ["a half-finished call is completed even if the domains changed since", { profile: { role: "mentee" }, access: refused, emailVerified: false }, { action: "create", writeProfile: false, setClaim: true }],
    ["a half-finished call with the other role is refused", { profile: { role: "mentor" } }, { action: "conflict", role: "mentor" }],
    ["a claim set before sign-up gets its profile", { claimRole: "mentor", role: "mentor" }, { action: "create", writeProfile: true, setClaim: false }],
    ["a claim set before sign-up still needs a verified address", { claimRole: "mentor", role: "mentor", emailVerified: false }, { action: "verify" }],
  ])("%s", (_name, patch, expected) => {
    expect(planRegistration({ ...base, ...patch })).toEqual(expected);
  });
});

describe("roleOfClaims", () => {
  it.each<[Record<string, unknown> | undefined, string | null]>([
    [undefined, null],
    [{}, null],
    [{ role: "mentor" }, "mentor"],
    [{ role: "admin", beta: true }, "admin"],
    [{ role: "superuser" }, null],
    [{ role: 3 }, null],
  ])("%j → %j", (claims, role) => expect(roleOfClaims(claims)).toBe(role));
});

describe("withArticle", () => {
  it.each([
    ["mentor", "a mentor"],
    ["mentee", "a mentee"],
    ["admin", "an admin"],
  ] as const)("%s", (role, text) => expect(withArticle(role)).toBe(text));
});
