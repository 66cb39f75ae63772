import { describe, expect, it } from "vitest";
import type { AttachmentType } from "./attachment.js";
import { SNIFF_HEAD_BYTES, checkSniffedType, sniffFile, type SniffResult } from "./sniff.js";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? [...new TextEncoder().encode(part)] : part)));
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], "IHDR");
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], "JFIF");
const OLE = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], [0, 0, 0, 0]);
const zip = (entry: string) => bytes([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0], [0, 0, 0, 0, 0, 0], entry, [0, 0]);

describe("sniffFile", () => {
  it.each<[string, Uint8Array, SniffResult]>([
    ["a PNG", PNG, { format: "png" }],
    ["a JPEG", JPEG, { format: "jpeg" }],
    ["a GIF89a", bytes("GIF89a", [1, 0, 1, 0]), { format: "gif" }],
    ["a GIF87a", bytes("GIF87a", [1, 0, 1, 0]), { format: "gif" }],
    ["a WebP", bytes("RIFF", [36, 0, 0, 0], "WEBPVP8 "), { format: "webp" }],
    ["a RIFF that is not WebP (a WAV)", bytes("RIFF", [36, 0, 0, 0], "WAVEfmt "), { format: "binary" }],
    ["a PDF", bytes("%PDF-1.4\n%\xe2\xe3\n1 0 obj"), { format: "pdf" }],
    ["an old Office file", OLE, { format: "ole" }],
    ["a Word zip", zip("word/document.xml"), { format: "zip", ooxml: "word" }],
    ["an Excel zip", zip("xl/workbook.xml"), { format: "zip", ooxml: "xl" }],
    ["a PowerPoint zip", zip("ppt/presentation.xml"), { format: "zip", ooxml: "ppt" }],
    ["a plain zip", zip("notes/readme.txt"), { format: "zip" }],
    ["plain text", bytes("Hello Ada,\nhere are my notes.\tThanks!\r\n"), { format: "text" }],
    ["UTF-8 text with a BOM and accents", bytes([0xef, 0xbb, 0xbf], "Café – naïve résumé ✓"), { format: "text" }],
    ["CSV", bytes("name,score\nAda,10\n"), { format: "text" }],
    ["an HTML page", bytes("<!DOCTYPE html><html><script>alert(1)</script>"), { format: "html" }],
    ["HTML after white space, in capitals", bytes("\n\n  <HTML><BODY>"), { format: "html" }],
    ["a script tag", bytes("<script>steal()</script>"), { format: "html" }],
    ["an SVG", bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), { format: "svg" }],
    ["an SVG after an XML declaration", bytes('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'), { format: "svg" }],
    ["XML that is not SVG", bytes('<?xml version="1.0"?><note/>'), { format: "html" }],
    ["a Windows executable", bytes("MZ", [0x90, 0, 3, 0, 0, 0]), { format: "binary" }],
    ["text with a NUL byte", bytes("abc", [0], "def"), { format: "binary" }],
    ["invalid UTF-8", bytes("abc", [0xc3, 0x28]), { format: "binary" }],
    ["an overlong UTF-8 encoding", bytes([0xe0, 0x80, 0xaf]), { format: "binary" }],
    ["nothing", new Uint8Array(0), { format: "empty" }],
  ])("%s", (_label, input, expected) => {
    expect(sniffFile(input)).toEqual(expected);
  });

  it("forgives a character cut off at the end of a head, not of a whole file", () => {
    const cut = bytes("Résumé ", [0xe2, 0x9c]);
    expect(sniffFile(cut, false).format).toBe("text");
    expect(sniffFile(cut, true).format).toBe("binary");
  });

  it("reads the whole of a long text file: binary after the head is caught", () => {
    const long = new Uint8Array(SNIFF_HEAD_BYTES + 100).fill(0x61);
    expect(sniffFile(long).format).toBe("text");
    long[SNIFF_HEAD_BYTES + 50] = 0;
    expect(sniffFile(long).format).toBe("binary");
    expect(sniffFile(long.subarray(0, SNIFF_HEAD_BYTES), false).format).toBe("text");
  });
});

describe("checkSniffedType", () => {
  const DOCX: AttachmentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  it.each<[string, AttachmentType, SniffResult, boolean, string | null]>([
    ["a PNG declared PNG", "image/png", { format: "png" }, true, null],
    ["a JPEG declared JPEG", "image/jpeg", { format: "jpeg" }, true, null],
    ["a PDF declared PDF", "application/pdf", { format: "pdf" }, true, null],
    ["text declared Markdown", "text/markdown", { format: "text" }, true, null],
    ["text declared CSV", "text/csv", { format: "text" }, true, null],
    ["an OLE file declared .doc", "application/msword", { format: "ole" }, true, null],
    ["a Word zip declared .docx", DOCX, { format: "zip", ooxml: "word" }, true, null],
    ["a zip head without its parts, in the browser", DOCX, { format: "zip" }, false, null],
    ["a PNG declared JPEG", "image/jpeg", { format: "png" }, true, "This file is named as a JPEG image but its contents are a PNG image."],
    ["a PDF declared PNG", "image/png", { format: "pdf" }, true, "This file is named as a PNG image but its contents are a PDF."],
    ["an executable declared PDF", "application/pdf", { format: "binary" }, true, "This file is named as a PDF but its contents are a file type we do not accept."],
    ["HTML declared text", "text/plain", { format: "html" }, true, "This file contains a web page, which cannot be shared in chat."],
    ["SVG declared PNG", "image/png", { format: "svg" }, true, "This file contains an SVG image, which cannot be shared in chat."],
    ["an Excel zip declared .docx", DOCX, { format: "zip", ooxml: "xl" }, true, "This file is named as a Word document but its contents are not one."],
    ["a plain zip declared .docx, whole file", DOCX, { format: "zip" }, true, "This file is named as a Word document but its contents are not one."],
    ["an empty file", "text/plain", { format: "empty" }, true, "That file is empty."],
  ])("%s", (_label, declared, sniffed, complete, expected) => {
    expect(checkSniffedType(declared, sniffed, complete)).toBe(expected);
  });
});
