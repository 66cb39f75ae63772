import { describe, expect, it } from "vitest";
import { describeZodError, fieldErrors } from "../errors.js";
import { registerAccountInputSchema, setUserRoleInputSchema, signUpFormSchema } from "./account.js";
import { isValidTimeZone, uidSchema } from "./common.js";
import { initialsOf, parseTagList, profileDocSchema, profileFieldsSchema } from "./profile.js";

const validProfile = {
  displayName: "Ada Lovelace",
  title: "Staff Engineer",
  department: "Engineering",
  expertise: ["React", " react ", "System   Design"],
  learningGoals: [],
  bio: "",
  avatarUrl: "",
  timezone: "Europe/London",
  capacity: 3,
  acceptingRequests: true,
};

describe("profileFieldsSchema", () => {
  it("normalises and de-duplicates expertise", () => {
    expect(profileFieldsSchema.parse(validProfile).expertise).toEqual(["react", "system design"]);
  });
  it.each<[string, Record<string, unknown>, string]>([
    ["empty name", { displayName: "  " }, "Enter your name."],
    ["long bio", { bio: "x".repeat(2001) }, "Bios must be at most 2000 characters."],
    ["unknown department", { department: "Astrology" }, "Choose a department from the list."],
    ["bad zone", { timezone: "Mars/Olympus" }, "Choose a time zone from the list"],
    ["http avatar", { avatarUrl: "http://example.com/a.png" }, "Use a full https:// link"],
    ["fractional capacity", { capacity: 1.5 }, "Capacity must be a whole number."],
    ["too many tags", { expertise: Array.from({ length: 16 }, (_, i) => `t${i}`) }, "at most 15"],
  ])("rejects %s with a human message", (_name, patch, message) => {
    const result = profileFieldsSchema.safeParse({ ...validProfile, ...patch });
    expect(result.success).toBe(false);
    if (!result.success) expect(describeZodError(result.error)).toContain(message);
  });
});

describe("registerAccountInputSchema", () => {
  it("accepts a mentee sign-up", () => {
    expect(registerAccountInputSchema.parse({ role: "mentee", displayName: " Bo ", timezone: "Asia/Tokyo" })).toEqual({
      role: "mentee",
      displayName: "Bo",
      timezone: "Asia/Tokyo",
    });
  });
  it.each([
    [{ role: "admin", displayName: "Eve", timezone: "UTC" }, "role: Choose whether you join as a mentor or a mentee."],
    [{ role: "mentee", displayName: "Eve", timezone: "UTC", isAdmin: true }, "Unexpected field(s): isAdmin."],
    [{ role: "mentee", timezone: "UTC" }, "displayName: Name is required."],
    [{ role: "mentee", displayName: 42, timezone: "UTC" }, "displayName: Name must be text."],
  ])("rejects %j", (input, message) => {
    const result = registerAccountInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeZodError(result.error)).toContain(message);
  });
});

describe("setUserRoleInputSchema", () => {
  it("only knows the three roles", () => {
    expect(setUserRoleInputSchema.safeParse({ uid: "u1", role: "superuser" }).success).toBe(false);
    expect(setUserRoleInputSchema.safeParse({ uid: "u1", role: "admin" }).success).toBe(true);
  });
});

describe("signUpFormSchema", () => {
  it("maps each problem to its field", () => {
    const result = signUpFormSchema.safeParse({ displayName: "", email: "nope", password: "short", role: "", timezone: "UTC" });
    expect(result.success).toBe(false);
    if (!result.success) {
      const errors = fieldErrors(result.error);
      expect(Object.keys(errors).sort()).toEqual(["displayName", "email", "password", "role"]);
      expect(errors.password).toBe("Passwords need at least 8 characters.");
    }
  });
});

describe("helpers", () => {
  it.each([
    ["Ada Lovelace", "AL"],
    ["cher", "C"],
    ["  Jean  Paul  Sartre ", "JS"],
    ["", "?"],
  ])("initialsOf(%j) = %j", (name, initials) => expect(initialsOf(name)).toBe(initials));
  it("parses a comma list of tags", () => expect(parseTagList("React, react ,  Go,,")).toEqual(["react", "go"]));
  it.each([
    ["Europe/London", true],
    ["UTC", true],
    ["Not/AZone", false],
    ["", false],
  ])("isValidTimeZone(%j) = %j", (zone, ok) => expect(isValidTimeZone(zone)).toBe(ok));
});

describe("stored shapes (what firestore.rules also refuses)", () => {
  const stored = {
    ...validProfile,
    expertise: ["react"],
    uid: "u1",
    role: "mentor",
    activeMenteeCount: 0,
    ratingAvg: 0,
    ratingCount: 0,
    sessionCount: 0,
    searchTokens: [],
    createdAt: { seconds: 1, nanoseconds: 0, toMillis: () => 1000, toDate: () => new Date(1000) },
    updatedAt: { seconds: 1, nanoseconds: 0, toMillis: () => 1000, toDate: () => new Date(1000) },
  };
  it("accepts a clean profile document", () => expect(profileDocSchema.safeParse(stored).success).toBe(true));
  it.each<[string, Record<string, unknown>]>([
    ["an upper-case tag", { expertise: ["React"] }],
    ["a tag with outer spaces", { expertise: [" react"] }],
    ["a tag with a double space", { expertise: ["system  design"] }],
    ["a whitespace-only name", { displayName: "   " }],
    ["a name with outer spaces", { displayName: " Ada" }],
    ["a name with a line break", { displayName: "Ada\nLovelace" }],
    ["markup for a time zone", { timezone: "<script>x</script>" }],
    ["an unknown time zone", { timezone: "Mars/Olympus" }],
    ["a learning goal with outer spaces", { learningGoals: [" sql "] }],
    ["a timestamp that is a string", { createdAt: "2025-01-01" }],
  ])("refuses %s", (_name, patch) => expect(profileDocSchema.safeParse({ ...stored, ...patch }).success).toBe(false));

  it("the form schema normalises what the document schema refuses", () => {
    const parsed = profileFieldsSchema.parse({ ...validProfile, displayName: "  Ada  ", expertise: [" System  Design "] });
    expect(parsed.displayName).toBe("Ada");
    expect(parsed.expertise).toEqual(["system design"]);
    expect(profileDocSchema.safeParse({ ...stored, ...parsed }).success).toBe(true);
  });

  it.each(["Ada\u0000", "Ada\u202eevil", "\u200bAda"])("the form refuses control characters: %j", (name) =>
    expect(profileFieldsSchema.safeParse({ ...validProfile, displayName: name }).success).toBe(false),
  );
});

describe("ids from requests", () => {
  it.each(["abc", "mentor-01", "Zx9_-", "a".repeat(128)])("accepts %j", (uid) => expect(uidSchema.safeParse(uid).success).toBe(true));
  it.each(["", "a/b", "..", ".", "a.b", "users/x", "a".repeat(129), "a b", 7])("refuses %j with a sentence", (uid) => {
    const result = uidSchema.safeParse(uid);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeZodError(result.error)).toMatch(/^A user id (is|must)/);
  });
});
