import { MINI, MINI_ACTIVE_STATUSES, paths, planMiniPost } from "@mentormatch/shared";
import { db } from "../lib/app.js";
import { defineCallable, fail } from "../lib/callable.js";
import { readProfile } from "../lib/documents.js";
import { postedMessage } from "../lib/mini-messages.js";
import { prepareNotifications } from "../lib/notify.js";

/**
 * A student posts a mini mentorship request. A callable, not a client create: the dates must not start before the
 * student's today in their own zone (`now`, which rules only know as UTC), and the student may have at most
 * MINI.maxActivePerStudent live requests, a count no rule can take. One transaction reads the profile (for the name on
 * the card) and the student's open, claimed and scheduled requests (a query bounded by that limit), asks planMiniPost,
 * and creates the whole document with the student's "request posted" notification.
 */
export const postMiniRequest = defineCallable("postMiniRequest", async ({ uid, data }) => {
  const firestore = db();
  const studentRef = firestore.doc(paths.user(uid));
  const requestRef = firestore.collection(paths.miniRequests()).doc();
  const activeQuery = firestore
    .collection(paths.miniRequests())
    .where("studentId", "==", uid)
    .where("status", "in", [...MINI_ACTIVE_STATUSES])
    .limit(MINI.maxActivePerStudent);

  const plan = await firestore.runTransaction(async (tx) => {
    const student = readProfile(await tx.get(studentRef));
    const active = await tx.get(activeQuery);
    const plan = planMiniPost({
      fields: data,
      studentId: uid,
      student: student && { role: student.role, displayName: student.displayName },
      activeCount: active.size,
      nowMs: Date.now(),
    });
    if (plan.action === "refuse") return plan;
    const message = postedMessage(requestRef.id, plan.doc, plan.doc.expiresAt.getTime());
    const notifications = await prepareNotifications(tx, [{ uid, input: message }], { db: firestore });
    tx.create(requestRef, plan.doc);
    notifications.write();
    return plan;
  });
  if (plan.action === "refuse") throw fail(plan.code, plan.message, plan.fields);
  return { requestId: requestRef.id, expiresAtMs: plan.doc.expiresAt.getTime() };
});
