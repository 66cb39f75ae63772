import { FUNCTIONS_REGION } from "@mentormatch/shared";
import { connectFunctionsEmulator, getFunctions } from "firebase/functions";
import { EMULATOR_HOST, EMULATOR_PORTS, app, useEmulators } from "./firebase";

export const functions = getFunctions(app, FUNCTIONS_REGION);
if (useEmulators) connectFunctionsEmulator(functions, EMULATOR_HOST, EMULATOR_PORTS.functions);
