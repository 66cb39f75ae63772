import { zodResolver } from "@hookform/resolvers/zod";
import { SUPPORT, supportComposerSchema } from "@mentormatch/shared";
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import { useForm } from "react-hook-form";
import toast from "react-hot-toast";
import { Link } from "react-router-dom";
import { EmptyState, ErrorState, ListSkeleton } from "../../components/states";
import { useNow } from "../../components/use-now";
import {
  closeSupportThread,
  markSupportThreadRead,
  postSupportMessage,
  reopenSupportThread,
  watchSupportMessages,
  watchSupportThread,
  type SupportMessage,
  type SupportThread,
} from "../../data/support";
import { applyFieldErrors, errorMessage } from "../../lib/error-message";
// The chat's presentational helpers, so a support conversation reads like Messages: day separators, clock times
// in the viewer's zone, and only http(s) links made clickable.
import { dayKey, describeDay, formatClock, groupByDay, splitLinks } from "../messages/chat-format";
import { authorLabel, describeStatus, isUnreadFor, viewerSide } from "./support-format";

interface Props {
  threadId: string;
  uid: string;
  /** Where "back" goes: the person's list, or the admins' inbox. */
  backTo: string;
  timeZone?: string;
}

/** One support conversation, live: its messages as chat bubbles, a composer while open, close (admins) or reopen. */
export function SupportThreadView({ threadId, uid, backTo, timeZone }: Props) {
  const now = useNow(30_000);
  const [thread, setThread] = useState<SupportThread | null | undefined>(undefined);
  const [messages, setMessages] = useState<SupportMessage[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const listRef = useRef<HTMLDivElement>(null);
  const titleId = useId();

  useEffect(() => {
    setThread(undefined);
    setMessages(null);
    const stopThread = watchSupportThread(threadId, setThread, (err) => setError(errorMessage(err)));
    const stopMessages = watchSupportMessages(threadId, setMessages, (err) => setError(errorMessage(err)));
    return () => {
      stopThread();
      stopMessages();
    };
  }, [threadId, attempt]);

  const side = thread ? viewerSide(thread, uid) : null;
  const unread = thread && side ? isUnreadFor(thread, side) : false;

  // Seeing the conversation in a visible tab clears my side's unread flag (the one write the rules allow me).
  const [visible, setVisible] = useState(() => document.visibilityState !== "hidden");
  useEffect(() => {
    const onChange = () => setVisible(document.visibilityState !== "hidden");
    document.addEventListener("visibilitychange", onChange);
    return () => document.removeEventListener("visibilitychange", onChange);
  }, []);
  useEffect(() => {
    if (!unread || !side || !visible || messages === null) return;
    markSupportThreadRead(threadId, side).catch((err: unknown) => console.warn("marking the conversation read failed", err));
  }, [threadId, side, unread, visible, messages]);

  // New messages from the other side are announced (not the ones already there when the page opened).
  const lastMessage = messages?.at(-1);
  const announcedUpTo = useRef<string | null>(null);
  useEffect(() => {
    if (!lastMessage) return;
    if (announcedUpTo.current !== null && announcedUpTo.current !== lastMessage.id && lastMessage.authorUid !== uid)
      setAnnouncement(`New message from ${authorLabel(lastMessage, uid)}: ${lastMessage.text.slice(0, 200)}`);
    announcedUpTo.current = lastMessage.id;
  }, [lastMessage, uid]);

  useLayoutEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [lastMessage?.id]);

  if (error)
    return (
      <ErrorState
        message={error}
        onRetry={() => {
          setError(null);
          setAttempt((n) => n + 1);
        }}
      />
    );
  if (thread === undefined || messages === null) return <ListSkeleton rows={4} />;
  if (thread === null)
    return (
      <EmptyState title="Conversation not found" action={<Link to={backTo} className="btn">Back</Link>}>
        <p>It may have been removed, or the link is wrong.</p>
      </EmptyState>
    );

  const groups = groupByDay(messages, timeZone);
  const closed = thread.status === "closed";

  return (
    <section className="conversation support-conversation" aria-labelledby={titleId} data-testid="support-thread">
      <header className="conversation-head">
        <Link to={backTo} className="icon-btn conversation-back" aria-label="All conversations">
          ←
        </Link>
        <div className="grow">
          <h2 id={titleId} className="conversation-name">
            {thread.subject}
          </h2>
          <p className="muted small">
            <span className={`pill ${closed ? "pill-closed" : "pill-open"}`} data-testid="support-status">
              {describeStatus(thread.status)}
            </span>{" "}
            {side === "admin" ? `Asked by ${thread.requesterName}` : "With programme support"}
          </p>
        </div>
        {side === "admin" && !closed ? <CloseControl threadId={threadId} /> : null}
      </header>
      {closed ? (
        <div className="chat-closed-banner support-closed-banner" role="note" data-testid="support-closed">
          <span>
            This conversation is closed
            {thread.closedAt ? ` (${describeDay(dayKey(thread.closedAt, timeZone), now, timeZone)}, ${formatClock(thread.closedAt, timeZone)})` : ""}.
            {side === "requester" ? " Reopen it if you still need help." : " The person who asked can reopen it."}
          </span>
          {side === "requester" ? <ReopenButton threadId={threadId} /> : null}
        </div>
      ) : null}
      <div className="sr-only" aria-live="polite" aria-atomic="true" data-testid="support-announcer">
        {announcement}
      </div>
      <div ref={listRef} className="message-list" tabIndex={0} role="log" aria-label={`Messages in ${thread.subject}`}>
        {groups.map((group) => (
          <div key={group.day} className="message-day">
            <p className="day-separator">
              <span>{describeDay(group.day, now, timeZone)}</span>
            </p>
            <ul className="messages" aria-label={describeDay(group.day, now, timeZone)}>
              {group.items.map((message) =>
                message.kind === "close_note" ? (
                  <li key={message.id} className="support-note" data-testid="support-note">
                    <span className="muted small">
                      {authorLabel(message, uid)} closed the conversation
                      {" · "}
                      <time dateTime={new Date(message.sentAt).toISOString()}>{formatClock(message.sentAt, timeZone)}</time>
                    </span>
                    <p className="message-text">{message.text}</p>
                  </li>
                ) : (
                  <MessageBubble key={message.id} message={message} uid={uid} timeZone={timeZone} />
                ),
              )}
            </ul>
          </div>
        ))}
      </div>
      {closed ? null : <SupportComposer threadId={threadId} />}
    </section>
  );
}

