import { VERIFICATION_RESEND_SECONDS, paths, type RegistrationDoc } from "@mentormatch/shared";
import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import { adminAuth } from "./app.js";
import { appUrl } from "./config.js";
import { queueEmail } from "./notify.js";

export interface VerificationResult {
  email: string;
  sent: boolean;
  retryAfterSeconds: number;
}

/**
 * Sends the "confirm your email" message through the outbox, so it looks like every other MentorMatch email and, on
 * the emulators, lands in the local mail view. The link opens the app's /verify-email page with Firebase's action
 * code; at most one email per VERIFICATION_RESEND_SECONDS, decided in a transaction on the pending registration.
 */
export async function sendVerification(
  firestore: Firestore,
  uid: string,
  pending: Pick<RegistrationDoc, "email" | "displayName" | "role">,
  now = Date.now(),
): Promise<VerificationResult> {
  const ref = firestore.doc(paths.userRegistration(uid));
  const link = await adminAuth().generateEmailVerificationLink(pending.email);
  const code = new URL(link).searchParams.get("oobCode");
  if (!code) throw new Error("the verification link has no oobCode");
  const verifyUrl = `/verify-email?oobCode=${encodeURIComponent(code)}`;

  return firestore.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const last = snap.get("verificationSentAt");
    const waited = last instanceof Timestamp ? (now - last.toMillis()) / 1000 : Infinity;
    if (waited < VERIFICATION_RESEND_SECONDS)
      return { email: pending.email, sent: false, retryAfterSeconds: Math.ceil(VERIFICATION_RESEND_SECONDS - waited) };
    tx.set(ref, { verificationSentAt: Timestamp.fromMillis(now), updatedAt: FieldValue.serverTimestamp() }, { merge: true });
    queueEmail(tx, `verify_${uid}_${now}`, {
      to: pending.email,
      uid,
      kind: "account",
      recipientName: pending.displayName,
      email: {
        subject: "Confirm your email for MentorMatch",
        heading: "Confirm your email address",
        paragraphs: [
          `You asked to join MentorMatch as a ${pending.role}. Confirm that ${pending.email} is yours and your account is ready.`,
          "The link works once. If you did not sign up, ignore this email: nothing happens without it.",
        ],
        action: { label: "Confirm my email", path: verifyUrl },
        reason: `You get this because someone signed up to MentorMatch with ${pending.email}.`,
      },
    }, { db: firestore, appUrl: appUrl() });
    return { email: pending.email, sent: true, retryAfterSeconds: VERIFICATION_RESEND_SECONDS };
  });
}
