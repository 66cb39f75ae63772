import type { MiniBoardQueryPlan } from "@mentormatch/shared";
import type { Unsubscribe } from "firebase/firestore";
import { useCallback, useEffect, useRef, useState } from "react";
import { watchBoardPage, type BoardCursor } from "../../data/mini-board";
import type { MiniRequest } from "../../data/mini-requests";
import { errorMessage } from "../../lib/error-message";

interface Range {
  after: BoardCursor | null;
  through: BoardCursor | null;
}

interface RangeResult {
  items: MiniRequest[];
  docs: BoardCursor[];
}

export type LiveBoard =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; items: MiniRequest[]; hasMore: boolean; loadingMore: boolean };

const rangeKey = (planKey: string, range: Range) => `${planKey}|${range.after?.id ?? ""}|${range.through?.id ?? ""}`;

/**
 * The board as live pages: the first page, and each "Load more" adds the next range after the last one's end
 * (startAfter). Every page keeps its own listener, so a request claimed anywhere on screen leaves at once and a newly
 * posted one appears in its place. A new plan (filters, sort) starts again from one page.
 */
export function useLiveBoard(plan: MiniBoardQueryPlan, planKey: string) {
  const [ranges, setRanges] = useState<{ planKey: string; list: Range[] }>({ planKey, list: [{ after: null, through: null }] });
  const [results, setResults] = useState<Record<string, RangeResult>>({});
  const [error, setError] = useState<{ planKey: string; message: string } | null>(null);
  const [retry, setRetry] = useState(0);
  const subscriptions = useRef(new Map<string, Unsubscribe>());
  // Listeners start from the effect below with the plan of the render that asked for them; declared first, this
  // effect has already stored it by then.
  const planRef = useRef(plan);
  useEffect(() => {
    planRef.current = plan;
  });

  const list = ranges.planKey === planKey ? ranges.list : [{ after: null, through: null }];
  if (ranges.planKey !== planKey) setRanges({ planKey, list });

  const keys = list.map((range) => rangeKey(planKey, range));
  const keysKey = keys.join("\n");

  useEffect(() => {
    const wanted = new Map(list.map((range) => [rangeKey(planKey, range), range]));
    for (const [key, unsubscribe] of subscriptions.current)
      if (!wanted.has(key)) {
        unsubscribe();
        subscriptions.current.delete(key);
      }
    // A page no longer listened to must not show later (a stale copy would still list requests claimed since).
    setResults((current) => Object.fromEntries(Object.entries(current).filter(([key]) => wanted.has(key))));
    for (const [key, range] of wanted)
      if (!subscriptions.current.has(key))
        subscriptions.current.set(
          key,
          watchBoardPage(
            planRef.current,
            range,
            (items, docs) => setResults((current) => ({ ...current, [key]: { items, docs } })),
            (failure) => {
              console.error("mini board query failed", failure);
              setError({ planKey, message: errorMessage(failure) });
            },
          ),
        );
    // The ranges are what the keys say; `list` itself is a new array each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keysKey, retry]);

  useEffect(
    () => () => {
      for (const unsubscribe of subscriptions.current.values()) unsubscribe();
      subscriptions.current.clear();
    },
    [],
  );

  const last = results[keys[keys.length - 1]!];
  const loadMore = useCallback(() => {
    if (!last || last.docs.length <= plan.pageSize) return;
    const anchor = last.docs[plan.pageSize - 1]!;
    setRanges((current) => {
      const fixed = current.list.slice(0, -1);
      const open = current.list[current.list.length - 1]!;
      return { planKey: current.planKey, list: [...fixed, { after: open.after, through: anchor }, { after: anchor, through: null }] };
    });
  }, [last, plan.pageSize]);

  const reload = useCallback(() => {
    for (const unsubscribe of subscriptions.current.values()) unsubscribe();
    subscriptions.current.clear();
    setError(null);
    setRetry((n) => n + 1);
  }, []);

  let board: LiveBoard;
  if (error && error.planKey === planKey) board = { status: "error", message: error.message };
  else if (!results[keys[0]!]) board = { status: "loading" };
  else {
    const items: MiniRequest[] = [];
    let loadingMore = false;
    keys.forEach((key, index) => {
      const page = results[key];
      if (!page) {
        loadingMore = true;
        return;
      }
      const isLast = index === keys.length - 1;
      // The open last page reads one extra request only to know whether there is more.
      items.push(...(isLast ? page.items.slice(0, plan.pageSize) : page.items));
    });
    board = { status: "ready", items, hasMore: loadingMore || (!!last && last.docs.length > plan.pageSize), loadingMore };
  }
  return { board, loadMore, reload };
}
