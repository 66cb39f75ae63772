import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as scheduling from "./index.js";

const src = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Every module a file pulls in, following relative imports through the source tree. */
function importGraph(entry: string) {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const [, specifier] of readFileSync(file, "utf8").matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/g)) {
      if (specifier!.startsWith(".")) visit(join(dirname(file), specifier!.replace(/\.js$/, ".ts")));
      else packages.add(specifier!);
    }
  };
  visit(entry);
  return { files, packages };
}

describe("entry points", () => {
  it("the main entry (in the web app's first download) never reaches Temporal", () => {
    const { files, packages } = importGraph(join(src, "index.ts"));
    expect(files.size).toBeGreaterThan(10);
    expect(packages).not.toContain("temporal-polyfill");
    const reached = [...files].filter((file) => file.includes(join("src", "scheduling"))).map((file) => file.slice(file.lastIndexOf("/") + 1));
    expect(reached.sort()).toEqual(["ics.ts", "locks.ts", "meeting-links.ts", "reminders.ts", "temporal-free.ts"]);
  });

  it("the main entry offers the Temporal-free helpers and not the planners that need Temporal", async () => {
    const main = (await import("../index.js")) as Record<string, unknown>;
    for (const name of ["lockCellsFor", "planReminders", "buildIcs", "googleCalendarLink", "parseMeetingLink", "jitsiRoomLink"]) {
      expect(typeof main[name], name).toBe("function");
    }
    for (const name of ["planSlots", "checkBookingRequest", "availabilitySchema"]) expect(main[name], name).toBeUndefined();
  });

  it("the scheduling entry does reach it, and is mapped in package.json", () => {
    expect(importGraph(join(src, "scheduling", "index.ts")).packages).toContain("temporal-polyfill");
    const pkg = JSON.parse(readFileSync(join(src, "..", "package.json"), "utf8")) as { exports: Record<string, string> };
    expect(pkg.exports["./scheduling"]).toBe("./src/scheduling/index.ts");
  });

  it("the scheduling entry exports the planners", () => {
    for (const name of ["planSlots", "checkBookingRequest", "lockCellsFor", "planReminders", "buildIcs", "googleCalendarLink", "parseMeetingLink", "jitsiRoomLink", "availabilitySchema", "meetingLinkSchema"]) {
      expect(typeof (scheduling as Record<string, unknown>)[name], name).not.toBe("undefined");
    }
  });
});
