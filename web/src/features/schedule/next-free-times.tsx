import { isSchedulingTimeZone, planSlots, type Availability } from "@mentormatch/shared/scheduling";
import { useEffect, useMemo, useState } from "react";
import { ListSkeleton } from "../../components/states";
import { useNow } from "../../components/use-now";
import { watchAvailability } from "../../data/availability";
import { errorMessage } from "../../lib/error-message";
import { browserTimeZone } from "../auth/time-zones";
import { describeSlot, pickSpreadSlots } from "./schedule-form";

// Loaded lazily by the mentor's profile page: this file brings Temporal (through planSlots) and the availability data
// layer, neither of which belongs in the first download or the profile page's own chunk.

const SHOWN = 8;
const DURATION_MINUTES = 30;

type State = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; availability: Availability | null };

/**
 * "Next free times" on a mentor's profile: the next few starts of a 30-minute session in the viewer's zone, each with
 * the mentor's own clock beside it. The mentor's sessions are private, so booked times are not taken out here;
 * booking re-checks them.
 */
export function NextFreeTimes({ mentorId, mentorName, viewerTimeZone }: { mentorId: string; mentorName: string; viewerTimeZone?: string }) {
  const [state, setState] = useState<State>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const now = useNow();
  const nowMs = now.getTime();
  const zone = isSchedulingTimeZone(viewerTimeZone) ? viewerTimeZone : browserTimeZone();

  useEffect(
    () =>
      watchAvailability(
        mentorId,
        (availability) => setState({ status: "ready", availability }),
        (error) => setState({ status: "error", message: errorMessage(error) }),
      ),
    [mentorId, attempt],
  );

  const availability = state.status === "ready" ? state.availability : null;
  const slots = useMemo(() => {
    if (!availability) return [];
    try {
      const days = planSlots({ nowMs, availability, busy: [], durationMinutes: DURATION_MINUTES, viewerTimeZone: zone });
      return pickSpreadSlots(days.flatMap((day) => day.slots), SHOWN);
    } catch (error) {
      console.error(error);
      return [];
    }
  }, [availability, nowMs, zone]);

  return (
    <section className="card next-free-times" aria-labelledby="free-times-title" aria-busy={state.status === "loading"}>
      <h2 id="free-times-title">Next free times</h2>
      {state.status === "loading" ? (
        <ListSkeleton rows={3} />
      ) : state.status === "error" ? (
        <div role="alert">
          <p className="muted">Free times could not be loaded. {state.message}</p>
          <button type="button" className="btn btn-small" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </div>
      ) : !availability ? (
        <p className="muted">No availability set. {mentorName} has not added the hours mentees can book yet.</p>
      ) : slots.length === 0 ? (
        <p className="muted">No free times in {mentorName}'s booking window right now.</p>
      ) : (
        <>
          <p className="field-hint">
            30-minute sessions, in your time zone ({zone.replace(/_/g, " ")}), with {mentorName}'s time ({availability.timeZone.replace(/_/g, " ")})
            beside each. Times already booked are removed when you book.
          </p>
          <ul className="free-times" data-testid="next-free-times">
            {slots.map((slot) => (
              <li key={slot.startMs}>
                <time dateTime={new Date(slot.startMs).toISOString()}>{describeSlot(slot)}</time>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
