import { expect } from "@playwright/test";
import { MAIL_CAPTURE_PORT, type CapturedMail } from "../../scripts/mail-capture.mjs";

/** Waits for the email the functions sent to `to`, as the local SendGrid capture received it. */
export async function mailTo(to: string, subject: string): Promise<CapturedMail> {
  let found: CapturedMail | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(`http://127.0.0.1:${MAIL_CAPTURE_PORT}/messages`);
        const messages = (await response.json()) as CapturedMail[];
        found = messages.find(
          (message) => message.body.personalizations[0]?.to[0]?.email === to && message.body.subject === subject,
        );
        return !!found;
      },
      { message: `an email "${subject}" to ${to}`, timeout: 20_000 },
    )
    .toBe(true);
  return found!;
}

export const htmlOf = (mail: CapturedMail) => mail.body.content.find((part) => part.type === "text/html")?.value ?? "";
