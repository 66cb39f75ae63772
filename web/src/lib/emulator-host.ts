/**
 * The host the emulators are reached on. A phone on the LAN loads the app from the laptop's IP, so it must talk to
 * the emulators there too; on the laptop itself we use 127.0.0.1 because "localhost" may resolve to ::1 first,
 * where the emulators are not listening.
 */
export function emulatorHost(pageHostname: string): string {
  if (!pageHostname || pageHostname === "localhost" || pageHostname === "::1" || pageHostname === "[::1]") return "127.0.0.1";
  return pageHostname;
}
