/** The top of a chart's value axis: the smallest 1, 2 or 5 × 10ⁿ at or above the largest value (at least 1). */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/** Evenly spaced axis labels from 0 to `top`, `count` intervals (values rounded to 2 places). */
export function axisTicks(top: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, i) => Math.round(((top * i) / count) * 100) / 100);
}

export interface Box {
  width: number;
  height: number;
}

export interface BarRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Grouped bars: for each of `groups` (one per week) one bar per series, side by side, with a gap between groups.
 * Heights are scaled to `top`; a value above it (never, with niceMax) is clipped to the box.
 */
export function barRects(series: readonly (readonly number[])[], top: number, box: Box): BarRect[][] {
  const groups = Math.max(0, ...series.map((values) => values.length));
  if (groups === 0 || series.length === 0) return series.map(() => []);
  const slot = box.width / groups;
  const gap = Math.min(slot * 0.25, 8);
  const barWidth = (slot - gap) / series.length;
  return series.map((values, s) =>
    values.map((value, i) => {
      const height = Math.max(0, Math.min(box.height, (value / top) * box.height));
      return { x: i * slot + gap / 2 + s * barWidth, y: box.height - height, width: barWidth, height };
    }),
  );
}

/**
 * An SVG path through the points of one series, x at each group's centre. A null (no data that week) breaks the
 * line rather than drawing it to zero.
 */
export function linePath(values: readonly (number | null)[], top: number, box: Box, bottom = 0): string {
  const slot = values.length > 0 ? box.width / values.length : 0;
  const range = top - bottom || 1;
  let path = "";
  let pen = false;
  values.forEach((value, i) => {
    if (value === null) {
      pen = false;
      return;
    }
    const x = Math.round((i * slot + slot / 2) * 10) / 10;
    const clamped = Math.max(bottom, Math.min(top, value));
    const y = Math.round((box.height - ((clamped - bottom) / range) * box.height) * 10) / 10;
    path += `${pen ? "L" : "M"}${x} ${y}`;
    pen = true;
  });
  return path;
}
