import { FUNCTIONS_REGION } from "@mentormatch/shared";
import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { db } from "../lib/app.js";
import { SENDGRID_API_KEY, mailFrom, sendgridBaseUrl } from "../lib/config.js";
import { deliverMail } from "../lib/mail.js";

/** Sends each new `mail/` document once; see deliverMail for the lease that makes duplicate events harmless. */
export const onMailCreated = onDocumentCreated(
  { document: "mail/{mailId}", region: FUNCTIONS_REGION, secrets: [SENDGRID_API_KEY] },
  async (event) => {
    const result = await deliverMail(db(), event.params.mailId, {
      apiKey: SENDGRID_API_KEY.value(),
      baseUrl: sendgridBaseUrl(),
      from: mailFrom(),
    });
    if (result.outcome === "error") console.warn(`mail ${event.params.mailId}: ${result.error}`);
  },
);
