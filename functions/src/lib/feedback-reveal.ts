import { paths } from "@mentormatch/shared";
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import { db as defaultDb } from "./app.js";

/**
 * Feedback whose `visibleAt` has passed but is not yet `visible`: the lone half of a pair, FEEDBACK.revealDays after
 * completion. `visible` exists because rules cannot let a list depend on `request.time`; a boolean they can. Reads
 * only what is due (`visible == false`, `visibleAt <= now`), and setting true twice is the same state, so a rerun or
 * an overlap with submitFeedback changes nothing.
 */
export async function revealDueFeedback(options: { now: Date; limit?: number; db?: Firestore }): Promise<{ revealed: number }> {
  const firestore = options.db ?? defaultDb();
  const due = await firestore
    .collection(paths.feedbackList())
    .where("visible", "==", false)
    .where("visibleAt", "<=", Timestamp.fromDate(options.now))
    .orderBy("visibleAt")
    .limit(options.limit ?? 400)
    .get();
  if (due.empty) return { revealed: 0 };
  const batch = firestore.batch();
  for (const doc of due.docs) batch.update(doc.ref, { visible: true });
  await batch.commit();
  return { revealed: due.size };
}
