import { defaultProfileFields, type Role } from "@mentormatch/shared";

export interface RoleChangeProfile {
  role: string;
  capacity: number;
  acceptingRequests: boolean;
}

export type RoleChangePlan =
  | {
      action: "change";
      /** False when the stored role already was `role` (a retry after the claim failed to update). */
      changed: boolean;
      from: Role | null;
      /** Fields to write on the profile besides `updatedAt`; empty when the mirror already matches. */
      profileUpdate: Partial<{ role: Role; capacity: number; acceptingRequests: boolean }>;
    }
  | { action: "refuse"; code: "failed-precondition" | "not-found" | "permission-denied"; message: string };

const asRole = (value: string): Role | null => (value === "mentor" || value === "mentee" || value === "admin" ? value : null);

/**
 * What `setUserRole` does, decided inside the transaction from the stored roles of both people. The caller's role
 * is read there too, so two admins demoting each other at once serialise and the second finds itself demoted.
 * Admins cannot demote themselves, so the programme cannot lose its last admin by accident. Only mentors take
 * mentees: leaving the mentor role zeroes capacity, joining it starts from the sign-up defaults so the new mentor
 * can be found.
 */
export function planRoleChange(input: {
  callerUid: string;
  callerRole: Role | null;
  targetUid: string;
  role: Role;
  profile: RoleChangeProfile | null;
}): RoleChangePlan {
  const { callerUid, callerRole, targetUid, role, profile } = input;
  if (callerRole !== "admin") return { action: "refuse", code: "permission-denied", message: "Only admins can do that." };
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
  return { action: "change", changed: profile.role !== role, from: asRole(profile.role), profileUpdate };
}
