import { blockIdOf, matchIdOf, paths } from "@mentormatch/shared";
import { db } from "../lib/app.js";
import { writeAuditEntry } from "../lib/audit.js";
import { defineCallable, fail } from "../lib/callable.js";
import { chatSyncPending, syncMatchChat } from "../lib/chat-sync.js";
import { readMatch, readProfile } from "../lib/documents.js";
import { cancelledMessage, declinedMessage, endedMessages } from "../lib/match-messages.js";
import { readBlock } from "../lib/moderation.js";
import { prepareNotifications, type NotifyItem } from "../lib/notify.js";
import { planBlock } from "../planners/moderation.js";

/**
 * A member blocks another. One transaction writes the block and ends what is open between them: an accepted
 * mentoring ends as endMatch ends it (the mentor's count − 1, the other person told `match_ended`, nothing about a
 * block), a waiting request closes (declined or cancelled, the other person told as for a decline or a cancel). The
 * chat then closes, read-only, like any ended match's. requestMatch refuses the pair from then on, either way.
 */
export const blockUser = defineCallable("blockUser", async ({ uid, data }) => {
  const firestore = db();
  const blockedUid = data.uid;
  if (blockedUid === uid) throw fail("invalid-argument", "You cannot block yourself.", { uid: "You cannot block yourself." });
  const blockRef = firestore.doc(paths.block(blockIdOf(uid, blockedUid)));
  const blockerRef = firestore.doc(paths.user(uid));
  const blockedRef = firestore.doc(paths.user(blockedUid));
  // The pair has at most two match documents: one with each of them as the mentor.
  const matchRefs = [firestore.doc(paths.match(matchIdOf(uid, blockedUid))), firestore.doc(paths.match(matchIdOf(blockedUid, uid)))];

  const { plan, ended } = await firestore.runTransaction(
    async (tx) => {
      const [blockSnap, blockerSnap, blockedSnap, ...matchSnaps] = await tx.getAll(blockRef, blockerRef, blockedRef, ...matchRefs);
      const blocker = readProfile(blockerSnap);
      const blocked = readProfile(blockedSnap);
      const plan = planBlock({
        blockerUid: uid,
        blockedUid,
        blockedExists: !!blocked,
        alreadyBlocked: !!readBlock(blockSnap),
        matches: matchSnaps.map(readMatch).filter((match) => match !== null),
        profiles: { [uid]: blocker, [blockedUid]: blocked },
        now: new Date(),
      });
      if (plan.action === "refuse") return { plan, ended: [] };

      const items: NotifyItem[] = plan.matchChanges.map((change) => {
        const other = change.match.mentorId === uid ? change.match.menteeId : change.match.mentorId;
        if (change.kind === "end") {
          const messages = endedMessages(change.match, uid);
          return { uid: other, input: other === change.match.mentorId ? messages.mentor : messages.mentee };
        }
        return { uid: other, input: change.kind === "decline" ? declinedMessage({ ...change.match, responseMessage: "" }) : cancelledMessage(change.match) };
      });
      const notifications = await prepareNotifications(tx, items, { db: firestore });

      if (plan.createBlock)
        tx.create(blockRef, { blockerUid: uid, blockedUid, blockedName: blocked?.displayName ?? "", createdAt: new Date() });
      const now = new Date();
      for (const change of plan.matchChanges) {
        // An ended match's chat closes through the outbox, so a failed write is retried by the sweep (chat-sync.ts).
        const outbox = change.kind === "end" ? chatSyncPending(now) : {};
        tx.update(firestore.doc(paths.match(matchIdOf(change.match.mentorId, change.match.menteeId))), { ...change.matchUpdate, ...outbox });
        if (change.kind === "end" && change.mentorUpdate) tx.update(firestore.doc(paths.user(change.match.mentorId)), { ...change.mentorUpdate });
      }
      if (plan.createBlock)
        writeAuditEntry(firestore, tx, {
          action: "user_blocked",
          actorUid: uid,
          actorName: blocker?.displayName ?? "A member",
          targetUid: blockedUid,
          targetName: blocked?.displayName ?? null,
        });
      notifications.write();
      const ended = plan.matchChanges
        .filter((c) => c.kind === "end")
        .map((c) => ({ matchId: matchIdOf(c.match.mentorId, c.match.menteeId), match: { ...c.match, ...c.matchUpdate, ...chatSyncPending(now) } }));
      return { plan, ended };
    },
    { maxAttempts: 10 },
  );
  if (plan.action === "refuse") throw fail(plan.code, plan.message);
  for (const { matchId, match } of ended) await syncMatchChat(matchId, match, { db: firestore });
  return {
    uid: blockedUid,
    blocked: true,
    changed: plan.createBlock,
    endedMatch: plan.matchChanges.some((c) => c.kind === "end"),
    closedRequest: plan.matchChanges.some((c) => c.kind !== "end"),
  };
});
