import { useCallback, useEffect, useState } from "react";
import toast from "react-hot-toast";
import { refreshProgrammeStats, watchProgrammeStats, type ProgrammeStats } from "../../data/stats";
import { errorMessage } from "../../lib/error-message";

export type StatsState = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; stats: ProgrammeStats | null };

/** `stats/programme`, live: the only document the admin pages read for their figures. */
export function useProgrammeStats(): { state: StatsState; retry: () => void } {
  const [state, setState] = useState<StatsState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(
    () =>
      watchProgrammeStats(
        (stats) => setState({ status: "ready", stats }),
        (error) => setState({ status: "error", message: errorMessage(error) }),
      ),
    [attempt],
  );
  const retry = useCallback(() => {
    setState({ status: "loading" });
    setAttempt((n) => n + 1);
  }, []);
  return { state, retry };
}

/** Check against history now; the listener shows any correction, the toast says it worked (or why not). */
export function useRefreshStats(): { refreshing: boolean; refresh: () => Promise<void> } {
  const [refreshing, setRefreshing] = useState(false);
  const refresh = useCallback(async () => {
    setRefreshing(true);
    try {
      const result = await refreshProgrammeStats();
      toast.success(`Figures checked against history (${result.sourceDocs.toLocaleString("en-GB")} reads).`);
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setRefreshing(false);
    }
  }, []);
  return { refreshing, refresh };
}

/** "22 Nov 2026, 09:15": when the figures were computed, in the admin's own zone. */
export function formatUpdated(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(ms));
}
