import { defineConfig } from "vitest/config";

// One project per kind of test, so `npm test` can run the pure ones before the emulators start. The emulator-backed
// projects' timeouts are generous on purpose: they end a test that hangs, and must never fail one that a busy
// machine merely slows down (a worker boot, a trigger that runs late).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/shared/src/**/*.test.ts", "functions/src/**/*.test.ts", "web/src/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: { name: "rtdb-rules", include: ["tests/rtdb/**/*.test.ts"], environment: "node" },
      },
      {
        test: {
          name: "firestore-rules",
          include: ["tests/rules/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "rtdb-live",
          include: ["tests/rtdb-live/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "functions",
          include: ["tests/functions/**/*.test.ts"],
          environment: "node",
          // The functions emulator runs one instance per function: parallel files would only queue and time out.
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
