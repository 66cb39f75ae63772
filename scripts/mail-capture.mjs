// A stand-in for SendGrid's v3 API on 127.0.0.1, so the emulated functions can "send" email locally.
// The functions emulator points the SendGrid client here (functions/.env.local: SENDGRID_BASE_URL).
//   POST /v3/mail/send  stores the request and answers 202, like SendGrid
//   GET /messages       the captured requests as JSON; DELETE /messages clears them
//   GET /               a page listing captured mails; GET /messages/{n} shows one mail's HTML
// `node scripts/mail-capture.mjs [port]` serves until killed; tests import startMailCapture.
import { createServer } from "node:http";

export const MAIL_CAPTURE_PORT = 9925;
const MAX_BODY_BYTES = 5 * 1024 * 1024;

const escapeHtml = (value) =>
  String(value).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

function summary(message) {
  const body = message.body ?? {};
  const personalization = body.personalizations?.[0] ?? {};
  return {
    to: (personalization.to ?? []).map((address) => address.email).join(", "),
    subject: body.subject ?? personalization.subject ?? "(no subject)",
    html: (body.content ?? []).find((part) => part.type === "text/html")?.value ?? "",
  };
}

const decodeEntities = (value) =>
  value.replace(/&(amp|lt|gt|quot|#39);/g, (_, name) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[name]);

/** The links a mail's HTML offers (its button first), without the footer's settings link. */
function linksOf(html) {
  return [...html.matchAll(/<a\s[^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)]
    .map(([, href, label]) => ({ href: decodeEntities(href), label: decodeEntities(label.replace(/<[^>]*>/g, "").trim()) || "Open link" }))
    .filter((link) => /^https?:\/\//.test(link.href) && !/\/settings$/.test(link.href));
}

const isVerifyLink = (href) => {
  try {
    return new URL(href).pathname === "/verify-email";
  } catch {
    return false;
  }
};

function indexPage(messages) {
  const rows = messages
    .map((message, index) => {
      const { to, subject, html } = summary(message);
      const links = linksOf(html)
        .map((link) =>
          isVerifyLink(link.href)
            ? `<a class="action verify" href="${escapeHtml(link.href)}">${escapeHtml(link.label)} →</a>`
            : `<a class="action" href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a>`,
        )
        .join(" ");
      const verify = linksOf(html).some((link) => isVerifyLink(link.href));
      return `<tr${verify ? ' class="verify-row"' : ""}><td>${escapeHtml(message.receivedAt)}</td><td>${escapeHtml(to)}</td><td><a href="/messages/${index}">${escapeHtml(subject)}</a></td><td>${links || '<span class="none">–</span>'}</td></tr>`;
    })
    .reverse()
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>MentorMatch mail capture</title>
<style>
body{font-family:system-ui,sans-serif;margin:24px;color:#1f2937}
table{border-collapse:collapse;width:100%}
td,th{padding:8px 12px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
.verify-row{background:#eef0ff}
a.action{display:inline-block;margin:2px 0;padding:4px 10px;border:1px solid #c7cbe8;border-radius:6px;text-decoration:none;color:#3730a3}
a.action.verify{background:#4338ca;border-color:#4338ca;color:#fff;font-weight:600}
a:focus-visible{outline:3px solid #2563eb;outline-offset:2px}
.none{color:#6b7280}
</style></head>
<body><h1>Captured mail (${messages.length})</h1>
<p>Emails the local functions sent, newest first. Reload to refresh. Signing up? Find your address below and press
<strong>Confirm my email</strong> to verify it (the link opens the app, signed in or not).</p>
<table><thead><tr><th>Received</th><th>To</th><th>Subject</th><th>Links</th></tr></thead><tbody>${rows || '<tr><td colspan="4">Nothing yet.</td></tr>'}</tbody></table></body></html>`;
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    request.on("data", (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error("body too large"));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function send(response, status, body, type = "application/json") {
  response.writeHead(status, { "content-type": `${type}; charset=utf-8` });
  response.end(type === "application/json" && typeof body !== "string" ? JSON.stringify(body) : body);
}

/**
 * Starts the capture. `respond(message)` may return `{ status, body }` to answer a send with an error instead
 * of 202 (tests use it to play a failing SendGrid); failed sends are not stored.
 */
export function startMailCapture({ port = MAIL_CAPTURE_PORT, host = "127.0.0.1", respond, quiet = true } = {}) {
  const messages = [];
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? "/", `http://${host}`);
      if (request.method === "POST" && url.pathname === "/v3/mail/send") {
        const raw = await readBody(request);
        let body;
        try {
          body = JSON.parse(raw);
        } catch {
          return send(response, 400, { errors: [{ message: "Body must be JSON.", field: null }] });
        }
        const message = { headers: request.headers, body, receivedAt: new Date().toISOString() };
        const override = respond?.(message);
        if (override) return send(response, override.status, override.body ?? "");
        messages.push(message);
        if (!quiet) console.log(`mail-capture: ${summary(message).subject} → ${summary(message).to}`);
        response.writeHead(202, { "x-message-id": `capture-${messages.length}` });
        return response.end();
      }
      if (request.method === "GET" && url.pathname === "/messages") return send(response, 200, messages);
      if (request.method === "DELETE" && url.pathname === "/messages") {
        messages.length = 0;
        response.writeHead(204);
        return response.end();
      }
      const one = /^\/messages\/(\d+)$/.exec(url.pathname);
      if (request.method === "GET" && one) {
        const message = messages[Number(one[1])];
        return message ? send(response, 200, summary(message).html, "text/html") : send(response, 404, { error: "no such message" });
      }
      if (request.method === "GET" && url.pathname === "/") return send(response, 200, indexPage(messages), "text/html");
      send(response, 404, { errors: [{ message: `No route for ${request.method} ${url.pathname}` }] });
    } catch (err) {
      send(response, 500, { errors: [{ message: String(err) }] });
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      resolve({
        url: `http://${host}:${typeof address === "object" && address ? address.port : port}`,
        messages: () => [...messages],
        clear: () => void (messages.length = 0),
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2] ?? process.env.MAIL_CAPTURE_PORT ?? MAIL_CAPTURE_PORT);
  const capture = await startMailCapture({ port, quiet: false });
  console.log(`mail-capture: listening on ${capture.url} (open it in a browser to read captured mail)`);
}
