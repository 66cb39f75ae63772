import { MATCHING } from "../constants.js";

const HOUR_MS = 3_600_000;

/** The middle value (the mean of the two middle ones for an even count), or null for none. */
export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface ResponsivenessUpdate {
  responseHoursRecent: number[];
  medianResponseHours: number | null;
}

/**
 * A mentor answered a request (accepted or declined it): the answer time joins their last
 * MATCHING.responseSamples answer times, and the median is shown once there are MATCHING.minAnswersForMedian of
 * them. An expired request is no answer and adds nothing. Hours are kept to one decimal.
 */
export function planResponsiveness(input: { recent: readonly number[]; requestedAtMs: number; answeredAtMs: number }): ResponsivenessUpdate {
  const hours = Math.round((Math.max(0, input.answeredAtMs - input.requestedAtMs) / HOUR_MS) * 10) / 10;
  const responseHoursRecent = [...input.recent, hours].slice(-MATCHING.responseSamples);
  const median = responseHoursRecent.length >= MATCHING.minAnswersForMedian ? medianOf(responseHoursRecent) : null;
  return { responseHoursRecent, medianResponseHours: median === null ? null : Math.round(median * 10) / 10 };
}

/** "usually responds within a day" for a median in hours; null when there are not enough answers to say. */
export function describeResponsiveness(medianHours: number | null | undefined): string | null {
  if (medianHours === null || medianHours === undefined || !Number.isFinite(medianHours)) return null;
  if (medianHours <= 1) return "usually responds within an hour";
  if (medianHours <= 4) return "usually responds within a few hours";
  if (medianHours <= 24) return "usually responds within a day";
  if (medianHours <= 72) return "usually responds within 3 days";
  if (medianHours <= 168) return "usually responds within a week";
  return "usually takes more than a week to respond";
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** "active 3 days ago" for a mentor's `lastActiveAt`; null when unknown. */
export function describeLastActive(lastActiveMs: number | null | undefined, nowMs: number): string | null {
  if (lastActiveMs === null || lastActiveMs === undefined) return null;
  const hours = Math.max(0, nowMs - lastActiveMs) / HOUR_MS;
  if (hours < 1) return "active in the last hour";
  if (hours < 24) return `active ${plural(Math.floor(hours), "hour")} ago`;
  const days = Math.floor(hours / 24);
  if (days < 2) return "active yesterday";
  if (days < 14) return `active ${plural(days, "day")} ago`;
  if (days < 60) return `active ${plural(Math.floor(days / 7), "week")} ago`;
  return "active more than 2 months ago";
}
