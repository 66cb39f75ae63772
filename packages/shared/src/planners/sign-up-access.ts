/**
 * Who may join: anyone when no domains are configured (the demo), otherwise addresses at one of the organisation's
 * domains, plus single addresses an admin invited. Used by the sign-up form (to say so before an account is made)
 * and by registerAccount (which decides).
 */

/** "Acme.com, @corp.acme.com" → ["acme.com", "corp.acme.com"]: the deploy parameter as typed by a person. */
export function parseEmailDomains(value: string | undefined | null): string[] {
  return [
    ...new Set(
      (value ?? "")
        .split(/[\s,;]+/)
        .map((domain) => domain.trim().toLowerCase().replace(/^@+/, ""))
        .filter((domain) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)),
    ),
  ];
}

/** The part after the last "@", lower-case; "" when there is none. */
export function emailDomainOf(email: string): string {
  const at = email.lastIndexOf("@");
  return at === -1 ? "" : email.slice(at + 1).trim().toLowerCase();
}

/** Exact domains only: a subdomain is allowed when it is listed, so nobody is let in by a lookalike suffix. */
export function isAllowedDomain(email: string, domains: readonly string[]): boolean {
  return domains.length === 0 || domains.includes(emailDomainOf(email));
}

/** One document per invited address; the id is derived from it so an invite is found without a query. */
export function inviteIdOf(email: string): string {
  return email
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, (char) => `_${char.charCodeAt(0).toString(16)}_`)
    .slice(0, 700);
}

export function domainListText(domains: readonly string[]): string {
  const names = domains.map((domain) => `@${domain}`);
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}

export type SignUpAccess =
  | { allowed: true; via: "open" | "domain" | "invite" }
  | { allowed: false; message: string };

export function planSignUpAccess(input: { email: string; domains: readonly string[]; invited: boolean }): SignUpAccess {
  const { email, domains, invited } = input;
  if (domains.length === 0) return { allowed: true, via: "open" };
  if (isAllowedDomain(email, domains)) return { allowed: true, via: "domain" };
  if (invited) return { allowed: true, via: "invite" };
  return {
    allowed: false,
    message: `Only ${domainListText(domains)} email addresses can join MentorMatch. If you should have access, ask a programme admin to invite ${email.trim().toLowerCase()}.`,
  };
}
