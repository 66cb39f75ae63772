import { UNANSWERED_HOURS, describeLastActive, describeResponsiveness } from "@mentormatch/shared";

export interface Availability {
  label: string;
  tone: "open" | "full" | "closed";
  spots: number;
}

/** Whether a mentor can take someone on now, from their own switch and capacity minus accepted mentees. */
export function mentorAvailability(mentor: { acceptingRequests: boolean; capacity: number; activeMenteeCount: number }): Availability {
  const spots = Math.max(0, mentor.capacity - mentor.activeMenteeCount);
  if (!mentor.acceptingRequests) return { label: "Not taking requests", tone: "closed", spots };
  if (spots === 0) return { label: "Fully booked", tone: "full", spots };
  return { label: `${spots} ${spots === 1 ? "spot" : "spots"} open`, tone: "open", spots };
}

export interface MentorActivityText {
  /** "usually responds within a day", or null until the mentor has answered (or let expire) enough requests. */
  responds: string | null;
  /** At least half of their recent requests expired unanswered: `responds` says "often does not answer requests". */
  oftenUnanswered: boolean;
  /** "active 3 days ago" (from their last answer), or null when unknown. */
  lastActive: string | null;
  lastActiveAt: Date | null;
}

/** How quickly a mentor answers and when they were last active, in words, from the fields functions keep. */
export function mentorActivity(
  mentor: { medianResponseHours?: number | null; lastActiveAt?: { toMillis(): number } | null },
  now: Date,
): MentorActivityText {
  const lastMs = mentor.lastActiveAt ? mentor.lastActiveAt.toMillis() : null;
  return {
    responds: describeResponsiveness(mentor.medianResponseHours),
    oftenUnanswered: typeof mentor.medianResponseHours === "number" && mentor.medianResponseHours >= UNANSWERED_HOURS,
    lastActive: describeLastActive(lastMs, now.getTime()),
    lastActiveAt: lastMs === null ? null : new Date(lastMs),
  };
}
