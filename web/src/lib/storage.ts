import { connectStorageEmulator, getStorage } from "firebase/storage";
import { EMULATOR_HOST, EMULATOR_PORTS, app, useEmulators } from "./firebase";

// Only chat attachment code imports this, and only lazily (when a conversation shows a file or the composer attaches
// one), so the Storage SDK is in neither the first download nor the chat page's own chunk.
export const storage = getStorage(app);
if (useEmulators) connectStorageEmulator(storage, EMULATOR_HOST, EMULATOR_PORTS.storage);
