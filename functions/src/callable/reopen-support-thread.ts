import { paths } from "@mentormatch/shared";
import { db } from "../lib/app.js";
import { defineCallable, fail } from "../lib/callable.js";
import { adminUids, openThreadCount, prepareForAll, readSupportThread, supportOpenedMessage } from "../lib/support.js";
import { planSupportReopen } from "../planners/support.js";

/**
 * The requester reopens a closed conversation when they still need help. It counts toward the open-thread limit
 * like a new one, and the admins are told in the same transaction.
 */
export const reopenSupportThread = defineCallable("reopenSupportThread", async ({ uid, data }) => {
  const firestore = db();
  const threadRef = firestore.doc(paths.supportThread(data.threadId));
  const now = new Date();

  const plan = await firestore.runTransaction(async (tx) => {
    const thread = readSupportThread(await tx.get(threadRef));
    const openCount = await openThreadCount(tx, firestore, uid);
    const plan = planSupportReopen({ callerUid: uid, thread, openCount, now });
    if (plan.action !== "reopen" || !thread) return plan;
    const admins = await adminUids(tx, firestore, uid);
    const notifications = await prepareForAll(tx, firestore, admins, supportOpenedMessage(data.threadId, thread, "", `reopened:${now.getTime()}`));
    tx.update(threadRef, plan.threadUpdate);
    notifications.write();
    return plan;
  });
  if (plan.action === "refuse") throw fail(plan.code, plan.message);
  return { threadId: data.threadId, status: "open" as const, changed: plan.action === "reopen" };
});
