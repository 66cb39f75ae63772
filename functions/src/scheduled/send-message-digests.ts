import { FUNCTIONS_REGION } from "@mentormatch/shared";
import { logger } from "firebase-functions";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { sendMessageDigests as sendDigests } from "../lib/message-digest.js";

/** Every morning (UTC), the opt-in digest of unread messages: one email per person per day. */
export const sendMessageDigests = onSchedule(
  { schedule: "every day 07:00", timeZone: "UTC", region: FUNCTIONS_REGION, timeoutSeconds: 540 },
  async () => {
    const result = await sendDigests({ now: new Date() });
    if (result.people) logger.info(`send-message-digests: ${JSON.stringify(result)}`);
  },
);
