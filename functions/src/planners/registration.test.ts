import { describe, expect, it } from "vitest";
import { planRegistration, roleOfClaims, withArticle, type RegistrationPlan } from "./registration.js";

describe("planRegistration", () => {
  it.each<[string, Parameters<typeof planRegistration>, RegistrationPlan]>([
    ["a new user gets everything", [null, null, { role: "mentee" }], { action: "create", writeProfile: true, setClaim: true }],
    ["the same role again changes nothing", ["mentor", { role: "mentor" }, { role: "mentor" }], { action: "noop" }],
    ["another role is refused", ["mentor", { role: "mentor" }, { role: "mentee" }], { action: "conflict", role: "mentor" }],
    ["an admin cannot sign up as a mentee", ["admin", { role: "admin" }, { role: "mentee" }], { action: "conflict", role: "admin" }],
    [
      "a half-finished call is completed by setting the claim",
      [null, { role: "mentee" }, { role: "mentee" }],
      { action: "create", writeProfile: false, setClaim: true },
    ],
    [
      "a half-finished call with the other role is refused",
      [null, { role: "mentor" }, { role: "mentee" }],
      { action: "conflict", role: "mentor" },
    ],
    [
      "a claim set before sign-up gets its profile",
      ["mentor", null, { role: "mentor" }],
      { action: "create", writeProfile: true, setClaim: false },
    ],
  ])("%s", (_name, args, expected) => {
    expect(planRegistration(...args)).toEqual(expected);
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
