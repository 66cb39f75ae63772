import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { matchIdOf, paths } from "@mentormatch/shared";
import { getFirestore } from "firebase-admin/firestore";
import { TEST_PASSWORD, adminApp, signInOn } from "./accounts";
import { MENTEE_ZONE, MENTOR_ZONE, MINUTE, menteeMatchedWith, mentorWithHours, pageIn } from "./sessions-setup";

const SHOTS = "artifacts/screenshots";
const TAKEN = "That time was just taken — pick another.";

const clock = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(ms));
const weekday = (ms: number, timeZone: string) => new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short" }).format(new Date(ms));
const icsUtc = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** The first free time on the booking page (its label and radio), and its start. */
async function firstSlot(page: Page) {
  const label = page.locator(".slot-list label.slot").first();
  const slot = label.getByRole("radio");
  await expect(slot).toBeVisible();
  return { label, slot, startMs: Number(await slot.getAttribute("value")) };
}

test("a mentee in Tokyo books a room with a London mentor, who accepts; Join opens 10 minutes before; .ics in UTC", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const mentor = await mentorWithHours(stamp);
  const mentee = await menteeMatchedWith(mentor, "Booker", stamp);
  const roomRoute = /^https:\/\/meet\.jit\.si\//;

  const menteePage = await pageIn(browser, MENTEE_ZONE);
  // The page's clock is Playwright's from the start, so the test can move it to just before the session later.
  await menteePage.clock.install();
  // The room is on the internet, which a test cannot reach: answer it locally.
  await menteePage.context().route(roomRoute, (route) => route.fulfill({ contentType: "text/html", body: "<title>Jitsi room</title><p>Room</p>" }));
  const mentorPage = await pageIn(browser, MENTOR_ZONE);
  try {
    await signInOn(menteePage, mentee.email, TEST_PASSWORD);
    await signInOn(mentorPage, mentor.email, TEST_PASSWORD);

    // ---- The mentee starts from their match on Requests ----
    await menteePage.goto("/requests");
    await menteePage.getByTestId("active-match").getByRole("link", { name: "Book a session" }).click();
    await expect(menteePage.getByRole("heading", { name: `Book a session with ${mentor.name}`, level: 1 })).toBeVisible();
    await menteePage.getByRole("radio", { name: "45 minutes" }).check();
    const { label: slotLabel, slot, startMs } = await firstSlot(menteePage);
    // My Tokyo time, with the mentor's London time beside it.
    await expect(slotLabel).toContainText(clock(startMs, MENTEE_ZONE));
    await expect(slotLabel).toContainText(`${mentor.name}: ${clock(startMs, MENTOR_ZONE)} ${weekday(startMs, MENTOR_ZONE)}`);
    await slot.check();
    await menteePage.getByLabel("Agenda").fill("Career plan for next year");
    await menteePage.getByRole("radio", { name: /^Paste my own link/ }).check();
    await menteePage.getByLabel("Your meeting link").fill("http://zoom.us/j/1");
    await menteePage.getByRole("button", { name: "Propose this time" }).click();
    // A refused link is named beside its field and nothing is sent.
    await expect(menteePage.getByText("Meeting links must start with https://")).toBeVisible();
    await menteePage.getByRole("radio", { name: /^Create a room/ }).check();
    await menteePage.screenshot({ path: `${SHOTS}/sessions-book.png`, fullPage: true });
    await menteePage.getByRole("button", { name: "Propose this time" }).click();
    await expect(menteePage.getByRole("heading", { name: `Session with ${mentor.name}`, level: 1 })).toBeVisible();
    await expect(menteePage.getByTestId("session-status")).toHaveText("Waiting for an answer");
    const sessionId = menteePage.url().split("/sessions/")[1]!;
    const stored = (await getFirestore(adminApp()).doc(paths.session(sessionId)).get()).data()!;
    expect(stored.startAt.toMillis()).toBe(startMs);
    expect(stored.durationMinutes).toBe(45);
    expect(stored.meetingLink).toMatch(roomRoute);
    const endMs = startMs + 45 * MINUTE;

    // ---- The mentor reviews it with the mentee's time beside, and accepts ----
    await mentorPage.goto("/sessions");
    const review = mentorPage.getByTestId("sessions-review").getByTestId("session-card");
    await expect(review).toHaveCount(1);
    await expect(review).toContainText(`${mentee.name} proposed this time.`);
    await expect(review).toContainText(clock(startMs, MENTOR_ZONE));
    await expect(review.getByTestId("their-time")).toHaveText(`${mentee.name}'s time: ${clock(startMs, MENTEE_ZONE)} ${weekday(startMs, MENTEE_ZONE)}`);
    await expect(review).toContainText("Career plan for next year");
    await mentorPage.screenshot({ path: `${SHOTS}/sessions-review.png`, fullPage: true });
    await review.getByRole("button", { name: "Accept" }).click();
    await expect(mentorPage.getByTestId("sessions-upcoming").getByTestId("session-card")).toHaveCount(1);
    await expect(mentorPage.getByTestId("sessions-review")).toHaveCount(0);

    // ---- The mentee sees it confirmed under Upcoming, live ----
    await menteePage.goto("/sessions");
    const upcoming = menteePage.getByTestId("sessions-upcoming").getByTestId("session-card");
    await expect(upcoming).toHaveCount(1);
    await expect(upcoming.getByTestId("session-status")).toHaveText("Confirmed");
    // More than 10 minutes before the start, Join is there but disabled.
    await expect(upcoming.getByRole("button", { name: "Join" })).toBeDisabled();
    await upcoming.getByRole("link", { name: new RegExp(`session with ${mentor.name}`) }).click();
    await expect(menteePage.getByRole("heading", { name: `Session with ${mentor.name}`, level: 1 })).toBeVisible();
    await expect(menteePage.getByTestId("session-their-time")).toContainText(clock(startMs, MENTOR_ZONE));

    // ---- Add to calendar: the .ics has the shared UID and UTC times ----
    const downloading = menteePage.waitForEvent("download");
    await menteePage.getByTestId("download-ics").click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`session-${sessionId}.ics`);
    const ics = await readFile((await download.path())!, "utf8");
    expect(ics).toContain(`UID:session-${sessionId}@mentormatch\r\n`);
    expect(ics).toContain(`DTSTART:${icsUtc(startMs)}\r\n`);
    expect(ics).toContain(`DTEND:${icsUtc(endMs)}\r\n`);
    expect(ics).toContain("METHOD:REQUEST\r\n");
    const google = new URL((await menteePage.getByRole("link", { name: /Google Calendar/ }).getAttribute("href"))!);
    expect(google.searchParams.get("dates")).toBe(`${icsUtc(startMs)}/${icsUtc(endMs)}`);

    // ---- Five minutes before the start, Join opens the room in a new tab ----
    await expect(menteePage.getByRole("button", { name: "Join" })).toBeDisabled();
    await menteePage.clock.setSystemTime(startMs - 5 * MINUTE);
    await menteePage.clock.fastForward(16_000);
    // The page's own Join (the 15-minute reminder toast carries another one).
    const join = menteePage.getByRole("main").getByRole("link", { name: /^Join/ });
    await expect(join).toBeVisible();
    await expect(join).toHaveAttribute("href", stored.meetingLink as string);
    await expect(join).toHaveAttribute("rel", "noopener noreferrer");
    await menteePage.screenshot({ path: `${SHOTS}/sessions-detail-join.png`, fullPage: true });
    const opening = menteePage.context().waitForEvent("page");
    await join.click();
    const room = await opening;
    await room.waitForLoadState();
    expect(room.url()).toBe(stored.meetingLink);
    await room.close();

    // ---- Once it has started it reads "Ongoing" ----
    await menteePage.clock.setSystemTime(startMs + MINUTE);
    await menteePage.clock.fastForward(16_000);
    await expect(menteePage.getByTestId("session-status")).toHaveText("Ongoing");
  } finally {
    await menteePage.context().close();
    await mentorPage.context().close();
  }
});

