// The scheduling helpers that need neither Temporal nor zod, re-exported from the main entry: any screen or function
// can name lock cells, plan reminders, build calendar files and check meeting links without loading the polyfill, and
// bundles that use none of them shake them out. The schemas (availability-schema.ts), slots and the booking check stay
// behind `@mentormatch/shared/scheduling`: zod objects built at module load are never tree-shaken.
export * from "./locks.js";
export * from "./reminders.js";
export * from "./ics.js";
export * from "./meeting-links.js";
