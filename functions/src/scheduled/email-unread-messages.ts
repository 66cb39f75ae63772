import { CHAT_EMAIL, FUNCTIONS_REGION } from "@mentormatch/shared";
import { logger } from "firebase-functions";
import { defineInt } from "firebase-functions/params";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { emailUnreadMessages as emailDue } from "../lib/unread-mail.js";

/** Minutes a chat message stays unread before its email; set per deploy in functions/.env.<project-id>. */
export const CHAT_UNREAD_EMAIL_MINUTES = defineInt("CHAT_UNREAD_EMAIL_MINUTES", {
  default: CHAT_EMAIL.unreadDelayMinutes,
  description: "Minutes a chat message stays unread before the recipient gets one email about it.",
});

/** Every 15 minutes, emails people about chat messages left unread for CHAT_UNREAD_EMAIL_MINUTES. */
export const emailUnreadMessages = onSchedule(
  { schedule: "every 15 minutes", region: FUNCTIONS_REGION, timeoutSeconds: 300 },
  async () => {
    // A param's default is applied at deploy; 0 or less would mail on every send, so it falls back too.
    const minutes = CHAT_UNREAD_EMAIL_MINUTES.value();
    const result = await emailDue({ now: new Date(), delayMinutes: minutes > 0 ? minutes : CHAT_EMAIL.unreadDelayMinutes });
    if (result.examined) logger.info(`email-unread-messages: ${JSON.stringify(result)}`);
  },
);
