// Shared by the session browser tests: a London mentor with hours and Tokyo mentees in accepted matches with them,
// made as the app would make them (availability as the Schedule page saves it, the match through the callables).
import type { Browser, Page } from "@playwright/test";
import { matchIdOf, paths } from "@mentormatch/shared";
import { Timestamp, getFirestore } from "firebase-admin/firestore";
import { TEST_PASSWORD, adminApp, callAs, createMember } from "./accounts";

export const MENTOR_ZONE = "Europe/London";
export const MENTEE_ZONE = "Asia/Tokyo";
export const MINUTE = 60_000;

/** A mentor in London with hours all day every day (an hour's notice). `tag` keeps each spec's people apart. */
export async function mentorWithHours(stamp: string, tag = "sessions") {
  const email = `${tag}-mentor-${stamp}@example.com`;
  const name = `Rowan ${tag} ${stamp}`;
  const uid = await createMember({ name, email, role: "mentor" });
  const allDay = [{ start: "00:00", end: "24:00" }];
  await getFirestore(adminApp())
    .doc(paths.availability(uid))
    .set({
      timeZone: MENTOR_ZONE,
      weekly: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
      overrides: {},
      minimumNoticeMinutes: 60,
      horizonDays: 14,
      bufferMinutes: 15,
      updatedAt: Timestamp.now(),
    });
  return { uid, email, name };
}

/** A mentee in Tokyo (profile; the browser's zone is pageIn's) with an accepted match with the mentor. */
export async function menteeMatchedWith(mentor: { uid: string; email: string }, label: string, stamp: string) {
  const email = `sessions-${label.toLowerCase()}-${stamp}@example.com`;
  const name = `Kai ${label} ${stamp}`;
  const uid = await createMember({ name, email, role: "mentee" });
  await getFirestore(adminApp()).doc(paths.user(uid)).update({ timezone: MENTEE_ZONE });
  await callAs(email, TEST_PASSWORD, "requestMatch", { mentorId: mentor.uid, message: `Could we meet? (${stamp})` });
  await callAs(mentor.email, TEST_PASSWORD, "acceptMatch", { matchId: matchIdOf(mentor.uid, uid) });
  return { uid, email, name };
}

/** A fresh browser context in `timeZone` (downloads allowed, for the .ics). */
export async function pageIn(browser: Browser, timeZone: string): Promise<Page> {
  return (await browser.newContext({ timezoneId: timeZone, acceptDownloads: true })).newPage();
}
