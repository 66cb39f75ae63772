import { describe, expect, it } from "vitest";
import { GENERIC_ERROR, UserFacingError, errorMessage } from "./error-message";

describe("errorMessage", () => {
  it.each<[string, unknown, string]>([
    ["duplicate email", { code: "auth/email-already-in-use", message: "Firebase: Error (auth/…)" }, "already exists"],
    ["bad sign-in", { code: "auth/invalid-credential" }, "don't match an account"],
    ["offline", { code: "auth/network-request-failed" }, "Check your connection"],
    ["rules refusal", { code: "permission-denied", message: "Missing or insufficient permissions." }, "don't have permission"],
    ["callable validation", { code: "functions/invalid-argument", message: "displayName: Enter your name." }, "displayName: Enter your name."],
    ["callable precondition", { code: "functions/failed-precondition", message: "You already have a role." }, "You already have a role."],
    ["internal never leaks", { code: "functions/internal", message: "TypeError: x is undefined" }, "went wrong on our side"],
    ["unknown code", { code: "auth/some-new-code", message: "raw" }, GENERIC_ERROR],
    ["our own message", new UserFacingError("Pick a role first."), "Pick a role first."],
    ["plain Error stays generic", new Error("stack-ish detail"), GENERIC_ERROR],
    ["a string", "boom", GENERIC_ERROR],
    ["null", null, GENERIC_ERROR],
  ])("%s", (_name, error, expected) => expect(errorMessage(error)).toContain(expected));

  it("does not pass through an empty server message", () => {
    expect(errorMessage({ code: "functions/invalid-argument", message: "" })).toBe(GENERIC_ERROR);
  });
});
