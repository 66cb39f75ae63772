import { expect, test, type Page } from "@playwright/test";
import { getAuth } from "firebase-admin/auth";
import { DEMO_LOGINS } from "../../scripts/seed-data";
import { adminApp, callAsAdmin } from "./accounts";
import { VERIFY_SUBJECT, htmlOf, mailTo, verifyLinkPath } from "./mail";

const SHOTS = "artifacts/screenshots";
async function shot(page: Page, name: string, fullPage = true) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}
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
  await expect(page.getByRole("heading", { name: "Check your inbox", level: 1 })).toBeVisible();

  // The link is opened somewhere else (another browser, a phone): that page confirms the address and, as nobody is
  // signed in there, asks to sign in to finish. The waiting page notices by itself and carries on.
  const link = verifyLinkPath(await mailTo(email, VERIFY_SUBJECT));
  const elsewhere = await browser.newContext();
  try {
    const linkPage = await elsewhere.newPage();
    await linkPage.goto(link);
    await expect(linkPage.getByText("Email confirmed. Sign in to finish joining.")).toBeVisible();
    await expect(linkPage.getByRole("link", { name: "Sign in to finish joining" })).toHaveAttribute("href", "/signin?next=/signup");
    await linkPage.screenshot({ path: `${SHOTS}/16-verify-email-confirmed.png`, fullPage: true });

    await expect(page).toHaveURL(/\/profile$/);

    // The link works once.
    await linkPage.goto(link);
    await expect(linkPage.getByRole("heading", { name: "We couldn't confirm your email", level: 1 })).toBeVisible();
    await expect(linkPage.getByRole("alert")).toHaveText("This link has expired or has already been used.");
    await linkPage.screenshot({ path: `${SHOTS}/17-verify-email-used-link.png`, fullPage: true });
  } finally {
    await elsewhere.close();
  }
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

test("a person whose role an admin changes is told, and is asked to sign in again when the session was revoked", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const email = `changed-${stamp}@mentormatch.dev`;
  const name = `Casey Changed ${stamp}`;
  // An account whose address is already confirmed (made behind the app's back) but has no role yet: signing in
  // lands on the finish form, which registers at once since there is nothing to verify.
  const created = await getAuth(adminApp()).createUser({ email, password: "correct-horse-battery", emailVerified: true });
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct-horse-battery");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Finish creating your account" })).toBeVisible();
  await page.getByRole("radio", { name: /Mentee/ }).check();
  await page.getByLabel("Full name").fill(name);
  await page.getByRole("button", { name: "Finish" }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.locator(".user-role")).toHaveText("Mentee");

  // An admin makes them a mentor: the open app refreshes its token and says so, once. (The Auth emulator does
  // not enforce the revocation that comes with the change, so here the refresh simply brings the new role.)
  await callAsAdmin("setUserRole", { uid: created.uid, role: "mentor" });
  await expect(page.getByText("An admin changed your role to mentor.")).toBeVisible();
  await expect(page.locator(".user-role")).toHaveText("Mentor");
  await expect(page.getByText("An admin changed your role to mentor.")).toHaveCount(1);

  // In production the revoked refresh token is refused: the token service answers TOKEN_EXPIRED, Firebase signs
  // the person out, and the sign-in page explains why. Played here by answering the refresh as production would.
  await page.route("**/securetoken.googleapis.com/**", (route) =>
    route.fulfill({ status: 400, contentType: "application/json", body: JSON.stringify({ error: { code: 400, message: "TOKEN_EXPIRED" } }) }),
  );
  await callAsAdmin("setUserRole", { uid: created.uid, role: "mentee" });
  await expect(page).toHaveURL(/\/signin/);
  const notice = page.getByTestId("sign-in-notice");
  await expect(notice).toHaveText("Your role was changed by a programme admin. Sign in again to continue.");
  await expect(notice).toHaveAttribute("role", "status");
  await expect(page.locator(".toast"), "the ended session's toasts are cleared").toHaveCount(0);
  await shot(page, "18-sign-in-role-changed");

  // Signing in again brings a token with the new role, and the notice is gone for good.
  await page.unroute("**/securetoken.googleapis.com/**");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct-horse-battery");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(".user-role")).toHaveText("Mentee");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  await expect(page.getByText("Welcome back to MentorMatch.")).toBeVisible();
  await expect(page.getByTestId("sign-in-notice")).toHaveCount(0);
});
