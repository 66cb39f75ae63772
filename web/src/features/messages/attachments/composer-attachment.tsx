import { ATTACHMENT_ACCEPT, attachmentTypeInfo, formatFileSize, type MessageAttachment } from "@mentormatch/shared";
import { useRef, useState, type ClipboardEvent, type DragEvent } from "react";
import type { AttachmentDraft } from "./use-attachment-draft";

export function PaperclipIcon() {
  return (
    <svg className="icon" width={18} height={18} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="m21.4 11.1-9.2 9.2a6 6 0 0 1-8.5-8.5l9.2-9.2a4 4 0 0 1 5.7 5.7l-9.2 9.2a2 2 0 0 1-2.8-2.8l8.5-8.5" />
    </svg>
  );
}

/** The composer's "Attach a file" button: a real file input behind a labelled button. */
export function AttachButton({ onFile, disabled }: { onFile: (file: File) => void; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="icon-btn composer-attach" onClick={() => input.current?.click()} disabled={disabled} aria-label="Attach a file" title="Attach a file (up to 10 MB)" data-testid="attach-button">
        <PaperclipIcon />
      </button>
      <input
        ref={input}
        type="file"
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        accept={ATTACHMENT_ACCEPT}
        data-testid="attach-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (file) onFile(file);
        }}
      />
    </>
  );
}

/** The file waiting to go with the next message: its upload progress, the server's check, or why it cannot go. */
export function AttachmentChip({ draft, onCancel, onRetry, errorId }: { draft: AttachmentDraft; onCancel: () => void; onRetry: (file: File) => void; errorId: string }) {
  if (draft.state === "idle") return null;
  if (draft.state === "failed") {
    const retry = draft.retry;
    return (
      <div className="attachment-chip attachment-chip-failed" data-testid="attachment-chip" data-state="failed">
        <p id={errorId} className="field-error" role="alert" data-testid="attachment-error">
          {draft.message}
        </p>
        <div className="attachment-chip-actions">
          {retry ? (
            <button type="button" className="btn btn-ghost btn-small" onClick={() => onRetry(retry)}>
              Try again
            </button>
          ) : null}
          <button type="button" className="btn btn-ghost btn-small" onClick={onCancel}>
            Dismiss<span className="sr-only"> the message about {draft.name}</span>
          </button>
        </div>
      </div>
    );
  }
  const status =
    draft.state === "uploading" ? `Uploading ${Math.round(draft.progress * 100)}%` : draft.state === "checking" ? "Checking the file…" : "Ready to send";
  return (
    <div className="attachment-chip" data-testid="attachment-chip" data-state={draft.state}>
      {draft.previewUrl ? <img className="attachment-chip-preview" src={draft.previewUrl} alt="" /> : <FileBadge label={attachmentTypeInfo(draft.type).label} />}
      <div className="attachment-chip-body">
        <p className="attachment-name" title={draft.name}>
          {draft.name}
        </p>
        <p className="muted small" aria-live="polite" data-testid="attachment-status">
          {formatFileSize(draft.size)} · {status}
        </p>
        {draft.state === "uploading" ? <progress className="attachment-progress" max={1} value={draft.progress} aria-label={`Uploading ${draft.name}`} /> : null}
        {draft.state === "checking" ? <progress className="attachment-progress" aria-label={`Checking ${draft.name}`} /> : null}
      </div>
      <button type="button" className="btn btn-ghost btn-small" onClick={onCancel} data-testid="attachment-cancel">
        {draft.state === "uploading" ? "Cancel" : "Remove"}
        <span className="sr-only"> {draft.name}</span>
      </button>
    </div>
  );
}

/** A small typed badge for a file without a picture ("PDF", "DOCX"). */
export function FileBadge({ label }: { label: string }) {
  const short = label.split(" ")[0]!.toUpperCase().slice(0, 4);
  return (
    <span className="file-badge" aria-hidden="true">
      {short}
    </span>
  );
}

/** Dropping a file anywhere on the conversation attaches it; the overlay says so while one is dragged over. */
export function useFileDrop(onFile: (file: File) => void, enabled: boolean) {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const hasFiles = (event: DragEvent) => [...event.dataTransfer.types].includes("Files");
  const props = enabled
    ? {
        onDragEnter: (event: DragEvent) => {
          if (!hasFiles(event)) return;
          event.preventDefault();
          depth.current += 1;
          setDragging(true);
        },
        onDragOver: (event: DragEvent) => {
          if (!hasFiles(event)) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = "copy";
        },
        onDragLeave: (event: DragEvent) => {
          if (!hasFiles(event)) return;
          depth.current = Math.max(0, depth.current - 1);
          if (depth.current === 0) setDragging(false);
        },
        onDrop: (event: DragEvent) => {
          if (!hasFiles(event)) return;
          event.preventDefault();
          depth.current = 0;
          setDragging(false);
          const file = event.dataTransfer.files[0];
          if (file) onFile(file);
        },
      }
    : {};
  return { dragging: enabled && dragging, props };
}

/** Pasting an image (a screenshot) into the composer attaches it; pasted text is left to the textarea. */
export function fileFromPaste(event: ClipboardEvent): File | null {
  const file = [...event.clipboardData.files][0];
  if (!file) return null;
  event.preventDefault();
  return file;
}

/** What a message's file shows while message-attachment.tsx (and the Storage SDK) loads: the file's name and size, in the card's shape. */
export function AttachmentPlaceholder({ attachment }: { attachment: MessageAttachment }) {
  return (
    <div className="file-card" aria-busy="true">
      <FileBadge label={attachmentTypeInfo(attachment.type).label} />
      <div className="file-card-body">
        <p className="attachment-name">{attachment.name}</p>
        <p className="small file-card-meta">{formatFileSize(attachment.size)}</p>
      </div>
    </div>
  );
}
