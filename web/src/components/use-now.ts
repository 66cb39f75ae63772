import { useEffect, useState } from "react";

/**
 * The current time at each render, with a re-render every `intervalMs`, so relative times ("5 minutes ago") stay
 * true on a page left open.
 */
export function useNow(intervalMs = 60_000): Date {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return new Date();
}
