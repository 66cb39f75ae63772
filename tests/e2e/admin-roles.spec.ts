import { expect, test, type Page } from "@playwright/test";
import { DEMO_LOGINS } from "../../scripts/seed-data";

const SHOTS = "artifacts/screenshots";
async function shot(page: Page, name: string, fullPage = true) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

const rows = (page: Page) => page.getByTestId("person-row");
const summary = (page: Page) => page.getByTestId("people-summary");

test("an admin makes a new mentee a mentor from People, and the person sees it after a reload", async ({ browser }) => {
  // A brand-new account, so the seeded users other tests rely on are never changed.
  const stamp = Date.now().toString(36);
  const name = `Rowan Promoted ${stamp}`;
  const userContext = await browser.newContext();
  const adminContext = await browser.newContext();
  try {
    // ---- The new person signs up as a mentee ----
    const user = await userContext.newPage();
    await user.goto("/signup");
    await user.getByRole("radio", { name: /Mentee/ }).check();
    await user.getByLabel("Full name").fill(name);
    await user.getByLabel("Work email").fill(`promoted-${stamp}@example.com`);
    await user.getByLabel("Password").fill("correct-horse-battery");
    await user.getByRole("button", { name: "Create account" }).click();
    await expect(user).toHaveURL(/\/profile$/);
    await expect(user.locator(".user-role")).toHaveText("Mentee");
    await expect(user.getByLabel("Capacity")).toHaveCount(0);

    // A non-admin who types the address is kept out: no list, no controls, and no Admin link to get there.
    await user.goto("/admin/people");
    await expect(user.getByRole("heading", { name: "Not available", level: 1 })).toBeVisible();
    await expect(user.getByRole("search", { name: "People search" })).toHaveCount(0);
    await expect(rows(user)).toHaveCount(0);
    await expect(user.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);

    // ---- The seeded admin opens People from the overview ----
    const admin = await adminContext.newPage();
    await admin.goto("/signin");
    await admin.getByLabel("Email").fill(DEMO_LOGINS.admin.email);
    await admin.getByLabel("Password").fill(DEMO_LOGINS.admin.password);
    await admin.getByRole("button", { name: "Sign in" }).click();
    await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
    await expect(admin.getByRole("heading", { name: "Programme overview" })).toBeVisible();
    await expect(admin.locator(".stats")).toHaveAttribute("aria-busy", "false");
    await expect(admin.getByRole("link", { name: "View admins" })).toHaveAttribute("href", "/admin/people?role=admin");
    await shot(admin, "19-admin-overview");
    await admin.getByRole("link", { name: "Manage people" }).click();
    await expect(admin).toHaveURL(/\/admin\/people$/);
    await expect(admin.getByRole("heading", { name: "People", level: 1 })).toBeVisible();
    await expect(summary(admin)).toHaveText(/^Showing \d+ people/);
    // Everyone is listed A–Z, whatever their role.
    const names = (await rows(admin).locator(".person-name").allTextContents()).map((text) => text.replace(/You$/, "").trim());
    expect(names.length).toBeGreaterThan(1);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const shownRoles = new Set(await rows(admin).getByTestId("current-role").allTextContents());
    expect(shownRoles.size, "an unfiltered page mixes roles").toBeGreaterThan(1);
    await shot(admin, "20-admin-people");

    // The role filter narrows to admins, and the admin's own row cannot be changed, with the reason shown.
    await admin.getByRole("combobox", { name: "Role", exact: true }).selectOption("admin");
    await expect(admin).toHaveURL(/[?&]role=admin/);
    await expect(rows(admin).first()).toBeVisible();
    for (const role of await rows(admin).getByTestId("current-role").allTextContents()) expect(role).toBe("Current role: Admin");
    const me = rows(admin).filter({ hasText: DEMO_LOGINS.admin.displayName });
    await expect(me.getByText("You", { exact: true })).toBeVisible();
    await expect(me.getByRole("combobox")).toBeDisabled();
    await expect(me.getByRole("button", { name: "Change role" })).toBeDisabled();
    await expect(me.getByText(/This is you\. Admins can't change their own role/)).toBeVisible();
    await expect(me.getByRole("button", { name: "Change role" })).toHaveAccessibleDescription(/This is you/);

    // ---- Find the new person by name ----
    await admin.getByRole("combobox", { name: "Role", exact: true }).selectOption("");
    await admin.getByLabel("Search by name").fill(stamp);
    await expect(admin).toHaveURL(new RegExp(`[?&]q=${stamp}`));
    const row = rows(admin).filter({ hasText: name });
    // The name tokens are written by a trigger moments after sign-up; a search that ran before them misses.
    await expect(async () => {
      await expect(summary(admin)).toBeVisible();
      if ((await row.count()) === 0) await admin.reload();
      await expect(row).toHaveCount(1, { timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
    await expect(summary(admin)).toHaveText("Showing 1 person");
    await expect(row.getByTestId("current-role")).toHaveText("Current role: Mentee");
    const roleSelect = row.getByRole("combobox", { name: `New role for ${name}` });
    const change = row.getByRole("button", { name: "Change role" });
    // Picking the role they already have offers nothing to confirm.
    await expect(roleSelect).toHaveValue("mentee");
    await expect(change).toBeDisabled();

    // Escape backs out of the confirm step and returns focus to the button that opened it.
    await roleSelect.selectOption("mentor");
    await change.click();
    const confirm = row.getByRole("group", { name: `Make ${name} a mentor?` });
    await expect(confirm.getByRole("button", { name: "Yes, make mentor" })).toBeFocused();
    await admin.keyboard.press("Escape");
    await expect(confirm).toHaveCount(0);
    await expect(change).toBeFocused();
    await expect(row.getByTestId("current-role")).toHaveText("Current role: Mentee");

    // ---- Change to mentor, with the confirm ----
    await change.click();
    await expect(confirm.getByText("They'll be listed in the mentor directory and can accept mentees.")).toBeVisible();
    await shot(admin, "21-admin-people-confirm");
    await confirm.getByRole("button", { name: "Yes, make mentor" }).click();
    await expect(admin.getByText(`${name} is now a mentor.`)).toBeVisible();
    await expect(row.getByTestId("current-role")).toHaveText("Current role: Mentor");
    await expect(change).toBeDisabled();
    // The list was updated from the function's answer; a fresh query shows the stored mirror agrees.
    await admin.reload();
    await expect(row.getByTestId("current-role")).toHaveText("Current role: Mentor");

    // ---- Phone width: each row stacks its role controls under the person ----
    await admin.setViewportSize({ width: 390, height: 844 });
    // The sidebar slides away when the viewport narrows; let it finish before the screenshots.
    await expect(admin.getByRole("navigation", { name: "Main" })).toBeHidden();
    // The confirm step fits too (opened and cancelled: only the test's own user is ever changed).
    await roleSelect.selectOption("admin");
    await change.click();
    await expect(row.getByRole("group", { name: `Make ${name} an admin?` })).toBeVisible();
    await shot(admin, "23-phone-admin-people-confirm", false);
    await row.getByRole("button", { name: "Cancel" }).click();
    await expect(row.getByTestId("current-role")).toHaveText("Current role: Mentor");
    await admin.getByLabel("Search by name").fill("");
    await expect(admin).toHaveURL(/\/admin\/people$/);
    await expect(summary(admin)).toHaveText(/^Showing \d+ people/);
    const first = rows(admin).first();
    const idBox = (await first.locator(".person-id").boundingBox())!;
    const controlsBox = (await first.locator(".person-controls").boundingBox())!;
    expect(controlsBox.y, "controls sit below the name").toBeGreaterThanOrEqual(idBox.y + idBox.height);
    const width = await admin.evaluate(() => document.documentElement.scrollWidth);
    expect(width, "nothing overflows sideways").toBeLessThanOrEqual(390);
    await shot(admin, "22-phone-admin-people", false);

    // ---- The person reloads and is a mentor, with the mentor fields ----
    await user.goto("/profile");
    await user.reload();
    await expect(user.locator(".user-role")).toHaveText("Mentor");
    await expect(user.getByLabel("Capacity")).toHaveValue("3");
    await expect(user.getByRole("switch", { name: /accepting/i })).toBeChecked();
    await expect(user.getByRole("link", { name: "View public profile" })).toBeVisible();
    await shot(user, "24-promoted-mentor-profile");
  } finally {
    await userContext.close();
    await adminContext.close();
  }
});
