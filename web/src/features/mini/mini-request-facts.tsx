import { MINI_SESSION_TYPE_LABELS, MINI_URGENCY_LABELS, type MiniUrgency } from "@mentormatch/shared";
import type { MiniRequest } from "../../data/mini-requests";
import { describeDateRange, describeDayShift, windowInMyZone } from "./mentor-format";

const URGENCY_PILL: Record<MiniUrgency, string> = {
  low: "pill pill-closed",
  normal: "pill pill-soon",
  high: "pill pill-full",
  urgent: "pill pill-urgent",
};

export function UrgencyBadge({ urgency }: { urgency: MiniUrgency }) {
  return (
    <span className={URGENCY_PILL[urgency]} data-testid="mini-urgency">
      {MINI_URGENCY_LABELS[urgency]}
      <span className="sr-only"> urgency</span>
    </span>
  );
}

/**
 * What a mentor needs to decide on a request: the kind of help, how long, and when the student can meet — their
 * daily windows in the viewer's zone first, the student's own clock beside them.
 */
export function MiniRequestFacts({ request, timeZone }: { request: MiniRequest; timeZone: string }) {
  const zoneLabel = request.timezone.replace(/_/g, " ");
  return (
    <dl className="kv mini-facts">
      <dt>Kind of help</dt>
      <dd>{MINI_SESSION_TYPE_LABELS[request.sessionType]}</dd>
      <dt>Length</dt>
      <dd>{request.durationMinutes} minutes</dd>
      <dt>Days</dt>
      <dd>{describeDateRange(request.preferredDateStart, request.preferredDateEnd)}</dd>
      <dt>Times</dt>
      <dd>
        <ul className="mini-windows" data-testid="mini-windows">
          {request.preferredTimeSlots.map((slot) => {
            const window = windowInMyZone(slot, request.preferredDateStart, request.timezone, timeZone);
            return (
              <li key={`${slot.from}-${slot.to}`}>
                {window.same ? (
                  <>{window.mine}</>
                ) : (
                  <>
                    {window.mine} your time{describeDayShift(window.dayShift)}{" "}
                    <span className="muted small">
                      ({window.theirs} in {zoneLabel})
                    </span>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      </dd>
      {request.tags.length > 0 ? (
        <>
          <dt>Tags</dt>
          <dd>
            <ul className="chips" aria-label="Tags">
              {request.tags.map((tag) => (
                <li key={tag} className="chip">
                  #{tag}
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
    </dl>
  );
}
