import { describe, expect, it } from "vitest";
import { planReminders, type ReminderKind, type ReminderPlan, type ReminderSession } from "./reminders.js";

const H = 3_600_000;
const M = 60_000;
const T = Date.parse("2026-11-23T09:00Z");

const session = (over: Partial<ReminderSession> = {}): ReminderSession => ({
  status: "accepted",
  startMs: T,
  version: 1,
  confirmedAtMs: T - 72 * H,
  remindersSent: {},
  ...over,
});

describe("planReminders", () => {
  it.each<[string, Partial<ReminderSession>, number, ReminderPlan]>([
    ["three days ahead: nothing yet, look again at the 24-hour mark", {}, T - 72 * H, { due: [], nextReminderAt: T - 24 * H }],
    ["exactly 24 hours ahead", {}, T - 24 * H, { due: ["24h"], nextReminderAt: T - H }],
    ["a job running late still sends the 24-hour reminder", {}, T - 23 * H, { due: ["24h"], nextReminderAt: T - H }],
    ["the 24-hour reminder already sent", { remindersSent: { "24h": 1 } }, T - 23 * H, { due: [], nextReminderAt: T - H }],
    ["one hour ahead", { remindersSent: { "24h": 1 } }, T - H, { due: ["1h"], nextReminderAt: null }],
    ["the job was down: only the nearer reminder goes", {}, T - 30 * M, { due: ["1h"], nextReminderAt: null }],
    ["both sent", { remindersSent: { "24h": 1, "1h": 1 } }, T - 30 * M, { due: [], nextReminderAt: null }],
    ["at the start", {}, T, { due: [], nextReminderAt: null }],
    ["after the start", {}, T + H, { due: [], nextReminderAt: null }],
    ["cancelled", { status: "cancelled" }, T - 24 * H, { due: [], nextReminderAt: null }],
    ["still pending", { status: "pending" }, T - 24 * H, { due: [], nextReminderAt: null }],
    ["declined", { status: "declined" }, T - H, { due: [], nextReminderAt: null }],
    ["completed", { status: "completed" }, T - H, { due: [], nextReminderAt: null }],
    [
      "rescheduled (version 2): reminders sent for version 1 no longer count",
      { version: 2, confirmedAtMs: T - 48 * H, remindersSent: { "24h": 1, "1h": 1 } },
      T - 23 * H,
      { due: ["24h"], nextReminderAt: T - H },
    ],
    [
      "rescheduled further out: wait for the new 24-hour mark",
      { version: 2, confirmedAtMs: T - 48 * H, remindersSent: { "24h": 1 } },
      T - 30 * H,
      { due: [], nextReminderAt: T - 24 * H },
    ],
    ["confirmed 3 hours ahead: the acceptance email stands in for the 24-hour one", { confirmedAtMs: T - 3 * H }, T - 3 * H, { due: [], nextReminderAt: T - H }],
    ["confirmed 3 hours ahead, one hour to go", { confirmedAtMs: T - 3 * H }, T - H, { due: ["1h"], nextReminderAt: null }],
    ["confirmed 30 minutes ahead: no reminders at all", { confirmedAtMs: T - 30 * M }, T - 30 * M, { due: [], nextReminderAt: null }],
    ["confirmed exactly at the 24-hour mark", { confirmedAtMs: T - 24 * H }, T - 24 * H, { due: ["24h"], nextReminderAt: T - H }],
  ])("%s", (_name, over, now, expected) => {
    expect(planReminders(session(over), now)).toEqual(expected);
  });

  /** Runs the job as the scheduled function would: at each tick, send what is due and record it for this version. */
  function simulate(start: ReminderSession, ticks: number[]) {
    const current = { ...start, remindersSent: { ...start.remindersSent } };
    const sent: Array<[ReminderKind, number]> = [];
    for (const now of ticks) {
      for (const kind of planReminders(current, now).due) {
        sent.push([kind, now]);
        current.remindersSent[kind] = current.version;
      }
    }
    return sent;
  }

  it("a job every 5 minutes (each tick run twice) sends each reminder once, at its time", () => {
    const ticks: number[] = [];
    for (let now = T - 72 * H; now <= T + H; now += 5 * M) ticks.push(now, now);
    expect(simulate(session(), ticks)).toEqual([
      ["24h", T - 24 * H],
      ["1h", T - H],
    ]);
  });

  it("a job that looks only at nextReminderAt sends the same reminders", () => {
    const current = session();
    const sent: ReminderKind[] = [];
    let next: number | null = current.startMs - 72 * H;
    while (next !== null) {
      const plan = planReminders(current, next);
      for (const kind of plan.due) {
        sent.push(kind);
        current.remindersSent[kind] = current.version;
      }
      next = plan.nextReminderAt;
    }
    expect(sent).toEqual(["24h", "1h"]);
  });
});
