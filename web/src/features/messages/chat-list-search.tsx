import { appLinks } from "@mentormatch/shared";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { Link } from "react-router-dom";
import { ListSkeleton } from "../../components/states";
import { SEARCH_ACROSS_CHATS, SEARCH_ACROSS_MESSAGES, loadRecentMessages, type ChatMessage } from "../../data/chats";
import { errorMessage } from "../../lib/error-message";
import { isSearchableQuery, searchMessages, type SearchHit } from "./chat-search";
import { Highlighted, formatResultTime } from "./conversation-search";

export interface SearchableConversation {
  chatId: string;
  name: string;
  /** Whether anyone wrote in it yet (else there is nothing to read). */
  hasMessages: boolean;
  activityAt: number;
}

interface Group {
  chatId: string;
  name: string;
  hits: SearchHit<ChatMessage>[];
}

type Results = { state: "loading"; query: string } | { state: "error"; query: string; message: string } | { state: "done"; query: string; groups: Group[] };

/** A link that opens a conversation at one message. */
export function messageLink(chatId: string, messageId: string): string {
  return `${appLinks.chat(chatId)}?m=${encodeURIComponent(messageId)}`;
}

/**
 * Search across my conversations: the newest SEARCH_ACROSS_MESSAGES messages of each of my SEARCH_ACROSS_CHATS most
 * recently active ones (archived included). While results show, they replace the list (`children`).
 */
export function ChatListSearch({
  uid,
  conversations,
  timeZone,
  children,
}: {
  uid: string;
  conversations: readonly SearchableConversation[];
  timeZone?: string;
  children: ReactNode;
}) {
  const ids = { input: useId(), error: useId() };
  const [draft, setDraft] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [results, setResults] = useState<Results | null>(null);

  async function run(query: string) {
    setResults({ state: "loading", query });
    try {
      const searched = [...conversations]
        .filter((item) => item.hasMessages)
        .sort((a, b) => b.activityAt - a.activityAt)
        .slice(0, SEARCH_ACROSS_CHATS);
      const pages = await Promise.all(searched.map((item) => loadRecentMessages(item.chatId, SEARCH_ACROSS_MESSAGES)));
      const groups = searched
        .map((item, index) => ({ chatId: item.chatId, name: item.name, hits: searchMessages(pages[index]!, query) }))
        .filter((group) => group.hits.length > 0);
      setResults((current) => (current?.query === query ? { state: "done", query, groups } : current));
    } catch (err) {
      setResults((current) => (current?.query === query ? { state: "error", query, message: errorMessage(err) } : current));
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!isSearchableQuery(draft)) {
      setFieldError("Type a word to search for.");
      return;
    }
    setFieldError(null);
    void run(draft);
  }

  function clear() {
    setDraft("");
    setFieldError(null);
    setResults(null);
  }

  const total = results?.state === "done" ? results.groups.reduce((sum, group) => sum + group.hits.length, 0) : 0;

  return (
    <>
      <div role="search" aria-label="Search all conversations" className="chat-list-search" data-testid="chat-list-search">
        <form
          className="chat-search-form"
          onSubmit={onSubmit}
          noValidate
          onKeyDown={(event) => {
            if (event.key === "Escape" && results) {
              event.preventDefault();
              clear();
            }
          }}
        >
          <label htmlFor={ids.input} className="sr-only">
            Search all conversations
          </label>
          <input
            id={ids.input}
            type="search"
            value={draft}
            placeholder="Search messages"
            autoComplete="off"
            maxLength={200}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? ids.error : undefined}
            onChange={(event) => {
              setDraft(event.target.value);
              if (fieldError) setFieldError(null);
            }}
          />
          <button type="submit" className="btn" disabled={results?.state === "loading"}>
            Search
          </button>
        </form>
        {fieldError ? (
          <p id={ids.error} className="field-error" role="alert">
            {fieldError}
          </p>
        ) : null}
        <p className="sr-only" role="status">
          {results?.state === "done" ? (total === 0 ? "No messages match." : `${total} ${total === 1 ? "message matches" : "messages match"}.`) : ""}
        </p>
      </div>
      {results === null ? (
        children
      ) : (
        <section className="chat-search-across" aria-label={`Results for ${results.query.trim()}`} data-testid="search-across-results">
          <div className="chat-search-across-head">
            <p className="small">
              Results for “<strong>{results.query.trim()}</strong>”
            </p>
            <button type="button" className="btn btn-ghost" onClick={clear}>
              Clear search
            </button>
          </div>
          {results.state === "loading" ? (
            <ListSkeleton rows={3} />
          ) : results.state === "error" ? (
            <div className="chat-search-error" role="alert">
              <p>Search failed: {results.message}</p>
              <button type="button" className="btn" onClick={() => void run(results.query)}>
                Try again
              </button>
            </div>
          ) : results.groups.length === 0 ? (
            <p className="muted small chat-search-note" data-testid="search-empty">
              No messages match “{results.query.trim()}”.
            </p>
          ) : (
            results.groups.map((group) => (
              <div key={group.chatId} className="chat-search-group" data-testid="search-group">
                <h2 className="chat-search-group-name">{group.name}</h2>
                <ul className="chat-search-results" aria-label={`Matches with ${group.name}`}>
                  {group.hits.map(({ item, ranges }) => (
                    <li key={item.id}>
                      <Link to={messageLink(group.chatId, item.id)} className="chat-search-result" data-testid="search-result">
                        <span className="chat-search-result-top small">
                          <span className="chat-search-result-who">{item.from === uid ? "You" : group.name}</span>
                          <time className="muted" dateTime={new Date(item.sentAt).toISOString()}>
                            {formatResultTime(item.sentAt, timeZone)}
                          </time>
                        </span>
                        <span className="chat-search-snippet">
                          <Highlighted text={item.text} ranges={ranges} />
                        </span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            ))
          )}
          <p className="muted small chat-search-note">
            Searches the latest {SEARCH_ACROSS_MESSAGES} messages of each of your {SEARCH_ACROSS_CHATS} most recent conversations. Open a
            conversation to search further back.
          </p>
        </section>
      )}
    </>
  );
}
