import { DEPARTMENTS, DIRECTORY_SORTS, LIMITS, normalizeTag, type Department, type DirectorySort } from "@mentormatch/shared";

export interface DirectoryFilters {
  text: string;
  department: Department | "";
  expertise: string;
  sort: DirectorySort;
}

export const DEFAULT_FILTERS: DirectoryFilters = { text: "", department: "", expertise: "", sort: "rating" };

/**
 * Reads filters from the address bar. A link someone edited or an old bookmark must never break the page, so
 * anything unknown falls back to its default instead of failing validation.
 */
export function filtersFromParams(params: URLSearchParams): DirectoryFilters {
  const department = params.get("department") ?? "";
  const sort = params.get("sort") ?? "";
  return {
    text: (params.get("q") ?? "").slice(0, LIMITS.directoryQuery),
    department: (DEPARTMENTS as readonly string[]).includes(department) ? (department as Department) : "",
    expertise: normalizeTag(params.get("expertise") ?? "").slice(0, LIMITS.tag),
    sort: (DIRECTORY_SORTS as readonly string[]).includes(sort) ? (sort as DirectorySort) : DEFAULT_FILTERS.sort,
  };
}

/** The shortest query string for these filters: defaults are left out so the plain /mentors link stays clean. */
export function paramsFromFilters(filters: DirectoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  const text = filters.text.trim();
  if (text) params.set("q", text);
  if (filters.department) params.set("department", filters.department);
  const expertise = normalizeTag(filters.expertise);
  if (expertise) params.set("expertise", expertise);
  if (filters.sort !== DEFAULT_FILTERS.sort) params.set("sort", filters.sort);
  return params;
}

export function hasActiveFilters(filters: DirectoryFilters): boolean {
  return Boolean(filters.text.trim() || filters.department || normalizeTag(filters.expertise));
}
