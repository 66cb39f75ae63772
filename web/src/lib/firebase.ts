import { initializeApp } from "firebase/app";
import { connectAuthEmulator, getAuth } from "firebase/auth";
import { emulatorHost } from "./emulator-host";

// Only app and auth live here: they are needed on the first screen. Firestore, Functions, the Realtime Database and
// Storage are set up in firestore.ts / functions.ts / database.ts / storage.ts so their SDKs load with the pages
// that use them, not in the initial bundle.
export const useEmulators = import.meta.env.VITE_USE_EMULATORS === "true";
export const EMULATOR_HOST = emulatorHost(typeof location === "undefined" ? "" : location.hostname);
// The defaults are firebase.json's ports; overriding them lets a second emulator suite run beside the usual one.
export const EMULATOR_PORTS = {
  auth: Number(import.meta.env.VITE_EMULATOR_AUTH_PORT || 9099),
  firestore: Number(import.meta.env.VITE_EMULATOR_FIRESTORE_PORT || 8080),
  functions: Number(import.meta.env.VITE_EMULATOR_FUNCTIONS_PORT || 5001),
  database: Number(import.meta.env.VITE_EMULATOR_DATABASE_PORT || 9000),
  storage: Number(import.meta.env.VITE_EMULATOR_STORAGE_PORT || 9199),
};

export const app = initializeApp({
  apiKey: import.meta.env.VITE_FIREBASE_API_KEY,
  authDomain: import.meta.env.VITE_FIREBASE_AUTH_DOMAIN,
  projectId: import.meta.env.VITE_FIREBASE_PROJECT_ID,
  databaseURL: import.meta.env.VITE_FIREBASE_DATABASE_URL,
  storageBucket: import.meta.env.VITE_FIREBASE_STORAGE_BUCKET,
  appId: import.meta.env.VITE_FIREBASE_APP_ID,
  messagingSenderId: import.meta.env.VITE_FIREBASE_MESSAGING_SENDER_ID,
});

export const auth = getAuth(app);
if (useEmulators) connectAuthEmulator(auth, `http://${EMULATOR_HOST}:${EMULATOR_PORTS.auth}`, { disableWarnings: true });
