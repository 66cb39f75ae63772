import { describe, expect, it } from "vitest";
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_LIMITS,
  ATTACHMENT_TYPE_NAMES,
  attachmentFileSchema,
  checkAttachmentFile,
  formatFileSize,
  messageAttachmentSchema,
  parseAttachmentPath,
  resolveAttachmentType,
  storagePaths,
} from "./attachment.js";

describe("resolveAttachmentType", () => {
  it.each<[string, string, string | null]>([
    ["cv.pdf", "application/pdf", "application/pdf"],
    ["photo.JPG", "image/jpeg", "image/jpeg"],
    ["notes.md", "", "text/markdown"],
    ["deck.pptx", "application/octet-stream", "application/vnd.openxmlformats-officedocument.presentationml.presentation"],
    ["screenshot.png", "image/png", "image/png"],
    // A pasted image has the browser's type and a made-up name.
    ["image", "image/png", "image/png"],
    ["data.csv", "text/csv; charset=utf-8", "text/csv"],
    // The browser's word is taken when it agrees in kind with the extension (.txt of text/csv: both text).
    ["data.txt", "text/csv", "text/csv"],
    // ...and the extension's when they disagree: the server then checks the bytes against it.
    ["photo.png", "application/pdf", "image/png"],
    ["page.html", "text/html", null],
    ["logo.svg", "image/svg+xml", null],
    ["tool.exe", "application/x-msdownload", null],
    ["archive.zip", "application/zip", null],
    ["noextension", "", null],
  ])("%s (%s) → %s", (name, type, expected) => {
    expect(resolveAttachmentType(name, type)).toBe(expected);
  });
});

describe("attachmentFileSchema", () => {
  const ok = { name: "cv.pdf", size: 120_000, type: "application/pdf" };
  it("accepts an allowed file up to 10 MB", () => {
    expect(attachmentFileSchema.safeParse(ok).success).toBe(true);
    expect(attachmentFileSchema.safeParse({ ...ok, size: ATTACHMENT_LIMITS.maxBytes }).success).toBe(true);
  });
  it.each([
    ["a file over 10 MB", { size: ATTACHMENT_LIMITS.maxBytes + 1 }, "Files can be at most 10 MB."],
    ["an empty file", { size: 0 }, "That file is empty."],
    ["a type not allowed", { type: "text/html" }, "That type of file cannot be attached."],
    ["a 201-character name", { name: `${"x".repeat(197)}.pdf` }, "File names can be at most 200 characters"],
    ["a name with a line break", { name: "cv\n.pdf" }, "characters that cannot be shown"],
    ["a name with a path", { name: "../cv.pdf" }, "cannot contain / or \\"],
  ])("refuses %s, saying so", (_label, change, message) => {
    const result = attachmentFileSchema.safeParse({ ...ok, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(message);
  });
});

describe("messageAttachmentSchema and paths", () => {
  const path = storagePaths.attachment("mentor_mentee", "-Nabc123");
  it("accepts exactly name, size, type and an attachment path", () => {
    expect(messageAttachmentSchema.safeParse({ name: "a.png", size: 10, type: "image/png", path }).success).toBe(true);
    expect(messageAttachmentSchema.safeParse({ name: "a.png", size: 10, type: "image/png", path, url: "x" }).success).toBe(false);
    expect(messageAttachmentSchema.safeParse({ name: "a.png", size: 10, type: "image/png", path: storagePaths.thumbnail("m", "a") }).success).toBe(false);
  });
  it("parses upload paths only (not thumbnails, not traversal)", () => {
    expect(parseAttachmentPath(path)).toEqual({ chatId: "mentor_mentee", attachmentId: "-Nabc123" });
    expect(parseAttachmentPath(storagePaths.thumbnail("m", "a"))).toBeNull();
    expect(parseAttachmentPath("chats/../attachments/a")).toBeNull();
    expect(parseAttachmentPath("chats/m/attachments/a/b")).toBeNull();
  });
  it("offers every allowed type and extension in the picker, and never SVG or HTML", () => {
    for (const type of ATTACHMENT_TYPE_NAMES) expect(ATTACHMENT_ACCEPT).toContain(type);
    expect(ATTACHMENT_ACCEPT).toContain(".docx");
    expect(ATTACHMENT_ACCEPT).not.toMatch(/svg|html/);
  });
});

describe("formatFileSize", () => {
  it.each([
    [1, "1 byte"],
    [900, "900 bytes"],
    [2048, "2 KB"],
    [2.5 * 1024 * 1024, "2.5 MB"],
    [10 * 1024 * 1024, "10 MB"],
  ])("%d → %s", (bytes, expected) => {
    expect(formatFileSize(bytes)).toBe(expected);
  });
});

describe("checkAttachmentFile", () => {
  it.each<[string, { name: string; type: string; size: number }, { ok: true; type: string } | { ok: false; message: string }]>([
    ["a PDF", { name: "cv.pdf", type: "application/pdf", size: 1000 }, { ok: true, type: "application/pdf" }],
    ["a pasted screenshot", { name: "image.png", type: "image/png", size: 50_000 }, { ok: true, type: "image/png" }],
    [
      "a web page",
      { name: "page.html", type: "text/html", size: 1000 },
      { ok: false, message: "page.html cannot be attached. You can attach images (PNG, JPEG, GIF, WebP), PDFs, Word, Excel and PowerPoint files, and text files (TXT, CSV, Markdown)." },
    ],
    ["an 11 MB video", { name: "talk.pdf", type: "application/pdf", size: 11 * 1024 * 1024 }, { ok: false, message: "Files can be at most 10 MB." }],
    ["an empty text file", { name: "empty.txt", type: "text/plain", size: 0 }, { ok: false, message: "That file is empty." }],
  ])("%s", (_label, file, expected) => {
    expect(checkAttachmentFile(file)).toEqual(expected);
  });
});
