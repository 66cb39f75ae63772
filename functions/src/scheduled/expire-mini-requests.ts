import { FUNCTIONS_REGION } from "@mentormatch/shared";
import { logger } from "firebase-functions";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { expireMiniRequests as expireDue } from "../lib/mini-requests.js";

/** Every hour, closes the open mini requests nobody claimed in MINI.expiryDays and tells each student. */
export const expireMiniRequests = onSchedule({ schedule: "every 1 hours", region: FUNCTIONS_REGION, timeoutSeconds: 300 }, async () => {
  const result = await expireDue({ now: new Date() });
  if (result.examined) logger.info(`expire-mini-requests: ${JSON.stringify(result)}`);
});
