import { paths } from "@mentormatch/shared";
import { isSchedulingTimeZone } from "@mentormatch/shared/scheduling";
import { db } from "../lib/app.js";
import { defineCallable, fail } from "../lib/callable.js";
import { readMiniRequest } from "../lib/mini-requests.js";
import { readAvailability, readTimeZone } from "../lib/sessions.js";
import { miniScheduleFacts, planMiniSlots, refuseMiniSlots } from "../planners/mini-schedule.js";
import { busyIntervals } from "../planners/session.js";
import { upcomingSessions } from "./get-bookable-slots.js";

/**
 * The claimer's free starts for a claimed mini request: getBookableSlots' answer (their hours minus both people's
 * sessions, the same slot planner) kept to the student's preferred dates and daily windows. A function for the same
 * reason as getBookableSlots: the student's calendar never leaves it, only the starts that are free. The answer's
 * `matchId` is the request id (a mini session's `matchId`), `otherTimeZone` the student's. scheduleMiniSession
 * re-checks whatever is chosen.
 */
export const getMiniSlots = defineCallable("getMiniSlots", async ({ uid, data }) => {
  const firestore = db();
  const answer = await firestore.runTransaction(
    async (tx) => {
      const [requestSnap, availabilitySnap, viewerSnap] = await tx.getAll(
        firestore.doc(paths.miniRequest(data.requestId)),
        firestore.doc(paths.availability(uid)),
        firestore.doc(paths.user(uid)),
      );
      const stored = readMiniRequest(requestSnap);
      const refusal = refuseMiniSlots(uid, stored);
      if (refusal || !stored) return refusal!;
      const availability = readAvailability(availabilitySnap);
      if (!availability) {
        return { action: "refuse" as const, code: "failed-precondition" as const, message: "Set your available hours on the Schedule page first, so times can be offered." };
      }
      const nowMs = Date.now();
      const sessions = [...(await upcomingSessions(firestore, tx, uid, nowMs)), ...(await upcomingSessions(firestore, tx, stored.studentId, nowMs))];
      const asked = data.timeZone ?? readTimeZone(viewerSnap);
      // tzdata's "Factory" passes the profile schema but has no clock to compute with.
      const timeZone = isSchedulingTimeZone(asked) ? asked : "UTC";
      const { days, nextFromMs } = planMiniSlots({
        nowMs,
        request: miniScheduleFacts(stored),
        availability,
        busy: busyIntervals(sessions),
        viewerTimeZone: timeZone,
        ...(data.fromMs === undefined ? {} : { fromMs: data.fromMs }),
      });
      return {
        action: "slots" as const,
        output: {
          matchId: data.requestId,
          durationMinutes: stored.durationMinutes,
          timeZone,
          mentorTimeZone: availability.timeZone,
          otherTimeZone: stored.timezone,
          days,
          nextFromMs,
        },
      };
    },
    { readOnly: true },
  );
  if (answer.action === "refuse") throw fail(answer.code, answer.message, answer.fields);
  return answer.output;
});
