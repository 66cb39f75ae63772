import { paths } from "@mentormatch/shared";
import { db } from "../lib/app.js";
import { defineCallable, fail } from "../lib/callable.js";
import { syncMatchChat } from "../lib/chat-sync.js";
import { readMatch } from "../lib/documents.js";
import { planChatTarget } from "../planners/chat-sync.js";

/**
 * Support: an admin re-writes one match's chat membership from the match (open while accepted, read-only otherwise),
 * for a chat that does not follow its match. The same write the outbox makes, so it is safe to repeat; a pending
 * sync it completes is marked done.
 */
export const resyncChat = defineCallable("resyncChat", async ({ data }) => {
  const match = readMatch(await db().doc(paths.match(data.matchId)).get());
  if (!match) throw fail("not-found", "There is no match with that id.");
  const target = planChatTarget(match);
  if (!target) throw fail("failed-precondition", "This request was never accepted, so it has no chat to re-sync.");
  const result = await syncMatchChat(data.matchId, match);
  if (result !== "written") throw fail("unavailable", "The chat database did not answer, so nothing changed. Try again in a minute.");
  return { matchId: data.matchId, closed: target.closed, members: target.members };
});
