import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  // `--host` lets a phone on the LAN open the dev server; firebase.ts then points it at the same host's emulators.
  server: { port: 5173 },
  preview: { port: 4173 },
  build: { target: "es2022", sourcemap: true },
});
