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
