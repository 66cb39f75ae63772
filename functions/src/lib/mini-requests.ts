import { miniRequestDocSchema, miniRequestFacts, paths, planExpiryCount, planMiniTransition, parseDoc, type MiniRequestDoc } from "@mentormatch/shared";
import { Timestamp, type DocumentReference, type DocumentSnapshot, type Firestore, type Transaction } from "firebase-admin/firestore";
import { db as defaultDb } from "./app.js";
import { readProfile } from "./documents.js";
import { expiredMessage, releasedMessage } from "./mini-messages.js";
import { prepareNotifications } from "./notify.js";
import { countingReads } from "./session-reminders.js";

/** `miniRequests/{id}` parsed by the shared document schema; null when missing, DocumentShapeError when malformed. */
export const readMiniRequest = (snap: DocumentSnapshot | undefined): MiniRequestDoc | null =>
  snap?.exists ? parseDoc(miniRequestDocSchema, snap.ref.path, snap.data()) : null;

export interface MiniJobResult {
  /** Requests the query found due. */
  examined: number;
  /** Those this run moved (the others changed meanwhile, or another run took them). */
  changed: number;
  /** Whether the query hit its limit: more may be due, and the next run takes them. */
  more: boolean;
  /** Documents read: the query's results plus every transaction read (retries included), for `npm run bench:reads`. */
  documentsRead: number;
}

interface JobOptions {
  now: Date;
  limit?: number;
  db?: Firestore;
}

type MiniPlan = ReturnType<typeof planMiniTransition>;
type AppliedPlan = Extract<MiniPlan, { action: "apply" }>;

/**
 * The sweep both jobs are: query only what is due (`status == {status} && {field} <= now`, oldest first, at most
 * `limit`; indexes in miniJobIndexes), then one transaction per request that re-reads it and asks planMiniTransition,
 * so a request that changed meanwhile is left alone and a second run (or two at once) finds nothing to do.
 */
async function sweepDue(
  options: JobOptions,
  due: { status: "open" | "claimed"; field: "expiresAt" | "scheduleBy"; action: "expire" | "lapse"; actor: string },
  apply: (tx: Transaction, ref: DocumentReference, request: MiniRequestDoc, plan: AppliedPlan, firestore: Firestore) => Promise<boolean>,
): Promise<MiniJobResult> {
  const firestore = options.db ?? defaultDb();
  const limit = options.limit ?? 200;
  const nowMs = options.now.getTime();
  const found = await firestore
    .collection(paths.miniRequests())
    .where("status", "==", due.status)
    .where(due.field, "<=", Timestamp.fromDate(options.now))
    .orderBy(due.field)
    .limit(limit)
    .select()
    .get();
  const counter = { reads: found.size };
  let changed = 0;
  for (const doc of found.docs) {
    const done = await firestore.runTransaction(async (rawTx) => {
      const tx = countingReads(rawTx, counter);
      const request = readMiniRequest(await tx.get(doc.ref));
      const plan = planMiniTransition({ request: request && miniRequestFacts(request), action: due.action, actorUid: due.actor, actorRole: null, nowMs });
      if (plan.action !== "apply" || !request) return false;
      return apply(tx, doc.ref, request, plan, firestore);
    });
    if (done) changed += 1;
  }
  return { examined: found.size, changed, more: found.size === limit, documentsRead: counter.reads };
}

/**
 * Expires open requests whose `expiresAt` is at or before `now` and tells each student, with a link to post again
 * (the notification dedupes on `mini:{id}:expired`). The scheduled `expireMiniRequests` calls it every hour; tests and
 * the bench call it with an injected `now`.
 */
export function expireMiniRequests(options: JobOptions): Promise<MiniJobResult> {
  return sweepDue(options, { status: "open", field: "expiresAt", action: "expire", actor: "expire-mini-requests" }, async (tx, ref, request, plan, firestore) => {
    const notifications = await prepareNotifications(tx, [{ uid: request.studentId, input: expiredMessage(ref.id, request) }], { db: firestore });
    tx.update(ref, plan.update);
    notifications.write();
    return true;
  });
}

/**
 * Claim means commit: a claim not scheduled by `scheduleBy` returns to the board. Tells the student
 * (`mini:{id}:released:{claimedAt}`, the key a voluntary release of the same claim uses) and adds the missed deadline
 * to the mentor's responsiveness as an unanswered request (planUnansweredRequest through planExpiryCount, skipped
 * when they no longer mentor). The status change and the sample commit together, so a second run counts nothing.
 */
export function releaseLapsedMiniClaims(options: JobOptions): Promise<MiniJobResult> {
  return sweepDue(options, { status: "claimed", field: "scheduleBy", action: "lapse", actor: "release-lapsed-mini-claims" }, async (tx, ref, request, plan, firestore) => {
    if (!plan.claimer) return false;
    const mentorRef = firestore.doc(paths.user(plan.claimer));
    const count = planExpiryCount({ responseCounted: !plan.countAgainstClaimer, mentor: readProfile(await tx.get(mentorRef)) });
    const message = releasedMessage(ref.id, request, request.claimedByName || "The mentor", plan.claimedAtMs, true);
    const notifications = await prepareNotifications(tx, [{ uid: request.studentId, input: message }], { db: firestore });
    tx.update(ref, plan.update);
    if (count.action === "count") tx.update(mentorRef, { ...count.mentorUpdate });
    notifications.write();
    return true;
  });
}
