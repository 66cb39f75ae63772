import { FUNCTIONS_REGION } from "@mentormatch/shared";
import { logger } from "firebase-functions";
import { onRequest } from "firebase-functions/v2/https";
import { serveCalendarFeed } from "../lib/calendar-feed.js";
import { appUrl } from "../lib/config.js";

/**
 * `webcal://<app>/calendar/{token}.ics` (Hosting rewrites `/calendar/**` here; `vite` proxies it locally): a
 * member's sessions for their calendar app. Public by design: the unguessable token is the credential.
 */
export const calendarFeed = onRequest({ region: FUNCTIONS_REGION, invoker: "public" }, async (req, res) => {
  try {
    const answer = await serveCalendarFeed(
      { method: req.method, path: req.path, ifNoneMatch: req.get("if-none-match") },
      { nowMs: Date.now(), appUrl: appUrl() },
    );
    res.status(answer.status).set(answer.headers).send(answer.body);
  } catch (err) {
    logger.error("calendarFeed failed", err);
    res.status(500).set({ "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }).send("Try again later\n");
  }
});
