import { expect, test, type Page } from "@playwright/test";
import { localDateIn, paths } from "@mentormatch/shared";
import { Timestamp, getFirestore } from "firebase-admin/firestore";
import { MAIL_CAPTURE_PORT, type CapturedMail } from "../../scripts/mail-capture.mjs";
import { TEST_PASSWORD, adminApp, callAs, createMember, signInOn } from "./accounts";
import { MENTEE_ZONE, MENTOR_ZONE, MINUTE, mentorWithHours, pageIn } from "./sessions-setup";

// Issue 8's "Done when", in four browsers: a student posts a mini request, two mentors claim it at the same moment and
// exactly one gets it, the winner schedules it, both see it on their dashboards, it is completed and rated both ways,
// and every step's email reaches the local mail view.
const SHOTS = "artifacts/screenshots";
const DAY = 24 * 60 * MINUTE;

const clock = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(ms));

/** Waits for an email to `to` whose subject matches, as the local SendGrid capture received it. */
async function mailMatching(to: string, subject: RegExp): Promise<CapturedMail> {
  let found: CapturedMail | undefined;
  await expect
    .poll(
      async () => {
        const all = (await (await fetch(`http://127.0.0.1:${MAIL_CAPTURE_PORT}/messages`)).json()) as CapturedMail[];
        found = all.findLast((mail) => mail.body.personalizations[0]?.to[0]?.email === to && subject.test(mail.body.subject));
        return !!found;
      },
      { message: `an email matching ${subject} to ${to}`, timeout: 60_000 },
    )
    .toBe(true);
  return found!;
}

const boardCard = (page: Page, title: string) => page.getByTestId("mini-board-card").filter({ hasText: title });

