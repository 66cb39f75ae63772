import { FUNCTIONS_REGION } from "@mentormatch/shared";
import { logger } from "firebase-functions";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { expireMatchRequests as expireDue } from "../lib/match-expiry.js";

/** Every hour, expires the pending requests nobody answered in MATCHING.requestDays and tells both people. */
export const expireMatchRequests = onSchedule(
  { schedule: "every 1 hours", region: FUNCTIONS_REGION, timeoutSeconds: 300 },
  async () => {
    const result = await expireDue({ now: new Date() });
    if (result.examined) logger.info(`expire-match-requests: ${JSON.stringify(result)}`);
  },
);
