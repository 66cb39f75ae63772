import { appLinks, paths } from "@mentormatch/shared";
import { db } from "../lib/app.js";
import { writeAuditEntry } from "../lib/audit.js";
import { defineCallable, fail } from "../lib/callable.js";
import { readProfile } from "../lib/documents.js";
import { readReport, removeChatMessage } from "../lib/moderation.js";
import { prepareNotifications } from "../lib/notify.js";
import { planResolve, reportResolvedText } from "../planners/moderation.js";

/**
 * An admin decides a report: dismiss it, or remove the message. One transaction resolves the report, tells the
 * reporter and writes the audit entry; a removal then blanks the message in the Realtime Database (after the commit,
 * idempotent). The first decision stands: resolving again answers ok with it, and re-applies a removal that may
 * not have reached the chat the first time.
 */
export const resolveReport = defineCallable("resolveReport", async ({ uid, data }) => {
  const firestore = db();
  const reportRef = firestore.doc(paths.report(data.reportId));
  const adminRef = firestore.doc(paths.user(uid));

  const { plan, report } = await firestore.runTransaction(async (tx) => {
    const [reportSnap, adminSnap] = await tx.getAll(reportRef, adminRef);
    const report = readReport(reportSnap);
    const adminName = readProfile(adminSnap)?.displayName ?? "An admin";
    const plan = planResolve({ report, action: data.action, note: data.note ?? "", adminUid: uid, adminName, now: new Date() });
    if (plan.action !== "resolve" || !report) return { plan, report };
    const text = reportResolvedText(plan.decided, report.authorName);
    const notifications = await prepareNotifications(
      tx,
      [
        {
          uid: report.reporterUid,
          input: {
            kind: "report_resolved",
            text,
            link: appLinks.chat(report.chatId),
            dedupeKey: `report:${data.reportId}:resolved`,
            email: {
              subject: "Your report was reviewed",
              heading: "Your report was reviewed",
              paragraphs: [text],
              action: { label: "Open the conversation", path: appLinks.chat(report.chatId) },
            },
          },
        },
      ],
      { db: firestore },
    );
    tx.update(reportRef, plan.reportUpdate);
    writeAuditEntry(firestore, tx, {
      action: plan.audit,
      actorUid: uid,
      actorName: adminName,
      targetUid: report.authorUid,
      targetName: report.authorName,
      reportId: data.reportId,
      note: plan.reportUpdate.note,
    });
    notifications.write();
    return { plan, report };
  });
  if (plan.action === "refuse") throw fail(plan.code, plan.message);
  if (plan.decided === "remove_message" && report) await removeChatMessage(report.chatId, report.messageId);
  return { reportId: data.reportId, status: "resolved", action: plan.decided, changed: plan.action === "resolve" };
});
