import { defineCallable } from "../lib/callable.js";
import { reconcileProgrammeStats } from "../lib/reconcile-stats.js";

/**
 * An admin checks the figures against history now instead of waiting for the daily reconciliation: the same check
 * (aggregation queries, a few hundred reads), so pressing it twice, or while the job runs, corrects nothing twice.
 * The figures themselves follow every event within seconds; this is for "are they right?". The contract's access
 * (admins, by current stored role) is all the checking it needs.
 */
export const refreshProgrammeStats = defineCallable("refreshProgrammeStats", async () => {
  const result = await reconcileProgrammeStats({ now: new Date() });
  return { computedAtMs: result.computedAtMs, sourceDocs: result.reads };
}, { timeoutSeconds: 300, memory: "512MiB" });
