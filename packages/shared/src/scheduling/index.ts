// `@mentormatch/shared/scheduling`: a separate entry point because slots.ts and booking-check.ts load Temporal
// (temporal-polyfill, ~19 KB gzip), which only the booking screens need; the main entry must never import this file.
export * from "./availability-schema.js";
export * from "./slots.js";
export * from "./booking-check.js";
export * from "./locks.js";
export * from "./reminders.js";
export * from "./ics.js";
export * from "./meeting-links.js";
