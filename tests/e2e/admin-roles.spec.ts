import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO_LOGINS } from "../../scripts/seed-data";
import { TEST_PASSWORD, createMember, signInOn } from "./accounts";
import { mailTo } from "./mail";

const SHOTS = "artifacts/screenshots";
async function shot(page: Page, name: string, fullPage = true) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

/** A viewport screenshot with `heading` just below the sticky top bar. */
async function phoneShot(page: Page, heading: Locator, name: string) {
  await heading.evaluate((element) => {
    element.scrollIntoView({ block: "start" });
    window.scrollBy(0, -76);
  });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

const rows = (page: Page) => page.getByTestId("person-row");
const summary = (page: Page) => page.getByTestId("people-summary");
const auditEntries = (page: Page) => page.getByTestId("recent-changes").getByTestId("audit-entry");
const inviteRows = (page: Page) => page.getByTestId("invite-panel").getByTestId("invite-row");
const ADMIN = DEMO_LOGINS.admin;

test("an admin makes a new mentee a mentor from People, and the person sees it after a reload", async ({ browser }) => {
  // A brand-new account, so the seeded users other tests rely on are never changed.
  const stamp = Date.now().toString(36);
  const name = `Rowan Promoted ${stamp}`;
  const userContext = await browser.newContext();
  const adminContext = await browser.newContext();
  try {
    // ---- The new person, a registered mentee, signs in ----
    const email = `promoted-${stamp}@example.com`;
    await createMember({ name, email, role: "mentee" });
    const user = await userContext.newPage();
    await signInOn(user, email, TEST_PASSWORD);
    await user.goto("/profile");
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
    await signInOn(admin, ADMIN.email, ADMIN.password);
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
    // The audit entry was written with the change; the live Recent changes panel shows it first, with its time.
    const entry = auditEntries(admin).first();
    await expect(entry).toContainText(`${ADMIN.displayName} made ${name} a mentor (was mentee)`);
    await expect(entry.locator("time")).toHaveText(/^just now/);
    await expect(entry.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
    await expect(entry.locator("time")).toHaveAttribute("title", /\d{4}/);
    await admin.getByRole("heading", { name: "Recent changes" }).scrollIntoViewIfNeeded();
    await admin.screenshot({ path: `${SHOTS}/25-admin-recent-changes.png` });
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

    // ---- The new mentor lists expertise: what is written is the normal form the rules insist on ----
    const expertise = user.getByLabel("Areas of expertise");
    const chips = user.getByRole("list", { name: "expertise list" }).locator(".chip > span");
    await expertise.fill("  Machine   Learning ");
    await expertise.press("Enter");
    await expertise.fill("SQL,");
    await expect(chips).toHaveText(["machine learning", "sql"]);
    await user.getByLabel("Full name").fill(`  ${name}  `);
    await user.getByRole("button", { name: "Save profile" }).click();
    await expect(user.getByText("Profile saved.")).toBeVisible();
    await expect(user.getByLabel("Full name")).toHaveValue(name);
    await expect(user.getByTestId("profile-save-error")).toHaveCount(0);
    await user.reload();
    await expect(chips).toHaveText(["machine learning", "sql"]);
    await expect(user.getByLabel("Full name")).toHaveValue(name);
  } finally {
    await userContext.close();
    await adminContext.close();
  }
});

test("an admin invites an outside address, which gets the email, and withdraws another invitation", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const invitee = `invitee-${stamp}@gmail.com`;
  const withdrawn = `withdrawn-${stamp}@gmail.com`;
  await signInOn(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin/people");
  const panel = page.getByTestId("invite-panel");
  await expect(panel.getByRole("heading", { name: "Invite someone", level: 2 })).toBeVisible();
  await expect(panel.getByText(/can join even when their email address is outside your organisation's domains/)).toBeVisible();
  const emailInput = panel.getByRole("textbox", { name: "Email address" });
  const send = panel.getByRole("button", { name: "Send invitation" });

  // Checked in the browser first, with the message next to the field.
  await emailInput.fill("not-an-address");
  await send.click();
  await expect(emailInput).toHaveAccessibleDescription(/Enter a valid email address/);
  await expect(emailInput).toBeFocused();

  // An address that already has an account: the server's reason sits next to the field.
  await emailInput.fill(DEMO_LOGINS.mentee.email);
  await send.click();
  await expect(emailInput).toHaveAccessibleDescription("This address already has an account.");
  await expect(emailInput).toHaveAttribute("aria-invalid", "true");

  // ---- Invite an outside address ----
  await emailInput.fill(invitee);
  await send.click();
  await expect(page.getByText(`Invitation sent to ${invitee}.`)).toBeVisible();
  await expect(emailInput).toHaveValue("");
  await expect(emailInput).not.toHaveAttribute("aria-invalid", "true");
  const row = inviteRows(page).filter({ hasText: invitee });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("invite-status")).toHaveText("Open");
  await expect(row).toContainText(`Invited by ${ADMIN.displayName}`);
  await expect(auditEntries(page).first()).toContainText(`${ADMIN.displayName} invited ${invitee}`);

  // The invitation email went out through the outbox, with a sign-up link for that address.
  const mail = await mailTo(invitee, `${ADMIN.displayName} invited you to MentorMatch`);
  expect(mail.body.subject).toContain("invited you to MentorMatch");
  expect(mail.body.content.find((part) => part.type === "text/html")?.value).toContain(`/signup?email=${encodeURIComponent(invitee)}`);

  // Inviting the same address again sends nothing new and says so.
  await emailInput.fill(invitee.toUpperCase());
  await send.click();
  await expect(page.getByText(`${invitee} already has an open invitation.`)).toBeVisible();
  await expect(inviteRows(page).filter({ hasText: invitee })).toHaveCount(1);

  // ---- Invite a second address, then withdraw it ----
  await emailInput.fill(withdrawn);
  await send.click();
  await expect(page.getByText(`Invitation sent to ${withdrawn}.`)).toBeVisible();
  const other = inviteRows(page).filter({ hasText: withdrawn });
  await expect(other).toHaveCount(1);
  await shot(page, "26-admin-invitations");

  // Escape backs out of the confirm step, with focus back on the button.
  const withdraw = other.getByRole("button", { name: `Withdraw the invitation for ${withdrawn}` });
  await withdraw.click();
  const confirm = other.getByRole("group", { name: `Withdraw the invitation for ${withdrawn}?` });
  await expect(confirm.getByRole("button", { name: "Yes, withdraw" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(confirm).toHaveCount(0);
  await expect(withdraw).toBeFocused();

  await withdraw.click();
  await confirm.getByRole("button", { name: "Yes, withdraw" }).click();
  await expect(page.getByText(`Invitation for ${withdrawn} withdrawn.`)).toBeVisible();
  await expect(other).toHaveCount(0);
  await expect(panel.getByRole("heading", { name: "Invitations" })).toBeFocused();
  await expect(inviteRows(page).filter({ hasText: invitee })).toHaveCount(1);
  await expect(auditEntries(page).first()).toContainText(`${ADMIN.displayName} withdrew the invitation for ${withdrawn}`);
  await expect(auditEntries(page).nth(1)).toContainText(`${ADMIN.displayName} invited ${withdrawn}`);

  // The panels survive a reload (they are read from Firestore, not kept in the page).
  await page.reload();
  await expect(inviteRows(page).filter({ hasText: invitee })).toHaveCount(1);
  await expect(inviteRows(page).filter({ hasText: withdrawn })).toHaveCount(0);
  await expect(auditEntries(page).first()).toContainText(`withdrew the invitation for ${withdrawn}`);

  // ---- Phone width: the form and the lists fit ----
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, "nothing overflows sideways").toBeLessThanOrEqual(390);
  // The form stacks: the button goes under the field rather than squeezing it.
  const fieldBox = (await emailInput.boundingBox())!;
  expect((await send.boundingBox())!.y, "the button sits below the field").toBeGreaterThanOrEqual(fieldBox.y + fieldBox.height);
  await phoneShot(page, panel.getByRole("heading", { name: "Invite someone" }), "27-phone-admin-invitations");
  await phoneShot(page, page.getByRole("heading", { name: "Recent changes" }), "28-phone-admin-recent-changes");
});
