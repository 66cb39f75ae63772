import { expect, test } from "@playwright/test";
import { matchIdOf, paths } from "@mentormatch/shared";
import { Timestamp, getFirestore } from "firebase-admin/firestore";
import { TEST_PASSWORD, adminApp, callAs, createMember, signInOn } from "./accounts";
import { mentorWithHours } from "./sessions-setup";

const SHOTS = "artifacts/screenshots";
const ZONE = "Europe/London";
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

interface Slots {
  days: { slots: { startMs: number }[] }[];
}

/** A London mentor with hours all day (an hour's notice) and a mentee with an accepted match and a goal. */
async function pair(stamp: string) {
  const mentor = { email: `impact-mentor-${stamp}@example.com`, name: `Ines Impact ${stamp}`, uid: "" };
  mentor.uid = await createMember({ name: mentor.name, email: mentor.email, role: "mentor" });
  const allDay = [{ start: "00:00", end: "24:00" }];
  await getFirestore(adminApp())
    .doc(paths.availability(mentor.uid))
    .set({
      timeZone: ZONE,
      weekly: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
      overrides: {},
      minimumNoticeMinutes: 60,
      horizonDays: 14,
      bufferMinutes: 15,
      updatedAt: Timestamp.now(),
    });
  const mentee = { email: `impact-mentee-${stamp}@example.com`, name: `Milo Impact ${stamp}`, uid: "" };
  mentee.uid = await createMember({ name: mentee.name, email: mentee.email, role: "mentee" });
  await callAs(mentee.email, TEST_PASSWORD, "requestMatch", { mentorId: mentor.uid, message: `Hello (${stamp})`, goals: ["Lead a small team"] });
  await callAs(mentor.email, TEST_PASSWORD, "acceptMatch", { matchId: matchIdOf(mentor.uid, mentee.uid) });
  return { mentor, mentee, matchId: matchIdOf(mentor.uid, mentee.uid) };
}

/** The mentee proposes the first free 30-minute start at or after `fromMs` (through the callables). */
async function propose(email: string, matchId: string, fromMs: number, agenda: string): Promise<{ sessionId: string; startMs: number }> {
  const slots = (await callAs(email, TEST_PASSWORD, "getBookableSlots", { matchId, durationMinutes: 30, fromMs })) as Slots;
  const startMs = slots.days.flatMap((day) => day.slots)[0]!.startMs;
  const booked = (await callAs(email, TEST_PASSWORD, "bookSession", {
    matchId,
    startMs,
    durationMinutes: 30,
    agenda,
    meetingLink: "https://meet.example.com/impact-room",
  })) as { sessionId: string };
  return { sessionId: booked.sessionId, startMs };
}

