import { expect, test, type Browser, type Page } from "@playwright/test";
import { TEST_PASSWORD, callAs, createMember, signInOn } from "./accounts";

const SHOTS = "artifacts/screenshots";

interface Recorded {
  title: string;
  body?: string;
  tag?: string;
}
declare global {
  interface Window {
    __notifications: Recorded[];
    __notificationInstances: Notification[];
    __hidden: boolean;
  }
}

/**
 * Records every `new Notification(…)` (the real constructor still runs) and lets the test hide the tab: the
 * page's document.visibilityState / hidden follow window.__hidden, and the test dispatches visibilitychange.
 */
function recordNotifications() {
  window.__notifications = [];
  window.__notificationInstances = [];
  // A page's own init script may have hidden it already (the order of init scripts is not defined).
  window.__hidden ??= false;
  {
    const Real = window.Notification;
    class Recording extends Real {
      constructor(title: string, options?: NotificationOptions) {
        window.__notifications.push({ title, body: options?.body, tag: options?.tag });
        super(title, options);
        window.__notificationInstances.push(this);
      }
    }
    window.Notification = Recording;
    Object.defineProperty(Document.prototype, "visibilityState", { configurable: true, get: () => (window.__hidden ? "hidden" : "visible") });
    Object.defineProperty(Document.prototype, "hidden", { configurable: true, get: () => window.__hidden });
  }
}

async function openPage(browser: Browser, email: string, options: { notifications: boolean }): Promise<Page> {
  const context = await browser.newContext();
  if (options.notifications) await context.grantPermissions(["notifications"]);
  await context.addInitScript(recordNotifications);
  const page = await context.newPage();
  await signInOn(page, email, TEST_PASSWORD);
  return page;
}

async function setHidden(page: Page, hidden: boolean) {
  await page.evaluate((value) => {
    window.__hidden = value;
    document.dispatchEvent(new Event("visibilitychange"));
  }, hidden);
}
const recorded = (page: Page) => page.evaluate(() => window.__notifications);

