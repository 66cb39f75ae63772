import { describe, expect, it } from "vitest";
import { profileFieldsSchema, type ProfileFields } from "@mentormatch/shared";
import { changedProfileFields, profileSaveError } from "./profile-changes";

const base: ProfileFields = {
  displayName: "Ada",
  title: "",
  department: "",
  expertise: ["react"],
  learningGoals: [],
  bio: "",
  avatarUrl: "",
  timezone: "Europe/London",
  capacity: 0,
  acceptingRequests: false,
};

describe("changedProfileFields", () => {
  it.each<[string, Partial<ProfileFields>, Partial<ProfileFields>]>([
    ["nothing", {}, {}],
    ["one string", { title: "Engineer" }, { title: "Engineer" }],
    ["array with the same items", { expertise: ["react"] }, {}],
    ["array reordered", { expertise: ["go", "react"] }, { expertise: ["go", "react"] }],
    ["array emptied", { expertise: [] }, { expertise: [] }],
    ["number and boolean", { capacity: 3, acceptingRequests: true }, { capacity: 3, acceptingRequests: true }],
    ["several", { bio: "Hi", department: "Design", learningGoals: ["Ship"] }, { bio: "Hi", department: "Design", learningGoals: ["Ship"] }],
  ])("%s", (_name, patch, expected) => expect(changedProfileFields(base, { ...base, ...patch })).toEqual(expected));

  it("never includes server-owned fields", () => {
    const next = { ...base, title: "x", ratingAvg: 5, role: "admin" } as ProfileFields;
    expect(Object.keys(changedProfileFields(base, next))).toEqual(["title"]);
  });
});

describe("what the form writes", () => {
  it("is the schema's normalised output, so only real changes are sent, already in the stored shape", () => {
    const typed = { ...base, displayName: "  Ada  ", expertise: ["React", " react ", "System   Design"] };
    expect(changedProfileFields(base, profileFieldsSchema.parse(typed))).toEqual({ expertise: ["react", "system design"] });
  });
});

describe("profileSaveError", () => {
  it("explains a refusal by the rules", () =>
    expect(profileSaveError({ code: "permission-denied", message: "Missing or insufficient permissions." })).toMatch(/refused the change.*reload the page/));
  it("says the profile was not saved for anything else", () =>
    expect(profileSaveError({ code: "unavailable" })).toBe("Your profile wasn't saved. Can't reach the server. Check your connection and try again."));
});
