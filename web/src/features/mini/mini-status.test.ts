import { describe, expect, it } from "vitest";
import { canCancelMini, canPostAgain, countByStatus, effectiveStatus, miniTimeline, type MiniRequestLike } from "./mini-status";

const NOW = Date.UTC(2026, 10, 22, 12);
const HOUR = 3_600_000;

function request(overrides: Partial<MiniRequestLike> = {}): MiniRequestLike {
  return {
    status: "open",
    createdAtMs: NOW - 5 * HOUR,
    expiresAtMs: NOW + 100 * HOUR,
    claimedAtMs: null,
    firstClaimedAtMs: null,
    scheduledAtMs: null,
    scheduledStartMs: null,
    completedAtMs: null,
    cancelledAtMs: null,
    expiredAtMs: null,
    ...overrides,
  };
}

describe("effectiveStatus and countByStatus", () => {
  it("reads an open request past its expiry as expired before the job has run", () => {
    expect(effectiveStatus(request({ expiresAtMs: NOW - 1 }), NOW)).toBe("expired");
    expect(effectiveStatus(request({ expiresAtMs: NOW }), NOW)).toBe("expired");
    expect(effectiveStatus(request({ status: "claimed", expiresAtMs: NOW - 1 }), NOW)).toBe("claimed");
  });

  it("counts every status, zero included", () => {
    const counts = countByStatus(
      [request(), request(), request({ status: "cancelled" }), request({ expiresAtMs: NOW - HOUR }), request({ status: "scheduled" })],
      NOW,
    );
    expect(counts).toEqual({ open: 2, claimed: 0, scheduled: 1, completed: 0, cancelled: 1, expired: 1 });
  });
});

describe("what the student may do", () => {
  it("cancels while open, claimed or scheduled only", () => {
    expect(canCancelMini("open") && canCancelMini("claimed") && canCancelMini("scheduled")).toBe(true);
    expect(canCancelMini("completed") || canCancelMini("cancelled") || canCancelMini("expired")).toBe(false);
  });

  it("posts again after it expired or was cancelled", () => {
    expect(canPostAgain("expired")).toBe(true);
    expect(canPostAgain("cancelled")).toBe(true);
    expect(canPostAgain("completed")).toBe(false);
    expect(canPostAgain("open")).toBe(false);
  });
});

describe("miniTimeline", () => {
  it("marks the next step on the happy path as current", () => {
    const steps = miniTimeline(request({ status: "claimed", claimedAtMs: NOW - HOUR }), NOW);
    expect(steps.map((s) => [s.key, s.state])).toEqual([
      ["posted", "done"],
      ["claimed", "done"],
      ["scheduled", "current"],
      ["completed", "todo"],
    ]);
    expect(steps[1]!.atMs).toBe(NOW - HOUR);
  });

  it("hides a stale claim time on a request back on the board", () => {
    const steps = miniTimeline(request({ claimedAtMs: NOW - 2 * HOUR }), NOW);
    expect(steps.find((s) => s.key === "claimed")).toMatchObject({ state: "current", atMs: null });
  });

  it("ends a cancelled request with the steps it reached and the cancellation", () => {
    const steps = miniTimeline(request({ status: "cancelled", claimedAtMs: NOW - 3 * HOUR, cancelledAtMs: NOW - HOUR }), NOW);
    expect(steps.map((s) => s.key)).toEqual(["posted", "claimed", "cancelled"]);
    expect(steps.at(-1)!.atMs).toBe(NOW - HOUR);
  });

  it("ends an expired request at its expiry, written or not", () => {
    expect(miniTimeline(request({ expiresAtMs: NOW - HOUR }), NOW).at(-1)).toMatchObject({ key: "expired", atMs: NOW - HOUR });
    expect(miniTimeline(request({ status: "expired", expiresAtMs: NOW - 2 * HOUR, expiredAtMs: NOW - HOUR }), NOW).at(-1)!.atMs).toBe(NOW - HOUR);
  });
});
