import { appLinks } from "@mentormatch/shared";
import { useEffect, useState } from "react";
import { useParams } from "react-router-dom";
import { useSignedInUser } from "../../app/auth-context";
import { useSessionData } from "../../app/session-data";
import { EmptyState, ErrorState, ListSkeleton } from "../../components/states";
import { useNow } from "../../components/use-now";
import { usePageTitle } from "../../components/use-page-title";
import { watchSupportInbox, type SupportThread } from "../../data/support";
import { errorMessage } from "../../lib/error-message";
import { SupportThreadList } from "./support-list";
import { sortForInbox } from "./support-format";
import { SupportThreadView } from "./support-thread";

type Lists = { open: SupportThread[] | null; closed: SupportThread[] | null };

/** The admins' support inbox: open conversations first (unread ones highlighted), then recently closed, live. */
export function AdminSupportPage() {
  usePageTitle("Support inbox");
  const { threadId } = useParams();
  const uid = useSignedInUser().uid;
  const timeZone = useSessionData().profile?.timezone;
  const now = useNow(60_000);
  const [lists, setLists] = useState<Lists>({ open: null, closed: null });
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const fail = (err: Error) => setError(errorMessage(err));
    const stopOpen = watchSupportInbox("open", (open) => setLists((current) => ({ ...current, open })), fail);
    const stopClosed = watchSupportInbox("closed", (closed) => setLists((current) => ({ ...current, closed })), fail);
    return () => {
      stopOpen();
      stopClosed();
    };
  }, [attempt]);

  const open = lists.open ? sortForInbox(lists.open) : null;
  const unreadCount = open?.filter((t) => t.unreadForAdmins).length ?? 0;

  return (
    <section className="page support-page" aria-labelledby="support-inbox-title">
      <div className="chat-layout" data-view={threadId ? "conversation" : "list"}>
        <div className="chat-list-pane">
          <div className="page-head">
            <h1 id="support-inbox-title">Support inbox</h1>
            <p className="muted" data-testid="support-inbox-summary">
              {open === null
                ? "Conversations people opened with the programme admins."
                : `${open.length} open${unreadCount ? `, ${unreadCount} waiting for an answer` : ""}.`}
            </p>
          </div>
          {error ? (
            <ErrorState
              message={error}
              onRetry={() => {
                setError(null);
                setLists({ open: null, closed: null });
                setAttempt((n) => n + 1);
              }}
            />
          ) : open === null ? (
            <ListSkeleton rows={4} />
          ) : (
            <>
              <h2 className="support-list-title" id="support-open-title">
                Open
              </h2>
              {open.length === 0 ? (
                <p className="muted" data-testid="support-inbox-empty">
                  No open conversations. Nobody is waiting for an answer.
                </p>
              ) : (
                <SupportThreadList
                  threads={open}
                  side="admin"
                  activeId={threadId}
                  linkTo={(id) => appLinks.adminSupport(id)}
                  now={now}
                  timeZone={timeZone}
                  label="Open conversations"
                />
              )}
              <h2 className="support-list-title">Recently closed</h2>
              {lists.closed === null ? (
                <ListSkeleton rows={2} />
              ) : lists.closed.length === 0 ? (
                <p className="muted">None yet.</p>
              ) : (
                <SupportThreadList
                  threads={lists.closed}
                  side="admin"
                  activeId={threadId}
                  linkTo={(id) => appLinks.adminSupport(id)}
                  now={now}
                  timeZone={timeZone}
                  label="Recently closed conversations"
                />
              )}
            </>
          )}
        </div>
        <div className="chat-main-pane">
          {threadId ? (
            <SupportThreadView threadId={threadId} uid={uid} backTo={appLinks.adminSupport()} timeZone={timeZone} />
          ) : (
            <div className="chat-placeholder muted">
              <EmptyState title="Choose a conversation">
                <p>Open conversations come first; answer them or close them when the question is settled.</p>
              </EmptyState>
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
