import { expect, test, type Page } from "@playwright/test";
import { localDateIn, paths } from "@mentormatch/shared";
import { getFirestore } from "firebase-admin/firestore";
import { TEST_PASSWORD, adminApp, callAs, createMember, signInOn } from "./accounts";
import { MENTOR_ZONE, mentorWithHours } from "./sessions-setup";

// The student's side of mini mentorship on its own: the form's errors beside their fields (a past first day in the
// student's zone, a non-https resume link), posting, "My requests" with live counts, the request's page, cancelling.
const SHOTS = "artifacts/screenshots";
const DAY = 24 * 60 * 60_000;
// Tokyo is ahead of the browser's UTC for most of the day, so "today" must come from the profile's zone, not the machine's.
const ZONE = "Asia/Tokyo";

const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });
const count = (page: Page, status: string) => page.getByTestId(`mini-count-${status}`);
const card = (page: Page, title: string) => page.getByTestId("mini-request-card").filter({ hasText: title });
const clock = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(ms));

test("a mentee posts a mini request through the form, sees it under Open, opens it, cancels it and finds it under Cancelled", async ({ browser }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const email = `mini-solo-${stamp}@example.com`;
  const title = `Review my resume before Friday ${stamp}`;
  const uid = await createMember({ name: `Rin Student ${stamp}`, email, role: "mentee" });
  const db = getFirestore(adminApp());
  await db.doc(paths.user(uid)).update({ timezone: ZONE });
  const today = localDateIn(ZONE, Date.now());
  const yesterday = localDateIn(ZONE, Date.now() - DAY);
  const inThreeDays = localDateIn(ZONE, Date.now() + 3 * DAY);

  const context = await browser.newContext({ timezoneId: "UTC" });
  const page = await context.newPage();
  try {
    await signInOn(page, email, TEST_PASSWORD);
    await nav(page).getByRole("link", { name: "Mini sessions" }).click();
    await expect(page.getByRole("heading", { name: "Mini sessions", level: 1 })).toBeVisible();
    await expect(page.getByText("No requests yet")).toBeVisible();
    await expect(count(page, "open")).toHaveText("0");

    // ---- The form: every field, with the profile's zone already chosen ----
    await page.getByTestId("new-mini-request").click();
    await expect(page).toHaveURL(/\/mini-sessions\/new$/);
    await expect(page.getByRole("heading", { name: "Request a mini session", level: 1 })).toBeVisible();
    await expect(page.getByLabel("Time zone")).toHaveValue(ZONE);
    await expect(page.getByLabel("First day")).toHaveValue(today);
    await expect(page.getByTestId("mini-wait")).toContainText("Choose the kind of help");

    await page.getByLabel("Title").fill(title);
    await page.getByLabel("What kind of help?").selectOption("resume_review");
    await page.getByLabel("How urgent?").selectOption("urgent");
    // The estimate is asked for as soon as the type and urgency are known: a fresh type/urgency has too few claims.
    await expect(page.getByTestId("mini-wait")).toContainText("Expected wait for a claim:");
    await page.getByLabel("Description").fill("I am applying for junior data analyst roles and would like someone to go through my resume with me.");
    await page.getByRole("radio", { name: "60 minutes" }).check();
    await page.getByLabel("First day").fill(yesterday);
    await page.getByLabel("Last day").fill(inThreeDays);
    await page.getByLabel("Window 1 From").fill("18:00");
    await page.getByLabel("Window 1 To").fill("20:00");
    // A second window, added and removed again: the first one cannot be removed (at least one is needed).
    await page.getByRole("button", { name: "Add a time window" }).click();
    await expect(page.getByTestId("mini-slot")).toHaveCount(2);
    await page.getByRole("button", { name: "Remove window 2" }).click();
    await expect(page.getByTestId("mini-slot")).toHaveCount(1);
    await expect(page.getByRole("button", { name: "Remove window 1" })).toBeDisabled();
    await page.getByLabel(/^Tags/).fill("resume, data");
    await page.getByLabel(/^Tags/).press("Enter");
    await page.getByLabel("Specific questions").fill("Is one page enough?");
    await page.getByLabel("Resume link").fill("http://example.com/rin-cv.pdf");

    // ---- Both mistakes are marked at once, beside their fields, and nothing is posted ----
    await page.getByRole("button", { name: "Post request" }).click();
    const firstDay = page.getByLabel("First day");
    const resume = page.getByLabel("Resume link");
    await expect(page.getByText("The first day cannot be in the past.")).toBeVisible();
    await expect(page.getByText("Use a full https:// link, or leave it empty.")).toBeVisible();
    await expect(firstDay).toHaveAttribute("aria-invalid", "true");
    await expect(resume).toHaveAttribute("aria-invalid", "true");
    // The message is the field's description, so a screen reader reads it with the field.
    const describedBy = (await resume.getAttribute("aria-describedby"))!.split(" ");
    await expect(page.locator(`[id="${describedBy.at(-1)}"]`)).toHaveText("Use a full https:// link, or leave it empty.");
    await expect(page).toHaveURL(/\/mini-sessions\/new$/);
    expect((await db.collection(paths.miniRequests()).where("studentId", "==", uid).get()).size).toBe(0);

    // At phone width the form fits without sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    // The sidebar becomes a closed drawer at this width; wait out its slide so the screenshot shows the page.
    await expect(page.locator(".sidebar")).toBeHidden();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/mini-student-form-errors-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    // ---- Fixed, each message goes as the field is corrected; posting opens the request's page ----
    await firstDay.fill(today);
    await expect(page.getByText("The first day cannot be in the past.")).toHaveCount(0);
    await resume.fill("https://example.com/rin-cv.pdf");
    await expect(page.getByText("Use a full https:// link, or leave it empty.")).toHaveCount(0);
    await page.getByRole("button", { name: "Post request" }).click();
    await expect(page.getByText("Request posted. Mentors can claim it now.")).toBeVisible();
    await expect(page).toHaveURL(/\/mini-sessions\/[A-Za-z0-9]{20}$/);
    const requestId = new URL(page.url()).pathname.split("/").pop()!;
    const stored = (await db.doc(paths.miniRequest(requestId)).get()).data()!;
    expect(stored).toMatchObject({
      studentId: uid,
      status: "open",
      sessionType: "resume_review",
      urgency: "urgent",
      durationMinutes: 60,
      preferredDateStart: today,
      preferredDateEnd: inThreeDays,
      preferredTimeSlots: [{ from: "18:00", to: "20:00" }],
      timezone: ZONE,
      tags: ["resume", "data"],
      specificQuestions: "Is one page enough?",
      resumeUrl: "https://example.com/rin-cv.pdf",
    });

    await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
    await expect(page.getByTestId("mini-detail-status")).toHaveText("Open");
    await expect(page.getByTestId("mini-description")).toContainText("junior data analyst");
    await expect(page.getByText("18:00–20:00")).toBeVisible();
    await expect(page.getByRole("link", { name: "https://example.com/rin-cv.pdf" })).toBeVisible();
    await expect(page.getByTestId("mini-timeline").getByRole("listitem")).toHaveText([/Posted/, /Claimed by a mentor\s*Next/, /Scheduled/, /Completed/]);
    await page.screenshot({ path: `${SHOTS}/mini-student-request.png`, fullPage: true });

    // ---- My requests: under Open, count 1 ----
    await page.getByRole("link", { name: "← My requests" }).click();
    await expect(count(page, "open")).toHaveText("1");
    await expect(count(page, "cancelled")).toHaveText("0");
    await expect(page.getByTestId("mini-filter-open")).toHaveAttribute("aria-pressed", "true");
    await expect(card(page, title)).toBeVisible();
    await expect(card(page, title).getByTestId("mini-status")).toHaveText("Open");
    await expect(card(page, title)).toContainText("Resume review · 60 minutes · Urgent urgency");
    await expect(card(page, title)).toContainText(/Posted (just now|\d+ minutes? ago) · expires (in 7 days|next week)/);

    // ---- Cancel it from its page, with a reason; the question can be dismissed first ----
    await card(page, title).getByRole("link", { name: title }).click();
    await expect(page).toHaveURL(new RegExp(`/mini-sessions/${requestId}$`));
    await page.getByTestId("mini-cancel").click();
    await page.getByRole("button", { name: "Keep it" }).click();
    await expect(page.getByTestId("mini-cancel")).toBeFocused();
    await page.getByTestId("mini-cancel").click();
    await expect(page.getByRole("button", { name: "Yes, cancel request" })).toBeFocused();
    await page.getByLabel("Reason").fill("A friend already helped me.");
    await page.getByRole("button", { name: "Yes, cancel request" }).click();
    await expect(page.getByText("Request cancelled.")).toBeVisible();
    await expect(page.getByTestId("mini-detail-status")).toHaveText("Cancelled");
    await expect(page.getByTestId("mini-cancelled")).toContainText("A friend already helped me.");
    await expect(page.getByTestId("mini-cancel")).toHaveCount(0);
    await expect(page.getByTestId("mini-timeline").getByRole("listitem").last()).toContainText("Cancelled");
    const cancelled = (await db.doc(paths.miniRequest(requestId)).get()).data()!;
    expect(cancelled).toMatchObject({ status: "cancelled", cancelledBy: uid, cancelReason: "A friend already helped me." });

    // ---- Back in the list: gone from Open, counted under Cancelled ----
    await page.getByRole("link", { name: "← My requests" }).click();
    await expect(count(page, "cancelled")).toHaveText("1");
    await expect(count(page, "open")).toHaveText("0");
    await page.getByTestId("mini-filter-cancelled").click();
    await expect(page.getByTestId("mini-filter-cancelled")).toHaveAttribute("aria-pressed", "true");
    await expect(card(page, title).getByTestId("mini-status")).toHaveText("Cancelled");
    await expect(card(page, title)).toContainText(/cancelled (just now|\d+ minutes? ago)/);
    await page.getByTestId("mini-filter-open").click();
    await expect(page.getByTestId("mini-empty-filter")).toHaveText("No requests waiting for a mentor.");
    await page.getByTestId("mini-filter-cancelled").click();
    await page.screenshot({ path: `${SHOTS}/mini-student-cancelled.png`, fullPage: true });

    // ---- "Post again" opens the form with the same answers ----
    await card(page, title).getByTestId("mini-post-again").click();
    await expect(page).toHaveURL(new RegExp(`/mini-sessions/new\\?from=${requestId}$`));
    await expect(page.getByLabel("Title")).toHaveValue(title);
    await expect(page.getByLabel("What kind of help?")).toHaveValue("resume_review");
    await expect(page.getByLabel("Resume link")).toHaveValue("https://example.com/rin-cv.pdf");
    await expect(page.getByRole("radio", { name: "60 minutes" })).toBeChecked();
  } finally {
    await context.close();
  }
});

