import { expect, test, type Page } from "@playwright/test";
import { TEST_PASSWORD, callAs, createMember, signedInPage } from "./accounts";

const SHOTS = "artifacts/screenshots";
async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });
const messagesLink = (page: Page) => nav(page).getByRole("link", { name: /^Messages/ });
const messagesBadge = (page: Page) => page.getByTestId("messages-badge");

test("a mentee and a mentor chat live: unread counter, typing, read receipt, phone layout, paging, closed when the match ends", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const mentorName = `Ada Chat ${stamp}`;
  const menteeName = `Sam Chat ${stamp}`;
  const mentorEmail = `chat-mentor-${stamp}@example.com`;
  const menteeEmail = `chat-mentee-${stamp}@example.com`;
  const mentorId = await createMember({ name: mentorName, email: mentorEmail, role: "mentor", title: "Staff Engineer" });
  await createMember({ name: menteeName, email: menteeEmail, role: "mentee", title: "Junior Engineer" });
  const { matchId } = (await callAs(menteeEmail, TEST_PASSWORD, "requestMatch", { mentorId, message: `Could you mentor me? (${stamp})` })) as { matchId: string };
  await callAs(mentorEmail, TEST_PASSWORD, "acceptMatch", { matchId });

  const mentee = await signedInPage(browser, menteeEmail, TEST_PASSWORD);
  const mentor = await signedInPage(browser, mentorEmail, TEST_PASSWORD);
  try {
    // ---- The mentee reaches the fresh chat from the active match on the Requests page ----
    await nav(mentee).getByRole("link", { name: /^Requests/ }).click();
    await mentee.getByTestId("active-match").filter({ hasText: mentorName }).getByRole("link", { name: "Message" }).click();
    await expect(mentee).toHaveURL(new RegExp(`/messages/${matchId}$`));
    await expect(mentee.getByRole("heading", { name: "Say hello" })).toBeVisible();
    await expect(mentee.getByRole("heading", { name: mentorName, level: 2 })).toBeVisible();
    await shot(mentee, "40-chat-say-hello");

    // ---- The mentee writes; Shift+Enter is a new line, Enter sends ----
    const box = mentee.getByLabel(`Message ${mentorName}`);
    await box.pressSequentially("Hi Ada!");
    await box.press("Shift+Enter");
    await box.pressSequentially("Notes: https://example.com/plan.");
    await box.press("Enter");
    await expect(box).toHaveValue("");
    const sent = mentee.getByTestId("message").filter({ hasText: "Hi Ada!" });
    await expect(sent).toBeVisible();
    await expect(sent.getByRole("link", { name: "https://example.com/plan" })).toHaveAttribute("rel", "noopener noreferrer");
    await expect(mentee.getByTestId("receipt")).toHaveText(/Sent/);

    // ---- The mentor's sidebar counts it, live; opening the chat clears it ----
    await expect(messagesBadge(mentor)).toHaveText("1");
    await expect(messagesLink(mentor)).toHaveAccessibleName(/1 unread message/);
    await messagesLink(mentor).click();
    const row = mentor.getByTestId("chat-row").filter({ hasText: menteeName });
    await expect(row).toContainText("Hi Ada!");
    await expect(row.getByTestId("chat-unread")).toContainText("1");
    await shot(mentor, "41-chat-list-unread");
    await row.click();
    await expect(mentor.getByTestId("message").filter({ hasText: "Hi Ada!" })).toBeVisible();
    await expect(messagesBadge(mentor)).toHaveCount(0);
    // ---- …and the mentee sees it was read ----
    await expect(mentee.getByTestId("receipt")).toHaveText(/Read/);
    await expect(mentor.getByTestId("presence")).toContainText("online");

    // ---- The mentor types: the mentee sees it; the reply arrives live ----
    const reply = mentor.getByLabel(`Message ${menteeName}`);
    await reply.pressSequentially("Hello Sam");
    await expect(mentee.getByTestId("typing")).toHaveText(`${mentorName.split(" ")[0]} is typing…`);
    await shot(mentee, "42-chat-typing");
    await reply.press("Enter");
    await expect(mentee.getByTestId("message").filter({ hasText: "Hello Sam" })).toBeVisible();
    await expect(mentee.getByTestId("typing")).toHaveText("", { timeout: 6_000 });
    await expect(mentor.getByTestId("receipt")).toHaveText(/Read/);
    await shot(mentor, "43-chat-conversation");

    // ---- Phone width: the conversation is its own screen, with a way back to the list ----
    await mentee.setViewportSize({ width: 390, height: 844 });
    await expect(nav(mentee)).toBeHidden();
    await expect(mentee.getByRole("link", { name: "All conversations" })).toBeVisible();
    await shot(mentee, "44-phone-chat-conversation");
    await mentee.getByRole("link", { name: "All conversations" }).click();
    await expect(mentee.getByTestId("chat-row").filter({ hasText: mentorName })).toBeVisible();
    await shot(mentee, "45-phone-chat-list");

    // ---- Paging: with more than a page of messages, the oldest come back with "Load older messages" ----
    for (let n = 1; n <= 30; n += 1) {
      await reply.fill(`Point ${n}`);
      await reply.press("Enter");
      await expect(reply).toHaveValue("");
    }
    await expect(mentor.getByTestId("message").filter({ hasText: "Point 30" })).toBeVisible();
    await mentee.setViewportSize({ width: 1280, height: 720 });
    await mentee.goto(`/messages/${matchId}`);
    await expect(mentee.getByTestId("message").filter({ hasText: /^(You|Ada.*): Point 30/ })).toBeVisible();
    await expect(mentee.getByTestId("message")).toHaveCount(30);
    await expect(mentee.getByTestId("message").filter({ hasText: "Hi Ada!" })).toHaveCount(0);
    await mentee.getByRole("button", { name: "Load older messages" }).click();
    await expect(mentee.getByTestId("message").filter({ hasText: "Hi Ada!" })).toBeVisible();
    await expect(mentee.getByTestId("message")).toHaveCount(32);
    await expect(mentee.getByRole("button", { name: "Load older messages" })).toHaveCount(0);

    // ---- The match ends: the chat stays readable, read-only, on both sides, live ----
    await callAs(mentorEmail, TEST_PASSWORD, "endMatch", { matchId });
    await expect(mentee.getByTestId("chat-closed")).toContainText("read-only");
    await expect(mentor.getByTestId("chat-closed")).toContainText("read-only");
    await expect(mentee.getByLabel(`Message ${mentorName}`)).toHaveCount(0);
    await expect(mentee.getByTestId("message").filter({ hasText: "Point 30" })).toBeVisible();
    await expect(mentee.getByTestId("chat-row").filter({ hasText: mentorName })).toBeVisible();
    await shot(mentee, "46-chat-closed");
  } finally {
    await mentee.context().close();
    await mentor.context().close();
  }
});
