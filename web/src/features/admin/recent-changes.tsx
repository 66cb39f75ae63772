import type { QueryDocumentSnapshot } from "firebase/firestore";
import { useCallback, useEffect, useRef, useState } from "react";
import { useSessionData } from "../../app/session-data";
import { LoadMore } from "../../components/load-more";
import { EmptyState, ErrorState, ListSkeleton } from "../../components/states";
import { useNow } from "../../components/use-now";
import { fetchAuditPage, watchAuditHead, type AuditEntry } from "../../data/audit-log";
import { errorMessage } from "../../lib/error-message";
import { describeAuditEntry, formatExactTime, relativeTime } from "./audit-format";

type State =
  | { status: "loading" }
  | { status: "error"; message: string }
  | {
      status: "ready";
      entries: AuditEntry[];
      cursor: QueryDocumentSnapshot<AuditEntry> | null;
      loadingMore: boolean;
      moreError: string | null;
    };

/** Entries already shown stay (the log is append-only), new ones join them; newest first. */
function merge(shown: AuditEntry[], incoming: AuditEntry[]): AuditEntry[] {
  const byId = new Map(shown.map((entry) => [entry.id, entry]));
  for (const entry of incoming) byId.set(entry.id, entry);
  return [...byId.values()].sort((a, b) => b.at.toMillis() - a.at.toMillis() || (a.id < b.id ? -1 : 1));
}

/**
 * The audit log, newest first: the first page is live (a change made on this page shows at once), older pages
 * come with "Load more" and continue after the oldest entry shown.
 */
function useRecentChanges() {
  const [state, setState] = useState<State>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  // Once an older page is read, the cursor belongs to it: new entries at the head must not move it back.
  const pagedOlder = useRef(false);

  useEffect(() => {
    pagedOlder.current = false;
    return watchAuditHead(
      (page) =>
        setState((current) =>
          current.status !== "ready"
            ? { status: "ready", entries: page.entries, cursor: page.cursor, loadingMore: false, moreError: null }
            : { ...current, entries: merge(current.entries, page.entries), cursor: pagedOlder.current ? current.cursor : page.cursor },
        ),
      (error) => {
        console.error("audit log listener failed", error);
        setState({ status: "error", message: errorMessage(error) });
      },
    );
  }, [attempt]);

  const retry = useCallback(() => {
    setState({ status: "loading" });
    setAttempt((n) => n + 1);
  }, []);

  async function loadMore() {
    if (state.status !== "ready" || !state.cursor || state.loadingMore) return;
    const cursor = state.cursor;
    setState({ ...state, loadingMore: true, moreError: null });
    try {
      const page = await fetchAuditPage(cursor);
      pagedOlder.current = true;
      setState((current) =>
        current.status === "ready" ? { ...current, entries: merge(current.entries, page.entries), cursor: page.cursor, loadingMore: false } : current,
      );
    } catch (error) {
      setState((current) => (current.status === "ready" ? { ...current, loadingMore: false, moreError: errorMessage(error) } : current));
    }
  }

  return { state, retry, loadMore };
}

/** The People page's "Recent changes": who changed whose role, and who invited or withdrew whom. */
export function RecentChanges() {
  const { state, retry, loadMore } = useRecentChanges();
  const timeZone = useSessionData().profile?.timezone;
  const now = useNow();

  return (
    <section className="card admin-panel" aria-labelledby="recent-changes-title" data-testid="recent-changes">
      <h2 id="recent-changes-title" tabIndex={-1}>
        Recent changes
      </h2>
      <p className="muted">Role changes and invitations by every admin, newest first.</p>
      {state.status === "loading" ? (
        <ListSkeleton rows={3} />
      ) : state.status === "error" ? (
        <ErrorState message={state.message} onRetry={retry} />
      ) : state.entries.length === 0 ? (
        <EmptyState title="No changes yet">
          <p>When an admin changes someone's role or invites someone, it is listed here.</p>
        </EmptyState>
      ) : (
        <>
          <ol className="audit-list" aria-labelledby="recent-changes-title">
            {state.entries.map((entry) => {
              const at = entry.at.toDate();
              const exact = formatExactTime(at, timeZone);
              return (
                <li key={entry.id} className="audit-entry" data-testid="audit-entry">
                  <span className="audit-text">{describeAuditEntry(entry)}</span>
                  <time className="audit-time" dateTime={at.toISOString()} title={exact}>
                    {relativeTime(at, now)}
                    <span className="sr-only"> ({exact})</span>
                  </time>
                </li>
              );
            })}
          </ol>
          <LoadMore hasMore={!!state.cursor} loading={state.loadingMore} error={state.moreError} onLoadMore={loadMore} />
        </>
      )}
    </section>
  );
}
