import { blockIdOf, paths } from "@mentormatch/shared";
import { db } from "../lib/app.js";
import { writeAuditEntry } from "../lib/audit.js";
import { defineCallable } from "../lib/callable.js";
import { readProfile } from "../lib/documents.js";
import { readBlock } from "../lib/moderation.js";

/**
 * The blocker lifts a block. Only the block goes: an ended mentoring stays ended (either of them can ask again).
 * Unblocking someone not blocked answers ok with `changed: false` and writes nothing.
 */
export const unblockUser = defineCallable("unblockUser", async ({ uid, data }) => {
  const firestore = db();
  const blockRef = firestore.doc(paths.block(blockIdOf(uid, data.uid)));
  const changed = await firestore.runTransaction(async (tx) => {
    const [blockSnap, blockerSnap] = await tx.getAll(blockRef, firestore.doc(paths.user(uid)));
    const block = readBlock(blockSnap);
    if (!block) return false;
    tx.delete(blockRef);
    writeAuditEntry(firestore, tx, {
      action: "user_unblocked",
      actorUid: uid,
      actorName: readProfile(blockerSnap)?.displayName ?? "A member",
      targetUid: data.uid,
      targetName: block.blockedName || null,
    });
    return true;
  });
  return { uid: data.uid, blocked: false, changed };
});
