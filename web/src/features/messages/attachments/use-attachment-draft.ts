import {
  SNIFF_HEAD_BYTES,
  checkAttachmentFile,
  checkSniffedType,
  isImageType,
  sniffFile,
  storagePaths,
  type AttachmentType,
  type MessageAttachment,
} from "@mentormatch/shared";
import { useCallback, useEffect, useRef, useState } from "react";
import { newMessageId } from "../../../data/chats";
import type { UploadHandle } from "../../../data/attachments";

/** How long the composer waits for the server's check of an uploaded file before giving up. */
const CHECK_TIMEOUT_MS = 60_000;

interface FileFacts {
  /** The id of the message that will carry the file: its Storage path ends with it. */
  id: string;
  name: string;
  size: number;
  type: AttachmentType;
  /** A local preview of an image, while it uploads and after. */
  previewUrl: string | null;
}
export type AttachmentDraft =
  | { state: "idle" }
  | ({ state: "uploading"; progress: number } & FileFacts)
  | ({ state: "checking" } & FileFacts)
  | ({ state: "ready"; attachment: MessageAttachment } & FileFacts)
  | { state: "failed"; name: string; message: string; retry: File | null };

const loadStorage = () => import("../../../data/attachments");

function uploadFailure(error: unknown): { message: string; retry: boolean } | null {
  const code = (error as { code?: string } | null)?.code ?? "";
  if (code === "storage/canceled") return null;
  if (code === "storage/unauthorized") return { message: "You cannot send files in this conversation.", retry: false };
  if (code === "storage/retry-limit-exceeded") return { message: "The upload stalled. Check your connection and try again.", retry: true };
  return { message: "The upload failed. Check your connection and try again.", retry: true };
}

/**
 * One file for the next message: checked here (type, size, name, and the first bytes), uploaded with progress and
 * cancel, then checked by the server, whose verdict (attachmentUploads) makes it ready to send or says why not.
 * Nothing loads the Storage SDK until a file is attached.
 */
export function useAttachmentDraft(chatId: string, uid: string) {
  const [draft, setDraft] = useState<AttachmentDraft>({ state: "idle" });
  const run = useRef<{ handle: UploadHandle | null; stop: (() => void) | null; path: string | null; uploaded: boolean; previewUrl: string | null } | null>(null);

  /** Stops whatever is running; deletes an uploaded file that will not be sent (the server's sweep catches misses). */
  const stopRun = useCallback((deleteUpload: boolean) => {
    const current = run.current;
    run.current = null;
    if (!current) return;
    current.handle?.cancel();
    current.stop?.();
    if (current.previewUrl) URL.revokeObjectURL(current.previewUrl);
    if (deleteUpload && current.uploaded && current.path) {
      const path = current.path;
      loadStorage()
        .then((storage) => storage.deleteMyUpload(path))
        .catch((error: unknown) => console.warn("could not delete a cancelled upload; the cleanup job will", error));
    }
  }, []);

  const attach = useCallback(
    async (file: File) => {
      stopRun(true);
      const checked = checkAttachmentFile(file);
      if (!checked.ok) return setDraft({ state: "failed", name: file.name, message: checked.message, retry: null });
      const complete = file.size <= SNIFF_HEAD_BYTES;
      const head = new Uint8Array(await file.slice(0, SNIFF_HEAD_BYTES).arrayBuffer());
      const mismatch = checkSniffedType(checked.type, sniffFile(head, complete), complete);
      if (mismatch) return setDraft({ state: "failed", name: file.name, message: mismatch, retry: null });

      const id = newMessageId(chatId);
      const path = storagePaths.attachment(chatId, id);
      const previewUrl = isImageType(checked.type) ? URL.createObjectURL(file) : null;
      const facts: FileFacts = { id, name: file.name, size: file.size, type: checked.type, previewUrl };
      const mine = { handle: null as UploadHandle | null, stop: null as (() => void) | null, path, uploaded: false, previewUrl };
      run.current = mine;
      const stillMine = () => run.current === mine;
      const fail = (message: string, retry: boolean) => {
        if (!stillMine()) return;
        stopRun(true);
        setDraft({ state: "failed", name: file.name, message, retry: retry ? file : null });
      };
      setDraft({ state: "uploading", progress: 0, ...facts });
      try {
        const storage = await loadStorage();
        if (!stillMine()) return;
        mine.handle = storage.startUpload(path, file, { name: file.name, type: checked.type, uploaderUid: uid }, (progress) => {
          if (stillMine()) setDraft((current) => (current.state === "uploading" ? { ...current, progress } : current));
        });
        await mine.handle.done;
        mine.handle = null;
        mine.uploaded = true;
        if (!stillMine()) return;
        setDraft({ state: "checking", ...facts });
        const timer = setTimeout(() => fail("The file could not be checked in time. Try again.", true), CHECK_TIMEOUT_MS);
        const unsubscribe = storage.watchUploadVerdict(
          uid,
          chatId,
          id,
          (verdict) => {
            if (!verdict || !stillMine()) return;
            clearTimeout(timer);
            if (verdict.status === "rejected") {
              // The server already deleted it.
              mine.uploaded = false;
              return fail(verdict.reason ?? "This file cannot be sent.", false);
            }
            setDraft({ state: "ready", attachment: { name: verdict.name, size: verdict.size, type: checked.type, path }, ...facts });
          },
          () => fail("The file could not be checked. Try again.", true),
        );
        mine.stop = () => {
          clearTimeout(timer);
          unsubscribe();
        };
      } catch (error) {
        const failure = uploadFailure(error);
        if (failure) fail(failure.message, failure.retry);
      }
    },
    [chatId, uid, stopRun],
  );

  /** Remove the file (cancels an upload in progress, deletes one already uploaded). */
  const cancel = useCallback(() => {
    stopRun(true);
    setDraft({ state: "idle" });
  }, [stopRun]);

  /** The message carrying the file was sent: the file is the message's now. */
  const sent = useCallback(() => {
    stopRun(false);
    setDraft({ state: "idle" });
  }, [stopRun]);

  // Leaving the conversation with an unsent file: remove it.
  useEffect(() => () => stopRun(true), [chatId, stopRun]);

  return { draft, attach, cancel, sent };
}
