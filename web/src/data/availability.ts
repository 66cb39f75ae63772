import { paths, timestampSchema } from "@mentormatch/shared";
import { availabilitySchema, type Availability, type AvailabilityInput } from "@mentormatch/shared/scheduling";
import { doc, getDoc, serverTimestamp, setDoc } from "firebase/firestore";
import { db } from "../lib/firestore";
import { converterFor, docOf, watchDoc } from "./parse";

// This module reaches Temporal through `@mentormatch/shared/scheduling`: import it only from lazily loaded screens
// (the Schedule tab, "Next free times"), never from the first download or the signed-in shell.

/**
 * `availability/{mentorId}` as stored: exactly availabilitySchema plus `updatedAt`, the shape bookSession reads too.
 * A document that does not parse reaches the caller as an error rather than as hours nobody chose.
 */
export const availabilityDocSchema = availabilitySchema.extend({ updatedAt: timestampSchema });

const availabilityConverter = converterFor(availabilityDocSchema, ({ updatedAt: _updatedAt, ...hours }): Availability => hours);
const availabilityRef = (mentorId: string) => doc(db, paths.availability(mentorId)).withConverter(availabilityConverter);

/** A mentor's hours, or null when they have not set any. */
export async function getAvailability(mentorId: string): Promise<Availability | null> {
  return docOf(await getDoc(availabilityRef(mentorId)));
}

export function watchAvailability(mentorId: string, onNext: (availability: Availability | null) => void, onError: (error: Error) => void) {
  return watchDoc(availabilityRef(mentorId), onNext, onError);
}

/**
 * Saves the whole document: the rules check every field of it, and a full write (not a merge) means a weekday or
 * override removed in the form is removed here too. Parsing first fills every weekday, as the rules require.
 */
export async function saveAvailability(mentorId: string, availability: AvailabilityInput): Promise<void> {
  await setDoc(doc(db, paths.availability(mentorId)), { ...availabilitySchema.parse(availability), updatedAt: serverTimestamp() });
}
