import { initialsOf } from "@mentormatch/shared";
import { useState } from "react";

/** Decorative: the name is always printed next to it, so screen readers skip the picture. */
export function Avatar({ name, url, size = "md" }: { name: string; url?: string; size?: "sm" | "md" | "lg" }) {
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const showImage = Boolean(url) && failedUrl !== url;
  return (
    <span className={`avatar avatar-${size}`} aria-hidden="true" style={{ "--avatar-hue": hueOf(name) } as React.CSSProperties}>
      {showImage ? (
        <img src={url} alt="" loading="lazy" referrerPolicy="no-referrer" onError={() => setFailedUrl(url ?? null)} />
      ) : (
        initialsOf(name)
      )}
    </span>
  );
}

/** A stable colour per name, so the same person is recognisable across pages. */
function hueOf(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) % 360;
  return hash;
}
