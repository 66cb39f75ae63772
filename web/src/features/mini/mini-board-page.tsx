import {
  MINI,
  MINI_BOARD_SORTS,
  MINI_BOARD_SORT_LABELS,
  MINI_SESSION_TYPES,
  MINI_SESSION_TYPE_LABELS,
  MINI_URGENCIES,
  MINI_URGENCY_LABELS,
  SESSIONS,
  appLinks,
  matchesMiniSearch,
  planMiniBoardQuery,
  type MiniBoardSort,
  type MiniSessionType,
  type MiniUrgency,
} from "@mentormatch/shared";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import toast from "react-hot-toast";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { useAuth, useSignedInUser } from "../../app/auth-context";
import { useSessionData } from "../../app/session-data";
import { Icon } from "../../components/icons";
import { ResultsBar } from "../../components/list-controls";
import { LoadMore } from "../../components/load-more";
import { pluralize } from "../../components/rating";
import { CardSkeletons, EmptyState, ErrorState } from "../../components/states";
import { useDebouncedValue } from "../../components/use-debounced-value";
import { useNow } from "../../components/use-now";
import { usePageTitle } from "../../components/use-page-title";
import { claimMiniRequest, type MiniRequest } from "../../data/mini-requests";
import { callableErrorFrom, errorMessage } from "../../lib/error-message";
import { browserTimeZone } from "../auth/time-zones";
import { describeExpiry, describeWaited } from "./mentor-format";
import { DEFAULT_BOARD_STATE, boardStateFromParams, hasBoardFilters, paramsFromBoardState, type MiniBoardUrlState } from "./mini-board-url";
import { MiniRequestFacts, UrgencyBadge } from "./mini-request-facts";
import { useLiveBoard } from "./use-live-board";

/** Refusals that mean the request is no longer on the board for anyone (claimed, cancelled, expired, gone). */
const GONE_CODES = new Set(["failed-precondition", "not-found"]);

export function MiniBoardPage() {
  usePageTitle("Open mini requests");
  const { role } = useAuth();
  // Only mentors (and admins) may list open requests; a student is sent to their own requests instead.
  if (role !== "mentor" && role !== "admin")
    return (
      <section className="page" aria-label="Open mini requests">
        <EmptyState
          title="The board is for mentors"
          action={
            <Link to={appLinks.mini()} className="btn btn-primary">
              My mini requests
            </Link>
          }
        >
          <p>Mentors browse and claim open requests here. Post your own request from your mini sessions page.</p>
        </EmptyState>
      </section>
    );
  return <Board role={role} />;
}

