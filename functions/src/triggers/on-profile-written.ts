import { FUNCTIONS_REGION } from "@mentormatch/shared";
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { planSearchTokensUpdate } from "../planners/search-tokens-update.js";

/** FAILED_PRECONDITION: the profile changed since this event; that change's own event recomputes the tokens. */
const STALE_EVENT = 9;

/** Keeps `searchTokens` in step with displayName and expertise; writes only on a difference, so it cannot loop. */
export const onProfileWritten = onDocumentWritten({ document: "users/{uid}", region: FUNCTIONS_REGION }, async (event) => {
  const after = event.data?.after;
  if (!after?.exists) return;
  const tokens = planSearchTokensUpdate(after.data());
  if (!tokens) return;
  try {
    await after.ref.update({ searchTokens: tokens }, { lastUpdateTime: after.updateTime });
  } catch (err) {
    if ((err as { code?: number }).code !== STALE_EVENT) throw err;
  }
});
