import { PROFILE_EDITABLE_FIELDS, type ProfileFields } from "@mentormatch/shared";
import { errorCode, errorMessage } from "../../lib/error-message";

const same = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((item, i) => item === b[i]) : a === b;

/**
 * The editable fields whose value changed. Sending only these keeps the update inside what the rules allow for this
 * role (a mentee never touches capacity) and keeps `affectedKeys()` honest.
 */
export function changedProfileFields(current: ProfileFields, next: ProfileFields): Partial<ProfileFields> {
  const changes: Partial<Record<keyof ProfileFields, unknown>> = {};
  for (const key of PROFILE_EDITABLE_FIELDS) if (!same(current[key], next[key])) changes[key] = next[key];
  return changes as Partial<ProfileFields>;
}

/**
 * Why a save failed, in words. The form only writes profileFieldsSchema's output, held to the same limits as the
 * rules, so a refusal by the rules means something changed underneath: most often the person's role.
 */
export function profileSaveError(error: unknown): string {
  if (errorCode(error) === "permission-denied")
    return "Your profile wasn't saved: MentorMatch refused the change. If your role changed a moment ago, reload the page and try again.";
  return `Your profile wasn't saved. ${errorMessage(error)}`;
}
