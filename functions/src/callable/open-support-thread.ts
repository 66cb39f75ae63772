import { paths } from "@mentormatch/shared";
import { db } from "../lib/app.js";
import { defineCallable, fail } from "../lib/callable.js";
import { adminUids, authorName, openThreadCount, prepareForAll, supportOpenedMessage } from "../lib/support.js";
import { planSupportOpen } from "../planners/support.js";

/**
 * Anyone in the programme opens a support conversation with its first message. A callable rather than a client
 * write because the admins are told in the same transaction, and the open-thread limit needs a consistent count.
 */
export const openSupportThread = defineCallable("openSupportThread", async ({ uid, role, data }) => {
  const firestore = db();
  const threadRef = firestore.collection(paths.supportThreads()).doc();
  const messageRef = firestore.collection(paths.supportMessages(threadRef.id)).doc();
  const now = new Date();

  const plan = await firestore.runTransaction(async (tx) => {
    const displayName = await authorName(tx, firestore, uid);
    const openCount = await openThreadCount(tx, firestore, uid);
    const admins = await adminUids(tx, firestore, uid);
    const plan = planSupportOpen({ author: { uid, role, displayName }, openCount, subject: data.subject, text: data.text, now });
    if (plan.action !== "open") return plan;
    const notifications = await prepareForAll(tx, firestore, admins, supportOpenedMessage(threadRef.id, plan.thread, data.text, "opened"));
    tx.create(threadRef, plan.thread);
    tx.create(messageRef, plan.message);
    notifications.write();
    return plan;
  });
  if (plan.action === "refuse") throw fail(plan.code, plan.message);
  return { threadId: threadRef.id };
});
