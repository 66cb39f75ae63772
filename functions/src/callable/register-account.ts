import {
  buildSearchTokens,
  defaultEmailPrefs,
  defaultProfileFields,
  inviteIdOf,
  paths,
  planSignUpAccess,
  type SelfServiceRole,
} from "@mentormatch/shared";
import { FieldValue } from "firebase-admin/firestore";
import { roleOfClaims, planRegistration, withArticle } from "../planners/registration.js";
import { adminAuth, db } from "../lib/app.js";
import { defineCallable, fail } from "../lib/callable.js";
import { allowedEmailDomains } from "../lib/config.js";
import { readInvite, readProfile } from "../lib/documents.js";
import { addNotificationToBatch, type NotifyInput } from "../lib/notify.js";
import { sendVerification } from "../lib/verification.js";

const ALREADY_EXISTS = 6;

/**
 * A signed-in account picks mentor or mentee. Until its address is verified (and allowed: the organisation's
 * domains or an invitation) it only gets a pending registration and a verification email; then one batch of
 * `create`s writes the profile, settings and welcome notification + email, and the claim follows. `create` makes
 * the batch the lock: of ten identical calls at once one writes, the others find its profile and also answer ok,
 * with none of the lock time-outs that ten transactions on one document run into.
 */
export const registerAccount = defineCallable("registerAccount", async ({ uid, data }) => {
  // The user record, not the caller's token: it may predate the verification or an earlier call's claim.
  const user = await adminAuth().getUser(uid);
  const email = (user.email ?? "").trim().toLowerCase();
  if (!email) throw fail("failed-precondition", "Sign up with an email address to join MentorMatch.");
  const firestore = db();
  const profileRef = firestore.doc(paths.user(uid));
  const inviteRef = firestore.doc(paths.invite(inviteIdOf(email)));
  const pendingRef = firestore.doc(paths.userRegistration(uid));
  const [profile, invite, pending] = await firestore.getAll(profileRef, inviteRef, pendingRef);

  const plan = planRegistration({
    claimRole: roleOfClaims(user.customClaims),
    profile: readProfile(profile),
    role: data.role,
    emailVerified: user.emailVerified,
    access: planSignUpAccess({ email, domains: allowedEmailDomains(), invited: !!invite?.exists }),
  });

  switch (plan.action) {
    case "conflict":
      throw fail("failed-precondition", `You already have an account as ${withArticle(plan.role)}.`);
    case "refuse":
      throw fail("permission-denied", plan.message);
    case "noop":
      return { status: "registered", role: data.role, created: false };
    case "verify": {
      // What they chose waits here, readable by them alone, until the link is clicked.
      await pendingRef.set(
        {
          email,
          role: data.role,
          displayName: data.displayName,
          timezone: data.timezone,
          status: "awaiting_verification",
          ...(pending?.exists ? {} : { verificationSentAt: null, createdAt: FieldValue.serverTimestamp() }),
          updatedAt: FieldValue.serverTimestamp(),
        },
        { merge: true },
      );
      const sent = await sendVerification(firestore, uid, { email, displayName: data.displayName, role: data.role });
      return { status: "verify_email", ...sent };
    }
    case "create":
      break;
  }

  let created = false;
  if (plan.writeProfile) {
    const batch = firestore.batch();
    const emailPrefs = defaultEmailPrefs();
    batch.create(profileRef, {
      ...defaultProfileFields(data),
      uid,
      role: data.role,
      activeMenteeCount: 0,
      ratingAvg: 0,
      ratingCount: 0,
      ratingScore: 0,
      sessionCount: 0,
      searchTokens: buildSearchTokens({ displayName: data.displayName, expertise: [] }),
      createdAt: FieldValue.serverTimestamp(),
      updatedAt: FieldValue.serverTimestamp(),
    });
    batch.create(firestore.doc(paths.userSettings(uid)), { email, emailPrefs, createdAt: FieldValue.serverTimestamp() });
    addNotificationToBatch(batch, {
      uid,
      input: welcomeMessage(uid, data.role, data.displayName),
      recipient: { email, displayName: data.displayName, emailPrefs },
    }, { db: firestore });
    if (pending?.exists) batch.update(pendingRef, { status: "complete", updatedAt: FieldValue.serverTimestamp() });
    if (readInvite(invite)?.acceptedUid === null)
      batch.update(inviteRef, { acceptedAt: FieldValue.serverTimestamp(), acceptedUid: uid });
    try {
      await batch.commit();
      created = true;
    } catch (err) {
      if ((err as { code?: unknown }).code !== ALREADY_EXISTS) throw err;
      // A concurrent call created the profile first: fine if it chose the same role.
      const winner = readProfile(await profileRef.get());
      if (winner && winner.role !== data.role)
        throw fail("failed-precondition", `You already have an account as ${withArticle(winner.role)}.`);
    }
  }
  // After the profile, whose creation is what settles two racing sign-ups with different roles.
  if (plan.setClaim) await adminAuth().setCustomUserClaims(uid, { ...user.customClaims, role: data.role });
  return { status: "registered", role: data.role, created };
});

export function welcomeMessage(uid: string, role: SelfServiceRole, displayName: string): NotifyInput {
  const next =
    role === "mentor"
      ? "Add your expertise and how many mentees you can take, so mentees can find you."
      : "Tell mentors what you want to learn, then browse the directory to find one.";
  return {
    kind: "welcome",
    text: `Welcome to MentorMatch, ${displayName}! ${next}`,
    link: "/profile",
    dedupeKey: `welcome:${uid}`,
    email: {
      subject: "Welcome to MentorMatch",
      heading: `Welcome to MentorMatch, ${displayName}`,
      paragraphs: [`You joined as a ${role}.`, next],
      action: { label: "Complete your profile", path: "/profile" },
    },
  };
}
