import { expect, test, type Page } from "@playwright/test";
import { getFirestore } from "firebase-admin/firestore";
import { paths } from "@mentormatch/shared";
import { adminApp, createMember, signInOn, TEST_PASSWORD } from "./accounts";

const SHOTS = "artifacts/screenshots";
const MENTOR_ZONE = "Europe/London";
const MENTEE_ZONE = "Asia/Tokyo";
const DAY_MS = 86_400_000;

function localDate(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}
const wallTime = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(ms));
const weekday = (ms: number, timeZone: string) => new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short" }).format(new Date(ms));
const dayMonth = (ms: number, timeZone: string) => new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short" }).format(new Date(ms));

/** Sets one range's two selects, found by their screen-reader labels ("Monday, range 1, from"). */
async function setRange(scope: Page | ReturnType<Page["locator"]>, label: RegExp | string, from: string, to: string) {
  const name = (part: string) => (typeof label === "string" ? `${label}, range 1, ${part}` : new RegExp(`${label.source}, range 1, ${part}$`));
  await scope.getByRole("combobox", { name: name("from") }).selectOption(from);
  await scope.getByRole("combobox", { name: name("to") }).selectOption(to);
}

// A mentor in London sets their week and two date overrides on the Schedule tab; a mentee whose zone is Tokyo sees
// the next free times on the mentor's profile in Tokyo time, with the mentor's London time beside each, and exactly
// the times the mentor saved (the day off skipped, the custom hours used).
test("a mentor sets weekly hours and date overrides; a mentee in another zone sees the next free times in their own", async ({ page, browser }) => {
  const stamp = Date.now().toString(36);
  const mentorEmail = `schedule-mentor-${stamp}@example.com`;
  const menteeEmail = `schedule-mentee-${stamp}@example.com`;
  const mentorId = await createMember({ name: `Rowan Schedule ${stamp}`, email: mentorEmail, role: "mentor" });
  const menteeId = await createMember({ name: `Kai Viewer ${stamp}`, email: menteeEmail, role: "mentee" });
  await getFirestore(adminApp()).doc(paths.user(menteeId)).update({ timezone: MENTEE_ZONE });

  // The mentee first: no hours yet.
  const menteeContext = await browser.newContext({ timezoneId: MENTEE_ZONE });
  const mentee = await menteeContext.newPage();
  await signInOn(mentee, menteeEmail, TEST_PASSWORD);
  await mentee.goto(`/mentors/${mentorId}`);
  const freeTimes = mentee.getByRole("region", { name: "Next free times" });
  await expect(freeTimes.getByText("No availability set.")).toBeVisible();

  await signInOn(page, mentorEmail, TEST_PASSWORD);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Schedule" }).click();
  await expect(page.getByRole("heading", { name: "Schedule", level: 1 })).toBeVisible();
  await expect(page.getByText("You have not set a schedule yet")).toBeVisible();
  await expect(page.getByLabel("Your schedule's time zone")).toHaveValue(MENTOR_ZONE);

  // 10:00–12:00 every day: Monday set by hand and copied to the other working days, the weekend added.
  await setRange(page, "Monday", "10:00", "12:00");
  await page.getByRole("button", { name: "Copy Monday's hours to Monday to Friday" }).click();
  for (const day of ["Saturday", "Sunday"]) {
    await page.getByRole("button", { name: `Add hours on ${day}` }).click();
    await setRange(page, day, "10:00", "12:00");
  }
  await page.getByLabel("Minimum notice").selectOption({ label: "No notice" });

  // A refused value shows its message beside the field and nothing is saved.
  await page.getByLabel("Booking window (days)").fill("400");
  await page.getByRole("button", { name: "Save schedule" }).click();
  await expect(page.getByText("The booking window can be at most 26 weeks.")).toBeVisible();
  await page.getByLabel("Booking window (days)").fill("28");

  // Tomorrow (London) off; the day after, 15:00–16:00 instead.
  const now = Date.now();
  const dayOff = localDate(now + DAY_MS, MENTOR_ZONE);
  const custom = localDate(now + 2 * DAY_MS, MENTOR_ZONE);
  for (const date of [dayOff, custom]) {
    await page.getByLabel("Date", { exact: true }).fill(date);
    await page.getByRole("button", { name: "Add date" }).click();
  }
  const overrides = page.getByRole("list", { name: "Date overrides" }).getByRole("listitem").filter({ has: page.getByRole("radio") });
  await expect(overrides).toHaveCount(2);
  const customRow = overrides.nth(1);
  await customRow.getByRole("radio", { name: "Custom hours" }).check();
  await customRow.getByRole("button", { name: /^Add hours on / }).click();
  await setRange(customRow, /.+/, "15:00", "16:00");

  await expect(page.getByTestId("schedule-preview")).toBeVisible();
  await page.getByRole("button", { name: "Save schedule" }).click();
  await expect(page.getByText("Schedule saved.")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/schedule-saved.png`, fullPage: true });

  // A reload reads back exactly what was saved.
  await page.reload();
  for (const day of ["Monday", "Wednesday", "Friday", "Sunday"]) {
    await expect(page.getByRole("combobox", { name: `${day}, range 1, from` })).toHaveValue("10:00");
    await expect(page.getByRole("combobox", { name: `${day}, range 1, to` })).toHaveValue("12:00");
  }
  await expect(page.getByLabel("Minimum notice")).toHaveValue("0");
  await expect(page.getByLabel("Booking window (days)")).toHaveValue("28");
  await expect(overrides).toHaveCount(2);
  await expect(overrides.nth(0).getByRole("radio", { name: "Day off" })).toBeChecked();
  await expect(overrides.nth(1).getByRole("radio", { name: "Custom hours" })).toBeChecked();
  await expect(overrides.nth(1).getByRole("combobox", { name: /range 1, from$/ })).toHaveValue("15:00");
  await expect(overrides.nth(1).getByRole("combobox", { name: /range 1, to$/ })).toHaveValue("16:00");

  // The mentee, in Tokyo, sees the saved hours (the live listener picks them up).
  await expect(freeTimes.getByTestId("next-free-times").getByRole("listitem")).toHaveCount(8);
  const items = await freeTimes.getByTestId("next-free-times").locator("time").evaluateAll((nodes) =>
    nodes.map((node) => ({ at: Date.parse(node.getAttribute("datetime") ?? ""), text: node.textContent ?? "" })),
  );
  let sawCustom = false;
  for (const { at, text } of items) {
    const mentorDate = localDate(at, MENTOR_ZONE);
    const mentorTime = wallTime(at, MENTOR_ZONE);
    expect(mentorDate).not.toBe(dayOff);
    if (mentorDate === custom) {
      sawCustom = true;
      expect(["15:00", "15:30"]).toContain(mentorTime);
    } else {
      expect(["10:00", "10:30", "11:00", "11:30"]).toContain(mentorTime);
    }
    expect(at).toBeGreaterThanOrEqual(now - 60_000);
    // The viewer's day and time first, the mentor's clock and weekday beside it.
    expect(text).toBe(`${weekday(at, MENTEE_ZONE)} ${dayMonth(at, MENTEE_ZONE)}, ${wallTime(at, MENTEE_ZONE)} (mentor: ${mentorTime} ${weekday(at, MENTOR_ZONE)})`);
  }
  expect(sawCustom).toBe(true);
  // London 15:00 in November is midnight in Tokyo, on the next day there.
  await expect(freeTimes.getByText(/, 00:00 \(mentor: 15:00 /)).toBeVisible();
  await expect(freeTimes.getByText("Times already booked are removed when you book.", { exact: false })).toBeVisible();
  await mentee.screenshot({ path: `${SHOTS}/schedule-next-free-times.png`, fullPage: true });
  await menteeContext.close();
});
