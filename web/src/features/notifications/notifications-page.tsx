import { useEffect, useState } from "react";
import toast from "react-hot-toast";
import { useNavigate } from "react-router-dom";
import { useSignedInUser } from "../../app/auth-context";
import { useSessionData } from "../../app/session-data";
import { Icon } from "../../components/icons";
import { EmptyState, ErrorState, ListSkeleton } from "../../components/states";
import { usePageTitle } from "../../components/use-page-title";
import { markAllRead, markRead, watchNotifications, type AppNotification } from "../../data/notifications";
import { errorMessage } from "../../lib/error-message";
import { describeUnread, formatRelativeTime } from "./notification-format";

type State = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; items: AppNotification[] };

export function NotificationsPage() {
  usePageTitle("Notifications");
  const user = useSignedInUser();
  const { unreadCount } = useSessionData();
  const navigate = useNavigate();
  const [state, setState] = useState<State>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const [markingAll, setMarkingAll] = useState(false);

  useEffect(
    () =>
      watchNotifications(
        user.uid,
        (items) => setState({ status: "ready", items }),
        (error) => setState({ status: "error", message: errorMessage(error) }),
      ),
    [user.uid, attempt],
  );

  async function open(item: AppNotification) {
    if (!item.read) {
      try {
        await markRead(user.uid, item.id);
      } catch (error) {
        toast.error(errorMessage(error));
        return;
      }
    }
    if (item.link && item.link !== "/notifications") navigate(item.link);
  }

  async function onMarkAll() {
    setMarkingAll(true);
    try {
      await toast.promise(markAllRead(user.uid), {
        loading: "Marking all as read…",
        success: (count) => (count === 1 ? "1 notification marked as read." : `${count} notifications marked as read.`),
        error: (error) => errorMessage(error),
      });
    } catch {
      // Shown by toast.promise.
    } finally {
      setMarkingAll(false);
    }
  }

  const now = new Date();
  return (
    <section className="page narrow-wide" aria-labelledby="notifications-title">
      <div className="page-head">
        <div>
          <h1 id="notifications-title">Notifications</h1>
          <p className="muted" aria-live="polite" data-testid="unread-summary">
            {describeUnread(unreadCount)}
          </p>
        </div>
        <button type="button" className="btn" onClick={onMarkAll} disabled={unreadCount === 0 || markingAll}>
          <Icon name="check" size={18} /> Mark all as read
        </button>
      </div>
      {state.status === "loading" ? (
        <ListSkeleton />
      ) : state.status === "error" ? (
        <ErrorState message={state.message} onRetry={() => setAttempt((n) => n + 1)} />
      ) : state.items.length === 0 ? (
        <EmptyState title="You're all caught up">
          <p>Updates about your account, requests and sessions will appear here.</p>
        </EmptyState>
      ) : (
        <ul className="notification-list">
          {state.items.map((item) => (
            <li key={item.id}>
              <button type="button" className={`notification${item.read ? "" : " unread"}`} onClick={() => open(item)} data-testid="notification">
                <span className="notification-dot" aria-hidden="true" />
                <span className="notification-body">
                  <span className="notification-text">
                    {item.read ? null : <span className="sr-only">Unread: </span>}
                    {item.text}
                  </span>
                  <time className="notification-time" dateTime={item.createdAt.toISOString()} title={item.createdAt.toLocaleString()}>
                    {formatRelativeTime(item.createdAt, now)}
                  </time>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
