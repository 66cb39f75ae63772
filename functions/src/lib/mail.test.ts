import { describe, expect, it } from "vitest";
import { describeSendError } from "./mail.js";

const sendgridError = (message: string, body: unknown) => Object.assign(new Error(message), { response: { body } });

describe("describeSendError", () => {
  it.each<[string, unknown, string]>([
    [
      "SendGrid's reasons are appended",
      sendgridError("Bad Request", { errors: [{ message: "Does not contain a valid address." }, { message: "Missing subject." }] }),
      "Bad Request: Does not contain a valid address.; Missing subject.",
    ],
    ["a body without errors leaves the message", sendgridError("Unauthorized", "nope"), "Unauthorized"],
    ["a network error keeps its message", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }), "connect ECONNREFUSED 127.0.0.1:1"],
    ["an empty message falls back to the code", Object.assign(new Error(""), { code: "ECONNREFUSED" }), "ECONNREFUSED"],
    ["a thrown string is kept", "boom", "boom"],
  ])("%s", (_name, err, expected) => {
    expect(describeSendError(err)).toBe(expected);
  });

  it("caps what is stored in lastError", () => {
    expect(describeSendError(new Error("x".repeat(5000)))).toHaveLength(1000);
  });
});
