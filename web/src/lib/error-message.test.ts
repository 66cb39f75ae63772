import { describe, expect, it, vi } from "vitest";
import {
  CallableError,
  GENERIC_ERROR,
  UserFacingError,
  applyFieldErrors,
  callableErrorFrom,
  errorMessage,
  matchFieldErrors,
} from "./error-message";

/** What the Functions SDK rejects with for an HttpsError thrown by our `fail()`: code, message and details. */
const fromServer = (code: string, message: string, fields?: Record<string, string>) => ({
  code: `functions/${code}`,
  message,
  details: fields ? { message, fields } : { message },
});

describe("errorMessage", () => {
  it.each<[string, unknown, string]>([
    ["duplicate email", { code: "auth/email-already-in-use", message: "Firebase: Error (auth/…)" }, "already exists"],
    ["bad sign-in", { code: "auth/invalid-credential" }, "don't match an account"],
    ["offline", { code: "auth/network-request-failed" }, "Check your connection"],
    ["used action code", { code: "auth/invalid-action-code" }, "already been used"],
    ["rules refusal", { code: "permission-denied", message: "Missing or insufficient permissions." }, "don't have permission"],
    ["callable validation without details", { code: "functions/invalid-argument", message: "displayName: Enter your name." }, "displayName: Enter your name."],
    ["callable precondition without details", { code: "functions/failed-precondition", message: "You already have a role." }, "You already have a role."],
    ["details win: not-found", fromServer("not-found", "There is no MentorMatch user with that id."), "There is no MentorMatch user with that id."],
    ["details win: permission-denied", fromServer("permission-denied", "Only @example.com email addresses can join MentorMatch."), "Only @example.com email addresses"],
    ["details win: already-exists", fromServer("already-exists", "That address is already invited."), "That address is already invited."],
    ["details win: invalid-argument", fromServer("invalid-argument", "displayName: Enter your name.", { displayName: "Enter your name." }), "displayName: Enter your name."],
    ["permission-denied without details stays generic", { code: "functions/permission-denied", message: "raw" }, "You don't have permission to do that."],
    ["SDK not-found means a missing function", { code: "functions/not-found", message: "NOT_FOUND" }, "could not be found"],
    ["internal never leaks", { code: "functions/internal", message: "TypeError: x is undefined" }, "went wrong on our side"],
    ["internal never leaks, even with details", fromServer("internal", "TypeError: x is undefined"), "went wrong on our side"],
    ["details that aren't ours are ignored", { code: "functions/permission-denied", message: "raw", details: { message: 42 } }, "don't have permission"],
    ["empty details message is ignored", { code: "functions/permission-denied", message: "raw", details: { message: "" } }, "don't have permission"],
    ["unknown code", { code: "auth/some-new-code", message: "raw" }, GENERIC_ERROR],
    ["our own message", new UserFacingError("Pick a role first."), "Pick a role first."],
    ["a CallableError", new CallableError("permission-denied", "Ask an admin to invite you."), "Ask an admin to invite you."],
    ["plain Error stays generic", new Error("stack-ish detail"), GENERIC_ERROR],
    ["a string", "boom", GENERIC_ERROR],
    ["null", null, GENERIC_ERROR],
  ])("%s", (_name, error, expected) => expect(errorMessage(error)).toContain(expected));

  it("does not pass through an empty server message", () => {
    expect(errorMessage({ code: "functions/invalid-argument", message: "" })).toBe(GENERIC_ERROR);
  });
});

describe("callableErrorFrom", () => {
  it("keeps the bare code, the message and the fields", () => {
    const error = callableErrorFrom(fromServer("invalid-argument", "timezone: Pick a zone.", { timezone: "Pick a zone." }));
    expect(error).toBeInstanceOf(CallableError);
    expect(error).toMatchObject({ code: "invalid-argument", message: "timezone: Pick a zone.", fields: { timezone: "Pick a zone." } });
  });

  it.each<[string, unknown]>([
    ["no details", { code: "functions/not-found", message: "NOT_FOUND" }],
    ["internal", fromServer("internal", "boom")],
    ["not an error", "boom"],
  ])("%s → null", (_name, error) => expect(callableErrorFrom(error)).toBeNull());
});

describe("matchFieldErrors", () => {
  const known = ["email", "displayName", "role"] as const;
  it.each<[string, Record<string, string>, Record<string, (typeof known)[number]>, [string, string][], string[]]>([
    ["none", {}, {}, [], []],
    ["known fields", { displayName: "Enter your name.", role: "Pick one." }, {}, [["displayName", "Enter your name."], ["role", "Pick one."]], []],
    ["an unknown field", { displayName: "Enter your name.", timezone: "Pick a zone." }, {}, [["displayName", "Enter your name."]], ["Pick a zone."]],
    ["an alias", { uid: "No such user." }, { uid: "email" }, [["email", "No such user."]], []],
    ["the form-wide key", { _: "The request was empty." }, {}, [], ["The request was empty."]],
    ["a prototype key is not a field", { constructor: "No." }, {}, [], ["No."]],
  ])("%s", (_name, fields, aliases, matched, unmatched) =>
    expect(matchFieldErrors(fields, known, aliases)).toEqual({ matched, unmatched }),
  );
});

describe("applyFieldErrors", () => {
  type Form = { email: string; displayName: string };
  it("sets each matched field, focuses the first, and hands the rest to onUnmatched", () => {
    const setError = vi.fn();
    const onUnmatched = vi.fn();
    const error = new CallableError("invalid-argument", "…", { displayName: "Enter your name.", email: "Bad.", timezone: "Pick a zone." });
    expect(applyFieldErrors<Form>(error, setError, ["email", "displayName"], { onUnmatched })).toBe(true);
    expect(setError.mock.calls).toEqual([
      ["displayName", { type: "server", message: "Enter your name." }, { shouldFocus: true }],
      ["email", { type: "server", message: "Bad." }, { shouldFocus: false }],
    ]);
    expect(onUnmatched).toHaveBeenCalledWith("Pick a zone.");
  });

  it.each<[string, unknown]>([
    ["no matching field", new CallableError("invalid-argument", "…", { timezone: "Pick a zone." })],
    ["no fields", new CallableError("permission-denied", "No.")],
    ["not a callable error", { code: "auth/network-request-failed" }],
  ])("returns false for %s, so the caller shows the whole message", (_name, error) => {
    const setError = vi.fn();
    const onUnmatched = vi.fn();
    expect(applyFieldErrors<Form>(error, setError, ["email", "displayName"], { onUnmatched })).toBe(false);
    expect(setError).not.toHaveBeenCalled();
    expect(onUnmatched).not.toHaveBeenCalled();
  });
});
