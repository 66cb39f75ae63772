import { FUNCTIONS_REGION } from "@mentormatch/shared";
import { logger } from "firebase-functions";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { releaseLapsedMiniClaims as releaseDue } from "../lib/mini-requests.js";

/**
 * Every 15 minutes, returns to the board the claims not scheduled within MINI.scheduleWithinHours, telling the student
 * and counting the missed deadline in the mentor's responsiveness. More often than the expiry: a student waits on it.
 */
export const releaseLapsedMiniClaims = onSchedule({ schedule: "every 15 minutes", region: FUNCTIONS_REGION, timeoutSeconds: 300 }, async () => {
  const result = await releaseDue({ now: new Date() });
  if (result.examined) logger.info(`release-lapsed-mini-claims: ${JSON.stringify(result)}`);
});
