import { ROLES, type Role } from "@mentormatch/shared";

export const ROLE_LABELS: Record<Role, string> = { mentor: "Mentor", mentee: "Mentee", admin: "Admin" };
export const ROLE_FILTER_LABELS: Record<Role | "", string> = { "": "All roles", mentor: "Mentors", mentee: "Mentees", admin: "Admins" };
export const WITH_ARTICLE: Record<Role, string> = { mentor: "a mentor", mentee: "a mentee", admin: "an admin" };

/** A `?role=` value from a link or the address bar; anything unknown means every role. */
export function roleFilterFromParam(value: string | null): Role | "" {
  return value && (ROLES as readonly string[]).includes(value) ? (value as Role) : "";
}

export type RoleChangeCheck = { allowed: true } | { allowed: false; reason: string };

/**
 * Whether the People list offers this change. setUserRole is the real judge; this keeps the admin from asking
 * for what it would refuse (their own demotion) or what would change nothing.
 */
export function checkRoleChange(input: { myUid: string; targetUid: string; name: string; current: Role | null; next: Role }): RoleChangeCheck {
  if (input.targetUid === input.myUid)
    return { allowed: false, reason: "This is you. Admins can't change their own role, so the programme always keeps one; ask another admin." };
  if (input.current === input.next) return { allowed: false, reason: `${displayNameOf(input.name)} is already ${WITH_ARTICLE[input.next]}.` };
  return { allowed: true };
}

export function confirmQuestion(name: string, next: Role): string {
  return `Make ${displayNameOf(name)} ${WITH_ARTICLE[next]}?`;
}

/** The toast after setUserRole: `changed` is false when the person already had the role (another admin was quicker). */
export function successMessage(name: string, role: Role, changed = true): string {
  return `${displayNameOf(name)} is ${changed ? "now" : "already"} ${WITH_ARTICLE[role]}.`;
}

/** The toast after inviteUser: `created` is false when the address already had an open invitation (nothing was sent). */
export function inviteSentMessage(email: string, created: boolean): string {
  return created ? `Invitation sent to ${email}.` : `${email} already has an open invitation.`;
}

/** What the change does besides the label, mirroring planRoleChange in functions, so the admin confirms knowingly. */
export function roleChangeEffects(current: Role | null, next: Role): string[] {
  const effects: string[] = [];
  if (next === "mentor" && current !== "mentor") effects.push("They'll be listed in the mentor directory and can accept mentees.");
  if (current === "mentor" && next !== "mentor") effects.push("They'll leave the mentor directory: capacity goes to 0 and they stop accepting requests.");
  if (next === "admin" && current !== "admin") effects.push("They'll be able to change anyone's role, yours included.");
  if (current === "admin" && next !== "admin") effects.push("They'll lose access to the admin pages.");
  return effects;
}

/** The results line read out by screen readers as the list changes. */
export function peopleSummary(count: number, hasMore: boolean): string {
  if (count === 0) return "No people found";
  return `Showing ${count.toLocaleString("en-US")} ${count === 1 ? "person" : "people"}${hasMore ? " so far" : ""}`;
}

function displayNameOf(name: string): string {
  return name.trim() || "this person";
}

/**
 * Whether setUserRole refused because the mentor still has mentees: it marks that refusal with a field error on
 * `endActiveMatches` (the flag that would let it through). The count is the mentor's own `activeMenteeCount`.
 */
export function activeMenteesRefusal(
  error: { code: string; message: string; fields?: Readonly<Record<string, string>> } | null,
  activeMenteeCount: number,
): { message: string; count: number | null } | null {
  if (!error || error.code !== "failed-precondition" || !error.fields?.endActiveMatches) return null;
  return { message: error.message, count: activeMenteeCount > 0 ? activeMenteeCount : null };
}

/** The second confirm's button: "End their 2 matches and change role". */
export function endMatchesLabel(count: number | null): string {
  if (count === null) return "End their matches and change role";
  return `End their ${count} ${count === 1 ? "match" : "matches"} and change role`;
}

/** The toast after a role change that ended matches or closed requests too. */
export function endedMatchesNote(endedMatches = 0, closedRequests = 0): string {
  const parts: string[] = [];
  if (endedMatches) parts.push(`${endedMatches} ${endedMatches === 1 ? "mentoring" : "mentorings"} ended`);
  if (closedRequests) parts.push(`${closedRequests} waiting ${closedRequests === 1 ? "request" : "requests"} closed`);
  return parts.length ? ` ${parts.join(", ")}; the mentees were told.` : "";
}
