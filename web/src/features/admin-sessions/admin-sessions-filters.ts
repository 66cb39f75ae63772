import { SESSION_KINDS, SESSION_STATUSES, type SessionKind, type SessionStatus } from "@mentormatch/shared";
import * as z from "zod";

export interface AdminSessionsFilters {
  status: SessionStatus | "";
  kind: SessionKind | "";
  /** Names on the loaded rows (mentor or mentee). */
  q: string;
}

/** The address's filters, each checked on its own: a bad one (hand-edited) falls back to "all", the rest stay. */
const fields = {
  status: z.enum(["", ...SESSION_STATUSES]).catch(""),
  kind: z.enum(["", ...SESSION_KINDS]).catch(""),
  q: z
    .string()
    .transform((value) => value.trim().slice(0, 60))
    .catch(""),
};

export function parseAdminSessionsFilters(params: URLSearchParams): AdminSessionsFilters {
  return {
    status: fields.status.parse(params.get("status") ?? ""),
    kind: fields.kind.parse(params.get("kind") ?? ""),
    q: fields.q.parse(params.get("q") ?? ""),
  };
}

export function adminSessionsParams(filters: AdminSessionsFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set("status", filters.status);
  if (filters.kind) params.set("kind", filters.kind);
  if (filters.q) params.set("q", filters.q);
  return params;
}

/** Whether a row's people match a name search: every word starts a word of the mentor's or the mentee's name. */
export function matchesPeople(names: readonly string[], q: string): boolean {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = names.flatMap((name) => name.toLowerCase().split(/[\s'’-]+/).filter(Boolean));
  return words.every((word) => haystack.some((part) => part.startsWith(word)));
}

export const KIND_LABELS: Record<SessionKind, string> = { match: "Regular", mini: "Mini" };
