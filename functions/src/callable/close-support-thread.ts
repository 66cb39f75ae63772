import { paths } from "@mentormatch/shared";
import { db } from "../lib/app.js";
import { defineCallable, fail } from "../lib/callable.js";
import { authorName, prepareForAll, readSupportThread, supportClosedMessage } from "../lib/support.js";
import { planSupportClose } from "../planners/support.js";

/**
 * An admin closes a conversation, with an optional note kept as its last line; the requester is told in the same
 * transaction. Closing a closed conversation changes nothing and tells nobody, so a double click is harmless.
 */
export const closeSupportThread = defineCallable("closeSupportThread", async ({ uid, role, data }) => {
  const firestore = db();
  const threadRef = firestore.doc(paths.supportThread(data.threadId));
  const messageRef = firestore.collection(paths.supportMessages(data.threadId)).doc();
  const now = new Date();

  const plan = await firestore.runTransaction(async (tx) => {
    const thread = readSupportThread(await tx.get(threadRef));
    const displayName = await authorName(tx, firestore, uid);
    const note = data.note ?? "";
    const plan = planSupportClose({ author: { uid, role, displayName }, thread, note, now });
    if (plan.action !== "close" || !thread) return plan;
    const notifications = await prepareForAll(tx, firestore, [thread.requesterUid], supportClosedMessage(data.threadId, thread, now.getTime(), displayName, note));
    if (plan.message) tx.create(messageRef, plan.message);
    tx.update(threadRef, plan.threadUpdate);
    notifications.write();
    return plan;
  });
  if (plan.action === "refuse") throw fail(plan.code, plan.message);
  return { threadId: data.threadId, status: "closed" as const, changed: plan.action === "close" };
});
