import { PROFILE_EDITABLE_FIELDS, type ProfileFields } from "@mentormatch/shared";

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
