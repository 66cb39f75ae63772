import { FUNCTIONS_REGION } from "@mentormatch/shared";
import { logger } from "firebase-functions";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { sendSessionReminders as sendDue } from "../lib/session-reminders.js";

/**
 * Every 5 minutes, the 24-hour and 1-hour reminders that are due, to both people of each accepted session. Five
 * minutes keeps "in 1 hour" honest; each run reads only the due sessions, so running often costs nothing extra.
 */
export const sendSessionReminders = onSchedule(
  { schedule: "every 5 minutes", region: FUNCTIONS_REGION, timeoutSeconds: 300 },
  async () => {
    const result = await sendDue({ now: new Date() });
    if (result.examined) logger.info(`send-session-reminders: ${JSON.stringify(result)}`);
  },
);
