import { useEffect, useState } from "react";

/** How long a search box waits after the last keystroke before it queries: one place, so every list feels the same. */
export const TYPING_PAUSE_MS = 300;

export function useDebouncedValue<T>(value: T, delayMs: number = TYPING_PAUSE_MS): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}
