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
 * What an expired request counts as: an answer after the whole window. The real answer time is unknown but at least
 * that long, so this is the smallest honest value; leaving expiries out would let a mentor who ignores requests show
 * the fast median of the few they answer.
 */
export const UNANSWERED_HOURS = MATCHING.requestDays * 24;

function withSample(recent: readonly number[], hours: number): ResponsivenessUpdate {
  const responseHoursRecent = [...recent, hours].slice(-MATCHING.responseSamples);
  const median = responseHoursRecent.length >= MATCHING.minAnswersForMedian ? medianOf(responseHoursRecent) : null;
  return { responseHoursRecent, medianResponseHours: median === null ? null : Math.round(median * 10) / 10 };
}

/**
 * A mentor answered a request (accepted or declined it): the answer time joins their last
 * MATCHING.responseSamples samples, and the median is shown once there are MATCHING.minAnswersForMedian of them.
 * Hours are kept to one decimal. An expired request is a sample too (planUnansweredRequest).
 */
export function planResponsiveness(input: { recent: readonly number[]; requestedAtMs: number; answeredAtMs: number }): ResponsivenessUpdate {
  const hours = Math.round((Math.max(0, input.answeredAtMs - input.requestedAtMs) / HOUR_MS) * 10) / 10;
  return withSample(input.recent, hours);
}

/** A request expired unanswered: it joins the samples as UNANSWERED_HOURS (the whole window). */
export function planUnansweredRequest(input: { recent: readonly number[] }): ResponsivenessUpdate {
  return withSample(input.recent, UNANSWERED_HOURS);
}

/**
 * Whether an expiry goes into the mentor's responsiveness: once per round (the match's `responseCounted`, set in the
 * same transaction), and only while the mentor still mentors. A mentor whose role was taken away could no longer
 * answer the requests left waiting, so their expiry says nothing about them.
 */
export function planExpiryCount(input: {
  responseCounted: boolean;
  mentor: { role: string; responseHoursRecent: readonly number[] } | null;
}): { action: "skip" } | { action: "count"; mentorUpdate: ResponsivenessUpdate } {
  if (input.responseCounted || !input.mentor || input.mentor.role !== "mentor") return { action: "skip" };
  return { action: "count", mentorUpdate: planUnansweredRequest({ recent: input.mentor.responseHoursRecent }) };
}

/**
 * "usually responds within a day" for a median in hours; "often does not answer requests" once the median reaches
 * the expiry window; null when there are not enough samples to say.
 */
export function describeResponsiveness(medianHours: number | null | undefined): string | null {
  if (medianHours === null || medianHours === undefined || !Number.isFinite(medianHours)) return null;
  // At least half of the recent requests expired unanswered (or were answered only at the very end).
  if (medianHours >= UNANSWERED_HOURS) return "often does not answer requests";
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
