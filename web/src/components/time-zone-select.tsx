import type { Ref, SelectHTMLAttributes } from "react";

/** IANA zones as a select, shown with spaces for underscores ("America/New York"); values stay the IANA names. */
export function TimeZoneSelect({
  zones,
  ref,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { zones: readonly string[]; ref?: Ref<HTMLSelectElement> }) {
  return (
    <select ref={ref} {...props}>
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replace(/_/g, " ")}
        </option>
      ))}
    </select>
  );
}
