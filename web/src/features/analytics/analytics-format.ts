/** How the analytics page writes its figures; "—" wherever there is nothing to divide by yet. */
export const NONE = "—";

/** 0.8333 → "83%". */
export const formatRate = (rate: number | null | undefined) => (rate === null || rate === undefined ? NONE : `${Math.round(rate * 100)}%`);

/** 4.567 → "4.57". */
export const formatRating = (avg: number | null | undefined) => (avg === null || avg === undefined ? NONE : avg.toFixed(2));

/** A median wait in minutes: "45 min", "3 h 20 min", "2 d 4 h". */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return NONE;
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  if (m < 48 * 60) {
    const h = Math.floor(m / 60);
    const rest = m % 60;
    return rest ? `${h} h ${rest} min` : `${h} h`;
  }
  const d = Math.floor(m / 1440);
  const h = Math.round((m % 1440) / 60);
  return h ? `${d} d ${h} h` : `${d} d`;
}

/** completed ÷ (completed + no-show), the stats document's definition, for a slice that only carries counts. */
export const completionOf = (counts: { sessionsCompleted: number; sessionsNoShow: number }) => {
  const ended = counts.sessionsCompleted + counts.sessionsNoShow;
  return ended > 0 ? counts.sessionsCompleted / ended : null;
};

/** activeMentees ÷ capacity as a whole percentage (0–100), capped: a mentor over capacity reads as full. */
export function utilisationPercent(active: number, capacity: number): number {
  if (capacity <= 0) return active > 0 ? 100 : 0;
  return Math.min(100, Math.round((active / capacity) * 100));
}
