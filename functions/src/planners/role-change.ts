import { defaultProfileFields, type Role } from "@mentormatch/shared";

export interface RoleChangeProfile {
  role: string;
  capacity: number;
  acceptingRequests: boolean;
  activeMenteeCount?: number;
}

export type RoleChangePlan =
  | {
      action: "change";
      /** False when the stored role already was `role` (a retry after the claim failed to update). */
      changed: boolean;
      from: Role | null;
      /** Fields to write on the profile besides `updatedAt`; empty when the mirror already matches. */
      profileUpdate: Partial<{ role: Role; capacity: number; acceptingRequests: boolean; activeMenteeCount: number }>;
      /** Someone stops being a mentor: their accepted matches end and the mentees are told (the admin confirmed). */
      endMatches: boolean;
      /** …and the requests waiting for them are closed, since nobody can accept them any more. */
      closeRequests: boolean;
    }
  | {
      action: "refuse";
      code: "failed-precondition" | "not-found" | "permission-denied";
      message: string;
      /** Sent as the error's `fields`: `endActiveMatches` tells the app that confirming (the flag) would go through. */
      fields?: Record<string, string>;
    };

const asRole = (value: string): Role | null => (value === "mentor" || value === "mentee" || value === "admin" ? value : null);

/**
 * What `setUserRole` does, decided inside the transaction from the stored roles of both people. The caller's role
 * is read there too, so two admins demoting each other at once serialise and the second finds itself demoted.
 * Admins cannot demote themselves, so the programme cannot lose its last admin by accident. Only mentors take
 * mentees: leaving the mentor role zeroes capacity, joining it starts from the sign-up defaults so the new mentor
 * can be found. Someone who mentors people now keeps the role unless the admin confirms ending those matches
 * (`endActiveMatches`); then they end, the count drops to 0, and requests waiting for them are closed.
 */
export function planRoleChange(input: {
  callerUid: string;
  callerRole: Role | null;
  targetUid: string;
  role: Role;
  profile: RoleChangeProfile | null;
  /** The target's accepted matches as mentor, and their pending requests as mentor (read in the transaction). */
  activeMatches?: number;
  pendingRequests?: number;
  /** The admin confirmed ending the target's mentorships. */
  endActiveMatches?: boolean;
}): RoleChangePlan {
  const { callerUid, callerRole, targetUid, role, profile } = input;
  const activeMatches = input.activeMatches ?? 0;
  const pendingRequests = input.pendingRequests ?? 0;
  if (callerRole !== "admin") return { action: "refuse", code: "permission-denied", message: "Only admins can do that." };
  if (callerUid === targetUid && role !== "admin")
    return {
      action: "refuse",
      code: "failed-precondition",
      message: "You cannot remove your own admin role. Ask another admin to do it.",
    };
  if (!profile) return { action: "refuse", code: "not-found", message: "There is no MentorMatch user with that id." };
  const leavesMentoring = profile.role === "mentor" && role !== "mentor";
  if (leavesMentoring && activeMatches > 0 && !input.endActiveMatches) {
    const one = activeMatches === 1;
    return {
      action: "refuse",
      code: "failed-precondition",
      message: `This mentor has ${activeMatches} active ${one ? "mentee" : "mentees"}. Changing their role ends ${one ? "that mentoring" : "those mentorings"}: confirm to go ahead.`,
      fields: { endActiveMatches: `Confirm to end ${one ? "1 mentoring" : `${activeMatches} mentorings`}.` },
    };
  }
  const profileUpdate: Extract<RoleChangePlan, { action: "change" }>["profileUpdate"] = {};
  if (profile.role !== role) profileUpdate.role = role;
  if (role === "mentor" && profile.role !== "mentor") {
    const defaults = defaultProfileFields({ displayName: "", timezone: "UTC", role: "mentor" });
    if (profile.capacity === 0) profileUpdate.capacity = defaults.capacity;
    if (!profile.acceptingRequests) profileUpdate.acceptingRequests = defaults.acceptingRequests;
  }
  if (role !== "mentor") {
    if (profile.capacity !== 0) profileUpdate.capacity = 0;
    if (profile.acceptingRequests) profileUpdate.acceptingRequests = false;
  }
  const endMatches = leavesMentoring && activeMatches > 0;
  if (leavesMentoring && (endMatches || (profile.activeMenteeCount ?? 0) !== 0)) profileUpdate.activeMenteeCount = 0;
  return {
    action: "change",
    changed: profile.role !== role,
    from: asRole(profile.role),
    profileUpdate,
    endMatches,
    closeRequests: leavesMentoring && pendingRequests > 0,
  };
}
