import { defineCallable } from "../lib/callable.js";
import { recomputeProgrammeStats } from "../lib/programme-stats.js";

/**
 * An admin recomputes the analytics now instead of waiting for the hourly job: the same full recompute, so pressing it
 * twice, or while the job runs, writes the same numbers. The contract's access (admins, by current stored role) is
 * all the checking it needs.
 */
export const refreshProgrammeStats = defineCallable("refreshProgrammeStats", async () => {
  const result = await recomputeProgrammeStats({ now: new Date() });
  return { computedAtMs: result.computedAtMs, sourceDocs: result.sourceDocs };
}, { timeoutSeconds: 300, memory: "512MiB" });