function MessageBubble({ message, uid, timeZone }: { message: SupportMessage; uid: string; timeZone?: string }) {
  const mine = message.authorUid === uid;
  const label = authorLabel(message, uid);
  return (
    <li className={`message ${mine ? "message-mine" : "message-theirs"}`} data-testid="support-message" data-author-role={message.authorRole}>
      {mine ? <span className="sr-only">{label}: </span> : <span className="message-author small">{label}</span>}
      <p className="message-text">
        {splitLinks(message.text).map((part, index) =>
          part.kind === "link" ? (
            <a key={index} href={part.href} target="_blank" rel="noopener noreferrer">
              {part.text}
            </a>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
      </p>
      <span className="message-meta small">
        <time dateTime={new Date(message.sentAt).toISOString()}>{formatClock(message.sentAt, timeZone)}</time>
      </span>
    </li>
  );
}

function SupportComposer({ threadId }: { threadId: string }) {
  const ids = { input: useId(), error: useId(), counter: useId() };
  const {
    register,
    handleSubmit,
    reset,
    setError,
    watch,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(supportComposerSchema), defaultValues: { text: "" } });
  const length = watch("text").length;

  const onSubmit = handleSubmit(async ({ text }) => {
    try {
      await postSupportMessage(threadId, text);
      reset({ text: "" });
    } catch (error) {
      if (!applyFieldErrors(error, setError, ["text"])) toast.error(`Your message was not sent. ${errorMessage(error)}`);
    }
  });

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void onSubmit();
    }
  }

  return (
    <form className="composer support-composer" noValidate onSubmit={onSubmit}>
      <div className="grow">
        <label htmlFor={ids.input} className="sr-only">
          Your message
        </label>
        <textarea
          id={ids.input}
          className="composer-input"
          rows={2}
          maxLength={SUPPORT.messageMax}
          placeholder="Write a message"
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={[ids.counter, errors.text ? ids.error : ""].filter(Boolean).join(" ")}
          onKeyDown={onKeyDown}
          data-testid="support-composer"
          {...register("text")}
        />
        {errors.text ? (
          <p id={ids.error} className="field-error">
            {errors.text.message}
          </p>
        ) : null}
      </div>
      <div className="composer-side">
        <span id={ids.counter} className="muted small" aria-live="off">
          {length}/{SUPPORT.messageMax}
          <span className="sr-only">. Enter sends, Shift+Enter adds a line.</span>
        </span>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {isSubmitting ? "Sending…" : "Send"}
        </button>
      </div>
    </form>
  );
}

/** Admins: close, with an optional note the requester reads as the conversation's last line. */
function CloseControl({ threadId }: { threadId: string }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const noteId = useId();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) noteRef.current?.focus();
  }, [open]);

  async function close() {
    setBusy(true);
    try {
      await closeSupportThread(threadId, note);
      toast.success("Conversation closed. The person was told.");
    } catch (error) {
      toast.error(errorMessage(error));
      setBusy(false);
    }
  }

  if (!open)
    return (
      <button ref={toggleRef} type="button" className="btn" onClick={() => setOpen(true)} data-testid="support-close">
        Close…
      </button>
    );
  return (
    <div className="support-close-form" role="group" aria-label="Close the conversation">
      <label htmlFor={noteId} className="field-label">
        Closing note <span className="optional">(optional)</span>
      </label>
      <textarea
        ref={noteRef}
        id={noteId}
        rows={2}
        maxLength={SUPPORT.closeNoteMax}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") setOpen(false);
        }}
        data-testid="support-close-note"
      />
      <div className="form-actions">
        <button type="button" className="btn btn-primary" onClick={close} disabled={busy} data-testid="support-close-confirm">
          {busy ? "Closing…" : "Close conversation"}
        </button>
        <button type="button" className="btn btn-ghost" onClick={() => setOpen(false)} disabled={busy}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function ReopenButton({ threadId }: { threadId: string }) {
  const [busy, setBusy] = useState(false);
  async function reopen() {
    setBusy(true);
    try {
      await reopenSupportThread(threadId);
      toast.success("Conversation reopened. Programme support was told.");
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }
  return (
    <button type="button" className="btn" onClick={reopen} disabled={busy} data-testid="support-reopen">
      {busy ? "Reopening…" : "Reopen"}
    </button>
  );
}
