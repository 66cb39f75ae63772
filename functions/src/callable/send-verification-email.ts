import { paths, parseDoc, registrationDocSchema } from "@mentormatch/shared";
import { adminAuth, db } from "../lib/app.js";
import { defineCallable, fail } from "../lib/callable.js";
import { sendVerification } from "../lib/verification.js";

/** "Resend the email" on the waiting screen: at most one a minute, for a registration that is still pending. */
export const sendVerificationEmail = defineCallable("sendVerificationEmail", async ({ uid }) => {
  const firestore = db();
  const [user, snap] = await Promise.all([adminAuth().getUser(uid), firestore.doc(paths.userRegistration(uid)).get()]);
  if (!snap.exists) throw fail("failed-precondition", "Fill in the sign-up form first; the email goes out from there.");
  if (user.emailVerified) throw fail("failed-precondition", "Your email is already confirmed. Continue to finish signing up.");
  const pending = parseDoc(registrationDocSchema, snap.ref.path, snap.data());
  return sendVerification(firestore, uid, pending);
});
