import { describe, expect, it } from "vitest";
import { planRoleChange, type RoleChangePlan, type RoleChangeProfile } from "./role-change.js";

const mentor: RoleChangeProfile = { role: "mentor", capacity: 4, acceptingRequests: true };
const mentee: RoleChangeProfile = { role: "mentee", capacity: 0, acceptingRequests: false };
const admin: RoleChangeProfile = { role: "admin", capacity: 0, acceptingRequests: false };

describe("planRoleChange", () => {
  it.each<[string, Parameters<typeof planRoleChange>[0], RoleChangePlan]>([
    [
      "a mentee becomes a mentor with the sign-up capacity",
      { callerUid: "a", targetUid: "u", role: "mentor", profile: mentee },
      { action: "change", profileUpdate: { role: "mentor", capacity: 3, acceptingRequests: true } },
    ],
    [
      "a mentor becomes a mentee and stops taking mentees",
      { callerUid: "a", targetUid: "u", role: "mentee", profile: mentor },
      { action: "change", profileUpdate: { role: "mentee", capacity: 0, acceptingRequests: false } },
    ],
    [
      "a mentor made admin stops taking mentees",
      { callerUid: "a", targetUid: "u", role: "admin", profile: mentor },
      { action: "change", profileUpdate: { role: "admin", capacity: 0, acceptingRequests: false } },
    ],
    [
      "the same role only refreshes the mirror",
      { callerUid: "a", targetUid: "u", role: "mentor", profile: mentor },
      { action: "change", profileUpdate: {} },
    ],
    [
      "an admin may re-confirm their own admin role",
      { callerUid: "a", targetUid: "a", role: "admin", profile: admin },
      { action: "change", profileUpdate: {} },
    ],
    [
      "an admin cannot demote themselves",
      { callerUid: "a", targetUid: "a", role: "mentor", profile: admin },
      { action: "refuse", code: "failed-precondition", message: "You cannot remove your own admin role. Ask another admin to do it." },
    ],
    [
      "an unknown user is not found",
      { callerUid: "a", targetUid: "u", role: "mentor", profile: null },
      { action: "refuse", code: "not-found", message: "There is no MentorMatch user with that id." },
    ],
  ])("%s", (_name, input, expected) => {
    expect(planRoleChange(input)).toEqual(expected);
  });
});
