import { emailPrefsSchema, paths, type EmailPrefs } from "@mentormatch/shared";
import { doc, onSnapshot, updateDoc } from "firebase/firestore";
import { withDefaultPrefs } from "../features/settings/email-prefs";
import { db } from "../lib/firestore";

export interface Settings {
  email: string;
  emailPrefs: EmailPrefs;
}

const settingsRef = (uid: string) => doc(db, paths.userSettings(uid));

export function watchSettings(uid: string, onNext: (settings: Settings | null) => void, onError: (error: Error) => void) {
  return onSnapshot(
    settingsRef(uid),
    (snap) => {
      if (!snap.exists()) return onNext(null);
      const data = snap.data();
      onNext({ email: typeof data.email === "string" ? data.email : "", emailPrefs: withDefaultPrefs(data.emailPrefs) });
    },
    onError,
  );
}

/** The rules allow changing `emailPrefs` only, so that is the one key this writes. */
export async function updateEmailPrefs(uid: string, prefs: EmailPrefs): Promise<void> {
  await updateDoc(settingsRef(uid), { emailPrefs: emailPrefsSchema.parse(prefs) });
}
