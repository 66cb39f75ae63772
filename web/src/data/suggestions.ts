import { fetchDirectoryPage, type Profile } from "./profiles";

/** How many mentors the suggestions read: the directory's top by rating (the planner drops those not taking requests). */
export const SUGGESTION_POOL_SIZE = 50;
const POOL_TTL_MS = 5 * 60_000;

let pool: { at: number; mentors: Promise<Profile[]> } | null = null;

/** One bounded read of the directory, shared by the dashboard and the directory for a few minutes. */
export function suggestionPool(now = Date.now()): Promise<Profile[]> {
  if (!pool || now - pool.at > POOL_TTL_MS) {
    const mentors = fetchDirectoryPage({ sort: "rating" }, null, SUGGESTION_POOL_SIZE).then((page) => page.profiles);
    pool = { at: now, mentors };
    // A failed read is not kept: the next visit tries again.
    mentors.catch(() => {
      if (pool?.mentors === mentors) pool = null;
    });
  }
  return pool.mentors;
}