test("the student follows a claim and a schedule live: who claimed it, then the time in their zone with the mentor's beside it", async ({ browser }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const email = `mini-follow-${stamp}@example.com`;
  const name = `Noa Student ${stamp}`;
  const uid = await createMember({ name, email, role: "mentee" });
  const db = getFirestore(adminApp());
  await db.doc(paths.user(uid)).update({ timezone: ZONE });
  const mentor = await mentorWithHours(stamp, "mini-follow");
  const title = `Talk through a career change ${stamp}`;
  // Tomorrow to three days on, 09:00–12:00 in Tokyo: inside the London mentor's all-day hours.
  const posted = (await callAs(email, TEST_PASSWORD, "postMiniRequest", {
    title,
    sessionType: "career_advice",
    description: "I am moving from teaching into product management and would like advice on where to start.",
    durationMinutes: 30,
    urgency: "normal",
    preferredDateStart: localDateIn(ZONE, Date.now() + DAY),
    preferredDateEnd: localDateIn(ZONE, Date.now() + 3 * DAY),
    preferredTimeSlots: [{ from: "09:00", to: "12:00" }],
    timezone: ZONE,
  })) as { requestId: string };

  const context = await browser.newContext({ timezoneId: "UTC" });
  const page = await context.newPage();
  try {
    await signInOn(page, email, TEST_PASSWORD);
    await page.goto("/mini-sessions");
    await expect(count(page, "open")).toHaveText("1");
    await expect(card(page, title)).toContainText("Career advice · 30 minutes · Normal urgency");

    // ---- A mentor claims it: the list moves it to Claimed while the page is open ----
    await callAs(mentor.email, TEST_PASSWORD, "claimMiniRequest", { requestId: posted.requestId });
    await expect(count(page, "claimed")).toHaveText("1");
    await expect(count(page, "open")).toHaveText("0");
    await page.getByTestId("mini-filter-claimed").click();
    await expect(card(page, title)).toContainText(`Claimed by ${mentor.name}`);
    await expect(card(page, title).getByRole("link", { name: mentor.name })).toHaveAttribute("href", `/mentors/${mentor.uid}`);

    await card(page, title).getByRole("link", { name: title }).click();
    await expect(page.getByTestId("mini-detail-status")).toHaveText("Claimed");
    await expect(page.getByTestId("mini-claimer")).toContainText(`Claimed by ${mentor.name}`);
    await expect(page.getByText(/To be scheduled by .+ \(in (2 days|48 hours|47 hours)\); otherwise it goes back on the board\./)).toBeVisible();

    // ---- The mentor schedules it by phone: the request's page shows the session, both clocks and the number ----
    const slots = (await callAs(mentor.email, TEST_PASSWORD, "getMiniSlots", { requestId: posted.requestId, timeZone: MENTOR_ZONE })) as {
      days: { slots: { startMs: number }[] }[];
    };
    const startMs = slots.days[0]!.slots[0]!.startMs;
    const scheduled = (await callAs(mentor.email, TEST_PASSWORD, "scheduleMiniSession", {
      requestId: posted.requestId,
      startMs,
      meetingType: "phone",
      phone: "+44 20 7946 0000",
    })) as { sessionId: string };
    await expect(page.getByTestId("mini-detail-status")).toHaveText("Scheduled");
    const session = page.getByTestId("mini-detail-session");
    await expect(session.getByTestId("mini-my-time")).toContainText(`${clock(startMs, ZONE)}–${clock(startMs + 30 * 60_000, ZONE)}`);
    await expect(session).toContainText(`${mentor.name}'s time (Europe/London)`);
    await expect(session.getByTestId("mini-their-time")).toContainText(clock(startMs, MENTOR_ZONE));
    await expect(session).toContainText("Phone call");
    await expect(session.getByRole("link", { name: "+44 20 7946 0000" })).toHaveAttribute("href", "tel:+442079460000");
    await expect(session.getByRole("link", { name: "Open session" })).toHaveAttribute("href", `/sessions/${scheduled.sessionId}`);
    // A phone call has nothing to join, so no Join button (a video session shows the session engine's).
    await expect(session.getByTestId("join-session")).toHaveCount(0);
    await expect(page.getByTestId("mini-timeline").getByRole("listitem")).toHaveText([/Posted/, /Claimed by a mentor/, /Scheduled/, /Completed\s*Next/]);
    await page.screenshot({ path: `${SHOTS}/mini-student-scheduled.png`, fullPage: true });
    // At phone width the facts stack and nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    // The sidebar becomes a closed drawer at this width; wait out its slide so the screenshot shows the page.
    await expect(page.locator(".sidebar")).toBeHidden();
    await expect(session.getByTestId("mini-their-time")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/mini-student-scheduled-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    // ---- The list: under Scheduled, with the time in the student's zone and the mentor's beside it ----
    await page.getByRole("link", { name: "← My requests" }).click();
    await expect(count(page, "scheduled")).toHaveText("1");
    await expect(count(page, "claimed")).toHaveText("0");
    await page.getByTestId("mini-filter-scheduled").click();
    await expect(card(page, title)).toContainText(clock(startMs, ZONE));
    await expect(card(page, title).getByTestId("their-time")).toContainText(`${mentor.name}: ${clock(startMs, MENTOR_ZONE)}`);

    // ---- The session page names it a mini session and leads back to the request ----
    await card(page, title).getByRole("link", { name: title }).click();
    await page.getByTestId("mini-detail-session").getByRole("link", { name: "Open session" }).click();
    await expect(page.getByRole("heading", { name: `Mini session with ${mentor.name}`, level: 1 })).toBeVisible();
    await expect(page.getByText(title).first()).toBeVisible();
    await expect(page.getByTestId("reschedule-session")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "+44 20 7946 0000" })).toBeVisible();
    await expect(page.getByTestId("join-session")).toHaveCount(0);
    await page.getByRole("link", { name: "← The mini session request" }).click();
    await expect(page).toHaveURL(new RegExp(`/mini-sessions/${posted.requestId}$`));

    // ---- Cancelling a scheduled request tells the mentor and cancels the session with it ----
    await page.getByTestId("mini-cancel").click();
    await expect(page.getByText("Cancel this request? The scheduled session is cancelled with it.")).toBeVisible();
    await page.getByRole("button", { name: "Yes, cancel request" }).click();
    await expect(page.getByText(`Request cancelled. ${mentor.name} has been told.`)).toBeVisible();
    await expect(page.getByTestId("mini-detail-status")).toHaveText("Cancelled");
    await expect.poll(async () => (await db.doc(paths.session(scheduled.sessionId)).get()).get("status")).toBe("cancelled");
  } finally {
    await context.close();
  }
});
