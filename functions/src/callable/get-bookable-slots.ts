import { paths, planUpcomingSessionsQuery } from "@mentormatch/shared";
import { isSchedulingTimeZone, planSlots } from "@mentormatch/shared/scheduling";
import { Timestamp, type Firestore, type Transaction } from "firebase-admin/firestore";
import { db } from "../lib/app.js";
import { defineCallable, fail } from "../lib/callable.js";
import { readMatch } from "../lib/documents.js";
import { readAvailability, readSession, readTimeZone } from "../lib/sessions.js";
import { busyIntervals, holdsTimeOf, refuseMatchAccess, slotWindow } from "../planners/session.js";

/**
 * One person's upcoming sessions that hold their time (holdsTimeOf: accepted, or pending as the mentor or the
 * proposer), from the bounded query of their pending and accepted ones (planUpcomingSessionsQuery). A mentee's
 * invitation from another mentor is left out: it does not lock them, so it must not hide a time they could book.
 */
export async function upcomingSessions(firestore: Firestore, tx: Transaction, uid: string, nowMs: number) {
  const plan = planUpcomingSessionsQuery(uid, nowMs);
  const snap = await tx.get(
    firestore
      .collection(paths.sessions())
      .where("participants", "array-contains", plan.participant)
      .where("status", "in", plan.statuses)
      .where("endAt", ">=", Timestamp.fromMillis(plan.endAtFromMs))
      .orderBy(plan.orderBy.field, plan.orderBy.direction)
      .limit(plan.limit),
  );
  return snap.docs.flatMap((doc) => {
    const session = readSession(doc)!;
    return holdsTimeOf(uid, session) ? [{ id: doc.id, startMs: session.startAt.toMillis(), endMs: session.endAt.toMillis(), status: session.status }] : [];
  });
}

/**
 * The free starts for a session in an accepted match, for either participant: the mentor's availability minus the
 * times either person's sessions hold (accepted ones, and pending ones each has committed to as the mentor or the
 * proposer). Served by a function so neither person reads the other's calendar: the answer says only which starts
 * are free. The booking itself re-checks everything (bookSession).
 */
export const getBookableSlots = defineCallable("getBookableSlots", async ({ uid, data }) => {
  const firestore = db();
  const answer = await firestore.runTransaction(
    async (tx) => {
      const match = readMatch(await tx.get(firestore.doc(paths.match(data.matchId))));
      const refusal = refuseMatchAccess(uid, match);
      if (refusal || !match) return refusal!;
      const other = uid === match.mentorId ? match.menteeId : match.mentorId;
      const [availabilitySnap, viewerSnap, otherSnap] = await tx.getAll(
        firestore.doc(paths.availability(match.mentorId)),
        firestore.doc(paths.user(uid)),
        firestore.doc(paths.user(other)),
      );
      const availability = readAvailability(availabilitySnap);
      if (!availability) return { action: "refuse" as const, code: "failed-precondition" as const, message: "This mentor has not set their available hours yet, so no time can be booked." };
      const nowMs = Date.now();
      const sessions = [...(await upcomingSessions(firestore, tx, match.mentorId, nowMs)), ...(await upcomingSessions(firestore, tx, match.menteeId, nowMs))];
      const window = slotWindow(nowMs, data.fromMs, availability.horizonDays);
      const asked = data.timeZone ?? readTimeZone(viewerSnap);
      // tzdata's "Factory" passes the profile schema but has no clock to compute with.
      const timeZone = isSchedulingTimeZone(asked) ? asked : "UTC";
      const days = planSlots({ nowMs, availability, busy: busyIntervals(sessions), durationMinutes: data.durationMinutes, viewerTimeZone: timeZone })
        .map((day) => ({ date: day.date, slots: day.slots.filter((slot) => slot.startMs >= window.fromMs && slot.startMs < window.toMs) }))
        .filter((day) => day.slots.length > 0);
      return {
        action: "slots" as const,
        output: {
          matchId: data.matchId,
          durationMinutes: data.durationMinutes,
          timeZone,
          mentorTimeZone: availability.timeZone,
          otherTimeZone: readTimeZone(otherSnap),
          days,
          nextFromMs: window.nextFromMs,
        },
      };
    },
    { readOnly: true },
  );
  if (answer.action === "refuse") throw fail(answer.code, answer.message, answer.fields);
  return answer.output;
});
