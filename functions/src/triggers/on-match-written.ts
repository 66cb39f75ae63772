import { FUNCTIONS_REGION, paths } from "@mentormatch/shared";
import { logger } from "firebase-functions";
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { db } from "../lib/app.js";
import { readMatch, readProfile } from "../lib/documents.js";
import { cancelledMessage, declinedMessage } from "../lib/match-messages.js";
import { notify, prepareNotifications } from "../lib/notify.js";
import { planDeclineCount, planMatchEvent } from "../planners/match.js";

/**
 * The transitions clients make under the rules, followed up here: a mentor's decline tells the mentee and adds the
 * answer time to the mentor's responsiveness; a mentee's cancel tells the mentor. Idempotent: notify() dedupes per
 * transition and round, and the decline is counted in the same transaction that sets the match's `responseCounted`,
 * so a retried event does neither twice. Transitions made by functions (request, accept, end, expiry, a role change)
 * notify in their own transactions; planMatchEvent ignores them.
 */
export const onMatchWritten = onDocumentWritten({ document: "matches/{matchId}", region: FUNCTIONS_REGION }, async (event) => {
  const before = event.data?.before;
  const after = event.data?.after;
  let beforeMatch, afterMatch;
  try {
    beforeMatch = readMatch(before);
    afterMatch = readMatch(after);
  } catch (err) {
    logger.error(`on-match-written: ${event.params.matchId} skipped`, err);
    return;
  }
  const transition = planMatchEvent(beforeMatch, afterMatch);
  if (!transition || !afterMatch) return;

  const firestore = db();
  if (transition === "cancelled") {
    await notify(afterMatch.mentorId, cancelledMessage(afterMatch), undefined, { db: firestore });
    return;
  }

  const matchRef = firestore.doc(paths.match(event.params.matchId));
  const mentorRef = firestore.doc(paths.user(afterMatch.mentorId));
  await firestore.runTransaction(async (tx) => {
    const [matchSnap, mentorSnap] = await tx.getAll(matchRef, mentorRef);
    const plan = planDeclineCount({ match: readMatch(matchSnap), round: afterMatch.round, mentor: readProfile(mentorSnap) });
    const notifications = await prepareNotifications(tx, [{ uid: afterMatch.menteeId, input: declinedMessage(afterMatch) }], { db: firestore });
    if (plan.action === "count") {
      tx.update(mentorRef, plan.mentorUpdate);
      tx.update(matchRef, { responseCounted: true });
    }
    notifications.write();
  });
});
