import { FUNCTIONS_REGION } from "@mentormatch/shared";
import type { Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { reconcileProgrammeStats } from "../lib/reconcile-stats.js";

/** The job's whole work for a given `now`: tests call it directly, since scheduled functions do not fire in the emulators. */
export const runAggregateAnalytics = (now: Date, db?: Firestore, settleMs?: number) => reconcileProgrammeStats({ now, db, settleMs });

/**
 * Every day at 03:00 UTC (a quiet hour), the counters that triggers keep per event are checked against history with
 * aggregation queries, drift corrected and reported, and the day's snapshot written. The figures themselves are
 * fresh within seconds of each event; this only guards them.
 */
export const aggregateAnalytics = onSchedule({ schedule: "every day 03:00", timeZone: "UTC", region: FUNCTIONS_REGION, timeoutSeconds: 540, memory: "512MiB" }, async () => {
  const result = await runAggregateAnalytics(new Date());
  logger.info(`aggregate-analytics: ${JSON.stringify(result)}`);
});
