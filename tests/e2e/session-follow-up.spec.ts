import { expect, test } from "@playwright/test";
import { matchIdOf, paths } from "@mentormatch/shared";
import { Timestamp, getFirestore } from "firebase-admin/firestore";
import { TEST_PASSWORD, adminApp, callAs, signInOn } from "./accounts";
import { MENTEE_ZONE, MENTOR_ZONE, MINUTE, menteeMatchedWith, mentorWithHours, pageIn } from "./sessions-setup";

// What follows a booked session, in two browsers: moving it, completing it, rating each other, private notes.
const SHOTS = "artifacts/screenshots";

test("the mentee moves an accepted session to another time; it waits for the mentor again, who accepts it", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const mentor = await mentorWithHours(stamp, "follow");
  const mentee = await menteeMatchedWith(mentor, "Follow", stamp);
  const matchId = matchIdOf(mentor.uid, mentee.uid);
  // Booked and accepted through the callables (sessions.spec.ts covers doing that on screen).
  const slots = (await callAs(mentee.email, TEST_PASSWORD, "getBookableSlots", { matchId, durationMinutes: 30 })) as {
    days: { slots: { startMs: number }[] }[];
  };
  const firstStartMs = slots.days[0]!.slots[0]!.startMs;
  const { sessionId } = (await callAs(mentee.email, TEST_PASSWORD, "bookSession", {
    matchId,
    startMs: firstStartMs,
    durationMinutes: 30,
    agenda: "First plan",
  })) as { sessionId: string };
  await callAs(mentor.email, TEST_PASSWORD, "respondToSession", { sessionId, decision: "accept" });

  const menteePage = await pageIn(browser, MENTEE_ZONE);
  const mentorPage = await pageIn(browser, MENTOR_ZONE);
  try {
    await signInOn(menteePage, mentee.email, TEST_PASSWORD);
    await signInOn(mentorPage, mentor.email, TEST_PASSWORD);

    await menteePage.goto(`/sessions/${sessionId}`);
    await expect(menteePage.getByTestId("session-status")).toHaveText("Confirmed");
    await menteePage.getByRole("link", { name: "Propose another time" }).click();
    await expect(menteePage.getByRole("heading", { name: `Move your session with ${mentor.name}`, level: 1 })).toBeVisible();
    await menteePage.getByRole("radio", { name: "30 minutes" }).check();
    // Any free time other than the one it has now.
    const other = menteePage.locator(`.slot-list input[type=radio]:not([value="${firstStartMs}"])`).first();
    await expect(other).toBeVisible();
    const newStartMs = Number(await other.getAttribute("value"));
    await other.check();
    // Within the reschedule cutoff of the start a reason is required; give one either way.
    await menteePage.getByLabel(new RegExp(`^Note for ${mentor.name}`)).fill("Clash with a team offsite");
    await menteePage.getByRole("button", { name: "Propose the new time" }).click();

    await expect(menteePage).toHaveURL(new RegExp(`/sessions/${sessionId}$`));
    await expect(menteePage.getByTestId("session-status")).toHaveText("Waiting for an answer");
    const stored = (await getFirestore(adminApp()).doc(paths.session(sessionId)).get()).data()!;
    expect(stored.status).toBe("pending");
    expect(stored.startAt.toMillis()).toBe(newStartMs);
    expect(stored.version).toBe(2);
    await menteePage.screenshot({ path: `${SHOTS}/session-follow-up-moved.png`, fullPage: true });

    // The mentor finds it under "To review" again, at the new time, and accepts.
    await mentorPage.goto("/sessions");
    const review = mentorPage.getByTestId("sessions-review").getByTestId("session-card");
    await expect(review).toHaveCount(1);
    await expect(review).toContainText(
      new Intl.DateTimeFormat("en-GB", { timeZone: MENTOR_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(newStartMs)),
    );
    await review.getByRole("button", { name: "Accept" }).click();
    await expect(mentorPage.getByTestId("sessions-review")).toHaveCount(0);
    await expect(mentorPage.getByTestId("sessions-upcoming").getByTestId("session-card")).toHaveCount(1);

    // The mentee's page follows live.
    await expect(menteePage.getByTestId("session-status")).toHaveText("Confirmed");
    expect((await getFirestore(adminApp()).doc(paths.session(sessionId)).get()).get("status")).toBe("accepted");
  } finally {
    await menteePage.context().close();
    await mentorPage.context().close();
  }
});

