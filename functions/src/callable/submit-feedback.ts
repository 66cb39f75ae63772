import { feedbackDocSchema, paths, parseDoc } from "@mentormatch/shared";
import { Timestamp } from "firebase-admin/firestore";
import { db } from "../lib/app.js";
import { defineCallable, fail } from "../lib/callable.js";
import { feedbackReceivedMessage } from "../lib/completion-messages.js";
import { readProfile } from "../lib/documents.js";
import { prepareNotifications } from "../lib/notify.js";
import { readSession, sessionFacts } from "../lib/sessions.js";
import { planFeedback } from "../planners/session.js";

/**
 * A participant of a completed session rates the other person, once. A callable rather than a client create plus a
 * trigger: one transaction creates `feedback/{sessionId}_{fromUid}` (the id makes it once), folds the rating into the
 * mentor's fn-only rating fields and stamps `countedAt` on the feedback, so the rating is counted exactly when the
 * feedback exists — there is no second event that could count it again. The second of the pair makes both visible.
 */
export const submitFeedback = defineCallable("submitFeedback", async ({ uid, data }) => {
  const firestore = db();
  const sessionRef = firestore.doc(paths.session(data.sessionId));
  const ownRef = firestore.doc(paths.feedback(data.sessionId, uid));

  const result = await firestore.runTransaction(async (tx) => {
    const [sessionSnap, ownSnap] = await tx.getAll(sessionRef, ownRef);
    const session = readSession(sessionSnap);
    const facts = session ? { ...sessionFacts(session), completedAtMs: session.completedAt?.toMillis() ?? null } : null;
    const otherUid = session ? (uid === session.mentorId ? session.menteeId : session.mentorId) : null;
    const counterpartRef = otherUid ? firestore.doc(paths.feedback(data.sessionId, otherUid)) : null;
    const [counterpartSnap, subjectSnap] = otherUid && counterpartRef ? await tx.getAll(counterpartRef, firestore.doc(paths.user(otherUid))) : [];
    const counterpart = counterpartSnap?.exists ? parseDoc(feedbackDocSchema, counterpartSnap.ref.path, counterpartSnap.data()) : null;
    const subject = readProfile(subjectSnap);
    const nowMs = Date.now();
    const plan = planFeedback({
      callerUid: uid,
      session: facts,
      ownExists: ownSnap!.exists,
      counterpart: counterpart ? { visibleAtMs: counterpart.visibleAt.toMillis() } : null,
      subject: { ratingAvg: subject?.ratingAvg ?? 0, ratingCount: subject?.ratingCount ?? 0 },
      rating: data.rating,
      nowMs,
    });
    if (plan.action !== "submit" || !session) return plan;
    const fromName = uid === session.mentorId ? session.mentorName : session.menteeName;
    const notifications = await prepareNotifications(
      tx,
      [{ uid: plan.toUid, input: feedbackReceivedMessage({ sessionId: data.sessionId, fromUid: uid, fromName }) }],
      { db: firestore },
    );
    const now = Timestamp.fromMillis(nowMs);
    tx.create(ownRef, {
      sessionId: data.sessionId,
      kind: session.kind === "mini" ? "mini" : "session",
      fromUid: uid,
      toUid: plan.toUid,
      toRole: plan.toRole,
      fromName,
      rating: data.rating,
      comment: data.comment,
      createdAt: now,
      visibleAt: Timestamp.fromDate(plan.visibleAt),
      visible: plan.visibleAt.getTime() <= nowMs,
      countedAt: plan.profileUpdate ? now : null,
    });
    if (plan.profileUpdate) tx.update(firestore.doc(paths.user(plan.toUid)), { ...plan.profileUpdate });
    if (plan.counterpartVisibleAt && counterpartRef) tx.update(counterpartRef, { visibleAt: Timestamp.fromDate(plan.counterpartVisibleAt), visible: true });
    notifications.write();
    return plan;
  });
  if (result.action === "refuse") throw fail(result.code, result.message, result.fields);
  return { feedbackId: ownRef.id, visibleAt: result.visibleAt.toISOString() };
});
