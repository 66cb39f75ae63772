import { appLinks } from "@mentormatch/shared";
import { useEffect, useMemo, useState } from "react";
import toast from "react-hot-toast";
import { Link, useParams } from "react-router-dom";
import { useSignedInUser } from "../../app/auth-context";
import { useSessionData } from "../../app/session-data";
import { Avatar } from "../../components/avatar";
import { EmptyState, ErrorState, ListSkeleton } from "../../components/states";
import { useNow } from "../../components/use-now";
import { usePageTitle } from "../../components/use-page-title";
import { setChatArchived, watchMyChats, type ChatSummary } from "../../data/chats";
import { watchMatches, type Match } from "../../data/matches";
import type { Profile } from "../../data/profiles";
import { errorMessage } from "../../lib/error-message";
import { useProfiles } from "../requests/use-profiles";
import { describeUnreadMessages, formatListTime } from "./chat-format";
import { ChatListSearch } from "./chat-list-search";
import { Conversation } from "./conversation";
import { NotificationSwitch } from "./desktop-notifications";
import { usePresence } from "./use-presence";
import { maskBlockedWords } from "@mentormatch/shared";
import { useBlockedWords } from "../moderation/use-blocked-words";

/** One row of the list: a chat with a summary (someone sent), or an accepted match nobody has written in yet. */
export interface ConversationItem {
  chatId: string;
  peerId: string;
  /** Name from the match when the profile is not here yet. */
  fallbackName: string;
  summary: ChatSummary | null;
  match: Match | null;
  activityAt: number;
}

/** The other member of a chat: the summary's peerId, else the match's other side, else from the id (mentor_mentee). */
export function peerOf(chatId: string, uid: string, summary: ChatSummary | null, match: Match | null): string {
  if (summary) return summary.peerId;
  if (match) return match.mentorId === uid ? match.menteeId : match.mentorId;
  const [a = "", b = ""] = chatId.split("_");
  return a === uid ? b : a;
}

function mergeConversations(uid: string, chats: ChatSummary[], matches: Match[]): ConversationItem[] {
  const byId = new Map<string, ConversationItem>();
  const matchById = new Map(matches.map((match) => [match.id, match]));
  for (const summary of chats) {
    const match = matchById.get(summary.chatId) ?? null;
    byId.set(summary.chatId, {
      chatId: summary.chatId,
      peerId: summary.peerId,
      fallbackName: match ? (match.mentorId === uid ? match.menteeName : match.mentorName) : "",
      summary,
      match,
      activityAt: summary.lastMessageAt ?? 0,
    });
  }
  for (const match of matches) {
    if (byId.has(match.id)) continue;
    byId.set(match.id, {
      chatId: match.id,
      peerId: peerOf(match.id, uid, null, match),
      fallbackName: match.mentorId === uid ? match.menteeName : match.mentorName,
      summary: null,
      match,
      activityAt: match.updatedAt.toMillis(),
    });
  }
  return [...byId.values()].sort((a, b) => b.activityAt - a.activityAt);
}

