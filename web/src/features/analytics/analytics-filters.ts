import * as z from "zod";

/** The preset ranges of the trend charts, in weeks; the stats document keeps STATS.weeks (52). */
export const RANGE_WEEKS = [4, 12, 26, 52] as const;
export type RangeWeeks = (typeof RANGE_WEEKS)[number];
export const DEFAULT_RANGE: RangeWeeks = 12;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (value: string) => {
  const ms = Date.parse(`${value}T00:00:00Z`);
  return DATE.test(value) && !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
};

export interface AnalyticsFilters {
  weeks: RangeWeeks;
  /** A custom range (both set, from ≤ to) replaces the preset. */
  from: string;
  to: string;
  /** "" = the whole programme. */
  department: string;
}

export const DEFAULT_FILTERS: AnalyticsFilters = { weeks: DEFAULT_RANGE, from: "", to: "", department: "" };

const dateParam = (label: string) =>
  z
    .string()
    .refine((value) => value === "" || isRealDate(value), `The ${label} date must be a date like 2026-11-02.`)
    .default("");

/**
 * What the address may carry (`?weeks=26&from=…&to=…&dept=…`). A hand-edited address is untrusted input: each bad
 * value is reported next to its control and replaced by the default rather than breaking the page.
 */
export const analyticsFiltersSchema = z
  .object({
    weeks: z
      .string()
      .default(String(DEFAULT_RANGE))
      .transform((value) => Number(value))
      .refine((value): value is RangeWeeks => (RANGE_WEEKS as readonly number[]).includes(value), "Choose 4, 12, 26 or 52 weeks."),
    from: dateParam("first"),
    to: dateParam("last"),
    dept: z.string().trim().max(60, "That department name is too long.").default(""),
  })
  .superRefine((value, ctx) => {
    if (value.from && value.to && value.from > value.to) ctx.addIssue({ code: "custom", path: ["to"], message: "The last date must be on or after the first." });
    if (Boolean(value.from) !== Boolean(value.to)) ctx.addIssue({ code: "custom", path: [value.from ? "to" : "from"], message: "Give both dates, or neither." });
  });

export type FilterField = "weeks" | "from" | "to" | "dept";

/**
 * The filters an address asks for, checked: valid fields are kept, an invalid one falls back to its default and says
 * why. `departments` are those the stats document knows: any other name is refused (it would only show zeros).
 */
export function parseAnalyticsFilters(
  params: URLSearchParams,
  departments: readonly string[] | null,
): { filters: AnalyticsFilters; errors: Partial<Record<FilterField, string>> } {
  const raw = {
    weeks: params.get("weeks") ?? undefined,
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
    dept: params.get("dept") ?? undefined,
  };
  const errors: Partial<Record<FilterField, string>> = {};
  const parsed = analyticsFiltersSchema.safeParse(raw);
  let filters: AnalyticsFilters;
  if (parsed.success) {
    filters = { weeks: parsed.data.weeks as RangeWeeks, from: parsed.data.from, to: parsed.data.to, department: parsed.data.dept };
  } else {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as FilterField | undefined;
      if (field && !errors[field]) errors[field] = issue.message;
    }
    // Keep what was fine; a range problem drops the whole custom range.
    const rangeBad = Boolean(errors.from || errors.to);
    const weeks = Number(raw.weeks ?? DEFAULT_RANGE);
    filters = {
      weeks: errors.weeks ? DEFAULT_RANGE : ((RANGE_WEEKS as readonly number[]).includes(weeks) ? (weeks as RangeWeeks) : DEFAULT_RANGE),
      from: rangeBad ? "" : (raw.from ?? ""),
      to: rangeBad ? "" : (raw.to ?? ""),
      department: errors.dept ? "" : (raw.dept ?? "").trim(),
    };
  }
  if (filters.department && departments && !departments.includes(filters.department)) {
    errors.dept = `There are no figures for “${filters.department}”.`;
    filters = { ...filters, department: "" };
  }
  return { filters, errors };
}

/** The address for a set of filters, leaving out defaults so a plain visit has a plain address. */
export function filtersToParams(filters: AnalyticsFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.from && filters.to) {
    params.set("from", filters.from);
    params.set("to", filters.to);
  } else if (filters.weeks !== DEFAULT_RANGE) params.set("weeks", String(filters.weeks));
  if (filters.department) params.set("dept", filters.department);
  return params;
}