test("a student posts a mini request, two mentors race to claim it, one schedules it, and both complete and rate it", async ({ browser }) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const db = getFirestore(adminApp());
  const studentEmail = `mini-student-${stamp}@example.com`;
  const student = { email: studentEmail, name: `Kai Mini ${stamp}`, uid: "" };
  student.uid = await createMember({ name: student.name, email: student.email, role: "mentee" });
  await db.doc(paths.user(student.uid)).update({ timezone: MENTEE_ZONE });
  const mentorA = await mentorWithHours(stamp, "mini-a");
  const mentorB = await mentorWithHours(stamp, "mini-b");
  const title = `Mock interview for a frontend role ${stamp}`;
  // A tag no other test uses, so the board shows only this request however many others the run has posted.
  const tag = `mock-${stamp}`;
  // Tomorrow to three days on, 09:00–12:00 in Tokyo: 00:00–03:00 in London, inside the mentors' all-day hours.
  const firstDay = localDateIn(MENTEE_ZONE, Date.now() + DAY);
  const lastDay = localDateIn(MENTEE_ZONE, Date.now() + 3 * DAY);

  const studentPage = await pageIn(browser, MENTEE_ZONE);
  const pageA = await pageIn(browser, MENTOR_ZONE);
  const pageB = await pageIn(browser, MENTOR_ZONE);
  try {
    // ---- The student posts it through the form ----
    await signInOn(studentPage, student.email, TEST_PASSWORD);
    await studentPage.goto("/mini-sessions/new");
    await studentPage.getByLabel("Title").fill(title);
    await studentPage.getByLabel("What kind of help?").selectOption("interview_prep");
    await studentPage.getByLabel("How urgent?").selectOption("high");
    await studentPage
      .getByLabel("Description")
      .fill("I have a frontend interview next week and want to practise a system design question and talk through my answers.");
    await studentPage.getByRole("radio", { name: "45 minutes" }).check();
    await studentPage.getByLabel("First day").fill(firstDay);
    await studentPage.getByLabel("Last day").fill(lastDay);
    await studentPage.getByLabel("Window 1 From").fill("09:00");
    await studentPage.getByLabel("Window 1 To").fill("12:00");
    await studentPage.getByLabel(/^Tags/).fill(tag);
    await studentPage.getByLabel(/^Tags/).press("Enter");
    await studentPage.getByRole("button", { name: "Post request" }).click();
    await expect(studentPage.getByText("Request posted. Mentors can claim it now.")).toBeVisible();
    // The request's own page (not /mini-sessions/new, which the form is on).
    await expect(studentPage).toHaveURL(/\/mini-sessions\/(?!new$)[A-Za-z0-9]+$/);
    const requestId = new URL(studentPage.url()).pathname.split("/").pop()!;
    const posted = (await db.doc(paths.miniRequest(requestId)).get()).data()!;
    expect(posted).toMatchObject({ status: "open", studentId: student.uid, durationMinutes: 45, urgency: "high", timezone: MENTEE_ZONE, tags: [tag] });
    expect(posted.expiresAt.toMillis() - posted.createdAt.toMillis()).toBe(7 * DAY);

    // ---- Both mentors find it on the board: the student's Tokyo morning in their London night, Tokyo's beside it ----
    await signInOn(pageA, mentorA.email, TEST_PASSWORD);
    await signInOn(pageB, mentorB.email, TEST_PASSWORD);
    for (const page of [pageA, pageB]) {
      await page.goto(`/mini-sessions/board?tag=${tag}`);
      const card = boardCard(page, title);
      await expect(card).toHaveCount(1);
      await expect(card.getByTestId("mini-urgency")).toContainText("High");
      await expect(card.getByTestId("mini-windows")).toContainText("00:00–03:00 your time");
      await expect(card.getByTestId("mini-windows")).toContainText("09:00–12:00 in Asia/Tokyo");
      await expect(card).toContainText("posted just now");
      await expect(card).toContainText("expires in 6 days");
    }
    // The search box narrows by words of the title and description; a word it does not have empties the board.
    await pageB.getByLabel("Search", { exact: true }).fill("system design");
    await expect(pageB).toHaveURL(/q=system\+design/);
    await expect(boardCard(pageB, title)).toHaveCount(1);
    await pageB.getByLabel("Search", { exact: true }).fill("kubernetes");
    await expect(pageB.getByRole("heading", { name: "No open requests match" })).toBeVisible();
    await pageB.getByRole("button", { name: "Clear filters" }).first().click();
    await pageB.goto(`/mini-sessions/board?tag=${tag}`);
    await expect(boardCard(pageB, title)).toHaveCount(1);
    await pageA.screenshot({ path: `${SHOTS}/mini-board.png`, fullPage: true });

    // ---- Both claim at the same moment: exactly one wins ----
    await Promise.all([
      boardCard(pageA, title).getByRole("button", { name: "Claim" }).click(),
      boardCard(pageB, title).getByRole("button", { name: "Claim" }).click(),
    ]);
    await expect.poll(async () => (await db.doc(paths.miniRequest(requestId)).get()).get("status")).toBe("claimed");
    const claimedBy = (await db.doc(paths.miniRequest(requestId)).get()).get("claimedBy") as string;
    expect([mentorA.uid, mentorB.uid]).toContain(claimedBy);
    const [winner, winnerPage, loserPage] = claimedBy === mentorA.uid ? [mentorA, pageA, pageB] : [mentorB, pageB, pageA];
    await expect(winnerPage).toHaveURL(new RegExp(`/mini-sessions/${requestId}/schedule$`));
    await expect(loserPage.getByText("Someone else just claimed this request.")).toBeVisible();
    await expect(boardCard(loserPage, title)).toHaveCount(0);
    await expect(loserPage).toHaveURL(/\/mini-sessions\/board/);

    // ---- The winner schedules it: a time inside the student's window, a video room ----
    await expect(winnerPage.getByRole("heading", { name: `Schedule “${title}”`, level: 1 })).toBeVisible();
    await expect(winnerPage.getByTestId("mini-deadline")).toContainText("left to schedule");
    const slotLabel = winnerPage.locator(".slot-list label.slot").first();
    const firstSlot = slotLabel.locator("input[type=radio]");
    await expect(firstSlot).toBeVisible();
    const startMs = Number(await firstSlot.getAttribute("value"));
    // Inside 09:00–12:00 Tokyo on one of the preferred days, shown in London with Tokyo's clock beside it.
    expect(clock(startMs, MENTEE_ZONE) >= "09:00" && clock(startMs, MENTEE_ZONE) <= "11:15").toBe(true);
    await expect(slotLabel).toContainText(clock(startMs, MENTOR_ZONE));
    await expect(slotLabel).toContainText(`${student.name}: ${clock(startMs, MENTEE_ZONE)}`);
    await firstSlot.check();
    // Bad input is refused beside the field, before any call: a phone call with no number.
    await winnerPage.getByRole("radio", { name: "Phone call" }).check();
    await winnerPage.getByRole("button", { name: "Schedule and send the invitation" }).click();
    await expect(winnerPage.getByText("Give a phone number, like +1 555 010 0199.")).toBeVisible();
    await winnerPage.getByRole("radio", { name: "Video call" }).check();
    await winnerPage.getByRole("radio", { name: /^Create a room/ }).check();
    await winnerPage.getByLabel(/^Agenda/).fill("One system design question, then feedback");
    await winnerPage.screenshot({ path: `${SHOTS}/mini-schedule.png`, fullPage: true });
    await winnerPage.getByRole("button", { name: "Schedule and send the invitation" }).click();
    await expect(winnerPage).toHaveURL(/\/sessions\/[A-Za-z0-9]+$/);
    const sessionId = new URL(winnerPage.url()).pathname.split("/").pop()!;
    await expect(winnerPage.getByTestId("session-status")).toHaveText("Confirmed");
    const session = (await db.doc(paths.session(sessionId)).get()).data()!;
    expect(session).toMatchObject({ kind: "mini", status: "accepted", mentorId: winner.uid, menteeId: student.uid, durationMinutes: 45 });
    expect(session.startAt.toMillis()).toBe(startMs);
    expect(session.meetingLink).toMatch(/^https:\/\//);
    expect((await db.doc(paths.miniRequest(requestId)).get()).data()).toMatchObject({ status: "scheduled", sessionId });

    // ---- The winner's "My mini sessions" lists it as scheduled, with the way to the session ----
    await winnerPage.goto("/mini-sessions");
    const scheduledRow = winnerPage.getByTestId("mini-scheduled").getByTestId("mini-row").filter({ hasText: title });
    await expect(scheduledRow).toContainText(clock(startMs, MENTOR_ZONE));
    await expect(scheduledRow.getByRole("link", { name: "Open session" })).toHaveAttribute("href", `/sessions/${sessionId}`);
    await expect(winnerPage.getByTestId("mini-claimed")).toContainText("Nothing waiting to be scheduled.");

    // ---- Both see it on their Impact Dashboards ----
    for (const [page, other] of [
      [winnerPage, student.name],
      [studentPage, winner.name],
    ] as const) {
      await page.goto("/");
      const card = page.locator(`[data-testid="session-card"][data-session-id="${sessionId}"]`);
      await expect(card).toBeVisible();
      await expect(card).toContainText(`session with ${other}`);
    }
    await studentPage.screenshot({ path: `${SHOTS}/mini-dashboard-student.png`, fullPage: true });

    // ---- Time passes: the session ended five minutes ago ----
    // completeSession checks the end against the server's clock, which a test cannot move; so the session (and the
    // request's copy of its start) is moved into the past as if the time had come and gone.
    const endMs = Date.now() - 5 * MINUTE;
    await db.doc(paths.session(sessionId)).update({
      startAt: Timestamp.fromMillis(endMs - 45 * MINUTE),
      endAt: Timestamp.fromMillis(endMs),
      nextReminderAt: null,
    });
    await db.doc(paths.miniRequest(requestId)).update({ scheduledStartAt: Timestamp.fromMillis(endMs - 45 * MINUTE) });

    // ---- The mentor completes it ----
    await winnerPage.goto(`/sessions/${sessionId}`);
    const form = winnerPage.getByTestId("complete-session-form");
    await expect(form).toBeVisible();
    await form.getByLabel("Yes, we met").check();
    await form.getByLabel("Actual duration (minutes)").fill("45");
    await form.getByLabel(/^Shared notes/).fill(`Worked through a design for a news feed (${stamp})`);
    await form.getByLabel(/^Topics covered/).fill("System design");
    await form.getByLabel(/^Action items/).fill("Practise estimating load");
    await form.getByRole("button", { name: "Complete session" }).click();
    await expect(winnerPage.getByTestId("session-status")).toHaveText("Completed");
    await expect.poll(async () => (await db.doc(paths.miniRequest(requestId)).get()).get("status")).toBe("completed");

    // ---- Both rate each other ----
    await studentPage.goto(`/sessions/${sessionId}`);
    const studentFeedback = studentPage.getByTestId("session-feedback");
    await studentFeedback.getByLabel("5 stars").check();
    await studentFeedback.getByLabel(/^Written feedback/).fill(`Clear and practical (${stamp})`);
    await studentFeedback.getByRole("button", { name: "Send feedback" }).click();
    await expect(studentFeedback).toContainText(`You rated ${winner.name} 5 out of 5`);

    const mentorFeedback = winnerPage.getByTestId("session-feedback");
    await mentorFeedback.getByLabel("4 stars").check();
    await mentorFeedback.getByLabel(/^Written feedback/).fill(`Well prepared (${stamp})`);
    await mentorFeedback.getByRole("button", { name: "Send feedback" }).click();
    await expect(mentorFeedback).toContainText(`You rated ${student.name} 4 out of 5`);
    const feedback = await db.collection(paths.feedbackList()).where("sessionId", "==", sessionId).get();
    expect(feedback.docs.map((doc) => doc.get("kind")).sort()).toEqual(["mini", "mini"]);
    expect(feedback.docs.map((doc) => doc.get("rating")).sort()).toEqual([4, 5]);

    // The mentor's list has moved it to Completed.
    await winnerPage.goto("/mini-sessions");
    await expect(winnerPage.getByTestId("mini-completed").getByTestId("mini-row").filter({ hasText: title })).toBeVisible();

    // ---- Every step's email reached the local mail view ----
    await mailMatching(student.email, /^Your mini mentorship request is posted/);
    await mailMatching(student.email, new RegExp(`^${winner.name} claimed your mini mentorship request`));
    await mailMatching(student.email, /^Your mini mentorship session is scheduled/);
    await mailMatching(winner.email, /^Your mini mentorship session is scheduled/);
    await mailMatching(student.email, /^How was your mini mentorship session\?/);
    await mailMatching(winner.email, /^How was your mini mentorship session\?/);
  } finally {
    for (const page of [studentPage, pageA, pageB]) await page.context().close();
  }
});

