import { IANA_TIME_ZONES } from "./time-zones-list.js";

export { IANA_TIME_ZONES };

const ZONES = new Set(IANA_TIME_ZONES);

/**
 * True for a name in the IANA tz database (zones and their backward-compatible links). The same list is in
 * firestore.rules, so a client that skips this check is refused there too; Intl alone would differ by runtime.
 */
export function isIanaTimeZone(zone: unknown): zone is string {
  return typeof zone === "string" && ZONES.has(zone);
}

const escapeForRules = (name: string) => name.replace(/\+/g, "[+]");

/** The rules function that accepts exactly `zones`: one regex per area keeps each pattern small enough to load. */
export function timeZoneRulesFunction(zones: readonly string[]): string {
  const byArea = new Map<string, string[]>();
  for (const zone of zones) {
    const slash = zone.indexOf("/");
    const area = slash === -1 ? "" : zone.slice(0, slash);
    byArea.set(area, [...(byArea.get(area) ?? []), slash === -1 ? zone : zone.slice(slash + 1)]);
  }
  const tests = [...byArea.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([area, names]) =>
      area === ""
        ? `z.matches('(${names.map(escapeForRules).join("|")})')`
        : `(z.split('/')[0] == '${area}' && z.matches('${area}/(${names.map(escapeForRules).join("|")})'))`,
    );
  return [
    "    function isTimeZone(z) {",
    "      return z is string && z.size() <= 64 && (",
    ...tests.map((test, i) => `        ${i === 0 ? "" : "|| "}${test}`),
    "      );",
    "    }",
  ].join("\n");
}
