// Makes the first admin of a real project (after that, admins use the setUserRole callable in the app).
// Usage: GOOGLE_APPLICATION_CREDENTIALS=key.json npx tsx scripts/make-admin.ts person@example.com
// The person must have signed up first, so their profile exists.
import { initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore } from "firebase-admin/firestore";
import { paths } from "@mentormatch/shared";

const email = process.argv[2];
if (!email) {
  console.error("usage: npx tsx scripts/make-admin.ts <email>");
  process.exit(2);
}
initializeApp();
const user = await getAuth().getUserByEmail(email);
await getAuth().setCustomUserClaims(user.uid, { ...(user.customClaims ?? {}), role: "admin" });
await getFirestore().doc(paths.user(user.uid)).update({ role: "admin", capacity: 0, acceptingRequests: false });
console.log(`${email} (${user.uid}) is now an admin; they see it after signing in again.`);
