import { FUNCTIONS_REGION } from "@mentormatch/shared";
import { logger } from "firebase-functions";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { syncDueChats } from "../lib/chat-sync.js";

/** Every 5 minutes, re-writes the chats whose membership did not follow their match (the outbox left `pending`). */
export const syncChatMembership = onSchedule(
  { schedule: "every 5 minutes", region: FUNCTIONS_REGION, timeoutSeconds: 300 },
  async () => {
    const result = await syncDueChats({ now: new Date() });
    if (result.examined) logger.info(`sync-chat-membership: ${JSON.stringify(result)}`);
  },
);
