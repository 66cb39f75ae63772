import { attachmentUploadSchema, rtdbPaths, type AttachmentType, type AttachmentUpload } from "@mentormatch/shared";
import { onValue, ref, type Unsubscribe } from "firebase/database";
import { deleteObject, getBlob, ref as storageRef, uploadBytesResumable } from "firebase/storage";
import { rtdb } from "../lib/database";
import { storage } from "../lib/storage";

// Chat attachments in Cloud Storage (docs/ARCHITECTURE.md, "Attachments"). Loaded only with import(): this module
// brings the Storage SDK.

export interface UploadHandle {
  /** Resolves when every byte is stored; rejects with `storage/canceled` after cancel(). */
  done: Promise<void>;
  cancel(): void;
}

/**
 * Uploads one file to its message's path, resumable (so a dropped connection picks up where it was), reporting the
 * share sent (0–1). The metadata is what storage.rules checks: the allowed type, the original name, the uploader.
 */
export function startUpload(
  path: string,
  file: Blob,
  meta: { name: string; type: AttachmentType; uploaderUid: string },
  onProgress: (fraction: number) => void,
): UploadHandle {
  const task = uploadBytesResumable(storageRef(storage, path), file, {
    contentType: meta.type,
    customMetadata: { name: meta.name, uploaderUid: meta.uploaderUid },
  });
  const done = new Promise<void>((resolve, reject) => {
    task.on(
      "state_changed",
      (snap) => onProgress(snap.totalBytes ? snap.bytesTransferred / snap.totalBytes : 0),
      reject,
      () => resolve(),
    );
  });
  return { done, cancel: () => void task.cancel() };
}

/** The server's verdict on my upload, live: null until the check has run. */
export function watchUploadVerdict(uid: string, chatId: string, attachmentId: string, onNext: (verdict: AttachmentUpload | null) => void, onError: (error: Error) => void): Unsubscribe {
  return onValue(
    ref(rtdb, rtdbPaths.attachmentUpload(uid, chatId, attachmentId)),
    (snap) => {
      if (!snap.exists()) return onNext(null);
      const parsed = attachmentUploadSchema.safeParse(snap.val());
      if (parsed.success) onNext(parsed.data);
      else onError(new Error("The check of your file gave an answer this app does not understand."));
    },
    onError,
  );
}

/**
 * A stored file's bytes, read under storage.rules on every call (no long-lived download URL to leak), typed with
 * the allowlisted type it was sent as, never the server's word alone.
 */
export async function loadAttachment(path: string, type: AttachmentType | "image/jpeg"): Promise<Blob> {
  const blob = await getBlob(storageRef(storage, path));
  return new Blob([blob], { type });
}

/** Removes my own upload (a cancelled attachment); the server's cleanup removes anything this misses. */
export async function deleteMyUpload(path: string): Promise<void> {
  await deleteObject(storageRef(storage, path));
}
