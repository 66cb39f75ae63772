import { paths } from "@mentormatch/shared";
import { db } from "../lib/app.js";
import { defineCallable } from "../lib/callable.js";

/** Turns the caller's calendar feed off: every feed document of theirs goes, so any old URL answers 404. */
export const deleteCalendarFeed = defineCallable("deleteCalendarFeed", async ({ uid }) => {
  const firestore = db();
  const settingsRef = firestore.doc(paths.userSettings(uid));
  const deleted = await firestore.runTransaction(async (tx) => {
    const [settings, feeds] = await Promise.all([
      tx.get(settingsRef),
      tx.get(firestore.collection(paths.calendarFeeds()).where("uid", "==", uid).limit(20)),
    ]);
    for (const feed of feeds.docs) tx.delete(feed.ref);
    if (settings.exists) tx.update(settingsRef, { calendarFeedCreatedAt: null });
    return !feeds.empty;
  });
  return { deleted };
});
