import { emailPrefsSchema, paths, settingsDocSchema, type EmailPrefs } from "@mentormatch/shared";
import { doc, updateDoc } from "firebase/firestore";
import { withDefaultPrefs } from "../features/settings/email-prefs";
import { db } from "../lib/firestore";
import { converterFor, watchDoc } from "./parse";

export interface Settings {
  email: string;
  emailPrefs: EmailPrefs;
  /** When the calendar feed was made, or null when it is off (fn-only). */
  calendarFeedCreatedAtMs: number | null;
}

// A kind added after the document was written is missing from its map: it counts as on, as functions assume.
const settingsConverter = converterFor(settingsDocSchema, (data): Settings => ({
  email: data.email,
  emailPrefs: withDefaultPrefs(data.emailPrefs),
  calendarFeedCreatedAtMs: data.calendarFeedCreatedAt?.toMillis() ?? null,
}));
const settingsRef = (uid: string) => doc(db, paths.userSettings(uid)).withConverter(settingsConverter);

export function watchSettings(uid: string, onNext: (settings: Settings | null) => void, onError: (error: Error) => void) {
  return watchDoc(settingsRef(uid), onNext, onError);
}

/** The rules allow changing `emailPrefs` only, so that is the one key this writes. */
export async function updateEmailPrefs(uid: string, prefs: EmailPrefs): Promise<void> {
  await updateDoc(settingsRef(uid), { emailPrefs: emailPrefsSchema.parse(prefs) });
}