test("the Impact Dashboard shows today's session and an invite to accept inline; the 15-minute reminder shows once", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const { mentor, mentee, matchId } = await pair(stamp);
  const db = getFirestore(adminApp());

  // An accepted session, moved (Admin SDK) to start in about 20 minutes: no booking can be made that close.
  const soon = await propose(mentee.email, matchId, Date.now(), "Career plan for next year");
  await callAs(mentor.email, TEST_PASSWORD, "respondToSession", { sessionId: soon.sessionId, decision: "accept" });
  const startMs = Math.ceil((Date.now() + 20 * MINUTE) / MINUTE) * MINUTE;
  await db.doc(paths.session(soon.sessionId)).update({ startAt: Timestamp.fromMillis(startMs), endAt: Timestamp.fromMillis(startMs + 30 * MINUTE) });
  // The previous, completed session of the same match: its action items go into the reminder's brief.
  const stored = (await db.doc(paths.session(soon.sessionId)).get()).data()!;
  await db.doc(paths.session(`${soon.sessionId}-before`)).set({
    ...stored,
    status: "completed",
    startAt: Timestamp.fromMillis(startMs - 7 * DAY),
    endAt: Timestamp.fromMillis(startMs - 7 * DAY + 30 * MINUTE),
    lockIds: [],
    nextReminderAt: null,
    completedAt: Timestamp.fromMillis(startMs - 7 * DAY + 40 * MINUTE),
    completedBy: mentor.uid,
    attendance: { mentor: true, mentee: true },
    actualMinutes: 30,
    actionItems: ["Draft the CV"],
  });
  // A pending proposal two days on, for the mentor to answer from the dashboard.
  const later = await propose(mentee.email, matchId, Date.now() + 2 * DAY, "Follow-up on the CV");

  await page.clock.install();
  await signInOn(page, mentor.email, TEST_PASSWORD);
  await page.goto("/");

  // ---- Today's session with Join disabled (more than 10 minutes ahead), and the invite to review ----
  const todayCard = page.locator(`[data-testid="session-card"][data-session-id="${soon.sessionId}"]`);
  await expect(todayCard).toBeVisible();
  await expect(todayCard).toContainText(`session with ${mentee.name}`);
  await expect(todayCard.getByRole("button", { name: "Join" })).toBeDisabled();
  const review = page.getByTestId("impact-review");
  await expect(review.locator(`[data-session-id="${later.sessionId}"]`)).toBeVisible();
  await expect(review).toContainText("Follow-up on the CV");
  await expect(page.getByTestId("stat-invites")).toContainText("1");
  // The completed session waits for the mentor's rating.
  await expect(page.getByTestId("impact-follow-up")).toContainText(`Rate your session with ${mentee.name}`);
  await page.screenshot({ path: `${SHOTS}/impact-dashboard.png`, fullPage: true });

  // ---- Accept inline: the invite leaves the list and the session is accepted ----
  await review.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByText(`Session with ${mentee.name} accepted.`)).toBeVisible();
  await expect(page.getByTestId("impact-review")).toHaveCount(0);
  await expect.poll(async () => (await db.doc(paths.session(later.sessionId)).get()).get("status")).toBe("accepted");
  await expect(page.locator(`[data-testid="session-card"][data-session-id="${later.sessionId}"]`)).toBeVisible();

  // ---- 15 minutes before the start: the reminder with the other person, the brief and Join ----
  await expect(page.getByTestId("session-reminder")).toHaveCount(0);
  await page.clock.setSystemTime(startMs - 15 * MINUTE + 5_000);
  await page.clock.fastForward(16_000);
  const reminder = page.getByTestId("session-reminder");
  await expect(reminder).toHaveCount(1);
  await expect(reminder).toContainText(`session with ${mentee.name}`);
  await expect(reminder).toContainText("Career plan for next year");
  await expect(reminder).toContainText("Draft the CV");
  await expect(reminder).toContainText("Lead a small team");
  const join = reminder.getByRole("link", { name: /^Join/ });
  await expect(join).toHaveAttribute("href", "https://meet.example.com/impact-room");
  await expect(join).toHaveAttribute("target", "_blank");
  await expect(join).toHaveAttribute("rel", "noopener noreferrer");
  await page.screenshot({ path: `${SHOTS}/impact-reminder.png` });

  // ---- A reload (a minute later, still due) does not show it again ----
  await page.reload();
  await page.clock.setSystemTime(startMs - 14 * MINUTE);
  await expect(todayCard).toBeVisible();
  await page.clock.fastForward(16_000);
  await page.clock.fastForward(16_000);
  await expect(page.getByTestId("stat-today")).toBeVisible();
  await expect(page.getByTestId("session-reminder")).toHaveCount(0);
  const marker = await page.evaluate((uid) => localStorage.getItem(`mentormatch:session-reminders:${uid}`), mentor.uid);
  expect(JSON.parse(marker!)).toEqual([`${soon.sessionId}@${startMs}`]);
});

