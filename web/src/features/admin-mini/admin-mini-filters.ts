import { MINI_SESSION_TYPES, MINI_STATUSES, type AdminMiniSearch, type MiniSessionType, type MiniStatus } from "@mentormatch/shared";
import * as z from "zod";

export interface AdminMiniFilters {
  status: MiniStatus | "";
  sessionType: MiniSessionType | "";
  /** Posted on or after / on or before these days (UTC), "YYYY-MM-DD" or "". */
  from: string;
  to: string;
  /** Student or mentor names on the loaded rows. */
  q: string;
}

export const EMPTY_MINI_FILTERS: AdminMiniFilters = { status: "", sessionType: "", from: "", to: "", q: "" };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (value: string) => {
  const ms = Date.parse(`${value}T00:00:00Z`);
  return DATE.test(value) && !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
};
const dateSchema = z.string().refine((value) => value === "" || isRealDate(value), "Use a date like 2026-11-02.");

export const adminMiniFiltersSchema = z
  .object({
    status: z.enum(["", ...MINI_STATUSES], { message: "Choose a status from the list." }),
    sessionType: z.enum(["", ...MINI_SESSION_TYPES], { message: "Choose a type from the list." }),
    from: dateSchema,
    to: dateSchema,
    q: z.string().trim().max(60, "Search for at most 60 characters."),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, { path: ["to"], message: "The last day must be on or after the first." });

export type MiniFilterErrors = Partial<Record<keyof AdminMiniFilters, string>>;

/** The address's filters: each invalid one is reported and dropped, so a bad link still shows a working table. */
export function parseAdminMiniFilters(params: URLSearchParams): { filters: AdminMiniFilters; errors: MiniFilterErrors } {
  const raw = {
    status: params.get("status") ?? "",
    sessionType: params.get("type") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    q: params.get("q") ?? "",
  };
  const parsed = adminMiniFiltersSchema.safeParse(raw);
  if (parsed.success) return { filters: parsed.data as AdminMiniFilters, errors: {} };
  const errors: MiniFilterErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof AdminMiniFilters;
    errors[field] ??= issue.message;
  }
  const filters = { ...raw, q: raw.q.trim() } as AdminMiniFilters;
  for (const field of Object.keys(errors) as (keyof AdminMiniFilters)[]) filters[field] = "" as never;
  return { filters, errors };
}

export function adminMiniParams(filters: AdminMiniFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set("status", filters.status);
  if (filters.sessionType) params.set("type", filters.sessionType);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (filters.q) params.set("q", filters.q);
  return params;
}

const DAY_MS = 86_400_000;

/** What the query needs: the days as a [from 00:00, the day after `to` 00:00) range in UTC. */
export function adminMiniSearch(filters: AdminMiniFilters): AdminMiniSearch {
  return {
    status: filters.status,
    sessionType: filters.sessionType,
    fromMs: filters.from ? Date.parse(`${filters.from}T00:00:00Z`) : null,
    toMs: filters.to ? Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS : null,
  };
}
