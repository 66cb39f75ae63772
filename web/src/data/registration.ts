import { parseDoc, paths, registrationDocSchema, type RegistrationDoc } from "@mentormatch/shared";
import { doc, getDoc } from "firebase/firestore";
import { db } from "../lib/firestore";

export type Registration = RegistrationDoc;

/**
 * The caller's pending sign-up (`users/{uid}/private/registration`), or null when there is none. Written by
 * registerAccount while the email waits for verification; the one document an account without a role can read.
 */
export async function getRegistration(uid: string): Promise<Registration | null> {
  const path = paths.userRegistration(uid);
  const snap = await getDoc(doc(db, path));
  return snap.exists() ? parseDoc(registrationDocSchema, path, snap.data()) : null;
}
