import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { IANA_TIME_ZONES, isIanaTimeZone, timeZoneRulesFunction } from "./time-zones.js";
import { timezoneSchema } from "./schemas/common.js";

describe("time zones", () => {
  it("firestore.rules holds the same list (npx tsx scripts/gen-time-zones.ts regenerates both)", () => {
    const rules = readFileSync(new URL("../../../firestore.rules", import.meta.url), "utf8");
    expect(rules).toContain(timeZoneRulesFunction(IANA_TIME_ZONES));
  });

  it("holds every zone this runtime knows, old and new spellings", () => {
    for (const zone of Intl.supportedValuesOf("timeZone")) expect(isIanaTimeZone(zone), zone).toBe(true);
    for (const zone of ["UTC", "Etc/GMT+5", "Asia/Kolkata", "Asia/Calcutta", "Europe/Kyiv", "America/Argentina/Buenos_Aires"])
      expect(isIanaTimeZone(zone), zone).toBe(true);
  });

  it.each(["", "Mars/Olympus", "<b>Europe/London</b>", "Europe/London ", "europe/london", "Europe/London/x", "../../etc"])(
    "refuses %j",
    (zone) => {
      expect(isIanaTimeZone(zone)).toBe(false);
      expect(timezoneSchema.safeParse(zone).success).toBe(zone === "Europe/London ");
    },
  );

  it("every name works with Intl, so formatting a stored zone never throws here", () => {
    const failures = IANA_TIME_ZONES.filter((zone) => {
      try {
        new Intl.DateTimeFormat("en-GB", { timeZone: zone });
        return false;
      } catch {
        return true;
      }
    });
    expect(failures.filter((zone) => zone !== "Factory")).toEqual([]);
  });
});
