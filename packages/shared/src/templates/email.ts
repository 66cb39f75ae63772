import type { EmailKind } from "../constants.js";
import { EMAIL_KIND_LABELS } from "../constants.js";

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export interface EmailContent {
  kind: EmailKind;
  /** Plain text; every value is escaped when rendered. */
  recipientName: string;
  subject: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; path: string };
  /** A list of linked entries after the paragraphs (a digest's conversations); every value is escaped. */
  items?: { title: string; detail: string; path: string }[];
  /**
   * Why the person gets this email, when it is not a preference they can switch off (a verification link, an
   * invitation to an address that has no account yet). Without it the footer points at their email settings.
   */
  reason?: string;
}

/** Renders one MentorMatch email. `appUrl` is the web app's origin, never user input. */
export function renderEmail(content: EmailContent, appUrl: string): RenderedEmail {
  const base = appUrl.replace(/\/+$/, "");
  const actionUrl = content.action ? `${base}${content.action.path}` : null;
  const settingsUrl = `${base}/settings`;
  const paragraphsHtml = content.paragraphs
    .map((text) => `<p style="margin:0 0 16px">${escapeHtml(text)}</p>`)
    .join("");
  const items = (content.items ?? []).map((item) => ({ ...item, url: `${base}${item.path}` }));
  const itemsHtml = items.length
    ? `<ul style="margin:0 0 16px;padding-left:20px">${items
        .map((item) => `<li style="margin:0 0 12px"><a href="${escapeHtml(item.url)}">${escapeHtml(item.title)}</a><br>${escapeHtml(item.detail)}</li>`)
        .join("")}</ul>`
    : "";
  const actionHtml =
    actionUrl && content.action
      ? `<p style="margin:24px 0"><a href="${escapeHtml(actionUrl)}" style="background:#4338ca;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(content.action.label)}</a></p>`
      : "";
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1f2937;line-height:1.5;max-width:560px;margin:0 auto;padding:24px">
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(content.heading)}</h1>
<p style="margin:0 0 16px">Hi ${escapeHtml(content.recipientName)},</p>
${paragraphsHtml}${itemsHtml}${actionHtml}
<hr style="border:none;border-top:1px solid #e5e7eb;margin:24px 0">
${content.reason ? `<p style="font-size:12px;color:#6b7280">${escapeHtml(content.reason)}</p>` : `<p style="font-size:12px;color:#6b7280">You get this because "${escapeHtml(EMAIL_KIND_LABELS[content.kind])}" is on in your <a href="${escapeHtml(settingsUrl)}">MentorMatch email settings</a>.</p>`}
</body></html>`;
  const text = [
    `Hi ${content.recipientName},`,
    "",
    ...content.paragraphs.flatMap((paragraph) => [paragraph, ""]),
    ...items.flatMap((item) => [`- ${item.title}: ${item.detail}`, `  ${item.url}`, ""]),
    ...(actionUrl && content.action ? [`${content.action.label}: ${actionUrl}`, ""] : []),
    content.reason ?? `Turn these emails off in your settings: ${settingsUrl}`,
  ].join("\n");
  return { subject: content.subject.replace(/[\r\n]+/g, " ").trim(), html, text };
}
