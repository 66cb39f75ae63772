import { rtdbPaths } from "@mentormatch/shared";
import { logger } from "firebase-functions";
import { rtdb } from "./app.js";

export type ChatSyncResult = "written" | "skipped" | "failed";

/** Long enough for a real database, short enough that a callable never hangs on one that is not there. */
const DEFAULT_TIMEOUT_MS = 5_000;

/**
 * Why the chat cannot be written here, or null when it can: a `demo-` project (the emulators, tests) has no real
 * database, so without FIREBASE_DATABASE_EMULATOR_HOST there is nothing to write to. The Admin SDK would otherwise
 * queue the write forever against a URL it cannot reach.
 */
export function chatSyncUnavailable(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.FIREBASE_DATABASE_EMULATOR_HOST) return null;
  const project = env.GCLOUD_PROJECT ?? env.GOOGLE_CLOUD_PROJECT ?? "";
  if (env.FUNCTIONS_EMULATOR === "true" || project.startsWith("demo-")) return "no Realtime Database emulator is running";
  return null;
}

/**
 * Opens or closes a match's chat in the Realtime Database (chatId = matchId): `members/{uid} = true` for both
 * people and `meta/closed`. Called after the Firestore transaction that made the change has committed; idempotent
 * (`update`, never `push`), so running it again, or later to re-sync, writes the same thing. A failure is logged and
 * answered as "failed", never thrown: the match is what counts, and membership follows it (see ARCHITECTURE.md).
 */
export async function syncChat(
  matchId: string,
  change: { members: readonly string[]; closed: boolean },
  options: { timeoutMs?: number } = {},
): Promise<ChatSyncResult> {
  const unavailable = chatSyncUnavailable();
  if (unavailable) {
    logger.debug(`chat ${matchId}: not synced (${unavailable})`);
    return "skipped";
  }
  const update: Record<string, boolean> = { "meta/closed": change.closed };
  for (const uid of change.members) update[`members/${uid}`] = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      rtdb().ref(rtdbPaths.chat(matchId)).update(update),
      new Promise((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`)), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      }),
    ]);
    return "written";
  } catch (err) {
    logger.warn(`chat ${matchId}: membership not synced; it follows the match and can be re-synced`, err);
    return "failed";
  } finally {
    clearTimeout(timer);
  }
}

/** Both people become members and the chat is open (an accepted match). */
export const openChat = (matchId: string, members: readonly string[]) => syncChat(matchId, { members, closed: false });

/** The chat becomes read-only; members stay, so both keep their history (an ended match). */
export const closeChat = (matchId: string, members: readonly string[]) => syncChat(matchId, { members, closed: true });
