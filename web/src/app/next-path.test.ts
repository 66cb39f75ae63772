import { describe, expect, it } from "vitest";
import { safeNextPath } from "./next-path";

describe("safeNextPath", () => {
  it.each<[string | null, string]>([
    [null, "/"],
    ["", "/"],
    ["/mentors?q=ada", "/mentors?q=ada"],
    ["/notifications", "/notifications"],
    ["//evil.example/x", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["/signin?next=/x", "/"],
    ["/signup", "/"],
  ])("%j → %j", (next, path) => expect(safeNextPath(next)).toBe(path));
});