test("the board pages with Load more, drops a request claimed elsewhere, sorts most urgent first, keeps filters in the address; a request given back is not for the same mentor", async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const tag = `paging-${stamp}`;
  const firstDay = localDateIn(MENTOR_ZONE, Date.now() + DAY);
  const lastDay = localDateIn(MENTOR_ZONE, Date.now() + 4 * DAY);
  const urgencies = ["low", "normal", "high", "urgent"] as const;
  // One more than a page, from five students (each may have MINI.maxActivePerStudent open at once), posted through
  // the callable in order, so the newest is the last one.
  const total = 25;
  const students = await Promise.all(
    Array.from({ length: 5 }, async (_, index) => {
      const email = `mini-pager-${index}-${stamp}@example.com`;
      await createMember({ name: `Pat Pager${index} ${stamp}`, email, role: "mentee" });
      return email;
    }),
  );
  const ids: string[] = [];
  for (let index = 0; index < total; index++) {
    const posted = (await callAs(students[index % 5]!, TEST_PASSWORD, "postMiniRequest", {
      title: `Paging request ${String(index).padStart(2, "0")} ${stamp}`,
      sessionType: index % 2 === 0 ? "career_advice" : "resume_review",
      description: "Looking for a quick second opinion on where to take my career next.",
      durationMinutes: index % 3 === 0 ? 60 : 30,
      urgency: urgencies[index % 4],
      preferredDateStart: firstDay,
      preferredDateEnd: lastDay,
      preferredTimeSlots: [{ from: "10:00", to: "16:00" }],
      timezone: MENTOR_ZONE,
      tags: [tag],
    })) as { requestId: string };
    ids.push(posted.requestId);
  }
  const mentor = await mentorWithHours(stamp, "mini-pager");
  const rival = await mentorWithHours(stamp, "mini-rival");
  const page = await pageIn(browser, MENTOR_ZONE);
  try {
    await signInOn(page, mentor.email, TEST_PASSWORD);
    await page.goto(`/mini-sessions/board?tag=${tag}`);
    const cards = page.getByTestId("mini-board-card");
    const titles = page.getByTestId("mini-board-card").locator("h2");
    // Newest first, a page at a time.
    await expect(cards).toHaveCount(20);
    await expect(titles.first()).toHaveText(`Paging request 24 ${stamp}`);
    await expect(page.getByTestId("mini-board-summary")).toHaveText("Showing 20 open requests so far");
    // Another mentor claims the newest behind this page's back: it leaves at once and the next one moves up.
    await callAs(rival.email, TEST_PASSWORD, "claimMiniRequest", { requestId: ids[24] });
    await expect(titles.first()).toHaveText(`Paging request 23 ${stamp}`);
    await expect(cards).toHaveCount(20);
    await page.getByRole("button", { name: "Load more" }).click();
    await expect(cards).toHaveCount(total - 1);
    await expect(titles.last()).toHaveText(`Paging request 00 ${stamp}`);
    await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);

    // Most urgent first: the urgent ones (every fourth from 3), newest of them first.
    await page.getByLabel("Sort by").selectOption("urgent");
    await expect(page).toHaveURL(/sort=urgent/);
    await expect(titles.first()).toHaveText(`Paging request 23 ${stamp}`);
    await expect(cards.first().getByTestId("mini-urgency")).toContainText("Urgent");
    await expect(cards.nth(5).getByTestId("mini-urgency")).toContainText("Urgent");
    await expect(cards.nth(6).getByTestId("mini-urgency")).toContainText("High");

    // Filters narrow on the server and live in the address, so a reload keeps them.
    await page.getByLabel("Urgency").selectOption("low");
    await page.getByLabel("Length").selectOption("60");
    await expect(page).toHaveURL(/urgency=low/);
    await expect(page).toHaveURL(/duration=60/);
    // Low urgency is 0, 4, 8, … and 60 minutes is 0, 3, 6, …: requests 0, 12 and 24, and 24 is claimed.
    await expect(titles).toHaveText([`Paging request 12 ${stamp}`, `Paging request 00 ${stamp}`]);
    await page.reload();
    await expect(titles).toHaveText([`Paging request 12 ${stamp}`, `Paging request 00 ${stamp}`]);
    await expect(page.getByLabel("Urgency")).toHaveValue("low");
    // At phone width the cards take the screen's width and Claim stays in reach.
    await page.setViewportSize({ width: 390, height: 844 });
    const box = await cards.first().boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    const claim = cards.first().getByRole("button", { name: "Claim" });
    await claim.scrollIntoViewIfNeeded();
    await expect(claim).toBeInViewport();
    const claimBox = await claim.boundingBox();
    expect(claimBox!.x + claimBox!.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}/mini-board-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByLabel("Kind of help").selectOption("resume_review");
    await expect(page.getByRole("heading", { name: "No open requests match" })).toBeVisible();

    // ---- Claim one, then give it back from "My mini sessions": it is open again, and not for this mentor ----
    await page.goto(`/mini-sessions/board?tag=${tag}&duration=60&urgency=low`);
    const target = cards.filter({ hasText: `Paging request 12 ${stamp}` });
    await target.getByRole("button", { name: "Claim" }).click();
    await expect(page).toHaveURL(new RegExp(`/mini-sessions/${ids[12]}/schedule$`));
    // The request's own page offers the claimer Schedule and Give back too.
    await page.goto(`/mini-sessions/${ids[12]}`);
    const actions = page.getByTestId("mentor-request-actions");
    await expect(actions.getByRole("link", { name: "Schedule" })).toHaveAttribute("href", `/mini-sessions/${ids[12]}/schedule`);
    await expect(actions.getByRole("button", { name: "Give back" })).toBeVisible();
    await page.goto("/mini-sessions");
    const held = page.getByTestId("mini-claimed").getByTestId("mini-row").filter({ hasText: `Paging request 12 ${stamp}` });
    await expect(held.getByTestId("mini-deadline")).toHaveText(/^4[78] hours left to schedule$/);
    await held.getByRole("button", { name: "Give back" }).click();
    await held.getByLabel(/^Reason for the student/).fill("A clash came up this week, sorry");
    await held.getByRole("button", { name: "Yes, give it back" }).click();
    await expect(page.getByText(`“Paging request 12 ${stamp}” is back on the board.`)).toBeVisible();
    await expect(page.getByTestId("mini-row")).toHaveCount(0);
    const released = (await getFirestore(adminApp()).doc(paths.miniRequest(ids[12]!)).get()).data()!;
    expect(released).toMatchObject({ status: "open", claimedBy: null });
    expect(released.releasedBy).toContain(mentor.uid);
    await page.goto(`/mini-sessions/board?tag=${tag}&duration=60&urgency=low`);
    await expect(target).toContainText("You gave this one back, so it is for another mentor now.");
    await expect(target.getByRole("button", { name: "Claim" })).toHaveCount(0);
  } finally {
    await page.context().close();
  }
});
