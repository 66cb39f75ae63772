import { Link } from "react-router-dom";
import type { SupportThread } from "../../data/support";
import { formatListTime } from "../messages/chat-format";
import { describeStatus, isUnreadFor, type SupportViewerSide } from "./support-format";

/** A list of support conversations, in the chat list's look: unread ones bold with a "New" badge. */
export function SupportThreadList({
  threads,
  side,
  activeId,
  linkTo,
  now,
  timeZone,
  label,
}: {
  threads: SupportThread[];
  /** Whose unread flag counts: my own conversations, or the admins' inbox. */
  side: SupportViewerSide;
  activeId?: string;
  linkTo: (threadId: string) => string;
  now: Date;
  timeZone?: string;
  label: string;
}) {
  return (
    <ul className="chat-list" aria-label={label}>
      {threads.map((thread) => {
        const unread = isUnreadFor(thread, side);
        return (
          <li key={thread.id} className="chat-list-item">
            <Link
              to={linkTo(thread.id)}
              className="chat-row support-row"
              aria-current={thread.id === activeId ? "page" : undefined}
              data-testid="support-row"
              data-unread={unread}
              data-status={thread.status}
            >
              <span className="chat-row-text">
                <span className="chat-row-top">
                  <span className="chat-row-name">{thread.subject}</span>
                  <time className="muted small" dateTime={new Date(thread.lastMessageAt).toISOString()}>
                    {formatListTime(thread.lastMessageAt, now, timeZone)}
                  </time>
                </span>
                {side === "admin" ? <span className="chat-row-title muted small">{thread.requesterName}</span> : null}
                <span className="chat-row-bottom">
                  <span className="chat-row-preview small">
                    {thread.lastFrom === "admin" ? (side === "admin" ? "Support: " : "Programme support: ") : side === "requester" ? "You: " : ""}
                    {thread.lastMessagePreview}
                  </span>
                  <span className={`pill ${thread.status === "open" ? "pill-open" : "pill-closed"}`}>{describeStatus(thread.status)}</span>
                  {unread ? (
                    <span className="badge" data-testid="support-unread">
                      New<span className="sr-only"> message</span>
                    </span>
                  ) : null}
                </span>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
