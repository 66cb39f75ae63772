export type StarFill = "full" | "half" | "empty";

/** Five stars for an average, rounded to the nearest half so 4.3 shows 4½ and 4.8 shows 5. */
export function starFills(average: number): StarFill[] {
  const clamped = Number.isFinite(average) ? Math.min(5, Math.max(0, average)) : 0;
  const halves = Math.round(clamped * 2);
  return Array.from({ length: 5 }, (_, i) => (halves >= (i + 1) * 2 ? "full" : halves === i * 2 + 1 ? "half" : "empty"));
}

/** "4.5" — one decimal, the same in every locale the UI is written for. */
export function formatAverage(average: number): string {
  return (Math.round(Math.min(5, Math.max(0, average)) * 10) / 10).toFixed(1);
}

export function pluralize(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}

/** What the stars say, for the visible count and for screen readers. */
export function describeRating(average: number, count: number): { short: string; spoken: string } {
  if (!count) return { short: "No ratings yet", spoken: "No ratings yet" };
  const value = formatAverage(average);
  return { short: `${value} (${pluralize(count, "rating")})`, spoken: `Rated ${value} out of 5 from ${pluralize(count, "rating")}` };
}