test("two mentors' overlapping invites are highlighted on the mentee's dashboard; the second accept is refused, naming the first", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const first = await mentorWithHours(stamp, "conflict-first");
  const second = await mentorWithHours(stamp, "conflict-second");
  const mentee = { email: `impact-conflict-mentee-${stamp}@example.com`, name: `Mia Conflict ${stamp}`, uid: "" };
  mentee.uid = await createMember({ name: mentee.name, email: mentee.email, role: "mentee" });
  for (const mentor of [first, second]) {
    await callAs(mentee.email, TEST_PASSWORD, "requestMatch", { mentorId: mentor.uid, message: `Hello (${stamp})` });
    await callAs(mentor.email, TEST_PASSWORD, "acceptMatch", { matchId: matchIdOf(mentor.uid, mentee.uid) });
  }
  // A mentor's proposal holds the mentor's time, not the invited mentee's: both overlapping proposals go through.
  const firstMatch = matchIdOf(first.uid, mentee.uid);
  const slots = (await callAs(first.email, TEST_PASSWORD, "getBookableSlots", { matchId: firstMatch, durationMinutes: 60, fromMs: Date.now() + 2 * DAY })) as Slots;
  const startMs = slots.days.flatMap((day) => day.slots)[0]!.startMs;
  const a = (await callAs(first.email, TEST_PASSWORD, "bookSession", { matchId: firstMatch, startMs, durationMinutes: 60, agenda: "Portfolio review" })) as { sessionId: string };
  const b = (await callAs(second.email, TEST_PASSWORD, "bookSession", {
    matchId: matchIdOf(second.uid, mentee.uid),
    startMs: startMs + 30 * MINUTE,
    durationMinutes: 60,
    agenda: "Interview practice",
  })) as { sessionId: string };

  await signInOn(page, mentee.email, TEST_PASSWORD);
  await page.goto("/");
  const invite = (sessionId: string) => page.locator(`li[data-review-id="${sessionId}"]`);
  // ---- Both invites are highlighted, each naming the other ----
  await expect(invite(a.sessionId).getByTestId("conflict-warning")).toContainText(`Overlaps ${second.name}'s proposal`);
  await expect(invite(a.sessionId).getByTestId("conflict-warning")).toContainText("You can accept only one of them.");
  await expect(invite(b.sessionId).getByTestId("conflict-warning")).toContainText(`Overlaps ${first.name}'s proposal`);
  // The warning describes the Accept button, for screen readers.
  const warningId = await invite(a.sessionId).getByTestId("conflict-warning").getAttribute("id");
  await expect(invite(a.sessionId).getByRole("button", { name: "Accept" })).toHaveAttribute("aria-describedby", warningId!);
  await page.screenshot({ path: `${SHOTS}/impact-conflict.png`, fullPage: true });

  // ---- Accepting the first says which other it overlaps ----
  await invite(a.sessionId).getByRole("button", { name: "Accept" }).click();
  await expect(page.getByText(`Session with ${first.name} accepted. It overlaps ${second.name}'s proposal`)).toBeVisible();
  await expect.poll(async () => (await getFirestore(adminApp()).doc(paths.session(a.sessionId)).get()).get("status")).toBe("accepted");

  // ---- The second now overlaps an accepted session: accepting it is refused with the server's sentence ----
  await expect(invite(b.sessionId).getByTestId("conflict-warning")).toContainText(`Overlaps your session with ${first.name}`);
  await expect(invite(b.sessionId).getByTestId("conflict-warning")).toContainText("before accepting");
  await invite(b.sessionId).getByRole("button", { name: "Accept" }).click();
  const refused = invite(b.sessionId).getByTestId("accept-refused");
  await expect(refused).toContainText(`This overlaps your session with ${first.name} on`);
  await expect(refused).toContainText("decline or move one of them first.");
  await expect(refused).toHaveAttribute("role", "alert");
  expect((await getFirestore(adminApp()).doc(paths.session(b.sessionId)).get()).get("status")).toBe("pending");
  await page.screenshot({ path: `${SHOTS}/impact-conflict-refused.png`, fullPage: true });
});
