import { expect } from "@playwright/test";
import { MAIL_CAPTURE_PORT, type CapturedMail } from "../../scripts/mail-capture.mjs";

export const VERIFY_SUBJECT = "Confirm your email for MentorMatch";

async function capturedMail(): Promise<CapturedMail[]> {
  const response = await fetch(`http://127.0.0.1:${MAIL_CAPTURE_PORT}/messages`);
  return (await response.json()) as CapturedMail[];
}

const recipientOf = (message: CapturedMail) => message.body.personalizations[0]?.to[0]?.email;

/** Waits for the email the functions sent to `to`, as the local SendGrid capture received it (the newest one). */
export async function mailTo(to: string, subject: string): Promise<CapturedMail> {
  let found: CapturedMail | undefined;
  await expect
    .poll(
      async () => {
        found = (await capturedMail()).findLast((message) => recipientOf(message) === to && message.body.subject === subject);
        return !!found;
      },
      { message: `an email "${subject}" to ${to}`, timeout: 60_000 },
    )
    .toBe(true);
  return found!;
}

/** How many emails with this subject `to` has had so far. */
export async function countMailTo(to: string, subject: string): Promise<number> {
  return (await capturedMail()).filter((message) => recipientOf(message) === to && message.body.subject === subject).length;
}

export const htmlOf = (mail: CapturedMail) => mail.body.content.find((part) => part.type === "text/html")?.value ?? "";
export const textOf = (mail: CapturedMail) => mail.body.content.find((part) => part.type === "text/plain")?.value ?? "";

const decodeEntities = (value: string) =>
  value.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[name]!);

/**
 * The path and query of the "Confirm my email" link (`/verify-email?oobCode=…`), from the HTML button or, failing
 * that, the plain-text part. Only path + query: the link's origin is the app URL the functions were configured
 * with, while the test opens it against its own baseURL.
 */
export function verifyLinkPath(mail: CapturedMail): string {
  const fromHtml = [...htmlOf(mail).matchAll(/href="([^"]+)"/g)].map((match) => decodeEntities(match[1]!));
  const fromText = textOf(mail).match(/https?:\/\/\S+/g) ?? [];
  const link = [...fromHtml, ...fromText].find((href) => new URL(href).pathname === "/verify-email");
  if (!link) throw new Error(`no /verify-email link in "${mail.body.subject}" to ${recipientOf(mail)}`);
  const url = new URL(link);
  expect(url.searchParams.get("oobCode"), "the link carries an action code").toBeTruthy();
  return url.pathname + url.search;
}
