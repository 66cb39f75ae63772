import { defineConfig, devices } from "@playwright/test";

// Browser tests run against the production build served by `vite preview` in emulator mode, with the auth,
// firestore and functions emulators already up (`node scripts/emulators.mjs exec … -- 'npx playwright test'`).
export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/e2e/global-setup.ts",
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Generous: a busy machine slows the app, the emulators and a function's first start; only a hang should fail.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: "list",
  outputDir: "artifacts/screenshots/test-results",
  use: {
    baseURL: "http://127.0.0.1:4173",
    screenshot: "on",
    trace: "off",
    video: "off",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        // Playwright's own browser download is not available here: drive Debian's Chromium.
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: {
    // `npm test` builds the app in a stage of its own (MENTORMATCH_WEB_BUILT=1); run by hand, Playwright builds it.
    command: `${process.env.MENTORMATCH_WEB_BUILT ? "" : "npm run build:emulator -w web && "}npm run preview -w web -- --port 4173 --strictPort --host 127.0.0.1`,
    cwd: ".",
    url: "http://127.0.0.1:4173",
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
