import { MINI, miniRequestFacts, paths, planMiniTransition, type MiniPlan } from "@mentormatch/shared";
import { db } from "../lib/app.js";
import { defineCallable, fail } from "../lib/callable.js";
import { readDisplayName, readProfile, readSettings } from "../lib/documents.js";
import { claimedMessage } from "../lib/mini-messages.js";
import { readMiniRequest } from "../lib/mini-requests.js";
import { addNotificationToBatch } from "../lib/notify.js";

/** gRPC codes of a write whose precondition no longer holds (someone wrote the request since we read it). */
const FAILED_PRECONDITION = 9;
const ABORTED = 10;
const MAX_ROUNDS = 10;

/**
 * A mentor claims an open request. Exactly one of any number racing wins, by Firestore's optimistic concurrency rather
 * than a transaction: each claimant reads the request (with its update time), the mentor's held claims (a query
 * bounded by MINI.maxClaimedPerMentor) and the student's notification settings, asks planMiniTransition, and commits
 * one batch — the claim as an update preconditioned on the update time it read, plus the student's `mini_claimed`
 * notification and mail. The first commit changes the update time, so every other batch fails whole, writing nothing;
 * those claimants read again, find it claimed and are refused with MINI_CLAIMED_MESSAGE.
 *
 * Why not a transaction: fifty transactions reading and writing one document abort each other, and the SDK retries
 * them with exponential backoff; on the emulator that took a minute a round and failed most callers (`npm run
 * bench:races`). A precondition fails at once, costs no lock, and keeps the claim and its notification one commit.
 * What it gives up: the held-claims count is read outside the commit, so a mentor claiming several requests in the same
 * instant could briefly hold one more than the limit; they can only hurt their own 48-hour deadline with it.
 */
export const claimMiniRequest = defineCallable("claimMiniRequest", async ({ uid, data }) => {
  const firestore = db();
  const requestRef = firestore.doc(paths.miniRequest(data.requestId));
  const mentorRef = firestore.doc(paths.user(uid));
  const heldQuery = firestore
    .collection(paths.miniRequests())
    .where("claimedBy", "==", uid)
    .where("status", "==", "claimed")
    .limit(MINI.maxClaimedPerMentor + 1);

  for (let round = 0; round < MAX_ROUNDS; round++) {
    const snap = await requestRef.get();
    const request = readMiniRequest(snap);
    const facts = request && miniRequestFacts(request);
    const nowMs = Date.now();
    // The request alone settles most of a race: once it is claimed, the losers stop here having read one document.
    const first = planMiniTransition({ request: facts, action: "claim", actorUid: uid, actorRole: "mentor", nowMs, claimerOpenClaims: 0 });
    if (first.action !== "apply" || !request || !snap.updateTime) return answer(first, request?.scheduleBy?.toMillis() ?? 0);

    const [[mentorSnap, settingsSnap, studentSnap], held] = await Promise.all([
      firestore.getAll(mentorRef, firestore.doc(paths.userSettings(request.studentId)), firestore.doc(paths.user(request.studentId))),
      heldQuery.get(),
    ]);
    const mentor = readProfile(mentorSnap);
    const plan = planMiniTransition({
      request: facts,
      action: "claim",
      actorUid: uid,
      // Re-read here, beside the other facts: defineCallable's role was read before the request.
      actorRole: mentor?.role ?? null,
      actorName: mentor?.displayName ?? "",
      nowMs,
      claimerOpenClaims: held.docs.filter((doc) => doc.id !== requestRef.id).length,
    });
    if (plan.action !== "apply") return answer(plan, 0);

    const batch = firestore.batch();
    batch.update(requestRef, plan.update, { lastUpdateTime: snap.updateTime });
    const settings = readSettings(settingsSnap);
    if (settings) {
      const recipient = { email: settings.email, displayName: readDisplayName(studentSnap)?.displayName || "there", emailPrefs: settings.emailPrefs };
      addNotificationToBatch(batch, { uid: request.studentId, input: claimedMessage(requestRef.id, request, mentor?.displayName || "A mentor", nowMs), recipient }, { db: firestore });
    }
    try {
      await batch.commit();
      return answer(plan, (plan.update.scheduleBy as Date).getTime());
    } catch (err) {
      const code = (err as { code?: number }).code;
      // Someone else wrote the request first (most likely their claim): read it again and decide again.
      if (code === FAILED_PRECONDITION || code === ABORTED) continue;
      throw err;
    }
  }
  throw fail("aborted", "Too many people are claiming this request at once. Try again in a moment.");

  function answer(plan: MiniPlan, scheduleByMs: number) {
    if (plan.action === "refuse") throw fail(plan.code, plan.message, plan.fields);
    return { requestId: data.requestId, status: "claimed" as const, scheduleByMs, changed: plan.action === "apply" };
  }
});
