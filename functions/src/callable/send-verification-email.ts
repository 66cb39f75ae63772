import { paths } from "@mentormatch/shared";
import { adminAuth, db } from "../lib/app.js";
import { defineCallable, fail } from "../lib/callable.js";
import { readRegistration } from "../lib/documents.js";
import { sendVerification } from "../lib/verification.js";

/** "Resend the email" on the waiting screen: at most one a minute, for a registration that is still pending. */
export const sendVerificationEmail = defineCallable("sendVerificationEmail", async ({ uid }) => {
  const firestore = db();
  const [user, snap] = await Promise.all([adminAuth().getUser(uid), firestore.doc(paths.userRegistration(uid)).get()]);
  const pending = readRegistration(snap);
  if (!pending) throw fail("failed-precondition", "Fill in the sign-up form first; the email goes out from there.");
  if (user.emailVerified) throw fail("failed-precondition", "Your email is already confirmed. Continue to finish signing up.");
  return sendVerification(firestore, uid, pending);
});
