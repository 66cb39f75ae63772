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
          // Some table tests compute for seconds; vitest's 5 s default failed two of them on a loaded machine.
          testTimeout: 60_000,
        },
      },
      {
        test: { name: "rtdb-rules", include: ["tests/rtdb/**/*.test.ts"], environment: "node", testTimeout: 60_000 },
      },
      {
        test: {
          name: "firestore-rules",
          include: ["tests/rules/**/*.test.ts"],
          environment: "node",
          // Each file has its own demo project, and a rules test mostly waits on the emulator: four files at once
          // keep it busy (vitest would run one at a time on 2 cores, cores − 1).
          maxWorkers: 4,
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
          // One file at a time: the files share the demo project, which seed.test.ts resets, and the scheduled jobs'
          // handlers they call read everything due in it. (The emulator itself would start a worker per concurrent call.)
          fileParallelism: false,
          // Seeding the demo programme took 147 s of a loaded machine (load 120 on 2 cores).
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
