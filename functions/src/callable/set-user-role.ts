import { paths, type Role } from "@mentormatch/shared";
import { FieldValue } from "firebase-admin/firestore";
import type { UserRecord } from "firebase-admin/auth";
import { planRoleChange } from "../planners/role-change.js";
import { adminAuth, db } from "../lib/app.js";
import { writeAuditEntry } from "../lib/audit.js";
import { defineCallable, fail } from "../lib/callable.js";
import { prepareNotifications, type NotifyInput } from "../lib/notify.js";
import { readProfile } from "../lib/documents.js";

/**
 * An admin changes another user's role. One transaction re-reads both people's stored roles, updates the target's
 * profile (the role every check reads), writes the audit entry and tells the target; then the claim follows and
 * the target's refresh tokens are revoked, so their app must fetch a token with the new role or sign in again.
 */
export const setUserRole = defineCallable("setUserRole", async ({ uid: callerUid, data }) => {
  const user = await findUser(data.uid);
  const firestore = db();
  const callerRef = firestore.doc(paths.user(callerUid));
  const profileRef = firestore.doc(paths.user(data.uid));

  const plan = await firestore.runTransaction(async (tx) => {
    const [caller, profile] = await tx.getAll(callerRef, profileRef);
    const callerProfile = readProfile(caller);
    const target = user ? readProfile(profile) : null;
    const plan = planRoleChange({ callerUid, callerRole: callerProfile?.role ?? null, targetUid: data.uid, role: data.role, profile: target });
    if (plan.action === "refuse" || !plan.changed) {
      if (plan.action === "change" && Object.keys(plan.profileUpdate).length > 0)
        tx.update(profileRef, { ...plan.profileUpdate, updatedAt: FieldValue.serverTimestamp() });
      return plan;
    }
    const auditRef = firestore.collection(paths.auditLog()).doc();
    const notifications = await prepareNotifications(tx, [{ uid: data.uid, input: roleChangedMessage(auditRef.id, data.role) }], { db: firestore });
    tx.update(profileRef, { ...plan.profileUpdate, updatedAt: FieldValue.serverTimestamp() });
    writeAuditEntry(firestore, tx, {
      action: "role_changed",
      actorUid: callerUid,
      actorName: callerProfile!.displayName,
      targetUid: data.uid,
      targetName: target!.displayName,
      targetEmail: user?.email ?? null,
      from: plan.from,
      to: data.role,
    }, auditRef);
    notifications.write();
    return plan;
  });
  if (plan.action === "refuse") throw fail(plan.code, plan.message);

  // Spread the existing claims: setCustomUserClaims replaces them all.
  await adminAuth().setCustomUserClaims(data.uid, { ...user!.customClaims, role: data.role });
  if (plan.changed) await adminAuth().revokeRefreshTokens(data.uid);
  return { uid: data.uid, role: data.role, changed: plan.changed };
});

function roleChangedMessage(auditId: string, role: Role): NotifyInput {
  const what =
    role === "admin"
      ? "You can now manage people and see the programme overview."
      : role === "mentor"
        ? "Mentees can now find you in the directory: set your expertise and how many mentees you can take."
        : "You can now find a mentor in the directory.";
  return {
    kind: "role_changed",
    text: `A programme admin made you a ${role}. ${what}`,
    link: role === "mentor" ? "/profile" : "/",
    dedupeKey: `role:${auditId}`,
    email: {
      subject: `You are now a ${role} on MentorMatch`,
      heading: `You are now a ${role}`,
      paragraphs: [`A programme admin changed your role on MentorMatch to ${role}.`, what, "You may be asked to sign in again."],
      action: { label: "Open MentorMatch", path: role === "mentor" ? "/profile" : "/" },
    },
  };
}

async function findUser(uid: string): Promise<UserRecord | null> {
  try {
    return await adminAuth().getUser(uid);
  } catch (err) {
    if ((err as { code?: string }).code === "auth/user-not-found") return null;
    throw err;
  }
}
