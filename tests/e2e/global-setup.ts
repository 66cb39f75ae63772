// Seeds the emulators once before the browser tests: the directory journey needs mentors to find.
export default async function globalSetup(): Promise<void> {
  if (!process.env.FIRESTORE_EMULATOR_HOST || !process.env.FIREBASE_AUTH_EMULATOR_HOST) {
    throw new Error(
      "The browser tests need the emulators. Run: node scripts/emulators.mjs exec --only auth,firestore,functions -- 'npx playwright test'",
    );
  }
  const { seed } = await import("../../scripts/seed");
  await seed({ reset: true });
}