/**
 * An accepted session (as respondToSession leaves it) that ended five minutes ago by the real clock. completeSession
 * checks the end against the server's own clock and bookSession refuses past times, so the only way to have one that
 * may be completed now is to write it as the callables would have. No lock docs: an ended session blocks no time.
 */
async function endedSession(mentor: { uid: string; name: string }, mentee: { uid: string; name: string }): Promise<string> {
  const db = getFirestore(adminApp());
  const ref = db.collection(paths.sessions()).doc();
  const endMs = Date.now() - 5 * MINUTE;
  const now = Timestamp.now();
  await ref.set({
    kind: "match",
    matchId: matchIdOf(mentor.uid, mentee.uid),
    mentorId: mentor.uid,
    menteeId: mentee.uid,
    participants: [mentor.uid, mentee.uid],
    proposedBy: mentee.uid,
    startAt: Timestamp.fromMillis(endMs - 45 * MINUTE),
    endAt: Timestamp.fromMillis(endMs),
    durationMinutes: 45,
    timezone: MENTEE_ZONE,
    agenda: "Career plan",
    meetingLink: "",
    status: "accepted",
    version: 1,
    responseNote: "",
    respondedAt: now,
    cancelledBy: null,
    cancelReason: "",
    cancelledAt: null,
    confirmedAt: now,
    remindersSent: {},
    nextReminderAt: null,
    lockIds: [],
    mentorName: mentor.name,
    menteeName: mentee.name,
    createdAt: now,
    updatedAt: now,
  });
  return ref.id;
}