export function MessagesPage() {
  const { uid } = useSignedInUser();
  const { chatId } = useParams<{ chatId?: string }>();
  const timeZone = useSessionData().profile?.timezone;
  const now = useNow();
  usePageTitle("Messages");

  const [chats, setChats] = useState<{ uid: string; list: ChatSummary[] } | null>(null);
  const [matches, setMatches] = useState<{ uid: string; list: Match[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(
    () =>
      watchMyChats(
        uid,
        (list) => setChats({ uid, list }),
        (err) => setError(errorMessage(err)),
      ),
    [uid, attempt],
  );
  useEffect(
    () =>
      watchMatches(
        { uid, statuses: ["accepted"] },
        (list) => setMatches({ uid, list }),
        (err) => setError(errorMessage(err)),
      ),
    [uid, attempt],
  );

  const loaded = chats?.uid === uid && matches?.uid === uid;
  const conversations = useMemo(
    () => (loaded ? mergeConversations(uid, chats.list, matches.list) : []),
    [loaded, uid, chats, matches],
  );
  const selected = chatId ? (conversations.find((item) => item.chatId === chatId) ?? null) : null;
  const peerIds = useMemo(() => {
    const ids = conversations.map((item) => item.peerId);
    if (chatId && !selected) ids.push(peerOf(chatId, uid, null, null));
    return ids.filter(Boolean);
  }, [conversations, chatId, selected, uid]);
  const profiles = useProfiles(peerIds);

  // Archived conversations leave the main list; a new message does not bring them back (only unarchiving does).
  const [showArchived, setShowArchived] = useState(false);
  const archived = conversations.filter((item) => item.summary?.archived === true);
  const archivedUnread = archived.reduce((sum, item) => sum + (item.summary?.unread ?? 0), 0);
  const shown = conversations.filter((item) => (item.summary?.archived === true) === showArchived);
  const nameOf = (item: ConversationItem) => profiles.get(item.peerId)?.displayName || item.fallbackName || "Someone";
  const searchable = conversations.map((item) => ({
    chatId: item.chatId,
    name: nameOf(item),
    hasMessages: Boolean(item.summary?.lastMessageId),
    activityAt: item.activityAt,
  }));

  return (
    <section className="page messages-page" aria-labelledby="messages-title">
      <div className="chat-layout" data-view={chatId ? "conversation" : "list"}>
        <div className="chat-list-pane">
          <div className="page-head">
            <div>
              <h1 id="messages-title">Messages</h1>
              <p className="muted">Conversations with your mentors and mentees.</p>
            </div>
          </div>
          <NotificationSwitch />
          {error ? (
            <ErrorState
              message={error}
              onRetry={() => {
                setError(null);
                setAttempt((n) => n + 1);
              }}
            />
          ) : !loaded ? (
            <ListSkeleton rows={4} />
          ) : conversations.length === 0 ? (
            <EmptyState title="No conversations yet" action={<Link to={appLinks.requests()} className="btn">Go to Requests</Link>}>
              Once a mentor accepts a request, you can write to each other here.
            </EmptyState>
          ) : (
            <ChatListSearch uid={uid} conversations={searchable} timeZone={timeZone}>
              <div className="chat-list-views">
                {showArchived ? (
                  <button type="button" className="btn btn-ghost" onClick={() => setShowArchived(false)}>
                    ← All conversations
                  </button>
                ) : null}
                {showArchived || archived.length > 0 ? (
                  <button
                    type="button"
                    className="btn btn-ghost chat-archived-toggle"
                    aria-pressed={showArchived}
                    onClick={() => setShowArchived((current) => !current)}
                    data-testid="archived-toggle"
                  >
                    Archived ({archived.length})
                    {archivedUnread > 0 ? (
                      <span className="badge" data-testid="archived-unread">
                        {archivedUnread > 99 ? "99+" : archivedUnread}
                        <span className="sr-only"> {describeUnreadMessages(archivedUnread)}</span>
                      </span>
                    ) : null}
                  </button>
                ) : null}
              </div>
              {showArchived ? (
                <p className="muted small chat-archived-note">New messages stay in Archived until you unarchive the conversation.</p>
              ) : null}
              {shown.length === 0 ? (
                <p className="muted small chat-archived-note" data-testid="chat-list-empty">
                  {showArchived ? "No archived conversations." : "All your conversations are archived."}
                </p>
              ) : (
                <ul className="chat-list" aria-label={showArchived ? "Archived conversations" : "Conversations"}>
                  {shown.map((item) => (
                    <ConversationRow
                      key={item.chatId}
                      item={item}
                      uid={uid}
                      profile={profiles.get(item.peerId)}
                      active={item.chatId === chatId}
                      now={now}
                      timeZone={timeZone}
                    />
                  ))}
                </ul>
              )}
            </ChatListSearch>
          )}
        </div>
        <div className="chat-main-pane">
          {chatId ? (
            loaded || error ? (
              <Conversation
                key={chatId}
                chatId={chatId}
                uid={uid}
                peerId={selected?.peerId ?? peerOf(chatId, uid, null, null)}
                peerProfile={profiles.get(selected?.peerId ?? peerOf(chatId, uid, null, null))}
                fallbackName={selected?.fallbackName ?? ""}
                summary={selected?.summary ?? null}
                timeZone={timeZone}
              />
            ) : (
              <ListSkeleton rows={6} />
            )
          ) : (
            <div className="chat-placeholder muted">
              <p>Choose a conversation.</p>
            </div>
          )}
        </div>
      </div>
    </section>
  );
}

function ConversationRow({
  item,
  uid,
  profile,
  active,
  now,
  timeZone,
}: {
  item: ConversationItem;
  uid: string;
  profile: Profile | undefined;
  active: boolean;
  now: Date;
  timeZone?: string;
}) {
  const name = profile?.displayName || item.fallbackName || "Someone";
  const presence = usePresence(item.peerId);
  const summary = item.summary;
  const unread = summary?.unread ?? 0;
  // Blocked words are masked here too (moderation): the preview is the start of the message's text.
  const blockedWords = useBlockedWords();
  const preview = summary?.lastMessage ? `${summary.lastFrom === uid ? "You: " : ""}${maskBlockedWords(summary.lastMessage, blockedWords)}` : "Say hello";
  const [archiving, setArchiving] = useState(false);
  async function toggleArchived() {
    if (!summary) return;
    setArchiving(true);
    try {
      await setChatArchived(uid, item.chatId, !summary.archived);
      toast.success(summary.archived ? `Moved ${name} back to your conversations.` : `Archived your conversation with ${name}.`);
    } catch (err) {
      toast.error(`Could not ${summary.archived ? "unarchive" : "archive"} it. ${errorMessage(err)}`);
    } finally {
      setArchiving(false);
    }
  }
  return (
    <li className="chat-list-item">
      <Link
        to={appLinks.chat(item.chatId)}
        className="chat-row"
        aria-current={active ? "page" : undefined}
        data-testid="chat-row"
        data-unread={unread > 0}
      >
        <span className="chat-avatar">
          <Avatar name={name} url={profile?.avatarUrl} />
          {presence?.state === "online" ? <span className="online-dot" aria-hidden="true" /> : null}
        </span>
        <span className="chat-row-text">
          <span className="chat-row-top">
            <span className="chat-row-name">{name}</span>
            {summary?.lastMessageAt ? (
              <time className="muted small" dateTime={new Date(summary.lastMessageAt).toISOString()}>
                {formatListTime(summary.lastMessageAt, now, timeZone)}
              </time>
            ) : null}
          </span>
          {profile?.title ? <span className="chat-row-title muted small">{profile.title}</span> : null}
          <span className="chat-row-bottom">
            <span className={`chat-row-preview small${summary ? "" : " muted"}`}>{preview}</span>
            {unread > 0 ? (
              <span className="badge" data-testid="chat-unread">
                {unread > 99 ? "99+" : unread}
                <span className="sr-only"> {describeUnreadMessages(unread)}</span>
              </span>
            ) : null}
          </span>
          {presence?.state === "online" ? <span className="sr-only">, online</span> : null}
        </span>
      </Link>
      {summary ? (
        <button
          type="button"
          className="icon-btn chat-row-archive"
          onClick={() => void toggleArchived()}
          disabled={archiving}
          aria-label={`${summary.archived ? "Unarchive" : "Archive"} conversation with ${name}`}
          title={summary.archived ? "Unarchive" : "Archive"}
          data-testid="chat-archive"
        >
          <ArchiveIcon restore={summary.archived} />
        </button>
      ) : null}
    </li>
  );
}

/** An archive box; with an up arrow for "unarchive". */
function ArchiveIcon({ restore }: { restore: boolean }) {
  return (
    <svg width={18} height={18} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <rect x="3" y="3" width="18" height="5" rx="1" />
      <path d="M5 8v11a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8" />
      {restore ? <path d="M12 18v-6M9 15l3-3 3 3" /> : <path d="M10 12h4" />}
    </svg>
  );
}
