import { isIanaTimeZone } from "@mentormatch/shared";

/**
 * The zones to offer: those the browser knows that MentorMatch accepts (the list the rules hold), with `current`
 * first when it is accepted but missing from the browser's list (Chromium leaves out "UTC"). A zone the rules would
 * refuse is never offered, so choosing from the list cannot fail on save.
 */
export function timeZoneOptions(current: string, supported: readonly string[]): string[] {
  const zones = supported.filter(isIanaTimeZone);
  if (isIanaTimeZone(current) && !zones.includes(current)) zones.unshift(current);
  return zones;
}

/** The browser's zone when MentorMatch accepts it, else UTC (a very new or unusual name the list lacks). */
export function browserTimeZone(): string {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return isIanaTimeZone(zone) ? zone : "UTC";
  } catch {
    return "UTC";
  }
}

export function supportedTimeZones(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return ["UTC"];
  }
}
