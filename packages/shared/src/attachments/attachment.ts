import * as z from "zod";
import { SINGLE_LINE_PATTERN } from "../schemas/common.js";

/**
 * Chat attachments (docs/ARCHITECTURE.md, "Attachments"): one allowlist, one size limit and one message shape, used by
 * the composer, the functions' check of what arrived, and mirrored by storage.rules and database.rules.json (tests
 * compare those files with this one).
 */
export const ATTACHMENT_LIMITS = {
  /** 10 MiB: a CV, a slide deck, a phone photo. */
  maxBytes: 10 * 1024 * 1024,
  nameMax: 200,
  /** The longest side of a thumbnail, in pixels (CSS shows it at up to half that on a 2× screen). */
  thumbnailPx: 320,
  /** Larger images are refused before decoding (a small file can claim huge dimensions). */
  maxImagePixels: 40_000_000,
} as const;

export type AttachmentKind = "image" | "pdf" | "document" | "spreadsheet" | "presentation" | "text";
/** What the bytes must look like (attachments/sniff.ts) for a declared type to be believed. */
export type SniffedFormat = "png" | "jpeg" | "gif" | "webp" | "pdf" | "zip" | "ole" | "text";

interface AttachmentTypeInfo {
  kind: AttachmentKind;
  /** Shown on the file card ("PDF", "Word document"). */
  label: string;
  extensions: readonly string[];
  format: SniffedFormat;
}

/** The allowlist: content type → what it is. Nothing a browser executes (no text/html, no image/svg+xml). */
export const ATTACHMENT_TYPES = {
  "image/png": { kind: "image", label: "PNG image", extensions: ["png"], format: "png" },
  "image/jpeg": { kind: "image", label: "JPEG image", extensions: ["jpg", "jpeg"], format: "jpeg" },
  "image/gif": { kind: "image", label: "GIF image", extensions: ["gif"], format: "gif" },
  "image/webp": { kind: "image", label: "WebP image", extensions: ["webp"], format: "webp" },
  "application/pdf": { kind: "pdf", label: "PDF", extensions: ["pdf"], format: "pdf" },
  "text/plain": { kind: "text", label: "Text file", extensions: ["txt", "text", "log"], format: "text" },
  "text/csv": { kind: "spreadsheet", label: "CSV file", extensions: ["csv"], format: "text" },
  "text/markdown": { kind: "text", label: "Markdown file", extensions: ["md", "markdown"], format: "text" },
  "application/msword": { kind: "document", label: "Word document", extensions: ["doc"], format: "ole" },
  "application/vnd.ms-excel": { kind: "spreadsheet", label: "Excel spreadsheet", extensions: ["xls"], format: "ole" },
  "application/vnd.ms-powerpoint": { kind: "presentation", label: "PowerPoint presentation", extensions: ["ppt"], format: "ole" },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
    kind: "document",
    label: "Word document",
    extensions: ["docx"],
    format: "zip",
  },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
    kind: "spreadsheet",
    label: "Excel spreadsheet",
    extensions: ["xlsx"],
    format: "zip",
  },
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": {
    kind: "presentation",
    label: "PowerPoint presentation",
    extensions: ["pptx"],
    format: "zip",
  },
} as const satisfies Record<string, AttachmentTypeInfo>;

export type AttachmentType = keyof typeof ATTACHMENT_TYPES;
export const ATTACHMENT_TYPE_NAMES = Object.keys(ATTACHMENT_TYPES) as AttachmentType[];

export const isAttachmentType = (type: string): type is AttachmentType => Object.hasOwn(ATTACHMENT_TYPES, type);
export const attachmentTypeInfo = (type: AttachmentType): AttachmentTypeInfo => ATTACHMENT_TYPES[type];
export const isImageType = (type: AttachmentType): boolean => ATTACHMENT_TYPES[type].kind === "image";

/** What the file picker offers: every allowed type and extension. */
export const ATTACHMENT_ACCEPT = [...ATTACHMENT_TYPE_NAMES, ...ATTACHMENT_TYPE_NAMES.flatMap((type) => ATTACHMENT_TYPES[type].extensions.map((ext) => `.${ext}`))].join(",");

/** A short sentence listing what may be attached, for hints and refusals. */
export const ATTACHMENT_TYPES_SENTENCE = "images (PNG, JPEG, GIF, WebP), PDFs, Word, Excel and PowerPoint files, and text files (TXT, CSV, Markdown)";

/**
 * The content type an upload is stored with: the browser's type when it is allowed and agrees with the file's
 * extension, else the extension's (browsers leave `type` empty for .md and often say application/octet-stream);
 * null when neither is allowed. Trusting the extension alone is fine: the server sniffs the bytes.
 */