test("two mentees try the same time: the second is told it was just taken and gets fresh times", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const mentor = await mentorWithHours(stamp);
  const first = await menteeMatchedWith(mentor, "First", stamp);
  const second = await menteeMatchedWith(mentor, "Second", stamp);
  const firstPage = await pageIn(browser, MENTEE_ZONE);
  const secondPage = await pageIn(browser, MENTEE_ZONE);
  try {
    await signInOn(firstPage, first.email, TEST_PASSWORD);
    await signInOn(secondPage, second.email, TEST_PASSWORD);
    await firstPage.goto(`/sessions/book/${matchIdOf(mentor.uid, first.uid)}`);
    await secondPage.goto(`/sessions/book/${matchIdOf(mentor.uid, second.uid)}`);
    const a = await firstSlot(firstPage);
    const b = await firstSlot(secondPage);
    expect(b.startMs).toBe(a.startMs);
    await a.slot.check();
    await b.slot.check();
    await secondPage.getByLabel("Agenda").fill("Kept after a refusal");

    await firstPage.getByRole("button", { name: "Propose this time" }).click();
    await expect(firstPage.getByRole("heading", { name: `Session with ${mentor.name}`, level: 1 })).toBeVisible();

    await secondPage.getByRole("button", { name: "Propose this time" }).click();
    await expect(secondPage.getByTestId("slot-error")).toHaveText(TAKEN);
    // The form is kept, and the fresh times no longer offer the taken one.
    await expect(secondPage.getByLabel("Agenda")).toHaveValue("Kept after a refusal");
    await expect(secondPage.locator(".slot-list input[type=radio]").first()).toBeVisible();
    await expect(secondPage.locator(`.slot-list input[value="${a.startMs}"]`)).toHaveCount(0);
    await secondPage.screenshot({ path: `${SHOTS}/sessions-taken.png`, fullPage: true });
    const booked = await getFirestore(adminApp()).collection(paths.sessions()).where("mentorId", "==", mentor.uid).get();
    expect(booked.docs.map((doc) => doc.get("menteeId"))).toEqual([first.uid]);
  } finally {
    await firstPage.context().close();
    await secondPage.context().close();
  }
});
