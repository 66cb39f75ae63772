import { Suspense, lazy, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import toast from "react-hot-toast";
import { Link, useSearchParams } from "react-router-dom";
import { Avatar } from "../../components/avatar";
import { EmptyState, ErrorState, ListSkeleton } from "../../components/states";
import { useNow } from "../../components/use-now";
import { CHAT_LIMITS } from "../../data/chat-schemas";
import {
  MESSAGE_PAGE_SIZE,
  loadMessagesFrom,
  loadOlderMessages,
  markChatRead,
  newMessageId,
  sendMessage,
  setTyping,
  watchChatClosed,
  watchLastRead,
  watchLatestMessages,
  watchTyping,
  type ChatMessage,
  type ChatSummary,
} from "../../data/chats";
import type { Profile } from "../../data/profiles";
import { errorMessage } from "../../lib/error-message";
import { describeDay, describePresence, formatClock, groupByDay, receiptState, splitLinks } from "./chat-format";
import { ConversationSearch } from "./conversation-search";
import { usePresence } from "./use-presence";
import { AttachButton, AttachmentChip, AttachmentPlaceholder, fileFromPaste, useFileDrop } from "./attachments/composer-attachment";
import { useAttachmentDraft } from "./attachments/use-attachment-draft";
import { REMOVED_MESSAGE_TEXT, maskBlockedWords } from "@mentormatch/shared";
import { BlockAction } from "../moderation/block-action";
import { blockedWordsMessage } from "../moderation/filter-message";
import { ReportMessageButton } from "../moderation/report-dialog";
import { useBlockedWords } from "../moderation/use-blocked-words";

// A message's file renders through this lazy module, which brings the Storage SDK: chats without files never load it.
const MessageAttachmentView = lazy(() => import("./attachments/message-attachment"));

/** How long after the last keystroke my typing flag stays on. */
const TYPING_IDLE_MS = 3_000;
const RECEIPT_LABELS = { sending: "Sending…", sent: "Sent", read: "Read" } as const;

interface Props {
  chatId: string;
  uid: string;
  peerId: string;
  peerProfile: Profile | undefined;
  fallbackName: string;
  summary: ChatSummary | null;
  timeZone?: string;
}

export function Conversation({ chatId, uid, peerId, peerProfile, fallbackName, summary, timeZone }: Props) {
  const name = peerProfile?.displayName || fallbackName || "Your contact";
  const firstName = name.split(" ")[0] || name;
  const now = useNow(30_000);
  const presence = usePresence(peerId);
  const [latest, setLatest] = useState<ChatMessage[] | null>(null);
  const [older, setOlder] = useState<ChatMessage[]>([]);
  const [hasOlder, setHasOlder] = useState<boolean | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [closed, setClosed] = useState<boolean | null>(null);
  const [lastRead, setLastRead] = useState<Record<string, number>>({});
  const [typingUids, setTypingUids] = useState<string[]>([]);
  const [sending, setSending] = useState<ReadonlySet<string>>(new Set());
  const [draft, setDraft] = useState("");
  // Moderation: blocked words are refused at send and masked on display (docs/ARCHITECTURE.md, config/moderation).
  const blockedWords = useBlockedWords();
  const [filterError, setFilterError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const listRef = useRef<HTMLDivElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const ids = { title: useId(), counter: useId(), fileError: useId() };
  // One file for the next message (attach button, drop, paste), uploaded and checked before it can be sent.
  const files = useAttachmentDraft(chatId, uid);
  const drop = useFileDrop((file) => void files.attach(file), closed === false);

  useEffect(
    () =>
      watchLatestMessages(
        chatId,
        (messages) => {
          setLatest(messages);
          setHasOlder((current) => current ?? messages.length >= MESSAGE_PAGE_SIZE);
        },
        (err) => setError(errorMessage(err)),
      ),
    [chatId, attempt],
  );
  useEffect(() => watchChatClosed(chatId, setClosed, (err) => setError(errorMessage(err))), [chatId, attempt]);
  useEffect(() => watchLastRead(chatId, setLastRead, (err) => console.warn("lastRead listener failed", err)), [chatId]);
  useEffect(() => watchTyping(chatId, setTypingUids, (err) => console.warn("typing listener failed", err)), [chatId]);

  // Messages: the loaded older pages, then the live last page (a message can be in both right after a page loads).
  const messages = useMemo(() => {
    const seen = new Set<string>();
    const all: ChatMessage[] = [];
    for (const message of [...older, ...(latest ?? [])]) {
      if (seen.has(message.id)) continue;
      seen.add(message.id);
      all.push(message);
    }
    return all;
  }, [older, latest]);
  const lastMessage = messages.at(-1);

  // Opening the chat, and every new message while it is open, marks it read (my unread to 0, my lastRead now).
  // A hidden tab does not mark anything read; coming back to it does.
  const hasEntry = summary !== null;
  const unread = summary?.unread ?? 0;
  const [visible, setVisible] = useState(() => document.visibilityState !== "hidden");
  useEffect(() => {
    const onChange = () => setVisible(document.visibilityState !== "hidden");
    document.addEventListener("visibilitychange", onChange);
    return () => document.removeEventListener("visibilitychange", onChange);
  }, []);
  useEffect(() => {
    if (latest === null || closed === null || !visible) return;
    markChatRead(chatId, uid, hasEntry, closed).catch((err: unknown) => console.warn("mark read failed", err));
  }, [chatId, uid, hasEntry, closed, latest, lastMessage?.id, unread, visible]);

  // New messages from the other person are announced politely (not the ones there when the chat opened).
  const announcedUpTo = useRef<string | null>(null);
  useEffect(() => {
    if (!lastMessage) return;
    if (announcedUpTo.current !== null && lastMessage.id > announcedUpTo.current && lastMessage.from !== uid) {
      const said = lastMessage.removed
        ? REMOVED_MESSAGE_TEXT
        : [lastMessage.attachment ? `a file, ${lastMessage.attachment.name}` : "", maskBlockedWords(lastMessage.text, blockedWords)].filter(Boolean).join(". ");
      setAnnouncement(`New message from ${name}: ${said.slice(0, 200)}`);
    }
    if (announcedUpTo.current === null || lastMessage.id > announcedUpTo.current) announcedUpTo.current = lastMessage.id;
  }, [lastMessage, uid, name, blockedWords]);

  // Keep the newest message in view when one arrives and the reader was at the bottom (or it is mine).
  const stickToBottom = useRef(true);
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    if (stickToBottom.current || lastMessage?.from === uid) list.scrollTop = list.scrollHeight;
  }, [lastMessage?.id, lastMessage?.from, uid, latest]);
  const onScroll = () => {
    const list = listRef.current;
    if (list) stickToBottom.current = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  };

  // Search: a result (here or from the search across conversations, as ?m=<messageId>) loads the messages from it up
  // to the loaded ones, then scrolls to it and highlights it.
  const [searchOpen, setSearchOpen] = useState(false);
  const [params, setParams] = useSearchParams();
  const focusParam = params.get("m");
  const [scrollTo, setScrollTo] = useState<string | null>(null);
  const [found, setFound] = useState<string | null>(null);
  const messagesRef = useRef(messages);
  messagesRef.current = messages;
  const loadedOnce = latest !== null;
  useEffect(() => {
    if (!focusParam || !loadedOnce) return;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete("m");
        return next;
      },
      { replace: true },
    );
    const loaded = messagesRef.current;
    if (loaded.some((message) => message.id === focusParam)) {
      setScrollTo(focusParam);
      return;
    }
    const oldest = loaded[0];
    if (!oldest || focusParam > oldest.id) {
      toast.error("That message could not be found.");
      return;
    }
    loadMessagesFrom(chatId, focusParam, oldest.id)
      .then((range) => {
        if (!range.some((message) => message.id === focusParam)) toast.error("That message could not be found.");
        setOlder((current) => [...range, ...current]);
        setScrollTo(focusParam);
      })
      .catch((err: unknown) => toast.error(errorMessage(err)));
  }, [focusParam, loadedOnce, chatId, setParams]);
  useLayoutEffect(() => {
    if (!scrollTo) return;
    const target = listRef.current?.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(scrollTo)}"]`);
    if (!target) return;
    stickToBottom.current = false;
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
    setFound(scrollTo);
    setScrollTo(null);
  }, [scrollTo, messages]);
  const pickResult = (messageId: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set("m", messageId);
        return next;
      },
      { replace: true },
    );

  async function loadOlder() {
    const oldest = messages[0];
    if (!oldest) return;
    setLoadingOlder(true);
    const list = listRef.current;
    const before = list ? list.scrollHeight - list.scrollTop : 0;
    try {
      const page = await loadOlderMessages(chatId, oldest.id);
      setOlder((current) => [...page, ...current]);
      setHasOlder(page.length >= MESSAGE_PAGE_SIZE);
      // Keep the reader's place: what they were reading stays where it was.
      requestAnimationFrame(() => {
        if (list) list.scrollTop = list.scrollHeight - before;
      });
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setLoadingOlder(false);
    }
  }

  // Typing: on while I type, off after TYPING_IDLE_MS idle, on send and when I leave.
  const typingOn = useRef(false);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stopTyping = () => {
    if (typingTimer.current) clearTimeout(typingTimer.current);
    typingTimer.current = null;
    if (!typingOn.current) return;
    typingOn.current = false;
    setTyping(chatId, uid, false).catch(() => undefined);
  };
  const noteTyping = () => {
    if (closed) return;
    if (!typingOn.current) {
      typingOn.current = true;
      setTyping(chatId, uid, true).catch((err: unknown) => console.warn("typing write failed", err));
    }
    if (typingTimer.current) clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(stopTyping, TYPING_IDLE_MS);
  };
  const stopTypingRef = useRef(stopTyping);
  stopTypingRef.current = stopTyping;
  useEffect(() => () => stopTypingRef.current(), []);

  const fileBusy = files.draft.state === "uploading" || files.draft.state === "checking";
  async function send() {
    const text = draft.trim();
    const pending = files.draft;
    const attachment = pending.state === "ready" ? pending.attachment : undefined;
    if ((!text && !attachment) || closed) return;
    if (fileBusy) {
      toast("Your file is still uploading: send when it is ready, or remove it.");
      return;
    }
    if (text.length > CHAT_LIMITS.text) {
      toast.error(`Messages are at most ${CHAT_LIMITS.text} characters.`);
      return;
    }
    const refusal = blockedWordsMessage(text, blockedWords);
    setFilterError(refusal);
    if (refusal) {
      textareaRef.current?.focus();
      return;
    }
    // A file was uploaded under the id of the message that carries it.
    const id = pending.state === "ready" ? pending.id : newMessageId(chatId);
    setDraft("");
    if (attachment) files.sent();
    stopTyping();
    stickToBottom.current = true;
    setSending((current) => new Set(current).add(id));
    try {
      await sendMessage(chatId, uid, peerId, text, id, attachment);
    } catch (err) {
      toast.error(`Your message was not sent${attachment ? ` (attach ${attachment.name} again)` : ""}. ${errorMessage(err)}`);
      setDraft((current) => current || text);
    } finally {
      setSending((current) => {
        const next = new Set(current);
        next.delete(id);
        return next;
      });
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  }

  const peerTyping = typingUids.includes(peerId);
  const myLastId = [...messages].reverse().find((message) => message.from === uid)?.id;
  const groups = groupByDay(messages, timeZone);

  return (
    <section className="conversation" aria-labelledby={ids.title} data-testid="conversation" {...drop.props}>
      {drop.dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          Drop a file to attach it (up to 10 MB)
        </div>
      ) : null}
      <header className="conversation-head">
        <Link to="/messages" className="icon-btn conversation-back" aria-label="All conversations">
          ←
        </Link>
        <span className="chat-avatar">
          <Avatar name={name} url={peerProfile?.avatarUrl} />
          {presence?.state === "online" ? <span className="online-dot" aria-hidden="true" /> : null}
        </span>
        <div className="grow">
          <h2 id={ids.title} className="conversation-name">
            {name}
          </h2>
          <p className="muted small" data-testid="presence">
            {peerProfile?.title ? `${peerProfile.title} · ` : ""}
            {describePresence(presence, now, timeZone)}
          </p>
        </div>
        {/* The chat id is the match id, so a booking starts from here; the booking page checks the match is active. */}
        <Link to={`/sessions/book/${chatId}`} className="btn btn-ghost" data-testid="book-session-link">
          Book<span className="sr-only"> a session with {name}</span>
        </Link>
        <button
          type="button"
          className="btn btn-ghost conversation-search-toggle"
          aria-expanded={searchOpen}
          onClick={() => setSearchOpen((open) => !open)}
          data-testid="conversation-search-toggle"
        >
          Search<span className="sr-only"> messages with {name}</span>
        </button>
        <BlockAction uid={peerId} name={name} />
      </header>
      {searchOpen ? (
        <ConversationSearch
          chatId={chatId}
          uid={uid}
          peerName={name}
          loaded={messages}
          timeZone={timeZone}
          onPick={pickResult}
          onClose={() => setSearchOpen(false)}
        />
      ) : null}
      {closed ? (
        <p className="chat-closed-banner" role="note" data-testid="chat-closed">
          This mentoring has ended. The conversation is read-only.
        </p>
      ) : null}
      <div className="sr-only" aria-live="polite" aria-atomic="true" data-testid="chat-announcer">
        {announcement}
      </div>
      {error ? (
        <ErrorState
          message={error}
          onRetry={() => {
            setError(null);
            setAttempt((n) => n + 1);
          }}
        />
      ) : latest === null ? (
        <ListSkeleton rows={5} />
      ) : (
        <div ref={listRef} className="message-list" onScroll={onScroll} tabIndex={0} aria-label={`Messages with ${name}`} role="log">
          {hasOlder ? (
            <div className="load-older">
              <button type="button" className="btn btn-ghost" onClick={loadOlder} disabled={loadingOlder}>
                {loadingOlder ? "Loading…" : "Load older messages"}
              </button>
            </div>
          ) : null}
          {messages.length === 0 ? (
            <EmptyState title="Say hello">Write the first message to {firstName}.</EmptyState>
          ) : (
            groups.map((group) => (
              <div key={group.day} className="message-day">
                <p className="day-separator">
                  <span>{describeDay(group.day, now, timeZone)}</span>
                </p>
                <ul className="messages" aria-label={describeDay(group.day, now, timeZone)}>
                  {group.items.map((message) => {
                    const mine = message.from === uid;
                    const state = sending.has(message.id) ? "sending" : receiptState(message, lastRead[peerId]);
                    return (
                      <li
                        key={message.id}
                        className={`message ${mine ? "message-mine" : "message-theirs"}${message.id === found ? " message-found" : ""}`}
                        data-testid="message"
                        data-message-id={message.id}
                        tabIndex={-1}
                      >
                        <span className="sr-only">{mine ? "You" : name}: </span>
                        {message.attachment && !message.removed ? (
                          <Suspense fallback={<AttachmentPlaceholder attachment={message.attachment} />}>
                            <MessageAttachmentView attachment={message.attachment} />
                          </Suspense>
                        ) : null}
                        {message.removed ? (
                          <p className="message-text message-removed" data-testid="message-removed">
                            {REMOVED_MESSAGE_TEXT}
                          </p>
                        ) : message.text === "" ? null : (
                          <p className="message-text">
                            {splitLinks(maskBlockedWords(message.text, blockedWords)).map((part, index) =>
                              part.kind === "link" ? (
                                <a key={index} href={part.href} target="_blank" rel="noopener noreferrer">
                                  {part.text}
                                </a>
                              ) : (
                                <span key={index}>{part.text}</span>
                              ),
                            )}
                          </p>
                        )}
                        <span className="message-meta small">
                          <time dateTime={new Date(message.sentAt).toISOString()}>{formatClock(message.sentAt, timeZone)}</time>
                          {mine && message.id === myLastId ? (
                            <span className="receipt" data-testid="receipt" data-state={state}>
                              {" · "}
                              {RECEIPT_LABELS[state]}
                            </span>
                          ) : null}
                          {!mine && !message.removed ? (
                            <>
                              {" · "}
                              <ReportMessageButton chatId={chatId} messageId={message.id} authorName={name} />
                            </>
                          ) : null}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))
          )}
        </div>
      )}
      <p className="typing-indicator muted small" data-testid="typing" aria-live="polite">
        {peerTyping && !closed ? `${firstName} is typing…` : ""}
      </p>
      {closed === false ? (
        <form
          className="composer"
          onSubmit={(event) => {
            event.preventDefault();
            void send();
          }}
        >
          <AttachmentChip draft={files.draft} onCancel={files.cancel} onRetry={(file) => void files.attach(file)} errorId={ids.fileError} />
          <AttachButton onFile={(file) => void files.attach(file)} disabled={fileBusy} />
          <label htmlFor={`${ids.title}-input`} className="sr-only">
            Message {name}
          </label>
          <textarea
            ref={textareaRef}
            id={`${ids.title}-input`}
            className="composer-input"
            rows={2}
            maxLength={CHAT_LIMITS.text}
            value={draft}
            placeholder={`Message ${firstName}`}
            aria-describedby={[ids.counter, filterError ? `${ids.title}-filter` : "", files.draft.state === "failed" ? ids.fileError : ""].filter(Boolean).join(" ")}
            aria-invalid={filterError ? true : undefined}
            onChange={(event) => {
              setDraft(event.target.value);
              if (event.target.value) noteTyping();
              else stopTyping();
            }}
            onBlur={stopTyping}
            onPaste={(event) => {
              const file = fileFromPaste(event);
              if (file) void files.attach(file);
            }}
            onKeyDown={onKeyDown}
          />
          <div className="composer-side">
            <span id={ids.counter} className="muted small" aria-live="off">
              {draft.length}/{CHAT_LIMITS.text}
              <span className="sr-only">. Enter sends, Shift+Enter adds a line.</span>
            </span>
            <button type="submit" className="btn btn-primary" disabled={fileBusy || (!draft.trim() && files.draft.state !== "ready")} data-testid="send-button">
              Send
            </button>
          </div>
          {filterError ? (
            <p id={`${ids.title}-filter`} className="field-error composer-error" role="alert" data-testid="composer-error">
              {filterError}
            </p>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}