test("a new message in a background tab shows one desktop notification; my own and old ones none; offline sends wait as Sending…", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const mentorName = `Nia Notify ${stamp}`;
  const menteeName = `Omar Notify ${stamp}`;
  const mentorEmail = `notify-mentor-${stamp}@example.com`;
  const menteeEmail = `notify-mentee-${stamp}@example.com`;
  const mentorId = await createMember({ name: mentorName, email: mentorEmail, role: "mentor" });
  await createMember({ name: menteeName, email: menteeEmail, role: "mentee" });
  const { matchId } = (await callAs(menteeEmail, TEST_PASSWORD, "requestMatch", { mentorId, message: `Notify me (${stamp})` })) as { matchId: string };
  await callAs(mentorEmail, TEST_PASSWORD, "acceptMatch", { matchId });

  // The mentee has not allowed notifications: the Messages page offers to turn them on.
  const mentee = await openPage(browser, menteeEmail, { notifications: false });
  // The mentor allowed them; one tab is on Messages.
  const mentor = await openPage(browser, mentorEmail, { notifications: true });
  try {
    await mentee.goto(`/messages/${matchId}`);
    await expect(mentee.getByRole("button", { name: "Turn on desktop notifications" })).toBeVisible();
    const box = mentee.getByLabel(`Message ${mentorName}`);
    await box.fill("An earlier message");
    await box.press("Enter");
    await expect(mentee.getByTestId("receipt")).toHaveText(/Sent/);

    await mentor.goto("/messages");
    await expect(mentor.getByTestId("notification-switch")).toContainText("Desktop notifications are on");
    await expect(mentor.getByTestId("chat-row").filter({ hasText: "An earlier message" })).toBeVisible();
    // A second tab of the mentor's, hidden from the start: what was there when it loaded is not news.
    const secondTab = await mentor.context().newPage();
    await secondTab.addInitScript(() => {
      window.__hidden = true;
    });
    await secondTab.goto("/messages");
    await expect(secondTab.getByTestId("chat-row").filter({ hasText: "An earlier message" })).toBeVisible();
    await setHidden(mentor, true);
    expect(await recorded(mentor)).toEqual([]);
    expect(await recorded(secondTab)).toEqual([]);

    // ---- A new message while both of the mentor's tabs are in the background: one notification, in one tab ----
    await box.fill("Can we move our session to Friday?");
    await box.press("Enter");
    await expect.poll(async () => [...(await recorded(mentor)), ...(await recorded(secondTab))]).toEqual([
      { title: menteeName, body: "Can we move our session to Friday?", tag: matchId },
    ]);
    await expect(secondTab.getByTestId("chat-row").filter({ hasText: "Can we move our session to Friday?" })).toBeVisible();
    await expect(mentor.getByTestId("chat-row").filter({ hasText: "Can we move our session to Friday?" })).toBeVisible();
    await mentor.waitForTimeout(1_000);
    const shownIn = (await recorded(mentor)).length === 1 ? mentor : secondTab;
    expect([...(await recorded(mentor)), ...(await recorded(secondTab))]).toHaveLength(1);

    // ---- Clicking it brings the tab forward and opens the conversation ----
    await shownIn.evaluate(() => {
      const notification = window.__notificationInstances[0]!;
      notification.onclick?.call(notification, new Event("click"));
    });
    await expect(shownIn).toHaveURL(new RegExp(`/messages/${matchId}$`));

    // ---- My own message (written in the other tab) is no news to me ----
    const writer = shownIn === mentor ? secondTab : mentor;
    const background = shownIn;
    await setHidden(writer, false);
    await setHidden(background, true);
    await writer.goto(`/messages/${matchId}`);
    const before = await recorded(background);
    expect(before).toHaveLength(1);
    const reply = writer.getByLabel(`Message ${menteeName}`);
    await reply.fill("Friday works for me");
    await reply.press("Enter");
    await expect(writer.getByTestId("receipt")).toHaveText(/Sent|Read/);
    await expect(mentee.getByTestId("message").filter({ hasText: "Friday works for me" })).toBeVisible();
    // The hidden tab did get it (its list says so), and showed nothing for it.
    await expect(background.getByTestId("chat-row").filter({ hasText: "You: Friday works for me" })).toBeVisible();
    await background.waitForTimeout(1_000);
    expect(await recorded(background)).toEqual(before);
    expect(await recorded(writer)).toEqual([]);

    // ---- Offline: the mentee's message waits as "Sending…" and goes out once on reconnect ----
    await mentee.context().setOffline(true);
    await box.fill("Written in a tunnel");
    await box.press("Enter");
    await expect(box).toHaveValue("");
    const pending = mentee.getByTestId("message").filter({ hasText: "Written in a tunnel" });
    await expect(pending).toBeVisible();
    await expect(mentee.getByTestId("receipt")).toHaveText(/Sending/);
    await mentee.screenshot({ path: `${SHOTS}/47-chat-offline-sending.png` });
    await writer.waitForTimeout(2_000);
    await expect(writer.getByTestId("message").filter({ hasText: "Written in a tunnel" })).toHaveCount(0);
    await expect(mentee.getByTestId("receipt")).toHaveText(/Sending/);
    // While the network was down the SDK's WebSocket attempts failed, so it marked WebSocket as failed and would
    // come back over long polling first: production and the official emulator serve that, the local stand-in
    // (firebase-server) answers 426. Clearing the SDK's marker keeps the reconnect on WebSocket on either.
    await mentee.evaluate(() => localStorage.removeItem("firebase:previous_websocket_failure"));
    await mentee.context().setOffline(false);
    await expect(mentee.getByTestId("receipt")).toHaveText(/Sent|Read/, { timeout: 20_000 });
    await expect(writer.getByTestId("message").filter({ hasText: "Written in a tunnel" })).toHaveCount(1);
    await expect(mentee.getByTestId("message").filter({ hasText: "Written in a tunnel" })).toHaveCount(1);
    await writer.waitForTimeout(1_000);
    await expect(writer.getByTestId("message").filter({ hasText: "Written in a tunnel" })).toHaveCount(1);
  } finally {
    await mentee.context().close();
    await mentor.context().close();
  }
});
