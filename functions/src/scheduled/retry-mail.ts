import { FUNCTIONS_REGION } from "@mentormatch/shared";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { db } from "../lib/app.js";
import { SENDGRID_API_KEY, mailFrom, sendgridBaseUrl } from "../lib/config.js";
import { retryStalledMail } from "../lib/mail.js";

/** Every 10 minutes, retries failed sends that have attempts left and sends whose sender died mid-lease. */
export const retryMail = onSchedule(
  { schedule: "every 10 minutes", region: FUNCTIONS_REGION, secrets: [SENDGRID_API_KEY], timeoutSeconds: 300 },
  async () => {
    const result = await retryStalledMail(db(), {
      apiKey: SENDGRID_API_KEY.value(),
      baseUrl: sendgridBaseUrl(),
      from: mailFrom(),
    });
    if (result.examined) console.log(`retry-mail: ${JSON.stringify(result)}`);
  },
);
