import { readFileSync } from "node:fs";
import { DEMO_PROJECT_ID, FUNCTIONS_REGION, appLinks } from "@mentormatch/shared";
import { describe, expect, it } from "vitest";

// The feed's address is /calendar/{token}.ics on the app's origin; two configs route it to this function and
// cannot import the shared constants, so they are checked against them here.
describe("calendar feed routing", () => {
  it("Hosting rewrites /calendar/** to calendarFeed in the functions' region, before the app's catch-all", () => {
    const hosting = JSON.parse(readFileSync(new URL("../../../firebase.json", import.meta.url), "utf8")).hosting;
    expect(hosting.rewrites[0]).toEqual({ source: "/calendar/**", function: { functionId: "calendarFeed", region: FUNCTIONS_REGION } });
    expect(hosting.rewrites.at(-1)).toEqual({ source: "**", destination: "/index.html" });
  });

  it("vite dev and preview pass /calendar/ to the emulator's calendarFeed", () => {
    const config = readFileSync(new URL("../../../web/vite.config.ts", import.meta.url), "utf8");
    expect(config).toContain(`/${DEMO_PROJECT_ID}/${FUNCTIONS_REGION}/calendarFeed\${path}`);
    expect(config).toMatch(/server: \{[^}]*proxy: calendarFeed/);
    expect(config).toMatch(/preview: \{[^}]*proxy: calendarFeed/);
    expect(appLinks.calendarFeed("t")).toBe("/calendar/t.ics");
  });
});