export function resolveAttachmentType(fileName: string, browserType: string): AttachmentType | null {
  const dot = fileName.lastIndexOf(".");
  const extension = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : "";
  const byExtension = ATTACHMENT_TYPE_NAMES.find((type) => (ATTACHMENT_TYPES[type].extensions as readonly string[]).includes(extension)) ?? null;
  const declared = browserType.split(";")[0]!.trim().toLowerCase();
  if (isAttachmentType(declared) && (byExtension === null || ATTACHMENT_TYPES[byExtension].format === ATTACHMENT_TYPES[declared].format)) return declared;
  return byExtension;
}

/** Whole-file-name check: one line, no path separators, at most 200 characters. */
export const attachmentNameSchema = z
  .string({ message: "A file name is required." })
  .min(1, "A file name is required.")
  .max(ATTACHMENT_LIMITS.nameMax, `File names can be at most ${ATTACHMENT_LIMITS.nameMax} characters: rename the file and attach it again.`)
  .regex(SINGLE_LINE_PATTERN, "That file name has characters that cannot be shown: rename the file and attach it again.")
  .refine((name) => !/[/\\]/.test(name), "File names cannot contain / or \\.");

export const attachmentSizeSchema = z
  .number()
  .int()
  .min(1, "That file is empty.")
  .max(ATTACHMENT_LIMITS.maxBytes, `Files can be at most ${ATTACHMENT_LIMITS.maxBytes / 1024 / 1024} MB.`);

export const attachmentTypeSchema = z.enum(ATTACHMENT_TYPE_NAMES as [AttachmentType, ...AttachmentType[]], {
  message: `That type of file cannot be attached. You can attach ${ATTACHMENT_TYPES_SENTENCE}.`,
});

/** Storage paths. attachmentId = the push id of the chat message that carries the file. */
export const storagePaths = {
  attachment: (chatId: string, attachmentId: string) => `chats/${chatId}/attachments/${attachmentId}`,
  thumbnail: (chatId: string, attachmentId: string) => `chats/${chatId}/thumbnails/${attachmentId}`,
} as const;

const ATTACHMENT_PATH = /^chats\/([A-Za-z0-9_-]{1,257})\/attachments\/([A-Za-z0-9_-]{1,64})$/;
/** The chat and attachment an object path names, or null for anything that is not an upload (thumbnails included). */
export function parseAttachmentPath(path: string): { chatId: string; attachmentId: string } | null {
  const match = ATTACHMENT_PATH.exec(path);
  return match ? { chatId: match[1]!, attachmentId: match[2]! } : null;
}

/** `attachment` on a chat message (database.rules.json checks the same, and that the server accepted the file). */
export const messageAttachmentSchema = z.strictObject({
  name: attachmentNameSchema,
  size: attachmentSizeSchema,
  type: attachmentTypeSchema,
  path: z.string().regex(ATTACHMENT_PATH, "Not an attachment path."),
});
export type MessageAttachment = z.infer<typeof messageAttachmentSchema>;

/** What the composer checks before uploading (the server checks again, with the bytes). */
export const attachmentFileSchema = z.object({ name: attachmentNameSchema, size: attachmentSizeSchema, type: attachmentTypeSchema });

/**
 * The composer's check of a picked, dropped or pasted file, before any byte is sent: its type (see
 * resolveAttachmentType), size and name, with the sentence to show. The server checks again, with the bytes.
 */
export function checkAttachmentFile(file: { name: string; type: string; size: number }): { ok: true; type: AttachmentType } | { ok: false; message: string } {
  const type = resolveAttachmentType(file.name, file.type);
  if (type === null) return { ok: false, message: `${file.name || "That file"} cannot be attached. You can attach ${ATTACHMENT_TYPES_SENTENCE}.` };
  const parsed = attachmentFileSchema.safeParse({ name: file.name, size: file.size, type });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "That file cannot be attached." };
  return { ok: true, type };
}

/**
 * `attachmentUploads/{uploaderUid}__{chatId}__{attachmentId}` in the Realtime Database: the server's verdict on an upload, which
 * only the uploader reads. A message may carry the attachment only once it is `ready`, with the same name, size and
 * type; `rejected` says why (the file is gone). The cleanup job reads these by `checkedAt`.
 */
export const UPLOAD_STATUSES = ["ready", "rejected"] as const;
export const attachmentUploadSchema = z.object({
  chatId: z.string(),
  attachmentId: z.string(),
  uploaderUid: z.string(),
  status: z.enum(UPLOAD_STATUSES),
  name: z.string(),
  size: z.number(),
  type: z.string(),
  /** Why it was refused, as the composer shows it. */
  reason: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  /** Whether a thumbnail was written (images). */
  thumbnail: z.boolean().optional(),
  checkedAt: z.number(),
});
export type AttachmentUpload = z.infer<typeof attachmentUploadSchema>;
/** The uploader's uid first, so the rules let a person read (and wait for) their own verdicts before they exist. */
export const attachmentUploadKey = (uploaderUid: string, chatId: string, attachmentId: string) => `${uploaderUid}__${chatId}__${attachmentId}`;

/** "2.4 MB", "830 KB", "12 bytes": sizes as people read them (1 KB = 1024 bytes, as file managers mostly show). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / 1024 / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}
