import { createHash } from "node:crypto";
import { CALENDAR_FEED_TOKEN_PATTERN } from "@mentormatch/shared";
import { describe, expect, it } from "vitest";
import { hashFeedToken, newFeedToken, sameFeedHash, serveCalendarFeed } from "./calendar-feed.js";

describe("feed tokens", () => {
  it("are 32 CSPRNG bytes in base64url, the shape the feed accepts, and never repeat", () => {
    const tokens = Array.from({ length: 1000 }, newFeedToken);
    for (const token of tokens) expect(token).toMatch(CALENDAR_FEED_TOKEN_PATTERN);
    expect(new Set(tokens).size).toBe(1000);
  });

  it("are stored as their SHA-256 in hex", () => {
    expect(hashFeedToken("abc")).toBe(createHash("sha256").update("abc").digest("hex"));
    expect(hashFeedToken("abc")).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("sameFeedHash (timingSafeEqual over the 32-byte digests)", () => {
  const a = hashFeedToken("one");
  const b = hashFeedToken("two");
  it.each([
    ["the same digest", a, a, true],
    ["another digest", a, b, false],
    ["one differing last character", a, `${a.slice(0, 63)}${a.endsWith("0") ? "1" : "0"}`, false],
    ["a shorter value", a, a.slice(0, 62), false],
    ["a longer value", a, `${a}00`, false],
    ["not hex at all", "z".repeat(64), "z".repeat(64), false],
    ["empty strings", "", "", false],
  ])("%s → %s", (_what, left, right, same) => {
    expect(sameFeedHash(left, right)).toBe(same);
  });
});

describe("serveCalendarFeed before any read", () => {
  // A database that throws on any use: a path or method the feed refuses must be refused before reading anything.
  const unreachable = new Proxy({}, { get: () => { throw new Error("the database was read"); } }) as never;
  const options = { nowMs: 0, appUrl: "https://mentor.example", db: unreachable };
  it.each(["/calendar/short.ics", "/calendar/../x.ics", `/calendar/${"a".repeat(44)}.ics`, "/other", "/calendar/.ics"])("%s → the bare 404", async (path) => {
    expect(await serveCalendarFeed({ method: "GET", path }, options)).toEqual({
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
      body: "Not found\n",
    });
  });

  it("refuses other methods with 405 and Allow", async () => {
    expect(await serveCalendarFeed({ method: "PUT", path: "/calendar/x.ics" }, options)).toMatchObject({ status: 405, headers: { Allow: "GET, HEAD" } });
  });
});
