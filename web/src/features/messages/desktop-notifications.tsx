import { appLinks } from "@mentormatch/shared";
import { useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router-dom";
import type { ChatSummary } from "../../data/chats";
import { claimNotice, lastMessageIds, messagesToNotify, parseNotified, type MessageNotice } from "./message-notifications";

type Permission = NotificationPermission | "unsupported";

/** Shared by every tab of the app: the message ids already shown as a notification. */
const NOTIFIED_KEY = "mentormatch:notified-messages";

function currentPermission(): Permission {
  return typeof Notification === "undefined" ? "unsupported" : Notification.permission;
}

/** The notification permission, kept current when it changes in the browser's site settings. */
export function useNotificationPermission(): [Permission, (next: Permission) => void] {
  const [permission, setPermission] = useState<Permission>(currentPermission);
  useEffect(() => {
    if (typeof navigator === "undefined" || !navigator.permissions) return;
    let status: PermissionStatus | null = null;
    const onChange = () => setPermission(currentPermission());
    navigator.permissions
      .query({ name: "notifications" })
      .then((result) => {
        status = result;
        result.addEventListener("change", onChange);
      })
      .catch(() => undefined);
    return () => status?.removeEventListener("change", onChange);
  }, []);
  return [permission, setPermission];
}

/** "Turn on desktop notifications": asks the browser, shows the state, and explains what to do when blocked. */
export function NotificationSwitch() {
  const [permission, setPermission] = useNotificationPermission();
  const [asking, setAsking] = useState(false);

  async function ask() {
    setAsking(true);
    try {
      setPermission(await Notification.requestPermission());
    } finally {
      setAsking(false);
    }
  }

  return (
    <div className="notification-switch small" data-testid="notification-switch" data-permission={permission}>
      {permission === "unsupported" ? (
        <p className="muted">This browser cannot show desktop notifications.</p>
      ) : permission === "granted" ? (
        <p className="muted" role="status">
          Desktop notifications are on: new messages show while MentorMatch is open in a background tab. To turn them off, use this
          site&apos;s settings in your browser.
        </p>
      ) : permission === "denied" ? (
        <p className="muted" role="status">
          Desktop notifications are blocked for this site. To get them, allow notifications in your browser&apos;s site settings, then
          reload the page.
        </p>
      ) : (
        <button type="button" className="btn btn-ghost" onClick={() => void ask()} disabled={asking}>
          Turn on desktop notifications
        </button>
      )}
    </div>
  );
}

/**
 * Claims a message for this tab so several open tabs show it once: under a Web Lock where the browser has one (the
 * read-check-write of the shared list is then atomic across tabs), else plainly (the tag still collapses repeats).
 */
async function claim(messageId: string): Promise<boolean> {
  const decide = () => {
    const { show, notified } = claimNotice(parseNotified(localStorage.getItem(NOTIFIED_KEY)), messageId);
    if (show) localStorage.setItem(NOTIFIED_KEY, JSON.stringify(notified));
    return show;
  };
  try {
    if (typeof navigator !== "undefined" && navigator.locks) return await navigator.locks.request(NOTIFIED_KEY, decide);
    return decide();
  } catch {
    // Storage unavailable (private mode, quota): still show it; the tag keeps repeats to one.
    return true;
  }
}

/**
 * Shows a desktop notification for each new message from someone else while this tab is hidden and the person
 * allowed it; a click focuses the tab and opens the chat. The list passed in is my live chat list.
 */
export function useMessageNotifications(
  uid: string,
  chats: readonly ChatSummary[] | null,
  nameOf: (peerId: string) => string | undefined | Promise<string | undefined>,
  maskText: (text: string) => string = (text) => text,
): void {
  const navigate = useNavigate();
  const previous = useRef<{ uid: string; ids: Map<string, string | undefined> } | null>(null);
  const nameRef = useRef(nameOf);
  nameRef.current = nameOf;
  const maskRef = useRef(maskText);
  maskRef.current = maskText;
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;

  useEffect(() => {
    if (chats === null) return;
    const before = previous.current?.uid === uid ? previous.current.ids : null;
    previous.current = { uid, ids: lastMessageIds(chats) };
    const notices = messagesToNotify(before, chats, { me: uid, hidden: document.visibilityState === "hidden", permission: currentPermission() });
    for (const notice of notices) void show(notice);

    async function show(notice: MessageNotice) {
      if (!(await claim(notice.messageId))) return;
      const title = (await Promise.resolve(nameRef.current(notice.from)).catch(() => undefined)) || "New message";
      try {
        const notification = new Notification(title, { body: maskRef.current(notice.preview), tag: notice.chatId });
        notification.onclick = () => {
          window.focus();
          navigateRef.current(appLinks.chat(notice.chatId));
          notification.close();
        };
      } catch (error) {
        // Some browsers (Android Chrome) allow notifications only from a service worker.
        console.warn("desktop notification failed", error);
      }
    }
  }, [uid, chats]);
}
