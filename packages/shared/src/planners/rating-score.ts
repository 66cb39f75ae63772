import { FEEDBACK } from "../constants.js";

export interface RatingSummary {
  ratingAvg: number;
  ratingCount: number;
  ratingScore: number;
}

/**
 * The directory's sort key: a Bayesian average that adds FEEDBACK.priorWeight imaginary ratings of
 * FEEDBACK.priorMean, so a few reviews count for less than many. Unrated people score 0, so "Highest rated" lists
 * rated mentors first instead of ranking an empty record at the prior.
 */
export function ratingScore(ratingAvg: number, ratingCount: number, prior: { mean: number; weight: number } = { mean: FEEDBACK.priorMean, weight: FEEDBACK.priorWeight }): number {
  if (ratingCount <= 0) return 0;
  return round4((prior.weight * prior.mean + ratingAvg * ratingCount) / (prior.weight + ratingCount));
}

/** A profile's rating fields after one more rating. Rounded so repeated folding does not drift in the last digits. */
export function addRating(current: Pick<RatingSummary, "ratingAvg" | "ratingCount">, rating: number): RatingSummary {
  const ratingCount = current.ratingCount + 1;
  const ratingAvg = round4((current.ratingAvg * current.ratingCount + rating) / ratingCount);
  return { ratingAvg, ratingCount, ratingScore: ratingScore(ratingAvg, ratingCount) };
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
