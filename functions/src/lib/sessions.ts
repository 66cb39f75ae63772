import { parseDoc, profileDocSchema, sessionDocSchema, type SessionDoc } from "@mentormatch/shared";
import { availabilitySchema, type Availability } from "@mentormatch/shared/scheduling";
import type { DocumentSnapshot } from "firebase-admin/firestore";
import { defineString } from "firebase-functions/params";
import type { SessionFacts } from "../planners/session.js";

/** Where "Create a room" makes its Jitsi rooms. */
export const DEFAULT_JITSI_BASE_URL = "https://meet.jit.si";
export const JITSI_BASE_URL = defineString("JITSI_BASE_URL", {
  default: DEFAULT_JITSI_BASE_URL,
  description: "Base https URL of the Jitsi server for session rooms.",
});
export const jitsiBaseUrl = () => JITSI_BASE_URL.value() || DEFAULT_JITSI_BASE_URL;

export const readSession = (snap: DocumentSnapshot | undefined): SessionDoc | null =>
  snap?.exists ? parseDoc(sessionDocSchema, snap.ref.path, snap.data()) : null;

/**
 * `availability/{mentorId}` (written by the mentor under rules): the core's availability fields plus `updatedAt`,
 * which the strict core schema does not know, so it is set aside before parsing.
 */
export function readAvailability(snap: DocumentSnapshot | undefined): Availability | null {
  if (!snap?.exists) return null;
  const { updatedAt: _updatedAt, ...fields } = snap.data() ?? {};
  return parseDoc(availabilitySchema, snap.ref.path, fields);
}

/** A person's zone from their profile; UTC when the profile is missing, so a time can always be written down. */
export function readTimeZone(snap: DocumentSnapshot | undefined): string {
  if (!snap?.exists) return "UTC";
  return parseDoc(profileDocSchema.pick({ timezone: true }), snap.ref.path, snap.data()).timezone || "UTC";
}

/** A stored session with its times as epoch ms, as the planners and message builders take it. */
export function sessionFacts(session: SessionDoc): SessionDoc & SessionFacts {
  return { ...session, startMs: session.startAt.toMillis(), endMs: session.endAt.toMillis() };
}
