import { miniRequestFacts, paths, planMiniTransition } from "@mentormatch/shared";
import { db } from "../lib/app.js";
import { defineCallable, fail } from "../lib/callable.js";
import { releasedMessage } from "../lib/mini-messages.js";
import { readMiniRequest } from "../lib/mini-requests.js";
import { prepareNotifications } from "../lib/notify.js";

/**
 * The claimer gives a claimed, not yet scheduled request back: it is open again, the mentor joins `releasedBy` (they
 * cannot claim it again) and the student is told (`mini_released`, with the mentor's note), all in one transaction.
 * Unlike a lapse, a release is not counted against the mentor's responsiveness: giving it back early is the behaviour
 * we want instead of sitting on it.
 */
export const releaseMiniRequest = defineCallable("releaseMiniRequest", async ({ uid, role, data }) => {
  const firestore = db();
  const requestRef = firestore.doc(paths.miniRequest(data.requestId));

  const plan = await firestore.runTransaction(async (tx) => {
    const request = readMiniRequest(await tx.get(requestRef));
    const plan = planMiniTransition({ request: request && miniRequestFacts(request), action: "release", actorUid: uid, actorRole: role, nowMs: Date.now() });
    if (plan.action !== "apply" || !request) return plan;
    const message = releasedMessage(requestRef.id, request, request.claimedByName || "The mentor", plan.claimedAtMs, false, data.reason);
    const notifications = await prepareNotifications(tx, [{ uid: request.studentId, input: message }], { db: firestore });
    tx.update(requestRef, plan.update);
    notifications.write();
    return plan;
  });
  if (plan.action === "refuse") throw fail(plan.code, plan.message, plan.fields);
  return { requestId: data.requestId, status: "open", changed: plan.action === "apply" };
});
