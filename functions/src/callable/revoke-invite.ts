import { inviteIdOf, paths } from "@mentormatch/shared";
import { db } from "../lib/app.js";
import { writeAuditEntry } from "../lib/audit.js";
import { defineCallable, fail } from "../lib/callable.js";
import { readInvite, readProfile } from "../lib/documents.js";

/** Withdraws an invitation that has not been used; an address that already joined is managed by its role. */
export const revokeInvite = defineCallable("revokeInvite", async ({ uid, data }) => {
  const email = data.email.toLowerCase();
  const firestore = db();
  const inviteRef = firestore.doc(paths.invite(inviteIdOf(email)));
  const callerRef = firestore.doc(paths.user(uid));
  await firestore.runTransaction(async (tx) => {
    const [invite, caller] = await tx.getAll(inviteRef, callerRef);
    const open = readInvite(invite);
    if (!open) throw fail("not-found", `There is no invitation for ${email}.`);
    if (open.acceptedUid)
      throw fail("failed-precondition", `${email} has already joined. Change their role on the People page instead.`);
    tx.delete(inviteRef);
    writeAuditEntry(firestore, tx, { action: "invite_revoked", actorUid: uid, actorName: readProfile(caller)?.displayName ?? "An admin", targetEmail: email });
  });
  return { email, revoked: true };
});
