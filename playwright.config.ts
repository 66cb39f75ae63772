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
  timeout: 90_000,
  expect: { timeout: 15_000 },
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
    command:
      "npm run build:emulator -w web && npm run preview -w web -- --port 4173 --strictPort --host 127.0.0.1",
    cwd: ".",
    url: "http://127.0.0.1:4173",
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
