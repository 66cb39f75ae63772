import { describe, expect, it } from "vitest";
import { escapeHtml, renderEmail } from "./email.js";

describe("escapeHtml", () => {
  it.each([
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    [`"quoted" & 'single'`, "&quot;quoted&quot; &amp; &#39;single&#39;"],
    ["plain", "plain"],
  ])("%j", (input, expected) => expect(escapeHtml(input)).toBe(expected));
});

describe("renderEmail", () => {
  const hostile = `<img src=x onerror="alert(1)">`;
  const email = renderEmail(
    {
      kind: "account",
      recipientName: hostile,
      subject: "Welcome\r\nBcc: victim@example.com",
      heading: `Hello ${hostile}`,
      paragraphs: [`Your bio: ${hostile}`],
      action: { label: "Open <b>MentorMatch</b>", path: "/profile" },
    },
    "http://localhost:5173/",
  );
  it("escapes every user-supplied string in the HTML", () => {
    expect(email.html).not.toContain("<img");
    expect(email.html).not.toContain("<b>");
    expect(email.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });
  it("keeps headers on one line so a subject cannot inject headers", () => {
    expect(email.subject).toBe("Welcome Bcc: victim@example.com");
  });
  it("links the action and the settings page against the app URL", () => {
    expect(email.html).toContain('href="http://localhost:5173/profile"');
    expect(email.text).toContain("http://localhost:5173/settings");
    expect(email.text).toContain(`Hi ${hostile},`);
  });
});

describe("renderEmail with a list of items", () => {
  const hostile = `<img src=x onerror="alert(1)">`;
  const email = renderEmail(
    {
      kind: "messageDigest",
      recipientName: "Sam",
      subject: "Unread",
      heading: "Unread",
      paragraphs: [],
      items: [{ title: `Ada ${hostile}`, detail: `2 unread: ${hostile}`, path: "/messages/c1" }],
    },
    "http://localhost:5173",
  );
  it("escapes every item and links each one against the app URL", () => {
    expect(email.html).not.toContain("<img");
    expect(email.html).toContain('<a href="http://localhost:5173/messages/c1">Ada &lt;img');
    expect(email.text).toContain(`- Ada ${hostile}: 2 unread: ${hostile}\n  http://localhost:5173/messages/c1`);
  });
});
