import { matchIdOf, paths, type MatchDoc, type Role } from "@mentormatch/shared";
import { FieldValue, type Firestore, type QueryDocumentSnapshot } from "firebase-admin/firestore";
import type { UserRecord } from "firebase-admin/auth";
import { planRoleChange } from "../planners/role-change.js";
import { adminAuth, db } from "../lib/app.js";
import { writeAuditEntry } from "../lib/audit.js";
import { defineCallable, fail } from "../lib/callable.js";
import { prepareNotifications, type NotifyInput } from "../lib/notify.js";
import { readMatch, readProfile } from "../lib/documents.js";
import { chatSyncPending, syncMatchChat } from "../lib/chat-sync.js";
import { closedByRoleChangeMessage, endedByRoleChangeMessage } from "../lib/match-messages.js";
import { closedByRoleChangeUpdate, endedMatchUpdate } from "../planners/match.js";

/**
 * How many of a mentor's matches one role change ends or closes. Each costs three writes (the match, the mentee's
 * notification and email) inside a transaction that Firestore caps at 500 writes: 40 accepted (capacity is at most
 * 20) and 100 pending leave room for the profile, the audit entry and the target's own notification. Pending requests
 * beyond that stay pending; nobody can accept them any more and the hourly sweep expires them.
 */
const MAX_ENDED_MATCHES = 40;
const MAX_CLOSED_REQUESTS = 100;

function mentorMatches(firestore: Firestore, mentorId: string, status: "accepted" | "pending", limit: number) {
  return firestore.collection(paths.matches()).where("mentorId", "==", mentorId).where("status", "==", status).limit(limit);
}

function matchesOf(docs: QueryDocumentSnapshot[]): { ref: QueryDocumentSnapshot["ref"]; match: MatchDoc }[] {
  return docs.flatMap((doc) => {
    const match = readMatch(doc);
    return match ? [{ ref: doc.ref, match }] : [];
  });
}

/**
 * An admin changes another user's role. One transaction re-reads both people's stored roles, updates the target's
 * profile (the role every check reads), writes the audit entry and tells the target; then the claim follows and
 * the target's refresh tokens are revoked, so their app must fetch a token with the new role or sign in again.
 * Taking the mentor role from someone with mentees needs `endActiveMatches`: then, in the same transaction, their
 * accepted matches end, their waiting requests close, and each mentee is told; the chats close after it commits.
 */
export const setUserRole = defineCallable("setUserRole", async ({ uid: callerUid, data }) => {
  const user = await findUser(data.uid);
  const firestore = db();
  const callerRef = firestore.doc(paths.user(callerUid));
  const profileRef = firestore.doc(paths.user(data.uid));

  const now = new Date();
  const { plan, ended, closed } = await firestore.runTransaction(async (tx) => {
    const [caller, profile] = await tx.getAll(callerRef, profileRef);
    const callerProfile = readProfile(caller);
    const target = user ? readProfile(profile) : null;
    const leavesMentoring = target?.role === "mentor" && data.role !== "mentor";
    const active = leavesMentoring ? matchesOf((await tx.get(mentorMatches(firestore, data.uid, "accepted", MAX_ENDED_MATCHES))).docs) : [];
    const waiting = leavesMentoring ? matchesOf((await tx.get(mentorMatches(firestore, data.uid, "pending", MAX_CLOSED_REQUESTS))).docs) : [];
    const plan = planRoleChange({
      callerUid,
      callerRole: callerProfile?.role ?? null,
      targetUid: data.uid,
      role: data.role,
      profile: target,
      activeMatches: active.length,
      pendingRequests: waiting.length,
      endActiveMatches: data.endActiveMatches,
    });
    const nothing = { plan, ended: [] as typeof active, closed: [] as typeof waiting };
    if (plan.action === "refuse" || !plan.changed) {
      if (plan.action === "change" && Object.keys(plan.profileUpdate).length > 0)
        tx.update(profileRef, { ...plan.profileUpdate, updatedAt: FieldValue.serverTimestamp() });
      return nothing;
    }
    const ended = plan.endMatches ? active : [];
    const closed = plan.closeRequests ? waiting : [];
    const auditRef = firestore.collection(paths.auditLog()).doc();
    const notifications = await prepareNotifications(
      tx,
      [
        { uid: data.uid, input: roleChangedMessage(auditRef.id, data.role) },
        ...ended.map(({ match }) => ({ uid: match.menteeId, input: endedByRoleChangeMessage(match) })),
        ...closed.map(({ match }) => ({ uid: match.menteeId, input: closedByRoleChangeMessage(match) })),
      ],
      { db: firestore },
    );
    for (const { ref } of ended) tx.update(ref, { ...endedMatchUpdate(callerUid, "", now), ...chatSyncPending(now) });
    for (const { ref } of closed) tx.update(ref, closedByRoleChangeUpdate(now));
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
    return { plan, ended, closed };
  });
  if (plan.action === "refuse") throw fail(plan.code, plan.message, plan.fields);
  await Promise.all(ended.map(({ match }) => syncMatchChat(matchIdOf(match.mentorId, match.menteeId), { ...match, ...chatSyncPending(now), status: "ended" })));

  // Spread the existing claims: setCustomUserClaims replaces them all.
  await adminAuth().setCustomUserClaims(data.uid, { ...user!.customClaims, role: data.role });
  if (plan.changed) await adminAuth().revokeRefreshTokens(data.uid);
  return {
    uid: data.uid,
    role: data.role,
    changed: plan.changed,
    ...(ended.length ? { endedMatches: ended.length } : {}),
    ...(closed.length ? { closedRequests: closed.length } : {}),
  };
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
