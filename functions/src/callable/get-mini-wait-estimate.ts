import { MINI, paths, planMiniWaitEstimate } from "@mentormatch/shared";
import { Timestamp } from "firebase-admin/firestore";
import { db } from "../lib/app.js";
import { defineCallable } from "../lib/callable.js";

/**
 * What a student can expect before posting: the median time from posting to the first claim of the newest
 * MINI.waitSample claimed requests of the same type and urgency. A callable because students cannot read other
 * students' requests; it answers only the figure. The query is bounded (limit, two fields only) and ordered by the
 * first claim: Firestore orders a range query by its range field first, and the newest claims are the recent ones
 * anyway.
 */
export const getMiniWaitEstimate = defineCallable("getMiniWaitEstimate", async ({ data }) => {
  const snap = await db()
    .collection(paths.miniRequests())
    .where("sessionType", "==", data.sessionType)
    .where("urgency", "==", data.urgency)
    // A range on the timestamp leaves out the requests never claimed (null is not a timestamp).
    .where("firstClaimedAt", ">", Timestamp.fromMillis(0))
    .orderBy("firstClaimedAt", "desc")
    .limit(MINI.waitSample)
    .select("createdAt", "firstClaimedAt")
    .get();
  const minutes = snap.docs.map((doc) => {
    const created = doc.get("createdAt") as Timestamp | undefined;
    const claimed = doc.get("firstClaimedAt") as Timestamp | undefined;
    return created && claimed ? (claimed.toMillis() - created.toMillis()) / 60_000 : Number.NaN;
  });
  return planMiniWaitEstimate(minutes);
});
