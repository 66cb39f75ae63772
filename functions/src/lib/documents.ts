import {
  inviteDocSchema,
  mailDocSchema,
  matchDocSchema,
  parseDoc,
  profileDocSchema,
  registrationDocSchema,
  settingsDocSchema,
  type InviteDoc,
  type MailDoc,
  type MatchDoc,
  type ProfileDoc,
  type RegistrationDoc,
  type SettingsDoc,
} from "@mentormatch/shared";
import type { DocumentSnapshot } from "firebase-admin/firestore";
import type * as z from "zod";

/**
 * Documents enter typed code here, one reader per collection, parsed by the shared zod document schemas (the same
 * ones the web app's converters use), so no handler maps fields by hand. A missing document is null; a malformed one
 * throws DocumentShapeError naming its path, which defineCallable logs and answers as `internal`.
 */
function reader<S extends z.ZodType>(schema: S) {
  return (snap: DocumentSnapshot | undefined): z.output<S> | null =>
    snap?.exists ? parseDoc(schema, snap.ref.path, snap.data()) : null;
}

export const readProfile: (snap: DocumentSnapshot | undefined) => ProfileDoc | null = reader(profileDocSchema);
export const readSettings: (snap: DocumentSnapshot | undefined) => SettingsDoc | null = reader(settingsDocSchema);
export const readRegistration: (snap: DocumentSnapshot | undefined) => RegistrationDoc | null = reader(registrationDocSchema);
export const readInvite: (snap: DocumentSnapshot | undefined) => InviteDoc | null = reader(inviteDocSchema);
export const readMail: (snap: DocumentSnapshot | undefined) => MailDoc | null = reader(mailDocSchema);
export const readMatch: (snap: DocumentSnapshot | undefined) => MatchDoc | null = reader(matchDocSchema);

/** Only what notify() needs of a profile: a name to greet. Older or partial profiles still get their email. */
export const readDisplayName = reader(profileDocSchema.pick({ displayName: true }).partial());
