import { connectDatabaseEmulator, getDatabase } from "firebase/database";
import { EMULATOR_HOST, EMULATOR_PORTS, app, useEmulators } from "./firebase";

// Only chat code imports this, so the Realtime Database SDK loads with the chat pages. On the emulators it reaches
// whichever Realtime Database runs on the database port: the official emulator or the local stand-in.
export const rtdb = getDatabase(app);
if (useEmulators) connectDatabaseEmulator(rtdb, EMULATOR_HOST, EMULATOR_PORTS.database);
