import { MINI_STATUSES, type MiniStatus } from "@mentormatch/shared";

/** What the student's list and the details page need of a request (the data layer's MiniRequest has more). */
export interface MiniRequestLike {
  status: MiniStatus;
  createdAtMs: number;
  expiresAtMs: number;
  claimedAtMs: number | null;
  firstClaimedAtMs: number | null;
  scheduledAtMs: number | null;
  scheduledStartMs: number | null;
  completedAtMs: number | null;
  cancelledAtMs: number | null;
  expiredAtMs: number | null;
}

export const MINI_STATUS_LABELS: Record<MiniStatus, string> = {
  open: "Open",
  claimed: "Claimed",
  scheduled: "Scheduled",
  completed: "Completed",
  cancelled: "Cancelled",
  expired: "Expired",
};

/** The same palette as sessions and matches: waiting on a mentor, in progress, booked, or closed. */
export function miniStatusPillClass(status: MiniStatus): string {
  if (status === "open") return "pill pill-full";
  if (status === "claimed") return "pill pill-soon";
  if (status === "scheduled") return "pill pill-open";
  return "pill pill-closed";
}

/**
 * The status a student should read: an open request whose `expiresAt` has passed is expired even before the expiry
 * job has written it (the board hides it from that moment already).
 */
export function effectiveStatus(request: Pick<MiniRequestLike, "status" | "expiresAtMs">, nowMs: number): MiniStatus {
  return request.status === "open" && request.expiresAtMs <= nowMs ? "expired" : request.status;
}

/** Live counts per status for the filter chips (every status present, zero included). */
export function countByStatus(requests: readonly Pick<MiniRequestLike, "status" | "expiresAtMs">[], nowMs: number): Record<MiniStatus, number> {
  const counts = Object.fromEntries(MINI_STATUSES.map((status) => [status, 0])) as Record<MiniStatus, number>;
  for (const request of requests) counts[effectiveStatus(request, nowMs)] += 1;
  return counts;
}

/** The student may cancel while nobody has met yet: open, claimed or scheduled (the server decides the rest). */
export const canCancelMini = (status: MiniStatus) => status === "open" || status === "claimed" || status === "scheduled";

/** Requests that ended without a session can be posted again with the same answers. */
export const canPostAgain = (status: MiniStatus) => status === "expired" || status === "cancelled";

export interface TimelineStep {
  key: string;
  label: string;
  atMs: number | null;
  state: "done" | "current" | "todo";
}

/**
 * The details page's timeline: posted → claimed → scheduled → completed on the happy path, or the steps it reached
 * and then how it ended (cancelled, expired). A claim that was given back shows no time while it waits again.
 */
export function miniTimeline(request: MiniRequestLike, nowMs: number): TimelineStep[] {
  const status = effectiveStatus(request, nowMs);
  const reached = { open: 0, claimed: 1, scheduled: 2, completed: 3, cancelled: -1, expired: -1 }[status];
  const steps: TimelineStep[] = [{ key: "posted", label: "Posted", atMs: request.createdAtMs, state: "done" }];
  const path = [
    { key: "claimed", label: "Claimed by a mentor", atMs: request.claimedAtMs },
    { key: "scheduled", label: "Scheduled", atMs: request.scheduledAtMs },
    { key: "completed", label: "Completed", atMs: request.completedAtMs },
  ];
  if (reached >= 0) {
    path.forEach((step, index) => {
      const position = index + 1;
      steps.push({ ...step, atMs: position <= reached ? step.atMs : null, state: position <= reached ? "done" : position === reached + 1 ? "current" : "todo" });
    });
    return steps;
  }
  if (request.claimedAtMs !== null) steps.push({ key: "claimed", label: "Claimed by a mentor", atMs: request.claimedAtMs, state: "done" });
  if (request.scheduledAtMs !== null) steps.push({ key: "scheduled", label: "Scheduled", atMs: request.scheduledAtMs, state: "done" });
  if (status === "cancelled") steps.push({ key: "cancelled", label: "Cancelled", atMs: request.cancelledAtMs, state: "done" });
  else steps.push({ key: "expired", label: "Expired unclaimed", atMs: request.expiredAtMs ?? request.expiresAtMs, state: "done" });
  return steps;
}

/** "09:00–11:30": a preferred daily window. */
export const formatSlot = (slot: { from: string; to: string }) => `${slot.from}–${slot.to}`;
