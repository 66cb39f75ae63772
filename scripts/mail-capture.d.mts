import type { IncomingHttpHeaders } from "node:http";

export interface CapturedMail {
  headers: IncomingHttpHeaders;
  /** The SendGrid v3 request body as sent: personalizations, from, subject, content, custom_args… */
  body: {
    personalizations: { to: { email: string; name?: string }[] }[];
    from: { email: string; name?: string };
    subject: string;
    content: { type: string; value: string }[];
    custom_args?: Record<string, string>;
    [key: string]: unknown;
  };
  receivedAt: string;
}

export interface MailCapture {
  url: string;
  messages(): CapturedMail[];
  clear(): void;
  close(): Promise<void>;
}

export const MAIL_CAPTURE_PORT: number;

export function startMailCapture(options?: {
  port?: number;
  host?: string;
  respond?: (message: CapturedMail) => { status: number; body?: unknown } | undefined;
  quiet?: boolean;
}): Promise<MailCapture>;
