import { paths, registrationDocSchema, type RegistrationDoc } from "@mentormatch/shared";
import { doc, getDoc } from "firebase/firestore";
import { db } from "../lib/firestore";
import { converterFor, docOf } from "./parse";

export type Registration = RegistrationDoc;

const registrationRef = (uid: string) => doc(db, paths.userRegistration(uid)).withConverter(converterFor(registrationDocSchema));

/**
 * The caller's pending sign-up (`users/{uid}/private/registration`), or null when there is none. Written by
 * registerAccount while the email waits for verification; the one document an account without a role can read.
 */
export async function getRegistration(uid: string): Promise<Registration | null> {
  return docOf(await getDoc(registrationRef(uid)));
}
