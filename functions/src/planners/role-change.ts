import { defaultProfileFields, type Role } from "@mentormatch/shared";

export interface RoleChangeProfile {
  role: string;
  capacity: number;
  acceptingRequests: boolean;
}

export type RoleChangePlan =
  | {
      action: "change";
      /** Fields to write on the profile besides `updatedAt`; empty when the mirror already matches. */
      profileUpdate: Partial<{ role: Role; capacity: number; acceptingRequests: boolean }>;
    }
  | { action: "refuse"; code: "failed-precondition" | "not-found"; message: string };

/**
 * What `setUserRole` does. Admins cannot demote themselves, so the programme cannot lose its last admin by
 * accident. Only mentors take mentees: leaving the mentor role zeroes capacity, joining it starts from the
 * sign-up defaults so the new mentor can be found.
 */
export function planRoleChange(input: {
  callerUid: string;
  targetUid: string;
  role: Role;
  profile: RoleChangeProfile | null;
}): RoleChangePlan {
  const { callerUid, targetUid, role, profile } = input;
  if (callerUid === targetUid && role !== "admin")
    return {
      action: "refuse",
      code: "failed-precondition",
      message: "You cannot remove your own admin role. Ask another admin to do it.",
    };
  if (!profile) return { action: "refuse", code: "not-found", message: "There is no MentorMatch user with that id." };
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
  return { action: "change", profileUpdate };
}
