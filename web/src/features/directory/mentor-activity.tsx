import { MATCHING } from "@mentormatch/shared";
import type { Profile } from "../../data/profiles";
import { formatExactTime } from "../admin/audit-format";
import { mentorActivity } from "./mentor-availability";

/**
 * "Usually responds within a day · Active 3 days ago", the exact time in the viewer's zone; nothing while unknown.
 * Requests that expired unanswered count in the median; a mentor who lets most expire reads "Often does not answer
 * requests", marked as a warning and explained.
 */
export function MentorActivity({ mentor, now, timeZone }: { mentor: Profile; now: Date; timeZone?: string }) {
  const { responds, oftenUnanswered, lastActive, lastActiveAt } = mentorActivity(mentor, now);
  if (!responds && !lastActive) return null;
  const exact = lastActiveAt ? formatExactTime(lastActiveAt, timeZone) : "";
  return (
    <p className="mentor-activity muted small" data-testid="mentor-activity">
      {responds && oftenUnanswered ? (
        <span
          className="pill pill-full"
          data-testid="mentor-often-unanswered"
          title={`Most of their recent requests expired after ${MATCHING.requestDays} days without an answer.`}
        >
          {capitalize(responds)}
          <span className="sr-only">: most of their recent requests expired after {MATCHING.requestDays} days without an answer</span>
        </span>
      ) : responds ? (
        <span>{capitalize(responds)}</span>
      ) : null}
      {responds && lastActive ? (
        <>
          <span aria-hidden="true"> · </span>
          <span className="sr-only">, </span>
        </>
      ) : null}
      {lastActive && lastActiveAt ? (
        <time dateTime={lastActiveAt.toISOString()} title={exact}>
          {responds ? lastActive : capitalize(lastActive)}
          <span className="sr-only"> ({exact})</span>
        </time>
      ) : null}
    </p>
  );
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
