import { describe, expect, it } from "vitest";
import { planRoleChange, type RoleChangePlan, type RoleChangeProfile } from "./role-change.js";

const mentor: RoleChangeProfile = { role: "mentor", capacity: 4, acceptingRequests: true };
const mentee: RoleChangeProfile = { role: "mentee", capacity: 0, acceptingRequests: false };
const admin: RoleChangeProfile = { role: "admin", capacity: 0, acceptingRequests: false };

describe("planRoleChange", () => {
  it.each<[string, Parameters<typeof planRoleChange>[0], RoleChangePlan]>([
    [
      "a mentee becomes a mentor with the sign-up capacity",
      { callerUid: "a", callerRole: "admin", targetUid: "u", role: "mentor", profile: mentee },
      { action: "change", changed: true, from: "mentee", profileUpdate: { role: "mentor", capacity: 3, acceptingRequests: true } },
    ],
    [
      "a mentor becomes a mentee and stops taking mentees",
      { callerUid: "a", callerRole: "admin", targetUid: "u", role: "mentee", profile: mentor },
      { action: "change", changed: true, from: "mentor", profileUpdate: { role: "mentee", capacity: 0, acceptingRequests: false } },
    ],
    [
      "a mentor made admin stops taking mentees",
      { callerUid: "a", callerRole: "admin", targetUid: "u", role: "admin", profile: mentor },
      { action: "change", changed: true, from: "mentor", profileUpdate: { role: "admin", capacity: 0, acceptingRequests: false } },
    ],
    [
      "the same role only refreshes the mirror",
      { callerUid: "a", callerRole: "admin", targetUid: "u", role: "mentor", profile: mentor },
      { action: "change", changed: false, from: "mentor", profileUpdate: {} },
    ],
    [
      "an admin may re-confirm their own admin role",
      { callerUid: "a", callerRole: "admin", targetUid: "a", role: "admin", profile: admin },
      { action: "change", changed: false, from: "admin", profileUpdate: {} },
    ],
    [
      "an admin cannot demote themselves",
      { callerUid: "a", callerRole: "admin", targetUid: "a", role: "mentor", profile: admin },
      { action: "refuse", code: "failed-precondition", message: "You cannot remove your own admin role. Ask another admin to do it." },
    ],
    [
      "an unknown user is not found",
      { callerUid: "a", callerRole: "admin", targetUid: "u", role: "mentor", profile: null },
      { action: "refuse", code: "not-found", message: "There is no MentorMatch user with that id." },
    ],
    [
      "a caller demoted since their request started is refused",
      { callerUid: "a", callerRole: "mentee", targetUid: "u", role: "admin", profile: mentee },
      { action: "refuse", code: "permission-denied", message: "Only admins can do that." },
    ],
    [
      "a caller without a profile is refused",
      { callerUid: "a", callerRole: null, targetUid: "u", role: "mentor", profile: mentee },
      { action: "refuse", code: "permission-denied", message: "Only admins can do that." },
    ],
  ])("%s", (_name, input, expected) => {
    expect(planRoleChange(input)).toEqual(expected);
  });
});
