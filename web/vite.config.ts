import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  // `--host` lets a phone on the LAN open the dev server; firebase.ts then points it at the same host's emulators.
  server: { port: 5173 },
  preview: { port: 4173 },
  // Maps are built for reading production stack traces but not referenced or deployed (firebase.json ignores them).
  build: { target: "es2022", sourcemap: "hidden" },
});