test("after a session: the mentor completes it, both rate each other, the rating shows on the profile, private notes stay private", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const mentor = await mentorWithHours(stamp, "follow");
  const mentee = await menteeMatchedWith(mentor, "Follow", stamp);
  const sessionId = await endedSession(mentor, mentee);
  const sharedNotes = `Walked through the CV and the promotion case (${stamp})`;
  const menteeComment = `Rowan made the promotion path concrete (${stamp})`;
  const mentorComment = `Kai came well prepared (${stamp})`;

  const menteePage = await pageIn(browser, MENTEE_ZONE);
  const mentorPage = await pageIn(browser, MENTOR_ZONE);
  try {
    await signInOn(menteePage, mentee.email, TEST_PASSWORD);
    await signInOn(mentorPage, mentor.email, TEST_PASSWORD);

    // ---- Before completion the mentee is told the mentor goes first; the mentor's profile has no sessions yet ----
    await menteePage.goto(`/mentors/${mentor.uid}`);
    await expect(menteePage.getByText("Completed sessions", { exact: true }).locator("..").locator("dd")).toHaveText("0");
    await menteePage.goto(`/sessions/${sessionId}`);
    await expect(menteePage.getByTestId("session-complete")).toContainText("The mentor completes the session first.");

    // ---- The mentor completes it ----
    await mentorPage.goto(`/sessions/${sessionId}`);
    const form = mentorPage.getByTestId("complete-session-form");
    await expect(form).toBeVisible();
    await form.getByLabel("Yes, we met").check();
    await form.getByLabel("Actual duration (minutes)").fill("50");
    await form.getByLabel(/^Shared notes/).fill(sharedNotes);
    await form.getByLabel(/^Topics covered/).fill("Promotion case");
    await form.getByLabel(/^Action items/).fill("Draft the promotion document");
    await mentorPage.screenshot({ path: `${SHOTS}/session-follow-up-complete.png`, fullPage: true });
    await form.getByRole("button", { name: "Complete session" }).click();

    for (const page of [mentorPage, menteePage]) {
      const record = page.getByTestId("session-record");
      await expect(record.getByRole("heading", { name: "What you covered" })).toBeVisible();
      await expect(record).toContainText(sharedNotes);
      await expect(record.getByRole("listitem")).toHaveText(["Promotion case", "Draft the promotion document"]);
      await expect(page.getByTestId("session-status")).toHaveText("Completed");
      await expect(page.getByTestId("session-complete")).toHaveCount(0);
    }
    const stored = (await getFirestore(adminApp()).doc(paths.session(sessionId)).get()).data()!;
    expect(stored).toMatchObject({ status: "completed", actualMinutes: 50, completedBy: mentor.uid });
    // The mentee's count is not shown anywhere in the app; the mentor's is, on their profile.
    expect((await getFirestore(adminApp()).doc(paths.user(mentee.uid)).get()).get("sessionCount")).toBe(1);

    // ---- Both rate each other ----
    const menteeFeedback = menteePage.getByTestId("session-feedback");
    await menteeFeedback.getByLabel("4 stars").check();
    await menteeFeedback.getByLabel(/^Written feedback/).fill(menteeComment);
    await menteeFeedback.getByRole("button", { name: "Send feedback" }).click();
    await expect(menteeFeedback).toContainText(`You rated ${mentor.name} 4 out of 5: “${menteeComment}”`);

    const mentorFeedback = mentorPage.getByTestId("session-feedback");
    // Sending with no rating is refused beside the field.
    await mentorFeedback.getByRole("button", { name: "Send feedback" }).click();
    await expect(mentorFeedback.getByText("Choose a rating from 1 to 5.")).toBeVisible();
    await mentorFeedback.getByLabel("5 stars").check();
    await mentorFeedback.getByLabel(/^Written feedback/).fill(mentorComment);
    await mentorFeedback.getByRole("button", { name: "Send feedback" }).click();
    await expect(mentorFeedback).toContainText(`You rated ${mentee.name} 5 out of 5: “${mentorComment}”`);

    // After a reload the mentee still sees their own rating, not the form.
    await menteePage.reload();
    await expect(menteePage.getByTestId("session-feedback")).toContainText(`You rated ${mentor.name} 4 out of 5`);
    await expect(menteePage.getByTestId("feedback-form")).toHaveCount(0);

    // ---- The mentor's public profile: the rating, the completed session and the mentee's words ----
    await menteePage.goto(`/mentors/${mentor.uid}`);
    await expect(menteePage.locator(".mentor-hero")).toContainText("4.0 (1 rating)");
    await expect(menteePage.getByText("Completed sessions", { exact: true }).locator("..").locator("dd")).toHaveText("1");
    const recent = menteePage.getByTestId("recent-feedback");
    const item = recent.locator(".feedback-item").filter({ hasText: menteeComment });
    await expect(item).toHaveCount(1);
    await expect(item).toContainText("Rated 4 out of 5");
    await expect(item).toContainText(mentee.name);
    // What the mentor wrote about the mentee is not a mentor's review.
    await expect(recent).not.toContainText(mentorComment);
    await menteePage.screenshot({ path: `${SHOTS}/session-follow-up-profile.png`, fullPage: true });

    // ---- Private notes: saved, kept after a reload, never shown to the other person ----
    const secret = `Ask about the Berlin team next time (${stamp})`;
    await menteePage.goto(`/sessions/${sessionId}`);
    const menteeNotes = menteePage.getByTestId("private-notes-form");
    await menteeNotes.getByLabel("Notes only you can see").fill(secret);
    await menteeNotes.getByRole("button", { name: "Save notes" }).click();
    await expect(menteePage.getByText("Your private notes are saved.")).toBeVisible();
    await menteePage.reload();
    await expect(menteePage.getByTestId("private-notes-form").getByLabel("Notes only you can see")).toHaveValue(secret);

    await mentorPage.reload();
    await expect(mentorPage.getByTestId("private-notes-form").getByLabel("Notes only you can see")).toHaveValue("");
    await expect(mentorPage.locator("body")).not.toContainText(secret);
  } finally {
    await menteePage.context().close();
    await mentorPage.context().close();
  }
});
