import { appLinks, paths } from "@mentormatch/shared";
import { Timestamp } from "firebase-admin/firestore";
import { db } from "../lib/app.js";
import { defineCallable, fail } from "../lib/callable.js";
import { hashFeedToken, newFeedToken } from "../lib/calendar-feed.js";

/** At most one feed a person; a few old ones would all be removed at once if an earlier race ever left them. */
const OLD_FEEDS_LIMIT = 20;

/**
 * Turns the caller's calendar feed on, or gives it a new address: one transaction removes every feed of theirs and
 * creates the new token's document, so the old URL answers 404 from the commit on. The token is returned once and
 * only its SHA-256 is stored. The settings document (read in the transaction) records when, for the Settings page,
 * and serialises two resets at once: the later one removes the earlier one's feed.
 */
export const createCalendarFeed = defineCallable("createCalendarFeed", async ({ uid }) => {
  const firestore = db();
  const token = newFeedToken();
  const tokenHash = hashFeedToken(token);
  const settingsRef = firestore.doc(paths.userSettings(uid));
  const now = Timestamp.now();
  const replaced = await firestore.runTransaction(async (tx) => {
    const [settings, old] = await Promise.all([
      tx.get(settingsRef),
      tx.get(firestore.collection(paths.calendarFeeds()).where("uid", "==", uid).limit(OLD_FEEDS_LIMIT)),
    ]);
    if (!settings.exists) throw fail("failed-precondition", "Your settings are still being created. Try again in a moment.");
    for (const feed of old.docs) tx.delete(feed.ref);
    tx.create(firestore.doc(paths.calendarFeed(tokenHash)), { uid, tokenHash, createdAt: now });
    tx.update(settingsRef, { calendarFeedCreatedAt: now });
    return !old.empty;
  });
  return { token, path: appLinks.calendarFeed(token), createdAt: now.toDate().toISOString(), replaced };
});
