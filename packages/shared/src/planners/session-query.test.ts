import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SESSIONS } from "../constants.js";
import { SESSION_DURATIONS } from "../scheduling/availability-schema.js";
import { planUpcomingSessionsQuery, sessionIndexes } from "./session-query.js";

describe("planUpcomingSessionsQuery", () => {
  it.each([
    ["a mentor now", "mark", 1_000],
    ["a mentee later", "mia", 1_800_000_000_000],
  ])("%s: own pending and accepted sessions not yet ended, earliest end first, bounded", (_label, uid, nowMs) => {
    expect(planUpcomingSessionsQuery(uid, nowMs)).toEqual({
      participant: uid,
      statuses: ["pending", "accepted"],
      endAtFromMs: nowMs,
      orderBy: { field: "endAt", direction: "asc" },
      limit: SESSIONS.busyQueryLimit,
    });
  });
});

describe("session indexes", () => {
  it("are all declared in firestore.indexes.json", () => {
    const file = fileURLToPath(new URL("../../../../firestore.indexes.json", import.meta.url));
    const declared = new Set((JSON.parse(readFileSync(file, "utf8")).indexes as unknown[]).map((index) => JSON.stringify(index)));
    for (const index of sessionIndexes()) expect(declared, JSON.stringify(index)).toContain(JSON.stringify(index));
  });

  it("serve the planned query: participants, then status (in), then the endAt range and order", () => {
    expect(sessionIndexes()[0]!.fields.map((field) => field.fieldPath)).toEqual(["participants", "status", "endAt"]);
  });
});

describe("SESSIONS.durations", () => {
  it("are the scheduling core's session durations", () => {
    expect([...SESSIONS.durations]).toEqual([...SESSION_DURATIONS]);
  });
});
