import { describe, expect, it } from "vitest";
import { describeZodError } from "../errors.js";
import { setUserRoleInputSchema } from "./account.js";
import { acceptMatchInputSchema, declineMatchFormSchema, endMatchInputSchema, matchDocSchema, requestMatchInputSchema } from "./match.js";

const T = { seconds: 1, nanoseconds: 0, toMillis: () => 1000, toDate: () => new Date(1000) };

describe("requestMatchInputSchema", () => {
  it("trims the note and leaves goals optional", () => {
    expect(requestMatchInputSchema.parse({ mentorId: "ada", message: "  Hello  " })).toEqual({ mentorId: "ada", message: "Hello" });
  });
  it.each<[unknown, string]>([
    [{ mentorId: "a/b", message: "Hi" }, "mentorId: A user id is not valid."],
    [{ mentorId: "ada", message: " " }, "message: Write a short note: what would you like help with?"],
    [{ mentorId: "ada", message: "x".repeat(501) }, "message: Your note can be at most 500 characters."],
    [{ mentorId: "ada", message: "Hi", goals: [" "] }, "goals.0: Goals cannot be empty."],
    [{ mentorId: "ada", message: "Hi", goals: ["x".repeat(121)] }, "goals.0: Each goal must be at most 120 characters."],
    [{ mentorId: "ada", message: "Hi", round: 2 }, "Unexpected field(s): round."],
  ])("refuses %j", (input, message) => {
    const result = requestMatchInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeZodError(result.error)).toContain(message);
  });
});

describe("match ids", () => {
  const pairId = `${"a".repeat(128)}_${"b".repeat(128)}`;
  it("accepts two full-length uids and the separator", () => expect(acceptMatchInputSchema.safeParse({ matchId: pairId }).success).toBe(true));
  it.each(["", "a/b", "..", "a.b", `${pairId}x`])("refuses %j", (matchId) => {
    expect(acceptMatchInputSchema.safeParse({ matchId }).success).toBe(false);
    expect(endMatchInputSchema.safeParse({ matchId }).success).toBe(false);
  });
});

describe("declineMatchFormSchema", () => {
  it("allows an empty message and refuses a long one", () => {
    expect(declineMatchFormSchema.parse({ responseMessage: "  " })).toEqual({ responseMessage: "" });
    expect(declineMatchFormSchema.safeParse({ responseMessage: "x".repeat(501) }).success).toBe(false);
  });
});

describe("setUserRoleInputSchema: endActiveMatches", () => {
  it("is an optional boolean", () => {
    expect(setUserRoleInputSchema.safeParse({ uid: "u", role: "mentee" }).success).toBe(true);
    expect(setUserRoleInputSchema.safeParse({ uid: "u", role: "mentee", endActiveMatches: true }).success).toBe(true);
    expect(setUserRoleInputSchema.safeParse({ uid: "u", role: "mentee", endActiveMatches: "yes" }).success).toBe(false);
  });
});

describe("matchDocSchema", () => {
  const stored = {
    mentorId: "ada",
    menteeId: "sam",
    participants: ["ada", "sam"],
    status: "pending",
    round: 1,
    message: "Hi",
    goals: [],
    mentorName: "Ada",
    mentorTitle: "",
    menteeName: "Sam",
    menteeTitle: "",
    menteeDepartment: "",
    responseMessage: "",
    requestedAt: T,
    expiresAt: T,
    respondedAt: null,
    endedAt: null,
    endedBy: null,
    endMessage: "",
    responseCounted: false,
    createdAt: T,
    updatedAt: T,
  };
  it("accepts a stored request", () => expect(matchDocSchema.safeParse(stored).success).toBe(true));
  it.each<[string, Record<string, unknown>]>([
    ["an unknown status", { status: "rejected" }],
    ["round 0", { round: 0 }],
    ["three participants", { participants: ["ada", "sam", "eve"] }],
    ["a long response message", { responseMessage: "x".repeat(501) }],
    ["a string timestamp", { expiresAt: "2025-01-01" }],
  ])("refuses %s", (_name, patch) => expect(matchDocSchema.safeParse({ ...stored, ...patch }).success).toBe(false));
});
