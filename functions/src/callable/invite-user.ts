import { inviteIdOf, paths } from "@mentormatch/shared";
import { FieldValue } from "firebase-admin/firestore";
import { adminAuth, db } from "../lib/app.js";
import { writeAuditEntry } from "../lib/audit.js";
import { defineCallable, fail } from "../lib/callable.js";
import { readProfile } from "../lib/documents.js";
import { queueEmail } from "../lib/notify.js";

/**
 * An admin invites one address: it may then join even when it is outside the organisation's email domains, and it
 * gets an email with a sign-up link. Inviting the same address again while the invitation is open sends nothing new.
 */
export const inviteUser = defineCallable("inviteUser", async ({ uid, data }) => {
  const email = data.email.toLowerCase();
  const existing = await adminAuth()
    .getUserByEmail(email)
    .catch((err: { code?: string }) => (err.code === "auth/user-not-found" ? null : Promise.reject(err)));
  if (existing?.customClaims?.role)
    throw fail("already-exists", `${email} already has a MentorMatch account. Change their role on the People page instead.`, {
      email: "This address already has an account.",
    });

  const firestore = db();
  const inviteId = inviteIdOf(email);
  const inviteRef = firestore.doc(paths.invite(inviteId));
  const callerRef = firestore.doc(paths.user(uid));
  const created = await firestore.runTransaction(async (tx) => {
    const [invite, caller] = await tx.getAll(inviteRef, callerRef);
    if (invite?.exists) return false;
    const inviter = readProfile(caller)?.displayName ?? "A programme admin";
    tx.create(inviteRef, { email, invitedBy: uid, invitedByName: inviter, createdAt: FieldValue.serverTimestamp(), acceptedAt: null, acceptedUid: null });
    writeAuditEntry(firestore, tx, { action: "invite_created", actorUid: uid, actorName: inviter, targetEmail: email });
    queueEmail(tx, `invite_${inviteId}_${Date.now()}`, {
      to: email,
      uid: "",
      kind: "account",
      recipientName: "there",
      email: {
        subject: `${inviter} invited you to MentorMatch`,
        heading: "You're invited to MentorMatch",
        paragraphs: [
          `${inviter} invited you to join your organisation's mentoring programme on MentorMatch.`,
          `Sign up with this address (${email}) to find a mentor, or to mentor others.`,
        ],
        action: { label: "Accept the invitation", path: `/signup?email=${encodeURIComponent(email)}` },
        reason: `You get this because a MentorMatch admin invited ${email}.`,
      },
    }, { db: firestore });
    return true;
  });
  return { email, inviteId, created };
});
