import { FUNCTIONS_REGION } from "@mentormatch/shared";
import { logger } from "firebase-functions";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { revealDueFeedback } from "../lib/feedback-reveal.js";

/** Every hour, opens feedback whose other half never came, FEEDBACK.revealDays after the session was completed. */
export const revealFeedback = onSchedule({ schedule: "every 1 hours", region: FUNCTIONS_REGION, timeoutSeconds: 300 }, async () => {
  const result = await revealDueFeedback({ now: new Date() });
  if (result.revealed) logger.info(`reveal-feedback: ${JSON.stringify(result)}`);
});
