import { ATTACHMENT_TYPES, type AttachmentType, type SniffedFormat } from "./attachment.js";

/**
 * A small, pure content sniffer for the allowlist: what the first bytes say a file is, by magic numbers. It knows
 * only the formats MentorMatch accepts, plus the ones it must never serve (HTML, SVG, XML), and calls anything else
 * `binary`. Given the whole file (the server) it also tells which Office Open XML document a zip is.
 */
export type Sniffed = SniffedFormat | "html" | "svg" | "binary" | "empty";
export interface SniffResult {
  format: Sniffed;
  /** For a zip: the Office Open XML part folder found in it (`word/`, `xl/`, `ppt/`), when one is. */
  ooxml?: "word" | "xl" | "ppt";
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** How much of a file the text checks read: enough to catch markup and binary, little enough for a browser. */
export const SNIFF_HEAD_BYTES = 8192;

function indexOfAscii(bytes: Uint8Array, text: string): number {
  const needle = ascii(text);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Valid UTF-8 without NUL or other C0 controls (tab, line breaks and form feed aside); a cut-off last character is fine in a head. */
function isPlainText(bytes: Uint8Array, complete: boolean): boolean {
  let i = startsWith(bytes, UTF8_BOM) ? 3 : 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return false;
      if (byte === 0x7f) return false;
      i += 1;
      continue;
    }
    const length = byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) return false;
    if (i + length > bytes.length) return !complete;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return false;
    // Overlong and out-of-range forms and UTF-16 surrogates are not UTF-8.
    const second = bytes[i + 1]!;
    if (byte === 0xe0 && second < 0xa0) return false;
    if (byte === 0xed && second > 0x9f) return false;
    if (byte === 0xf0 && second < 0x90) return false;
    if (byte === 0xf4 && second > 0x8f) return false;
    i += length;
  }
  return true;
}

const MARKUP = /^\s*<(?:!doctype\s+html|html|head|body|script|iframe|object|embed|svg|\?xml|meta|link|style|a\s|img\s|div|form|xml)/i;

/** What `bytes` (the file, or its first SNIFF_HEAD_BYTES when `complete` is false) are. */
export function sniffFile(bytes: Uint8Array, complete = true): SniffResult {
  if (bytes.length === 0) return { format: "empty" };
  if (startsWith(bytes, PNG)) return { format: "png" };
  if (startsWith(bytes, JPEG)) return { format: "jpeg" };
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return { format: "gif" };
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return { format: "webp" };
  if (startsWith(bytes, ascii("%PDF-"))) return { format: "pdf" };
  if (startsWith(bytes, OLE)) return { format: "ole" };
  if (startsWith(bytes, ZIP)) {
    // Part names appear in each entry's header and again in the central directory at the end.
    const ooxml = indexOfAscii(bytes, "word/") >= 0 ? "word" : indexOfAscii(bytes, "xl/") >= 0 ? "xl" : indexOfAscii(bytes, "ppt/") >= 0 ? "ppt" : undefined;
    return ooxml ? { format: "zip", ooxml } : { format: "zip" };
  }
  const head = bytes.subarray(0, SNIFF_HEAD_BYTES);
  if (!isPlainText(head, complete && bytes.length <= SNIFF_HEAD_BYTES)) return { format: "binary" };
  // Markup is ASCII, so the start read byte by byte (anything else as a space) is enough to see it.
  const start = String.fromCharCode(...head.subarray(startsWith(head, UTF8_BOM) ? 3 : 0, 512).map((byte) => (byte < 0x80 ? byte : 0x20)));
  if (MARKUP.test(start)) return { format: /<svg[\s>]/i.test(start) ? "svg" : "html" };
  // Plain text all through: the server reads the whole file, so a text file cannot hide binary after its head.
  if (complete && bytes.length > SNIFF_HEAD_BYTES && !isPlainText(bytes, true)) return { format: "binary" };
  return { format: "text" };
}

const OOXML_PART: Partial<Record<AttachmentType, SniffResult["ooxml"]>> = {
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "word",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xl",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "ppt",
};

const DESCRIBED: Record<Sniffed, string> = {
  png: "a PNG image",
  jpeg: "a JPEG image",
  gif: "a GIF image",
  webp: "a WebP image",
  pdf: "a PDF",
  zip: "a zip archive",
  ole: "an older Office file",
  text: "a text file",
  html: "a web page",
  svg: "an SVG image",
  binary: "a file type we do not accept",
  empty: "an empty file",
};

/**
 * Whether the bytes are what the declared type says: null when they are, else the sentence the sender reads. With
 * only the head (`complete` false: the browser, before uploading) an Office zip's kind is not required to show.
 */
export function checkSniffedType(declared: AttachmentType, sniffed: SniffResult, complete = true): string | null {
  const expected = ATTACHMENT_TYPES[declared];
  const label = expected.label === "Text file" ? "text file" : expected.label;
  const name = `${/^[AEIOU]/.test(label) ? "an" : "a"} ${label}`;
  if (sniffed.format === "empty") return "That file is empty.";
  if (sniffed.format === "html" || sniffed.format === "svg")
    return `This file contains ${DESCRIBED[sniffed.format]}, which cannot be shared in chat.`;
  if (sniffed.format !== expected.format) return `This file is named as ${name} but its contents are ${DESCRIBED[sniffed.format]}.`;
  const part = OOXML_PART[declared];
  if (part && (sniffed.ooxml ? sniffed.ooxml !== part : complete)) return `This file is named as ${name} but its contents are not one.`;
  return null;
}
