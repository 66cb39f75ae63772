import { paths } from "@mentormatch/shared";
import { db } from "../lib/app.js";
import { defineCallable, fail } from "../lib/callable.js";
import { adminUids, authorName, prepareForAll, readSupportThread, supportRepliedMessage } from "../lib/support.js";
import { planSupportMessage } from "../planners/support.js";

/**
 * The requester or an admin writes in an open conversation. A callable because the other side is told in the same
 * transaction as the message and the thread's summary, and because "closed means read-only" is then decided on the
 * document as it is at commit, not as a client last saw it.
 */
export const postSupportMessage = defineCallable("postSupportMessage", async ({ uid, role, data }) => {
  const firestore = db();
  const threadRef = firestore.doc(paths.supportThread(data.threadId));
  const messageRef = firestore.collection(paths.supportMessages(data.threadId)).doc();
  const now = new Date();

  const plan = await firestore.runTransaction(async (tx) => {
    const thread = readSupportThread(await tx.get(threadRef));
    const displayName = await authorName(tx, firestore, uid);
    const plan = planSupportMessage({ author: { uid, role, displayName }, thread, text: data.text, now });
    if (plan.action !== "post" || !thread) return plan;
    const recipients = plan.side === "requester" ? await adminUids(tx, firestore, uid) : [thread.requesterUid];
    const notifications = await prepareForAll(tx, firestore, recipients, supportRepliedMessage(data.threadId, thread, messageRef.id, plan.message));
    tx.create(messageRef, plan.message);
    tx.update(threadRef, plan.threadUpdate);
    notifications.write();
    return plan;
  });
  if (plan.action === "refuse") throw fail(plan.code, plan.message);
  return { threadId: data.threadId, messageId: messageRef.id };
});
