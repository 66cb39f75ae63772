import { describe, expect, it } from "vitest";
import { emailDomainOf, inviteIdOf, isAllowedDomain, parseEmailDomains, planSignUpAccess } from "./sign-up-access.js";

describe("parseEmailDomains", () => {
  it.each<[string | undefined, string[]]>([
    [undefined, []],
    ["", []],
    ["  ", []],
    ["acme.com", ["acme.com"]],
    ["Acme.COM, @corp.acme.com", ["acme.com", "corp.acme.com"]],
    ["acme.com;acme.com  example.org", ["acme.com", "example.org"]],
    ["localhost, not a domain, acme..com, <b>x</b>.com", []],
  ])("%j → %j", (value, domains) => expect(parseEmailDomains(value)).toEqual(domains));
});

describe("isAllowedDomain", () => {
  it.each<[string, string[], boolean]>([
    ["a@acme.com", [], true],
    ["a@acme.com", ["acme.com"], true],
    ["A@ACME.COM", ["acme.com"], true],
    ["a@eu.acme.com", ["acme.com"], false],
    ["a@acme.com.evil.io", ["acme.com"], false],
    ["a@notacme.com", ["acme.com"], false],
    ["a@b@acme.com", ["acme.com"], true],
    ["nobody", ["acme.com"], false],
  ])("%s with %j → %s", (email, domains, allowed) => expect(isAllowedDomain(email, domains)).toBe(allowed));
  it("reads the domain after the last @", () => expect(emailDomainOf("x@y@Z.org")).toBe("z.org"));
});

describe("planSignUpAccess", () => {
  it.each<[string, { email: string; domains: string[]; invited: boolean }, string]>([
    ["open when no domains are set", { email: "a@gmail.com", domains: [], invited: false }, "open"],
    ["an organisation address", { email: "a@acme.com", domains: ["acme.com", "acme.io"], invited: false }, "domain"],
    ["an invited outside address", { email: "a@gmail.com", domains: ["acme.com"], invited: true }, "invite"],
    ["an organisation address that was also invited", { email: "a@acme.com", domains: ["acme.com"], invited: true }, "domain"],
  ])("allows %s", (_name, input, via) => expect(planSignUpAccess(input)).toEqual({ allowed: true, via }));

  it("refuses an outside address and says what to do", () => {
    const plan = planSignUpAccess({ email: " Eve@Gmail.com ", domains: ["acme.com", "acme.io"], invited: false });
    expect(plan).toEqual({
      allowed: false,
      message: "Only @acme.com or @acme.io email addresses can join MentorMatch. If you should have access, ask a programme admin to invite eve@gmail.com.",
    });
  });
});

describe("inviteIdOf", () => {
  it("is one id per address, whatever its case or spacing", () => expect(inviteIdOf(" Eve@Gmail.com")).toBe(inviteIdOf("eve@gmail.com")));
  it("keeps ids apart that a lossy mapping would merge", () => expect(inviteIdOf("a.b@x.com")).not.toBe(inviteIdOf("a_b@x.com")));
  it("never contains a path separator", () => expect(inviteIdOf("a/../b@x.com")).toMatch(/^[A-Za-z0-9_-]+$/));
});
