import { paths } from "@mentormatch/shared";
import { db } from "../lib/app.js";
import { writeAuditEntry } from "../lib/audit.js";
import { defineCallable } from "../lib/callable.js";
import { readProfile } from "../lib/documents.js";
import { readModerationConfig } from "../lib/moderation.js";
import { planBlockedWords } from "../planners/moderation.js";

/**
 * An admin replaces the chat's blocked-word list (`config/moderation`), which every member's app reads to refuse a
 * send and to mask on display. The input schema has already normalised the words (trimmed, lower case, 2–40
 * characters, duplicates dropped, at most 200). Audited with the counts before and after; the same list again
 * writes nothing.
 */
export const setBlockedWords = defineCallable("setBlockedWords", async ({ uid, data }) => {
  const firestore = db();
  const configRef = firestore.doc(paths.moderationConfig());
  await firestore.runTransaction(async (tx) => {
    const [configSnap, adminSnap] = await tx.getAll(configRef, firestore.doc(paths.user(uid)));
    const plan = planBlockedWords(readModerationConfig(configSnap)?.blockedWords ?? null, data.words);
    if (!plan.changed) return;
    tx.set(configRef, { blockedWords: data.words, updatedAt: new Date(), updatedBy: uid });
    writeAuditEntry(firestore, tx, {
      action: "blocked_words_changed",
      actorUid: uid,
      actorName: readProfile(adminSnap)?.displayName ?? "An admin",
      countBefore: plan.countBefore,
      countAfter: plan.countAfter,
    });
  });
  return { words: data.words, count: data.words.length };
});
