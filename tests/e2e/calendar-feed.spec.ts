import { expect, test } from "@playwright/test";
import { icsUid } from "@mentormatch/shared/scheduling";
import { TEST_PASSWORD, callAs, signInOn } from "./accounts";
import { menteeMatchedWith, mentorWithHours, pageIn } from "./sessions-setup";

const SHOTS = "artifacts/screenshots";

test("Settings: a mentee turns on the calendar feed, copies it, subscribes; a new address kills the old one; off", async ({ browser }) => {
  // Five callables on first use, each a cold start of its own in the functions emulator on a busy machine.
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const mentor = await mentorWithHours(stamp, "feed");
  const mentee = await menteeMatchedWith(mentor, "Feed", stamp);
  const slots = (await callAs(mentee.email, TEST_PASSWORD, "getBookableSlots", { matchId: `${mentor.uid}_${mentee.uid}`, durationMinutes: 30 })) as {
    days: { slots: { startMs: number }[] }[];
  };
  const startMs = slots.days[0]!.slots[0]!.startMs;
  const { sessionId } = (await callAs(mentee.email, TEST_PASSWORD, "bookSession", {
    matchId: `${mentor.uid}_${mentee.uid}`,
    startMs,
    durationMinutes: 30,
    agenda: "Feed check",
  })) as { sessionId: string };

  const page = await pageIn(browser, "Europe/Berlin");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  try {
    await signInOn(page, mentee.email, TEST_PASSWORD);
    await page.goto("/settings");
    const panel = page.getByTestId("calendar-feed");
    await expect(panel.getByRole("heading", { name: "Calendar feed" })).toBeVisible();
    await panel.getByRole("button", { name: "Turn on calendar feed" }).click();

    const address = panel.getByLabel("Feed address");
    await expect(address).toHaveValue(/^http:\/\/127\.0\.0\.1:4173\/calendar\/[A-Za-z0-9_-]{43}\.ics$/, { timeout: 60_000 });
    const url = await address.inputValue();
    const webcal = url.replace(/^http:/, "webcal:");
    await expect(panel.getByRole("link", { name: "Subscribe in Google Calendar" })).toHaveAttribute(
      "href",
      `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcal)}`,
    );
    const outlook = new URL((await panel.getByRole("link", { name: "Subscribe in Outlook" }).getAttribute("href"))!);
    expect(outlook.searchParams.get("url")).toBe(url);
    await expect(panel.getByRole("link", { name: "Open in my calendar app" })).toHaveAttribute("href", webcal);

    await panel.getByRole("button", { name: "Copy link" }).click();
    await expect(page.getByText("Feed address copied.")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await page.screenshot({ path: `${SHOTS}/settings-calendar-feed.png`, fullPage: true });

    // The copied address serves the booked session (through the preview server, as Hosting would).
    const feed = await page.request.get(url);
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    const ics = (await feed.text()).replace(/\r\n /g, "");
    expect(ics).toContain(`UID:${icsUid(sessionId)}`);
    expect(ics).toContain("STATUS:TENTATIVE");
    expect(ics).toContain("DESCRIPTION:Feed check");

    // Back later: the address is not shown again (only its hash is kept); a new one stops the old.
    await page.reload();
    await expect(panel.getByRole("status")).toContainText("Your calendar feed is on, since");
    await expect(panel.getByLabel("Feed address")).toHaveCount(0);
    await panel.getByRole("button", { name: "Get a new address" }).click();
    await expect(panel.getByRole("group", { name: "Get a new feed address" })).toContainText("stops working at once");
    await panel.getByRole("button", { name: "Yes, new address" }).click();
    await expect(page.getByText("New feed address ready. The old one no longer works.")).toBeVisible();
    const newUrl = await panel.getByLabel("Feed address").inputValue();
    expect(newUrl).not.toBe(url);
    expect((await page.request.get(url)).status()).toBe(404);
    expect((await page.request.get(newUrl)).status()).toBe(200);

    // Off: the address answers 404 and the panel offers to turn it on again.
    await panel.getByRole("button", { name: "Turn off" }).click();
    await panel.getByRole("button", { name: "Yes, turn off" }).click();
    await expect(page.getByText("Calendar feed off. Subscribed calendars stop updating.")).toBeVisible();
    await expect(panel.getByRole("button", { name: "Turn on calendar feed" })).toBeVisible();
    expect((await page.request.get(newUrl)).status()).toBe(404);
  } finally {
    await page.context().close();
  }
});
