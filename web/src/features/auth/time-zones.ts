/** Every IANA zone the browser knows, with `current` included even if the list omits it (Chromium leaves out "UTC"). */
export function timeZoneOptions(current: string, supported: readonly string[]): string[] {
  const zones = [...supported];
  if (current && !zones.includes(current)) zones.unshift(current);
  return zones;
}

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
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
