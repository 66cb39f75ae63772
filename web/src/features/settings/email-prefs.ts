import { EMAIL_KINDS, defaultEmailPrefs, type EmailPrefs } from "@mentormatch/shared";

/** Preferences missing from an older document take their default (EMAIL_KIND_DEFAULTS), as the functions assume. */
export function withDefaultPrefs(stored: unknown): EmailPrefs {
  const prefs = defaultEmailPrefs();
  if (stored && typeof stored === "object") {
    for (const kind of EMAIL_KINDS) {
      const value = (stored as Record<string, unknown>)[kind];
      if (typeof value === "boolean") prefs[kind] = value;
    }
  }
  return prefs;
}
