import { appLinks, paths, reportIdOf } from "@mentormatch/shared";
import { db } from "../lib/app.js";
import { defineCallable, fail } from "../lib/callable.js";
import { readProfile } from "../lib/documents.js";
import { adminUids, readChatMessage, readReport } from "../lib/moderation.js";
import { prepareNotifications } from "../lib/notify.js";
import { planReport, reportFiledText } from "../planners/moderation.js";

/**
 * A chat member reports a message from the other member to the admins' review queue. The message is read from the
 * Realtime Database as admin (membership and author checked there), then one transaction writes the report, with a
 * snapshot of the message, under an id per reporter and message, and tells the admins. Reporting twice answers ok
 * and writes once: the transaction finds the report and does nothing.
 */
export const reportMessage = defineCallable("reportMessage", async ({ uid, data }) => {
  const firestore = db();
  const reportId = reportIdOf(data.chatId, data.messageId, uid);
  const reportRef = firestore.doc(paths.report(reportId));
  const { members, message } = await readChatMessage(data.chatId, data.messageId);

  const plan = await firestore.runTransaction(async (tx) => {
    const refs = [reportRef, firestore.doc(paths.user(uid)), ...(message ? [firestore.doc(paths.user(message.from))] : [])];
    const [reportSnap, reporterSnap, authorSnap] = await tx.getAll(...refs);
    const plan = planReport({
      reporterUid: uid,
      members,
      message,
      existing: readReport(reportSnap),
      reporterName: readProfile(reporterSnap)?.displayName ?? "A member",
      authorName: readProfile(authorSnap)?.displayName ?? "a former member",
      chatId: data.chatId,
      messageId: data.messageId,
      reason: data.reason,
      details: data.details ?? "",
      now: new Date(),
    });
    if (plan.action !== "create") return plan;
    const admins = await adminUids(firestore, tx);
    const text = reportFiledText(plan.doc);
    const notifications = await prepareNotifications(
      tx,
      admins.map((admin) => ({
        uid: admin,
        input: {
          kind: "report_filed" as const,
          text,
          link: appLinks.moderation(),
          dedupeKey: `report:${reportId}:filed`,
          email: {
            subject: "A chat message was reported",
            heading: "A report waits for review",
            paragraphs: [text, "Review it in the moderation queue: dismiss the report, or remove the message."],
            action: { label: "Open the review queue", path: appLinks.moderation() },
          },
        },
      })),
      { db: firestore },
    );
    tx.create(reportRef, plan.doc);
    notifications.write();
    return plan;
  });
  if (plan.action === "refuse") throw fail(plan.code, plan.message);
  return { reportId, created: plan.action === "create" };
});
