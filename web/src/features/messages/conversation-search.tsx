import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { SEARCH_SCAN_LIMIT, scanMessagesBackwards, type ChatMessage } from "../../data/chats";
import { errorMessage } from "../../lib/error-message";
import { isSearchableQuery, searchMessages, snippet, type HighlightRange } from "./chat-search";

interface Props {
  chatId: string;
  uid: string;
  peerName: string;
  /** The messages the conversation has loaded (live), searched together with what the search read. */
  loaded: readonly ChatMessage[];
  timeZone?: string;
  onPick: (messageId: string) => void;
  onClose: () => void;
}

interface Scanned {
  messages: ChatMessage[];
  /** The oldest key read so far; the next "search older messages" reads before it. */
  oldestKey: string | null;
  reachedStart: boolean;
}

/** A date and time in the viewer's time zone, for a search result. */
export function formatResultTime(time: number, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" }).format(new Date(time));
}

export function Highlighted({ text, ranges, length }: { text: string; ranges: readonly HighlightRange[]; length?: number }) {
  return (
    <>
      {snippet(text, ranges, length).map((part, index) => (part.hit ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </>
  );
}

/** Search within one conversation: reads back SEARCH_SCAN_LIMIT messages per action, newest first. */
export function ConversationSearch({ chatId, uid, peerName, loaded, timeZone, onPick, onClose }: Props) {
  const ids = { input: useId(), error: useId(), status: useId() };
  const inputRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState("");
  const [query, setQuery] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [scanned, setScanned] = useState<Scanned | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => inputRef.current?.focus(), []);

  async function scan(from: Scanned | null) {
    setLoading(true);
    setError(null);
    try {
      const result = await scanMessagesBackwards(chatId, from?.oldestKey ?? null, SEARCH_SCAN_LIMIT);
      setScanned({
        messages: [...result.messages, ...(from?.messages ?? [])],
        oldestKey: result.messages[0]?.id ?? from?.oldestKey ?? null,
        reachedStart: result.reachedStart,
      });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!isSearchableQuery(draft)) {
      setFieldError("Type a word to search for.");
      return;
    }
    setFieldError(null);
    setQuery(draft);
    // What was read stays read while the panel is open: a new query only matches again.
    if (!scanned && !loading) void scan(null);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape") {
      event.preventDefault();
      onClose();
    }
  }

  const hits = useMemo(() => {
    if (!query || !scanned) return [];
    const byId = new Map<string, ChatMessage>();
    for (const message of [...scanned.messages, ...loaded]) byId.set(message.id, message);
    const all = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return searchMessages(all, query);
  }, [query, scanned, loaded]);

  const searchedBack = scanned?.messages[0]?.sentAt;
  const status =
    query === null || (!scanned && loading)
      ? ""
      : hits.length === 0
        ? "No messages match."
        : `${hits.length} ${hits.length === 1 ? "message matches" : "messages match"}.`;

  return (
    <div className="chat-search" role="search" aria-label={`Search messages with ${peerName}`} onKeyDown={onKeyDown} data-testid="conversation-search">
      <form className="chat-search-form" onSubmit={onSubmit} noValidate>
        <label htmlFor={ids.input} className="sr-only">
          Search messages with {peerName}
        </label>
        <input
          ref={inputRef}
          id={ids.input}
          type="search"
          value={draft}
          placeholder="Search this conversation"
          autoComplete="off"
          maxLength={200}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? ids.error : ids.status}
          onChange={(event) => {
            setDraft(event.target.value);
            if (fieldError) setFieldError(null);
          }}
        />
        <button type="submit" className="btn" disabled={loading}>
          Search
        </button>
        <button type="button" className="btn btn-ghost" onClick={onClose}>
          Close<span className="sr-only"> search</span>
        </button>
      </form>
      {fieldError ? (
        <p id={ids.error} className="field-error" role="alert">
          {fieldError}
        </p>
      ) : null}
      <p id={ids.status} className="sr-only" role="status">
        {status}
      </p>
      {error ? (
        <div className="chat-search-error" role="alert">
          <p>Search failed: {error}</p>
          <button type="button" className="btn" onClick={() => void scan(scanned)}>
            Try again
          </button>
        </div>
      ) : null}
      {query !== null && !scanned && loading ? (
        <p className="muted small chat-search-note" aria-hidden="true">
          Searching…
        </p>
      ) : null}
      {query !== null && scanned ? (
        <>
          {hits.length === 0 ? (
            <p className="muted small chat-search-note" data-testid="search-empty">
              No messages match “{query.trim()}”{scanned.reachedStart ? "." : " in the messages searched so far."}
            </p>
          ) : (
            <ul className="chat-search-results" aria-label="Search results">
              {hits.map(({ item, ranges }) => (
                <li key={item.id}>
                  <button type="button" className="chat-search-result" onClick={() => onPick(item.id)} data-testid="search-result">
                    <span className="chat-search-result-top small">
                      <span className="chat-search-result-who">{item.from === uid ? "You" : peerName}</span>
                      <time className="muted" dateTime={new Date(item.sentAt).toISOString()}>
                        {formatResultTime(item.sentAt, timeZone)}
                      </time>
                    </span>
                    <span className="chat-search-snippet">
                      <Highlighted text={item.text} ranges={ranges} />
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <p className="muted small chat-search-note">
            {scanned.reachedStart
              ? "Searched the whole conversation."
              : `Searched back to ${searchedBack ? formatResultTime(searchedBack, timeZone) : "the start"}.`}{" "}
            {!scanned.reachedStart ? (
              <button type="button" className="link-btn" onClick={() => void scan(scanned)} disabled={loading}>
                {loading ? "Searching…" : "Search older messages"}
              </button>
            ) : null}
          </p>
        </>
      ) : null}
    </div>
  );
}
