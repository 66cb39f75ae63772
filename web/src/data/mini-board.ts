import { planMiniClaimerQuery, type MiniBoardQueryPlan } from "@mentormatch/shared";
import {
  Timestamp,
  endAt,
  limit,
  orderBy,
  query,
  startAfter,
  where,
  type QueryConstraint,
  type QueryDocumentSnapshot,
  type Unsubscribe,
} from "firebase/firestore";
import { miniRequestsRef, type MiniRequest } from "./mini-requests";
import { watchList } from "./parse";

/** The mentors' side of `miniRequests/`: the board's live pages and a claimer's own list (callables: mini-requests.ts). */

export type BoardCursor = QueryDocumentSnapshot<MiniRequest>;

/**
 * One page of the board, live. A page is the range after `after` up to and including `through`; the last page has no
 * `through` and reads one more than a page to know whether "Load more" has anything. Fixed ranges (rather than one
 * growing limit) keep each page's reads its own, and a request claimed or posted inside a range shows up or leaves
 * in place without shifting the other pages.
 */
export function watchBoardPage(
  plan: MiniBoardQueryPlan,
  range: { after: BoardCursor | null; through: BoardCursor | null },
  onNext: (items: MiniRequest[], docs: BoardCursor[]) => void,
  onError: (error: Error) => void,
): Unsubscribe {
  const constraints: QueryConstraint[] = plan.equals.map(({ field, value }) => where(field, "==", value));
  if (plan.token) constraints.push(where("searchTokens", "array-contains", plan.token));
  constraints.push(where("expiresAt", ">", Timestamp.fromMillis(plan.expiresAfterMs)));
  for (const order of plan.orderBy) constraints.push(orderBy(order.field, order.direction));
  if (range.after) constraints.push(startAfter(range.after));
  constraints.push(range.through ? endAt(range.through) : limit(plan.pageSize + 1));
  return watchList(query(miniRequestsRef(), ...constraints), onNext, onError);
}

/** The requests I claimed that are claimed, scheduled or completed, most recently changed first, live. */
export function watchMyClaimedMiniRequests(uid: string, onNext: (requests: MiniRequest[]) => void, onError: (error: Error) => void) {
  const plan = planMiniClaimerQuery(uid);
  return watchList(
    query(
      miniRequestsRef(),
      where(plan.where.field, "==", plan.where.value),
      where("status", "in", [...plan.statuses]),
      orderBy(plan.orderBy.field, plan.orderBy.direction),
      limit(plan.limit),
    ),
    onNext,
    onError,
  );
}
