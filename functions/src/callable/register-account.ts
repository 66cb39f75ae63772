import {
  FUNCTIONS_REGION,
  buildSearchTokens,
  callables,
  defaultEmailPrefs,
  defaultProfileFields,
  paths,
  type CallableOutput,
  type SelfServiceRole,
} from "@mentormatch/shared";
import { FieldValue } from "firebase-admin/firestore";
import { HttpsError, onCall } from "firebase-functions/v2/https";
import { roleOfClaims, planRegistration, withArticle } from "../planners/registration.js";
import { adminAuth, db } from "../lib/app.js";
import { parseInput, requireAuth } from "../lib/callable.js";
import { notify, type NotifyInput } from "../lib/notify.js";

/** A signed-in user without a role picks mentor or mentee: sets the claim, creates profile and settings, welcomes. */
export const registerAccount = onCall(
  { region: FUNCTIONS_REGION },
  async (request): Promise<CallableOutput<"registerAccount">> => {
    const { uid } = requireAuth(request);
    const input = parseInput(callables.registerAccount.input, request.data);
    // The user record, not the caller's token: a token minted before an earlier call set the claim is stale.
    const user = await adminAuth().getUser(uid);
    const claimRole = roleOfClaims(user.customClaims);
    const firestore = db();
    const profileRef = firestore.doc(paths.user(uid));

    const plan = await firestore.runTransaction(async (tx) => {
      const profile = await tx.get(profileRef);
      const plan = planRegistration(claimRole, profile.exists ? { role: String(profile.get("role")) } : null, input);
      if (plan.action !== "create" || !plan.writeProfile) return plan;

      const email = user.email ?? "";
      const emailPrefs = defaultEmailPrefs();
      // Before the writes below: notify reads its dedupe documents, and reads must precede writes.
      await notify(uid, welcomeMessage(uid, input.role, input.displayName), tx, {
        db: firestore,
        recipient: { email, displayName: input.displayName, emailPrefs },
      });
      tx.create(profileRef, {
        ...defaultProfileFields(input),
        uid,
        role: input.role,
        activeMenteeCount: 0,
        ratingAvg: 0,
        ratingCount: 0,
        sessionCount: 0,
        searchTokens: buildSearchTokens({ displayName: input.displayName, expertise: [] }),
        createdAt: FieldValue.serverTimestamp(),
        updatedAt: FieldValue.serverTimestamp(),
      });
      tx.set(firestore.doc(paths.userSettings(uid)), { email, emailPrefs, createdAt: FieldValue.serverTimestamp() });
      return plan;
    });

    if (plan.action === "conflict")
      throw new HttpsError("failed-precondition", `You already have an account as ${withArticle(plan.role)}.`);
    // After the transaction, whose profile read is what settles two racing sign-ups with different roles.
    if (plan.action === "create" && plan.setClaim)
      await adminAuth().setCustomUserClaims(uid, { ...user.customClaims, role: input.role });
    return { role: input.role, created: plan.action === "create" && plan.writeProfile };
  },
);

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
