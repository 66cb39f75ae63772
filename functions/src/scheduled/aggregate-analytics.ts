import { FUNCTIONS_REGION } from "@mentormatch/shared";
import type { Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { recomputeProgrammeStats } from "../lib/programme-stats.js";

/** The job's whole work for a given `now`: tests call it directly, since scheduled functions do not fire in the emulators. */
export const runAggregateAnalytics = (now: Date, db?: Firestore) => recomputeProgrammeStats({ now, db });

/**
 * Every hour, the admin analytics (`stats/programme`) and today's snapshot, recomputed in full. Hourly is fresh enough
 * for programme figures, and admins who want the latest press "Refresh" (refreshProgrammeStats).
 */
export const aggregateAnalytics = onSchedule({ schedule: "every 60 minutes", region: FUNCTIONS_REGION, timeoutSeconds: 540, memory: "512MiB" }, async () => {
  const result = await runAggregateAnalytics(new Date());
  logger.info(`aggregate-analytics: ${JSON.stringify(result)}`);
});
