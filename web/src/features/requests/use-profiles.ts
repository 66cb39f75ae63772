import { useEffect, useState } from "react";
import { getProfile, type Profile } from "../../data/profiles";

// Profiles read once per page visit: a request's card needs the mentee's picture and goals, which the match does not copy.
const cache = new Map<string, Promise<Profile | null>>();

function load(uid: string): Promise<Profile | null> {
  let pending = cache.get(uid);
  if (!pending) {
    pending = getProfile(uid).catch((error: unknown) => {
      console.warn("profile read failed", uid, error);
      cache.delete(uid);
      return null;
    });
    cache.set(uid, pending);
  }
  return pending;
}

/** The profiles of `uids` as they arrive (one read each, shared across cards); missing or unreadable ones are absent. */
export function useProfiles(uids: readonly string[]): ReadonlyMap<string, Profile> {
  const [profiles, setProfiles] = useState<ReadonlyMap<string, Profile>>(new Map());
  const key = [...new Set(uids)].sort().join(",");
  useEffect(() => {
    if (!key) return;
    let cancelled = false;
    Promise.all(key.split(",").map(async (uid) => [uid, await load(uid)] as const)).then((entries) => {
      if (cancelled) return;
      const next = new Map<string, Profile>();
      for (const [uid, profile] of entries) if (profile) next.set(uid, profile);
      setProfiles(next);
    });
    return () => {
      cancelled = true;
    };
  }, [key]);
  return profiles;
}
