import { expect, test, type Page } from "@playwright/test";
import { TEST_PASSWORD, createMember, signInOn } from "./accounts";

const SHOTS = "artifacts/screenshots";
const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });
const thread = (page: Page) => page.getByTestId("support-thread");
const bubbles = (page: Page) => thread(page).getByTestId("support-message");

test("a mentee asks programme support, an admin answers and closes, and the mentee sees it all live", async ({ browser }) => {
  // Fresh people, so seeded users and other specs' data stay as they are.
  const stamp = Date.now().toString(36);
  const subject = `Cannot find my mentor's chat ${stamp}`;
  const question = "Since yesterday the chat with my mentor is gone from Messages. Can you help?";
  const answer = "Thanks for telling us. Your mentor's match was paused by mistake; it is back now: https://example.com/status";
  const menteeEmail = `support-mentee-${stamp}@example.com`;
  const adminEmail = `support-admin-${stamp}@example.com`;
  await createMember({ name: `Sasha Asks ${stamp}`, email: menteeEmail, role: "mentee" });
  await createMember({ name: `Ada Helps ${stamp}`, email: adminEmail, role: "admin" });

  const menteeContext = await browser.newContext();
  const adminContext = await browser.newContext();
  try {
    // ---- The mentee opens Help & support from the sidebar and starts a conversation ----
    const mentee = await menteeContext.newPage();
    await signInOn(mentee, menteeEmail, TEST_PASSWORD);
    await expect(nav(mentee).getByRole("link", { name: "Support inbox" })).toHaveCount(0);
    await nav(mentee).getByRole("link", { name: "Help & support" }).click();
    await expect(mentee.getByRole("heading", { name: "Help & support", level: 1 })).toBeVisible();
    await expect(mentee.getByText("No conversations yet")).toBeVisible();
    await mentee.getByTestId("support-new").click();
    await expect(mentee).toHaveURL(/\/support\/new$/);

    // An empty form shows what is missing next to each field, and sends nothing.
    await mentee.getByRole("button", { name: "Send to programme support" }).click();
    await expect(mentee.getByText("Give the conversation a subject.")).toBeVisible();
    await expect(mentee.getByText("Write a message.")).toBeVisible();
    await expect(mentee.getByLabel("Subject")).toHaveAttribute("aria-invalid", "true");

    await mentee.getByLabel("Subject").fill(subject);
    await mentee.getByLabel("Message").fill(question);
    await mentee.getByRole("button", { name: "Send to programme support" }).click();
    await expect(mentee).toHaveURL(/\/support\/[A-Za-z0-9]{20}$/);
    const threadPath = new URL(mentee.url()).pathname;
    const threadId = threadPath.split("/").pop()!;
    await expect(thread(mentee).getByRole("heading", { name: subject })).toBeVisible();
    await expect(thread(mentee).getByTestId("support-status")).toHaveText("Open");
    await expect(bubbles(mentee)).toHaveCount(1);
    await expect(bubbles(mentee).first()).toContainText(question);
    await expect(mentee.getByTestId("support-row").filter({ hasText: subject })).toBeVisible();

    // ---- An admin sees it in the support inbox, unread, with the open count in the sidebar ----
    const admin = await adminContext.newPage();
    await signInOn(admin, adminEmail, TEST_PASSWORD);
    await expect(admin.getByTestId("support-badge")).toBeVisible();
    await nav(admin).getByRole("link", { name: /Support inbox/ }).click();
    await expect(admin.getByRole("heading", { name: "Support inbox", level: 1 })).toBeVisible();
    // The demo's seeded conversations are there too: an unanswered question, and a closed one under "Recently closed".
    await expect(admin.getByTestId("support-row").filter({ hasText: "Can I have a second mentor for public speaking?" })).toHaveAttribute("data-status", "open");
    await expect(admin.getByTestId("support-row").filter({ hasText: "Session reminder emails arrive twice" })).toHaveAttribute("data-status", "closed");
    const row = admin.getByTestId("support-row").filter({ hasText: subject });
    await expect(row).toHaveAttribute("data-unread", "true");
    await expect(row).toContainText(`Sasha Asks ${stamp}`);
    await expect(row.getByTestId("support-unread")).toBeVisible();
    await row.click();
    await expect(admin).toHaveURL(new RegExp(`/admin/support/${threadId}$`));
    await expect(bubbles(admin).first()).toContainText(question);
    await expect(bubbles(admin).first()).toContainText(`Sasha Asks ${stamp}`);
    // Opening it clears the admins' unread flag.
    await expect(row).toHaveAttribute("data-unread", "false");

    // ---- The admin answers; the mentee sees it arrive without reloading ----
    await admin.getByTestId("support-composer").fill(answer);
    await admin.getByTestId("support-composer").press("Enter");
    await expect(bubbles(admin)).toHaveCount(2);
    await expect(admin.getByTestId("support-composer")).toHaveValue("");

    const reply = bubbles(mentee).filter({ hasText: "Your mentor's match was paused" });
    await expect(reply).toBeVisible();
    await expect(reply).toHaveAttribute("data-author-role", "admin");
    await expect(reply).toContainText(`Ada Helps ${stamp} (programme support)`);
    // Links in messages are clickable, and open safely in a new tab.
    await expect(reply.getByRole("link", { name: "https://example.com/status" })).toHaveAttribute("rel", "noopener noreferrer");
    await mentee.screenshot({ path: `${SHOTS}/support-thread.png` });

    // The mentee writes back; the admin sees it live.
    await mentee.getByTestId("support-composer").fill("It is back, thank you!");
    await mentee.getByRole("button", { name: "Send", exact: true }).click();
    await expect(bubbles(admin).filter({ hasText: "It is back, thank you!" })).toBeVisible();

    // ---- The admin closes it with a note; the mentee can no longer write ----
    await admin.getByTestId("support-close").click();
    await admin.getByTestId("support-close-note").fill("Glad it is sorted. Reopen this if it happens again.");
    await admin.getByTestId("support-close-confirm").click();
    await expect(thread(admin).getByTestId("support-status")).toHaveText("Closed");
    await expect(admin.getByTestId("support-composer")).toHaveCount(0);
    await admin.screenshot({ path: `${SHOTS}/support-inbox.png` });

    await expect(thread(mentee).getByTestId("support-status")).toHaveText("Closed");
    await expect(mentee.getByTestId("support-closed")).toContainText("This conversation is closed");
    await expect(thread(mentee).getByTestId("support-note")).toContainText("Glad it is sorted.");
    await expect(mentee.getByTestId("support-composer")).toHaveCount(0);
    await expect(mentee.getByTestId("support-reopen")).toBeVisible();

    // At phone width the open conversation is its own screen, with a way back to the list.
    await mentee.setViewportSize({ width: 390, height: 844 });
    await expect(thread(mentee)).toBeVisible();
    await expect(thread(mentee).getByRole("link", { name: "All conversations" })).toBeVisible();
  } finally {
    await menteeContext.close();
    await adminContext.close();
  }
});
