import { expect, test, type Page } from "@playwright/test";
import { DEMO_LOGINS } from "../../scripts/seed-data";
import { htmlOf, mailTo } from "./mail";

const SHOTS = "artifacts/screenshots";
const cards = (page: Page) => page.getByTestId("mentor-card");

// A mentor who signs up and fills in a profile must become findable: the profile trigger rebuilds the search
// tokens the directory queries, so this is the end-to-end check of that path (the mentee journey only searches
// for seeded mentors, whose tokens the seed writes directly).
test("a new mentor signs up, describes their expertise, and a mentee finds them in the directory", async ({ page, browser }) => {
  const stamp = Date.now().toString(36);
  const email = `mentor-${stamp}@example.com`;
  const name = `Quinn Zephyr ${stamp}`;

  await page.goto("/signup");
  await page.getByRole("radio", { name: /Mentor/ }).check();
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill("correct-horse-battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByText("Mentees find you in the directory by your name, department and expertise.")).toBeVisible();

  // The welcome email for a mentor says what a mentor should do next.
  const welcome = await mailTo(email, "Welcome to MentorMatch");
  expect(htmlOf(welcome)).toContain("You joined as a mentor.");

  await page.getByLabel("Job title").fill("Senior Counsel");
  await page.getByRole("combobox", { name: "Department" }).selectOption("Legal");
  const expertise = page.getByLabel("Areas of expertise");
  for (const tag of ["Contract Negotiation", "Mediation"]) {
    await expertise.fill(tag);
    await expertise.press("Enter");
  }
  await page.getByLabel("Capacity").fill("4");
  await page.getByLabel("Bio").fill("Twelve years of commercial law; happy to help people grow into negotiation-heavy roles.");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();

  // A seeded mentee, in a browser of their own, searches for the new mentor.
  const menteeContext = await browser.newContext();
  const mentee = await menteeContext.newPage();
  await mentee.goto("/signin");
  await mentee.getByLabel("Email").fill(DEMO_LOGINS.mentee.email);
  await mentee.getByLabel("Password").fill(DEMO_LOGINS.mentee.password);
  await mentee.getByRole("button", { name: "Sign in" }).click();
  await expect(mentee.getByRole("navigation", { name: "Main" })).toBeVisible();

  // The trigger runs after the save lands; each try is a fresh search, as a person would retry.
  await expect(async () => {
    await mentee.goto(`/mentors?q=${encodeURIComponent(stamp)}&expertise=mediation&department=Legal`);
    await expect(cards(mentee)).toHaveCount(1, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  const card = cards(mentee).first();
  await expect(card.getByRole("heading")).toHaveText(name);
  await expect(card).toContainText("Senior Counsel");
  await expect(card).toContainText("contract negotiation");
  await expect(card).toContainText("4 spots open");
  await mentee.screenshot({ path: `${SHOTS}/11-new-mentor-found.png`, fullPage: true });

  // The full name with a typo'd tail finds nobody; its real prefix finds them.
  await mentee.goto(`/mentors?q=${encodeURIComponent("Quinn Zephyx")}`);
  await expect(mentee.getByRole("heading", { name: "No mentors match your search" })).toBeVisible();
  await mentee.goto(`/mentors?q=${encodeURIComponent(`quinn zephyr ${stamp}`)}`);
  await expect(cards(mentee).getByRole("heading", { name })).toBeVisible();

  await cards(mentee).getByRole("link", { name }).click();
  await expect(mentee.getByRole("heading", { name, level: 1 })).toBeVisible();
  const stat = (label: string) => mentee.locator(".stat", { hasText: label }).locator("dd");
  await expect(stat("Completed sessions")).toHaveText("0");
  await expect(stat("Open spots")).toHaveText("4");
  await expect(mentee.getByText(/commercial law/)).toBeVisible();
  await menteeContext.close();
});
