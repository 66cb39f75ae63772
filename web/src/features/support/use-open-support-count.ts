import { useEffect, useState } from "react";
import { watchOpenSupportCount } from "../../data/support";

/** Admins' sidebar badge: open support conversations, live over a bounded query; 0 (and no listener) for others. */
export function useOpenSupportCount(enabled: boolean): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!enabled) {
      setCount(0);
      return;
    }
    // A hint like the other badges: a failed listener (a stale admin token) shows no counter.
    return watchOpenSupportCount(setCount, (error) => console.warn("support count listener failed", error));
  }, [enabled]);
  return count;
}
