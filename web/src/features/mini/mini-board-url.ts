import {
  LIMITS,
  MINI_BOARD_SORTS,
  MINI_SESSION_TYPES,
  MINI_URGENCIES,
  SESSIONS,
  normalizeTag,
  type MiniBoardSort,
  type MiniSessionType,
  type MiniUrgency,
} from "@mentormatch/shared";

export interface MiniBoardUrlState {
  search: string;
  sessionType: MiniSessionType | "";
  durationMinutes: number | null;
  urgency: MiniUrgency | "";
  tag: string;
  sort: MiniBoardSort;
}

export const DEFAULT_BOARD_STATE: MiniBoardUrlState = { search: "", sessionType: "", durationMinutes: null, urgency: "", tag: "", sort: "newest" };

const SEARCH_MAX = 100;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | "" => ((values as readonly string[]).includes(value ?? "") ? (value as T) : "");

/** The board's filters from the address bar; anything unknown (an edited link, an old bookmark) falls back to its default. */
export function boardStateFromParams(params: URLSearchParams): MiniBoardUrlState {
  const duration = Number(params.get("duration"));
  return {
    search: (params.get("q") ?? "").slice(0, SEARCH_MAX),
    sessionType: oneOf(MINI_SESSION_TYPES, params.get("type")),
    durationMinutes: (SESSIONS.durations as readonly number[]).includes(duration) ? duration : null,
    urgency: oneOf(MINI_URGENCIES, params.get("urgency")),
    tag: normalizeTag(params.get("tag") ?? "").slice(0, LIMITS.tag),
    sort: oneOf(MINI_BOARD_SORTS, params.get("sort")) || DEFAULT_BOARD_STATE.sort,
  };
}

/** The shortest query string for a state: defaults are left out so the plain board link stays clean. */
export function paramsFromBoardState(state: MiniBoardUrlState): URLSearchParams {
  const params = new URLSearchParams();
  const search = state.search.trim();
  if (search) params.set("q", search);
  if (state.sessionType) params.set("type", state.sessionType);
  if (state.durationMinutes) params.set("duration", String(state.durationMinutes));
  if (state.urgency) params.set("urgency", state.urgency);
  const tag = normalizeTag(state.tag.replace(/^#/, ""));
  if (tag) params.set("tag", tag);
  if (state.sort !== DEFAULT_BOARD_STATE.sort) params.set("sort", state.sort);
  return params;
}

export function hasBoardFilters(state: MiniBoardUrlState): boolean {
  return Boolean(state.search.trim() || state.sessionType || state.durationMinutes || state.urgency || normalizeTag(state.tag));
}
