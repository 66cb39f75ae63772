import { describe, expect, it } from "vitest";
import { dedupeDocId, mailIdFor } from "./paths.js";

describe("mailIdFor", () => {
  it("is stable for one recipient and key", () => {
    expect(mailIdFor("u1", "welcome:u1")).toBe(mailIdFor("u1", "welcome:u1"));
  });
  it("differs between recipients notified under one key", () => {
    expect(mailIdFor("mentor-1", "match_accepted:m1")).not.toBe(mailIdFor("mentee-1", "match_accepted:m1"));
  });
  it("is a valid document id", () => {
    expect(mailIdFor("u/1", "a b:c")).toMatch(/^[A-Za-z0-9_-]+$/);
  });
  it("derives from the same sanitising as notification ids", () => {
    expect(mailIdFor("u1", "k:1")).toBe(dedupeDocId("u1__k:1"));
  });
});
