import { expect, test, type Page } from "@playwright/test";
import { TEST_PASSWORD, callAs, createMember, signedInPage } from "./accounts";

const SHOTS = "artifacts/screenshots";

async function say(page: Page, to: string, text: string) {
  const box = page.getByLabel(`Message ${to}`);
  await box.fill(text);
  await box.press("Enter");
  await expect(box).toHaveValue("");
}

test("search within a conversation and across conversations, open a result at its message, archive and unarchive", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const mentorName = `Rhea Search ${stamp}`;
  const firstName = `Tomas Search ${stamp}`;
  const secondName = `Uma Search ${stamp}`;
  const mentorEmail = `search-mentor-${stamp}@example.com`;
  const firstEmail = `search-first-${stamp}@example.com`;
  const secondEmail = `search-second-${stamp}@example.com`;
  const mentorId = await createMember({ name: mentorName, email: mentorEmail, role: "mentor" });
  await createMember({ name: firstName, email: firstEmail, role: "mentee" });
  await createMember({ name: secondName, email: secondEmail, role: "mentee" });
  const open = async (email: string) => {
    const { matchId } = (await callAs(email, TEST_PASSWORD, "requestMatch", { mentorId, message: `Search with me (${stamp})` })) as { matchId: string };
    await callAs(mentorEmail, TEST_PASSWORD, "acceptMatch", { matchId });
    return matchId;
  };
  const firstChat = await open(firstEmail);
  const secondChat = await open(secondEmail);

  const first = await signedInPage(browser, firstEmail, TEST_PASSWORD);
  const second = await signedInPage(browser, secondEmail, TEST_PASSWORD);
  const mentor = await signedInPage(browser, mentorEmail, TEST_PASSWORD);
  try {
    await first.goto(`/messages/${firstChat}`);
    await say(first, mentorName, "Let's review the café roadmap on Thursday");
    await say(first, mentorName, "Also: the budget (approx.) is $5+");
    await second.goto(`/messages/${secondChat}`);
    await say(second, mentorName, "Kickoff notes: the quokka plan");
    // More than a page after it, so opening that result has to load older messages.
    for (let n = 1; n <= 31; n += 1) await say(second, mentorName, `Point ${n}`);
    await say(second, mentorName, "Can we talk about the Cafe launch?");

    // ---- Across conversations: grouped by person, accents and case ignored ----
    await mentor.goto("/messages");
    const across = mentor.getByRole("search", { name: "Search all conversations" });
    await across.getByRole("searchbox").fill("   ");
    await across.getByRole("button", { name: "Search" }).click();
    await expect(across.getByRole("alert")).toHaveText("Type a word to search for.");
    await across.getByRole("searchbox").fill("CAFE");
    await across.getByRole("button", { name: "Search" }).click();
    const results = mentor.getByTestId("search-across-results");
    await expect(results.getByTestId("search-group")).toHaveCount(2);
    const firstGroup = results.getByTestId("search-group").filter({ hasText: firstName });
    await expect(firstGroup.locator("mark")).toHaveText(["café"]);
    await expect(results.getByTestId("search-group").filter({ hasText: secondName }).locator("mark")).toHaveText(["Cafe"]);
    await expect(mentor.getByTestId("chat-row")).toHaveCount(0);
    await mentor.screenshot({ path: `${SHOTS}/48-chat-search-across.png` });
    await across.getByRole("searchbox").fill("no such words here");
    await across.getByRole("button", { name: "Search" }).click();
    await expect(results.getByTestId("search-empty")).toContainText("No messages match");
    await results.getByRole("button", { name: "Clear search" }).click();
    await expect(mentor.getByTestId("chat-row")).toHaveCount(2);

    // ---- A result further back than the loaded page opens the chat at that message ----
    await across.getByRole("searchbox").fill("quokka");
    await across.getByRole("searchbox").press("Enter");
    await results.getByTestId("search-result").filter({ hasText: "quokka" }).click();
    await expect(mentor).toHaveURL(new RegExp(`/messages/${secondChat}$`));
    const found = mentor.locator(".message-found");
    await expect(found).toContainText("Kickoff notes: the quokka plan");
    await expect(found).toBeFocused();
    await expect(found).toBeInViewport();
    await expect(mentor.getByTestId("message")).toHaveCount(33);

    // ---- Within a conversation: every word must match; results open at the message ----
    await mentor.goto(`/messages/${firstChat}`);
    await mentor.getByTestId("conversation-search-toggle").click();
    const inside = mentor.getByTestId("conversation-search");
    const box = inside.getByRole("searchbox");
    await expect(box).toBeFocused();
    await box.fill("thursday REVIEW");
    await box.press("Enter");
    await expect(inside.getByTestId("search-result")).toHaveCount(1);
    await expect(inside.getByTestId("search-result").locator("mark")).toHaveText(["review", "Thursday"]);
    await box.fill("(approx.) $5+");
    await box.press("Enter");
    await expect(inside.getByTestId("search-result")).toHaveCount(1);
    await expect(inside.getByTestId("search-result").locator("mark")).toHaveText(["(approx.)", "$5+"]);
    await expect(inside).toContainText("Searched the whole conversation.");
    await mentor.screenshot({ path: `${SHOTS}/49-chat-search-conversation.png` });
    await inside.getByTestId("search-result").click();
    await expect(mentor.locator(".message-found")).toContainText("budget (approx.)");
    await box.fill("dinner");
    await box.press("Enter");
    await expect(inside.getByTestId("search-empty")).toContainText("No messages match “dinner”.");
    await box.press("Escape");
    await expect(mentor.getByTestId("conversation-search")).toHaveCount(0);

    // ---- Archive: the conversation leaves the list; a new message keeps it archived but counts as unread ----
    await mentor.goto("/messages");
    const secondRow = mentor.getByTestId("chat-row").filter({ hasText: secondName });
    await mentor.getByRole("button", { name: `Archive conversation with ${secondName}` }).click();
    await expect(secondRow).toHaveCount(0);
    await expect(mentor.getByTestId("archived-toggle")).toContainText("Archived (1)");
    await say(second, mentorName, "Still there?");
    await expect(mentor.getByTestId("archived-unread")).toContainText("1");
    await expect(secondRow).toHaveCount(0);
    await expect(mentor.getByTestId("messages-badge")).toBeVisible();
    await mentor.getByTestId("archived-toggle").click();
    await expect(mentor.getByTestId("archived-toggle")).toHaveAttribute("aria-pressed", "true");
    await expect(secondRow).toContainText("Still there?");
    await expect(mentor.getByTestId("chat-row")).toHaveCount(1);
    await mentor.screenshot({ path: `${SHOTS}/50-chat-archived.png` });
    await mentor.getByRole("button", { name: `Unarchive conversation with ${secondName}` }).click();
    await expect(mentor.getByTestId("chat-list-empty")).toHaveText("No archived conversations.");
    await mentor.getByRole("button", { name: "← All conversations" }).click();
    await expect(mentor.getByTestId("chat-row")).toHaveCount(2);
    await expect(secondRow).toContainText("Still there?");
    // The other person's list never changed.
    await second.goto("/messages");
    await expect(second.getByTestId("chat-row").filter({ hasText: mentorName })).toBeVisible();
    await expect(second.getByTestId("archived-toggle")).toHaveCount(0);

    // ---- Phone width: the search box and results fit ----
    await mentor.setViewportSize({ width: 390, height: 844 });
    await expect(mentor.getByRole("navigation", { name: "Main" })).toBeHidden();
    await across.getByRole("searchbox").fill("cafe");
    await across.getByRole("searchbox").press("Enter");
    await expect(results.getByTestId("search-group")).toHaveCount(2);
    const overflow = await mentor.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await mentor.screenshot({ path: `${SHOTS}/51-phone-chat-search.png` });
  } finally {
    await first.context().close();
    await second.context().close();
    await mentor.context().close();
  }
});
