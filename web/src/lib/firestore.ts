import { connectFirestoreEmulator, getFirestore } from "firebase/firestore";
import { EMULATOR_HOST, EMULATOR_PORTS, app, useEmulators } from "./firebase";

export const db = getFirestore(app);
if (useEmulators) connectFirestoreEmulator(db, EMULATOR_HOST, EMULATOR_PORTS.firestore);
