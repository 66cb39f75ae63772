import { attachmentTypeInfo, formatFileSize, isImageType, parseAttachmentPath, storagePaths, type MessageAttachment } from "@mentormatch/shared";
import { useEffect, useId, useRef, useState } from "react";
import toast from "react-hot-toast";
import { loadAttachment } from "../../../data/attachments";
import { FileBadge } from "./composer-attachment";

// Loaded lazily by the conversation when a message carries a file: this module brings the Storage SDK.

/** A stored file as an object URL while mounted (read under storage.rules), or the error. */
function useObjectUrl(path: string | null, type: Parameters<typeof loadAttachment>[1]) {
  const [state, setState] = useState<{ url: string | null; failed: boolean }>({ url: null, failed: false });
  useEffect(() => {
    if (!path) return;
    let url: string | null = null;
    let live = true;
    loadAttachment(path, type)
      .then((blob) => {
        url = URL.createObjectURL(blob);
        if (live) setState({ url, failed: false });
        else URL.revokeObjectURL(url);
      })
      .catch((error: unknown) => {
        console.warn("attachment did not load", path, error);
        if (live) setState({ url: null, failed: true });
      });
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [path, type]);
  return state;
}

async function download(attachment: MessageAttachment) {
  const toastId = toast.loading(`Downloading ${attachment.name}…`);
  try {
    const blob = await loadAttachment(attachment.path, attachment.type);
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = attachment.name;
    link.rel = "noopener";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    toast.success(`Downloaded ${attachment.name}.`, { id: toastId });
  } catch {
    toast.error(`${attachment.name} could not be downloaded. Try again.`, { id: toastId });
  }
}

function DownloadButton({ attachment, className = "btn btn-ghost btn-small" }: { attachment: MessageAttachment; className?: string }) {
  return (
    <button type="button" className={className} onClick={() => void download(attachment)} data-testid="attachment-download">
      Download<span className="sr-only"> {attachment.name}</span>
    </button>
  );
}

function FileCard({ attachment }: { attachment: MessageAttachment }) {
  const label = attachmentTypeInfo(attachment.type).label;
  return (
    <div className="file-card" data-testid="attachment-file">
      <FileBadge label={label} />
      <div className="file-card-body">
        <p className="attachment-name" title={attachment.name} data-testid="attachment-name">
          {attachment.name}
        </p>
        <p className="small file-card-meta">
          {formatFileSize(attachment.size)} · {label}
        </p>
      </div>
      <DownloadButton attachment={attachment} />
    </div>
  );
}

function ImageDialog({ attachment, onClose }: { attachment: MessageAttachment; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const full = useObjectUrl(attachment.path, attachment.type);
  // A modal <dialog>: focus moves into it, the page behind is inert, Escape closes it.
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="dialog image-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
      data-testid="image-dialog"
    >
      <div className="dialog-body">
        <div className="image-dialog-head">
          <h2 id={titleId} className="dialog-title attachment-name">
            {attachment.name}
          </h2>
          <span className="muted small">{formatFileSize(attachment.size)}</span>
        </div>
        <div className="image-dialog-frame">
          {full.url ? (
            <img src={full.url} alt={attachment.name} data-testid="image-full" />
          ) : full.failed ? (
            <p className="field-error">The image could not be loaded.</p>
          ) : (
            <p className="muted" role="status">
              Loading the image…
            </p>
          )}
        </div>
        <div className="dialog-actions">
          <DownloadButton attachment={attachment} className="btn btn-ghost" />
          <button type="button" className="btn btn-primary" onClick={onClose} autoFocus>
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}

function ImageAttachment({ attachment }: { attachment: MessageAttachment }) {
  const ids = parseAttachmentPath(attachment.path);
  const thumb = useObjectUrl(ids ? storagePaths.thumbnail(ids.chatId, ids.attachmentId) : null, "image/jpeg");
  const [open, setOpen] = useState(false);
  if (thumb.failed) return <FileCard attachment={attachment} />;
  return (
    <>
      <button type="button" className="image-thumb" onClick={() => setOpen(true)} data-testid="attachment-image" aria-haspopup="dialog">
        {thumb.url ? <img src={thumb.url} alt="" data-testid="attachment-thumbnail" /> : <span className="image-thumb-placeholder" aria-hidden="true" />}
        <span className="sr-only">
          Open the image {attachment.name} ({formatFileSize(attachment.size)}) full size
        </span>
      </button>
      {open ? <ImageDialog attachment={attachment} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

/** A message's file: an image as a thumbnail that opens full size, anything else as a card with a download button. */
export default function MessageAttachmentView({ attachment }: { attachment: MessageAttachment }) {
  return isImageType(attachment.type) ? <ImageAttachment attachment={attachment} /> : <FileCard attachment={attachment} />;
}
