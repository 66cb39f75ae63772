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
      { action: "change", changed: true, from: "mentee", profileUpdate: { role: "mentor", capacity: 3, acceptingRequests: true }, endMatches: false, closeRequests: false },
    ],
    [
      "a mentor becomes a mentee and stops taking mentees",
      { callerUid: "a", callerRole: "admin", targetUid: "u", role: "mentee", profile: mentor },
      { action: "change", changed: true, from: "mentor", profileUpdate: { role: "mentee", capacity: 0, acceptingRequests: false }, endMatches: false, closeRequests: false },
    ],
    [
      "a mentor made admin stops taking mentees",
      { callerUid: "a", callerRole: "admin", targetUid: "u", role: "admin", profile: mentor },
      { action: "change", changed: true, from: "mentor", profileUpdate: { role: "admin", capacity: 0, acceptingRequests: false }, endMatches: false, closeRequests: false },
    ],
    [
      "the same role only refreshes the mirror",
      { callerUid: "a", callerRole: "admin", targetUid: "u", role: "mentor", profile: mentor },
      { action: "change", changed: false, from: "mentor", profileUpdate: {}, endMatches: false, closeRequests: false },
    ],
    [
      "an admin may re-confirm their own admin role",
      { callerUid: "a", callerRole: "admin", targetUid: "a", role: "admin", profile: admin },
      { action: "change", changed: false, from: "admin", profileUpdate: {}, endMatches: false, closeRequests: false },
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

describe("planRoleChange: a mentor with mentees", () => {
  const busy: RoleChangeProfile = { ...mentor, activeMenteeCount: 2 };
  const base = { callerUid: "a", callerRole: "admin", targetUid: "u" } as const;
  it.each<[string, Parameters<typeof planRoleChange>[0], RoleChangePlan]>([
    [
      "is refused without the admin's confirmation, naming how many mentees",
      { ...base, role: "mentee", profile: busy, activeMatches: 2, pendingRequests: 1 },
      {
        action: "refuse",
        code: "failed-precondition",
        message: "This mentor has 2 active mentees. Changing their role ends those mentorings: confirm to go ahead.",
        fields: { endActiveMatches: "Confirm to end 2 mentorings." },
      },
    ],
    [
      "one mentee reads in the singular",
      { ...base, role: "admin", profile: { ...mentor, activeMenteeCount: 1 }, activeMatches: 1 },
      {
        action: "refuse",
        code: "failed-precondition",
        message: "This mentor has 1 active mentee. Changing their role ends that mentoring: confirm to go ahead.",
        fields: { endActiveMatches: "Confirm to end 1 mentoring." },
      },
    ],
    [
      "with the confirmation, the matches end, the count drops to 0 and waiting requests close",
      { ...base, role: "mentee", profile: busy, activeMatches: 2, pendingRequests: 1, endActiveMatches: true },
      {
        action: "change",
        changed: true,
        from: "mentor",
        profileUpdate: { role: "mentee", capacity: 0, acceptingRequests: false, activeMenteeCount: 0 },
        endMatches: true,
        closeRequests: true,
      },
    ],
    [
      "no mentees but requests waiting: no confirmation needed, the requests close",
      { ...base, role: "mentee", profile: mentor, activeMatches: 0, pendingRequests: 3 },
      {
        action: "change",
        changed: true,
        from: "mentor",
        profileUpdate: { role: "mentee", capacity: 0, acceptingRequests: false },
        endMatches: false,
        closeRequests: true,
      },
    ],
    [
      "a count that drifted from the matches is zeroed with the role",
      { ...base, role: "mentee", profile: { ...mentor, activeMenteeCount: 1 }, activeMatches: 0 },
      {
        action: "change",
        changed: true,
        from: "mentor",
        profileUpdate: { role: "mentee", capacity: 0, acceptingRequests: false, activeMenteeCount: 0 },
        endMatches: false,
        closeRequests: false,
      },
    ],
    [
      "staying a mentor ignores the flag and keeps the mentees",
      { ...base, role: "mentor", profile: busy, activeMatches: 2, endActiveMatches: true },
      { action: "change", changed: false, from: "mentor", profileUpdate: {}, endMatches: false, closeRequests: false },
    ],
    [
      "the admin check comes first",
      { ...base, callerRole: "mentor", role: "mentee", profile: busy, activeMatches: 2 },
      { action: "refuse", code: "permission-denied", message: "Only admins can do that." },
    ],
  ])("%s", (_name, input, expected) => {
    expect(planRoleChange(input)).toEqual(expected);
  });
});
