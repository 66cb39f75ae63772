import { expect, test, type Page } from "@playwright/test";
import { DEMO_LOGINS } from "../../scripts/seed-data";
import { TEST_PASSWORD, callAs, callAsAdmin, createMember, signedInPage } from "./accounts";

const SHOTS = "artifacts/screenshots";
async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });

test("a member reports a message, an admin removes it, both people see it removed; a blocked word is refused at send", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const mentorName = `Ada Mod ${stamp}`;
  const menteeName = `Sam Mod ${stamp}`;
  const mentorEmail = `mod-mentor-${stamp}@example.com`;
  const menteeEmail = `mod-mentee-${stamp}@example.com`;
  const mentorId = await createMember({ name: mentorName, email: mentorEmail, role: "mentor", title: "Staff Engineer" });
  await createMember({ name: menteeName, email: menteeEmail, role: "mentee" });
  const { matchId } = (await callAs(menteeEmail, TEST_PASSWORD, "requestMatch", { mentorId, message: `Mentor me? (${stamp})` })) as { matchId: string };
  await callAs(mentorEmail, TEST_PASSWORD, "acceptMatch", { matchId });
  // A word only this run uses, so the rest of the suite never meets it; the list is put back at the end.
  const word = `zorblax${stamp}`;
  const { words: seededWords } = (await callAsAdmin("setBlockedWords", { words: ["scam", "get rich quick", "crypto giveaway"] })) as { words: string[] };

  const mentor = await signedInPage(browser, mentorEmail, TEST_PASSWORD);
  const mentee = await signedInPage(browser, menteeEmail, TEST_PASSWORD);
  const admin = await signedInPage(browser, DEMO_LOGINS.admin.email, DEMO_LOGINS.admin.password);
  try {
    // ---- The mentor sends something unkind ----
    const unkind = `Honestly you will never make senior (${stamp})`;
    await mentor.goto(`/messages/${matchId}`);
    const mentorBox = mentor.getByLabel(`Message ${menteeName}`);
    await mentorBox.fill(unkind);
    await mentorBox.press("Enter");
    await expect(mentor.getByTestId("message").filter({ hasText: unkind })).toBeVisible();
    // Nobody reports their own words: no Report on the mentor's side.
    await expect(mentor.getByTestId("message").filter({ hasText: unkind }).getByTestId("report-message")).toHaveCount(0);

    // ---- The mentee reports it: the dialog asks why, and refuses without a reason ----
    await mentee.goto(`/messages/${matchId}`);
    const theirs = mentee.getByTestId("message").filter({ hasText: unkind });
    await expect(theirs).toBeVisible();
    await theirs.getByRole("button", { name: `Report this message from ${mentorName}` }).click();
    const dialog = mentee.getByRole("dialog", { name: `Report a message from ${mentorName}` });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Send report" }).click();
    await expect(dialog.getByText("Choose why you are reporting this message.")).toBeVisible();
    await dialog.getByLabel("Harassment or bullying").check();
    await dialog.getByLabel(/Details/).fill("Third time this week.");
    await shot(mentee, "70-report-dialog");
    await dialog.getByRole("button", { name: "Send report" }).click();
    await expect(mentee.getByText("Thanks. An admin will review this message.")).toBeVisible();
    await expect(dialog).toBeHidden();

    // ---- The admin finds it in the review queue, live, and removes it with a note ----
    await admin.goto("/admin");
    await nav(admin).getByRole("link", { name: "Moderation" }).click();
    await expect(admin).toHaveURL(/\/admin\/moderation$/);
    const report = admin.getByTestId("report").filter({ hasText: unkind });
    await expect(report).toBeVisible();
    await expect(report).toContainText(`${menteeName} reported a message from ${mentorName}`);
    await expect(report).toContainText("Harassment or bullying");
    await expect(report).toContainText("Third time this week.");
    await shot(admin, "71-moderation-queue");
    await report.getByLabel(/Note/).fill("Clear harassment.");
    await report.getByRole("button", { name: "Remove message" }).click();
    await expect(admin.getByText(`Removed the message from ${mentorName}.`)).toBeVisible();
    await expect(report).toHaveCount(0);
    await expect(admin.getByTestId("moderation-log-entry").filter({ hasText: `removed a message from ${mentorName}: “Clear harassment.”` })).toBeVisible();

    // ---- Both people's chats show it removed, live; the text is gone from the page ----
    for (const page of [mentee, mentor]) {
      await expect(page.getByTestId("message-removed")).toHaveText("Message removed by a moderator");
      await expect(page.getByText(unkind)).toHaveCount(0);
    }
    await shot(mentee, "72-message-removed");

    // ---- The admin adds a blocked word; the field refuses a one-letter word first ----
    const words = admin.getByTestId("word-list");
    const input = words.getByLabel("Words and phrases");
    await input.fill("x");
    await input.press("Enter");
    await words.getByRole("button", { name: "Save words" }).click();
    await expect(words.getByTestId("words-error")).toHaveText("Each word needs at least 2 characters.");
    await words.getByRole("button", { name: "Remove blocked word x" }).click();
    await input.fill(word.toUpperCase());
    await input.press("Enter");
    await words.getByRole("button", { name: "Save words" }).click();
    await expect(admin.getByText("Saved 4 blocked words.")).toBeVisible();
    await expect(admin.getByTestId("moderation-log-entry").filter({ hasText: "changed the blocked words (3 words → 4 words)" })).toBeVisible();
    await shot(admin, "73-moderation-words");

    // ---- The mentee's send holding it is refused next to the box, naming the word; nothing is sent ----
    const menteeBox = mentee.getByLabel(`Message ${mentorName}`);
    const attempt = `Is this a ${word.replace("zorblax", "Zorblax")}, really?`;
    await menteeBox.fill(attempt);
    await menteeBox.press("Enter");
    await expect(mentee.getByTestId("composer-error")).toHaveText(
      `Your message was not sent: “${word}” is a word this programme does not allow in chat. Edit it and send again.`,
    );
    await expect(menteeBox).toHaveValue(attempt);
    await expect(menteeBox).toHaveAttribute("aria-invalid", "true");
    await expect(mentor.getByText(attempt)).toHaveCount(0);
    await shot(mentee, "74-blocked-word-refused");

    // ---- Without the word it goes through, and the error clears ----
    await menteeBox.fill("Thanks for the session anyway.");
    await menteeBox.press("Enter");
    await expect(mentee.getByTestId("composer-error")).toHaveCount(0);
    await expect(mentor.getByTestId("message").filter({ hasText: "Thanks for the session anyway." })).toBeVisible();
  } finally {
    await callAsAdmin("setBlockedWords", { words: seededWords });
    await Promise.all([mentor, mentee, admin].map((page) => page.context().close()));
  }
});
