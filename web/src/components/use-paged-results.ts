import { useCallback, useEffect, useRef, useState } from "react";
import { errorMessage } from "../lib/error-message";

export interface Page<T, C> {
  items: T[];
  /** Where the next page starts; null when there is none. */
  cursor: C | null;
}

export type PagedResults<T, C> =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; items: T[]; cursor: C | null; loadingMore: boolean; moreError: string | null };

/**
 * A list read a page at a time. It starts again from the first page whenever `key` (what the query depends on)
 * changes, and drops answers to superseded requests, so a slow query for an old search cannot overwrite a newer
 * one. "Load more" appends after the last item; its failure keeps the items already shown.
 */
export function usePagedResults<T, C>(key: string, fetchPage: (cursor: C | null) => Promise<Page<T, C>>, what: string) {
  // Results remember the key they were read for: between a filter change and the effect that starts the new
  // query, the old key's items must not show (or be read) as the answer to the new filters.
  const [state, setState] = useState<{ key: string; results: PagedResults<T, C> }>({ key, results: { status: "loading" } });
  const results: PagedResults<T, C> = state.key === key ? state.results : { status: "loading" };
  const request = useRef(0);
  const [reloadToken, setReloadToken] = useState(0);
  // The fetcher closes over the caller's current filters; `key` says when they changed, so the effect below
  // depends on the key and reads the latest fetcher from here.
  const fetchRef = useRef(fetchPage);
  useEffect(() => {
    fetchRef.current = fetchPage;
  });

  useEffect(() => {
    const mine = ++request.current;
    setState({ key, results: { status: "loading" } });
    fetchRef.current(null)
      .then((page) => {
        if (mine === request.current)
          setState({ key, results: { status: "ready", items: page.items, cursor: page.cursor, loadingMore: false, moreError: null } });
      })
      .catch((error: unknown) => {
        console.error(`${what} query failed`, error);
        if (mine === request.current) setState({ key, results: { status: "error", message: errorMessage(error) } });
      });
  }, [key, reloadToken, what]);

  async function loadMore() {
    if (results.status !== "ready" || !results.cursor || results.loadingMore) return;
    const mine = request.current;
    setState({ key, results: { ...results, loadingMore: true, moreError: null } });
    try {
      const page = await fetchRef.current(results.cursor);
      if (mine === request.current)
        setState({
          key,
          results: { status: "ready", items: [...results.items, ...page.items], cursor: page.cursor, loadingMore: false, moreError: null },
        });
    } catch (error) {
      if (mine === request.current) setState({ key, results: { ...results, loadingMore: false, moreError: errorMessage(error) } });
    }
  }

  const reload = useCallback(() => setReloadToken((n) => n + 1), []);
  /** Edits the loaded items in place (after a write the list should show without a re-query). */
  const updateItems = useCallback((change: (items: T[]) => T[]) => {
    setState((current) =>
      current.results.status === "ready" ? { ...current, results: { ...current.results, items: change(current.results.items) } } : current,
    );
  }, []);

  return { results, loadMore, reload, updateItems };
}
