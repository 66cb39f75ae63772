import { defineConfig, type ProxyOptions } from "vite";
import react from "@vitejs/plugin-react";

// The calendar feed lives at /calendar/{token}.ics on the app's origin: Hosting rewrites it to the calendarFeed
// function (firebase.json); locally the dev and preview servers pass it to the functions emulator. Project and
// region as in packages/shared/src/constants.ts (DEMO_PROJECT_ID, FUNCTIONS_REGION): a config cannot import the
// shared package's TypeScript source.
const calendarFeed: Record<string, ProxyOptions> = {
  "/calendar/": {
    target: "http://127.0.0.1:5001",
    rewrite: (path) => `/demo-mentormatch/us-central1/calendarFeed${path}`,
  },
};

export default defineConfig({
  plugins: [react()],
  // `--host` lets a phone on the LAN open the dev server; firebase.ts then points it at the same host's emulators.
  server: { port: 5173, proxy: calendarFeed },
  preview: { port: 4173, proxy: calendarFeed },
  // Maps are built for reading production stack traces but not referenced or deployed (firebase.json ignores them).
  build: { target: "es2022", sourcemap: "hidden" },
});
