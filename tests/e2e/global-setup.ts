import { startMailCapture } from "../../scripts/mail-capture.mjs";

// Seeds the emulators once before the browser tests (the directory journey needs mentors to find), and runs the
// local SendGrid capture that the functions emulator sends to (functions/.env.local), so the tests can read the
// emails a person would receive.
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!process.env.FIRESTORE_EMULATOR_HOST || !process.env.FIREBASE_AUTH_EMULATOR_HOST) {
    throw new Error(
      "The browser tests need the emulators. Run: node scripts/emulators.mjs exec --only auth,firestore,functions -- 'npx playwright test'",
    );
  }
  const { seed } = await import("../../scripts/seed");
  await seed({ reset: true });
  const capture = await startMailCapture({ quiet: true });
  return () => capture.close();
}