function Board({ role }: { role: "mentor" | "admin" }) {
  const uid = useSignedInUser().uid;
  const timeZone = useSessionData().profile?.timezone || browserTimeZone();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => boardStateFromParams(params), [params]);
  const stateKey = paramsFromBoardState(state).toString();
  const now = useNow(30_000);

  // Typed boxes reach the URL (and the query) after a pause, not on every keystroke.
  const [search, setSearch] = useState(state.search);
  const [tag, setTag] = useState(state.tag);
  const debouncedSearch = useDebouncedValue(search);
  const debouncedTag = useDebouncedValue(tag);

  const update = useCallback(
    (patch: Partial<MiniBoardUrlState>) => setParams(paramsFromBoardState({ ...boardStateFromParams(params), ...patch }), { replace: true }),
    [params, setParams],
  );

  useEffect(() => {
    if (debouncedSearch !== state.search || debouncedTag !== state.tag) update({ search: debouncedSearch, tag: debouncedTag });
    // Only the debounced values drive this; reacting to `state` too would undo back/forward navigation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedSearch, debouncedTag]);

  // Back/forward or a pasted link changes the URL under the boxes: they follow it.
  const lastKey = useRef(stateKey);
  useEffect(() => {
    if (lastKey.current === stateKey) return;
    lastKey.current = stateKey;
    if (state.search !== debouncedSearch) setSearch(state.search);
    if (state.tag !== debouncedTag) setTag(state.tag);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stateKey]);

  // "Now" for the query is fixed per search: a request that expires while the page is open is hidden by the clock.
  const plan = useMemo(
    () => planMiniBoardQuery({ filters: state, sort: state.sort, nowMs: Date.now() }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [stateKey],
  );
  const { board, loadMore, reload } = useLiveBoard(plan, stateKey);

  // Requests this page just saw refused as taken: hidden at once, before the live query catches up.
  const [gone, setGone] = useState<ReadonlySet<string>>(new Set());
  const [claiming, setClaiming] = useState<string | null>(null);

  async function claim(request: MiniRequest) {
    setClaiming(request.id);
    try {
      const answer = await claimMiniRequest(request.id);
      toast.success(`You claimed “${request.title}”. Pick a time within ${MINI.scheduleWithinHours} hours.`);
      navigate(appLinks.scheduleMini(answer.requestId));
    } catch (error) {
      toast.error(errorMessage(error));
      const refusal = callableErrorFrom(error);
      if (refusal && GONE_CODES.has(refusal.code)) setGone((current) => new Set(current).add(request.id));
    } finally {
      setClaiming(null);
    }
  }

  function clearFilters() {
    setSearch("");
    setTag("");
    setParams(paramsFromBoardState({ ...DEFAULT_BOARD_STATE, sort: state.sort }), { replace: true });
  }

  const visible =
    board.status === "ready"
      ? board.items.filter((request) => !gone.has(request.id) && request.expiresAtMs > now.getTime() && matchesMiniSearch(request, plan.postFilterWords))
      : [];
  const active = hasBoardFilters(state);
  const ids = { search: useId(), type: useId(), duration: useId(), urgency: useId(), tag: useId(), sort: useId() };

  return (
    <section className="page mini-board" aria-labelledby="mini-board-title">
      <p>
        <Link to={appLinks.mini()}>← My mini sessions</Link>
      </p>
      <div className="page-head">
        <div>
          <h1 id="mini-board-title">Open mini requests</h1>
          <p className="muted">
            One-off sessions students asked for. Claim one and you have {MINI.scheduleWithinHours} hours to pick a time inside theirs. Times are in
            your time zone ({timeZone.replace(/_/g, " ")}).
          </p>
        </div>
      </div>

      <form className="filters card" role="search" aria-label="Filter open requests" onSubmit={(event) => event.preventDefault()}>
        <div className="filter filter-search">
          <label htmlFor={ids.search}>Search</label>
          <div className="input-icon">
            <Icon name="search" size={18} />
            <input
              id={ids.search}
              type="search"
              value={search}
              placeholder="e.g. interview"
              autoComplete="off"
              maxLength={100}
              onChange={(event) => setSearch(event.target.value)}
            />
          </div>
        </div>
        <div className="filter">
          <label htmlFor={ids.type}>Kind of help</label>
          <select id={ids.type} value={state.sessionType} onChange={(event) => update({ sessionType: event.target.value as MiniSessionType | "" })}>
            <option value="">Any kind</option>
            {MINI_SESSION_TYPES.map((type) => (
              <option key={type} value={type}>
                {MINI_SESSION_TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={ids.duration}>Length</label>
          <select
            id={ids.duration}
            value={state.durationMinutes ?? ""}
            onChange={(event) => update({ durationMinutes: event.target.value ? Number(event.target.value) : null })}
          >
            <option value="">Any length</option>
            {SESSIONS.durations.map((minutes) => (
              <option key={minutes} value={minutes}>
                {minutes} minutes
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={ids.urgency}>Urgency</label>
          <select id={ids.urgency} value={state.urgency} onChange={(event) => update({ urgency: event.target.value as MiniUrgency | "" })}>
            <option value="">Any urgency</option>
            {MINI_URGENCIES.map((urgency) => (
              <option key={urgency} value={urgency}>
                {MINI_URGENCY_LABELS[urgency]}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={ids.tag}>Tag</label>
          <input id={ids.tag} type="text" value={tag} placeholder="e.g. react" autoComplete="off" maxLength={41} onChange={(event) => setTag(event.target.value)} />
        </div>
        <div className="filter">
          <label htmlFor={ids.sort}>Sort by</label>
          <select id={ids.sort} value={state.sort} onChange={(event) => update({ sort: event.target.value as MiniBoardSort })}>
            {MINI_BOARD_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {MINI_BOARD_SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        </div>
      </form>

      <ResultsBar
        status={board.status}
        summary={
          board.status !== "ready" ? "" : visible.length === 0 ? "No open requests" : `Showing ${pluralize(visible.length, "open request")}${board.hasMore ? " so far" : ""}`
        }
        loadingLabel="Loading open requests…"
        filtered={active}
        onClear={clearFilters}
        testId="mini-board-summary"
      />

      {board.status === "loading" ? (
        <CardSkeletons count={4} />
      ) : board.status === "error" ? (
        <ErrorState message={board.message} onRetry={reload} />
      ) : visible.length === 0 && !board.hasMore ? (
        active ? (
          <EmptyState
            title="No open requests match"
            action={
              <button type="button" className="btn" onClick={clearFilters}>
                Clear filters
              </button>
            }
          >
            <p>Try another kind of help, any length, or a shorter search.</p>
          </EmptyState>
        ) : (
          <EmptyState title="No open requests right now">
            <p>When a student asks for a one-off session it shows here straight away.</p>
          </EmptyState>
        )
      ) : (
        <>
          <ul className="card-grid mini-board-list" aria-label="Open requests">
            {visible.map((request) => (
              <BoardCard
                key={request.id}
                request={request}
                timeZone={timeZone}
                nowMs={now.getTime()}
                canClaim={role === "mentor" && request.studentId !== uid && !request.releasedBy.includes(uid)}
                gaveBack={request.releasedBy.includes(uid)}
                claiming={claiming === request.id}
                busy={claiming !== null}
                onClaim={() => void claim(request)}
              />
            ))}
          </ul>
          {visible.length === 0 ? <p className="muted">None of these match every word of your search; load more to look further.</p> : null}
          <LoadMore hasMore={board.hasMore} loading={board.loadingMore} error={null} onLoadMore={loadMore} />
        </>
      )}
    </section>
  );
}

function BoardCard({
  request,
  timeZone,
  nowMs,
  canClaim,
  gaveBack,
  claiming,
  busy,
  onClaim,
}: {
  request: MiniRequest;
  timeZone: string;
  nowMs: number;
  canClaim: boolean;
  gaveBack: boolean;
  claiming: boolean;
  busy: boolean;
  onClaim: () => void;
}) {
  const titleId = useId();
  return (
    <li className="card mini-card" aria-labelledby={titleId} data-testid="mini-board-card" data-request-id={request.id}>
      <div className="mini-card-head">
        <h2 id={titleId} className="mini-card-title">
          {request.title}
        </h2>
        <UrgencyBadge urgency={request.urgency} />
      </div>
      <p className="muted small">
        {request.studentName} · {describeWaited(request.createdAtMs, nowMs)} ·{" "}
        <time dateTime={new Date(request.expiresAtMs).toISOString()}>{describeExpiry(request.expiresAtMs, nowMs)}</time>
      </p>
      <p className="mini-card-description">{request.description}</p>
      <MiniRequestFacts request={request} timeZone={timeZone} />
      {gaveBack ? <p className="muted small">You gave this one back, so it is for another mentor now.</p> : null}
      {canClaim ? (
        <div className="form-actions">
          <button type="button" className="btn btn-primary" onClick={onClaim} disabled={busy} aria-describedby={titleId}>
            {claiming ? "Claiming…" : "Claim"}
          </button>
        </div>
      ) : null}
    </li>
  );
}
