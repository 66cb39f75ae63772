import { expect, test, type Locator, type Page } from "@playwright/test";
import { paths } from "@mentormatch/shared";
import { getFirestore } from "firebase-admin/firestore";
import { DEMO_LOGINS, SEED_PASSWORD, seedMatches } from "../../scripts/seed-data";
import { TEST_PASSWORD, adminApp, callAs, createMember, signedInPage } from "./accounts";

const SHOTS = "artifacts/screenshots";
async function shot(page: Page, name: string, fullPage = true) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

/** The seeded mentor who takes requests (capacity 4, accepting) and knows system design. */
const MENTOR = DEMO_LOGINS.mentor;
/** The requests the seed leaves waiting for her answer (the demo shows a Requests page with something on it). */
const SEEDED_WAITING = seedMatches().filter((m) => m.mentorId === MENTOR.uid && m.status === "pending").length;

const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });
/** The sidebar link, whose accessible name carries ", N requests waiting for your answer" while there are any. */
const requestsLink = (page: Page) => nav(page).getByRole("link", { name: /^Requests/ });
const requestsBadge = (page: Page) => page.getByTestId("requests-badge");
const incoming = (page: Page) => page.getByTestId("incoming-request");
const active = (page: Page) => page.getByTestId("active-match");
const requestPanel = (page: Page) => page.getByTestId("request-panel");

/** The sidebar counter with `n` requests waiting (none shown for 0). */
async function expectWaiting(page: Page, n: number) {
  if (n === 0) {
    await expect(requestsBadge(page)).toHaveCount(0);
    await expect(requestsLink(page)).toHaveAccessibleName("Requests");
    return;
  }
  await expect(requestsBadge(page)).toHaveText(String(n));
  await expect(requestsLink(page)).toHaveAccessibleName(new RegExp(`${n} requests? waiting for your answer`));
}

test("a mentee asks a mentor, who sees it live, accepts, and the mentee ends it; a second request is declined", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const menteeName = `Jordan Request ${stamp}`;
  const menteeEmail = `requester-${stamp}@example.com`;
  const goal = "Get better at system design interviews";
  await createMember({ name: menteeName, email: menteeEmail, role: "mentee", title: "Junior Software Engineer", department: "Engineering", learningGoals: [goal] });

  const mentee = await signedInPage(browser, menteeEmail, TEST_PASSWORD);
  const mentor = await signedInPage(browser, MENTOR.email, MENTOR.password);
  try {
    // ---- The mentor has only the seeded requests waiting ----
    await requestsLink(mentor).click();
    await expect(mentor.getByRole("heading", { name: "Requests", level: 1 })).toBeVisible();
    await expect(incoming(mentor)).toHaveCount(SEEDED_WAITING);
    await expectWaiting(mentor, SEEDED_WAITING);

    // ---- The mentee's dashboard suggests mentors for their goal, with the reasons ----
    await expect(mentee.getByRole("heading", { name: "Suggested mentors" })).toBeVisible();
    const suggestion = mentee.getByTestId("suggestion").filter({ hasText: MENTOR.displayName });
    await expect(suggestion).toContainText("Matches your goal: system design");
    await expect(mentee.getByTestId("suggestion")).toHaveCount(3);
    await shot(mentee, "30-dashboard-suggested-mentors");

    // ---- The mentee opens the mentor's profile and asks ----
    await suggestion.getByRole("link", { name: MENTOR.displayName }).click();
    await expect(mentee.getByRole("heading", { name: MENTOR.displayName, level: 1 })).toBeVisible();
    await requestPanel(mentee).getByRole("button", { name: "Request mentoring" }).click();
    const note = mentee.getByLabel(`Your note to ${MENTOR.displayName}`);
    await expect(note).toBeFocused();
    // Pre-filled from the mentee's learning goals, with a counter of what is left.
    await expect(note).toHaveValue(new RegExp(goal));
    await expect(requestPanel(mentee).getByText(/^\d+ characters left$/)).toBeVisible();
    const message = `Hi Ada, I'm preparing for system design interviews (${stamp}). Could we meet every other week?`;
    await note.fill(message);
    await expect(requestPanel(mentee).getByText(`${500 - message.length} characters left`)).toBeVisible();
    await shot(mentee, "31-mentor-profile-request-form");
    await mentee.getByRole("button", { name: "Send request" }).click();
    await expect(mentee.getByText(`Request sent to ${MENTOR.displayName}.`, { exact: false })).toBeVisible();
    // The panel now shows the pending request instead of the button.
    await expect(requestPanel(mentee).getByTestId("request-state")).toContainText("Waiting for an answer");
    await expect(requestPanel(mentee).getByRole("button", { name: "Request mentoring" })).toHaveCount(0);
    await expect(requestPanel(mentee).getByRole("button", { name: "Cancel request" })).toBeVisible();

    // ---- The mentor sees it arrive live, with the note, and the sidebar counter one up ----
    const card = incoming(mentor).filter({ hasText: menteeName });
    await expect(card).toBeVisible();
    await expect(card).toContainText(message);
    await expect(card).toContainText(goal);
    await expect(card).toContainText("Junior Software Engineer · Engineering");
    await expect(card).toContainText(/Sent (just now|\d+ minutes? ago)/);
    await expect(card).toContainText("Expires in 2 weeks");
    await expectWaiting(mentor, SEEDED_WAITING + 1);
    await shot(mentor, "32-requests-incoming");
    await mentor.setViewportSize({ width: 390, height: 844 });
    // The sidebar becomes a drawer: wait for it to slide away so the screenshot shows the page.
    await expect(nav(mentor)).toBeHidden();
    await expect(card.getByRole("button", { name: "Accept" })).toBeVisible();
    await shot(mentor, "33-phone-requests-incoming");
    await mentor.setViewportSize({ width: 1280, height: 720 });

    // ---- The mentor accepts: the counter drops and the match is active on both sides, live ----
    await card.getByRole("button", { name: "Accept" }).click();
    await expect(mentor.getByText(`You're now mentoring ${menteeName}.`, { exact: false })).toBeVisible();
    await expect(card).toHaveCount(0);
    await expectWaiting(mentor, SEEDED_WAITING);
    await expect(active(mentor).filter({ hasText: menteeName })).toBeVisible();
    await expect(requestPanel(mentee).getByTestId("request-state")).toContainText(`${MENTOR.displayName} is your mentor.`);
    await shot(mentor, "34-requests-accepted");

    // ---- The mentee's Requests page shows the active match; they end it ----
    await requestsLink(mentee).click();
    const mine = active(mentee).filter({ hasText: MENTOR.displayName });
    await expect(mine).toBeVisible();
    await expect(mine.getByTestId("match-status")).toHaveText("Active");
    await shot(mentee, "35-mentee-requests-active");
    await mine.getByRole("button", { name: "End mentoring" }).click();
    const yes = mine.getByRole("button", { name: "Yes, end mentoring" });
    await expect(yes).toBeFocused();
    // Escape takes the question back, and focus returns to the button that asked.
    await mentee.keyboard.press("Escape");
    await expect(mine.getByRole("button", { name: "End mentoring" })).toBeFocused();
    await mine.getByRole("button", { name: "End mentoring" }).click();
    await mine.getByRole("button", { name: "Yes, end mentoring" }).click();
    await expect(mentee.getByText(`Your mentoring with ${MENTOR.displayName} has ended.`)).toBeVisible();
    await expect(active(mentee)).toHaveCount(0);
    const past = mentee.getByTestId("past-matches");
    await past.getByText("Past requests and mentoring").click();
    await expect(past.getByTestId("past-match").filter({ hasText: `You ended your mentoring with ${MENTOR.displayName}` })).toBeVisible();
    // …and the mentor's page follows, live.
    await expect(active(mentor).filter({ hasText: menteeName })).toHaveCount(0);

    // ---- Asking again re-opens the pair; this time the mentor declines, with a message ----
    await mentee.goto(`/mentors/${MENTOR.uid}`);
    await expect(requestPanel(mentee)).toContainText(`Your mentoring with ${MENTOR.displayName} has ended. You can ask again.`);
    await requestPanel(mentee).getByRole("button", { name: "Request mentoring" }).click();
    await mentee.getByLabel(`Your note to ${MENTOR.displayName}`).fill(`One more question about architecture reviews (${stamp}).`);
    await mentee.getByRole("button", { name: "Send request" }).click();
    await expect(requestPanel(mentee).getByTestId("request-state")).toContainText("Waiting for an answer");

    const again = incoming(mentor).filter({ hasText: menteeName });
    await expect(again).toContainText("One more question about architecture reviews");
    await expectWaiting(mentor, SEEDED_WAITING + 1);
    await again.getByRole("button", { name: "Decline" }).click();
    const reply = again.getByLabel(`Message to ${menteeName}`);
    await expect(reply).toBeFocused();
    await reply.fill("My calendar is full this month; try Margaret for architecture.");
    await expect(again.getByText(/^\d+ characters left$/)).toBeVisible();
    await shot(mentor, "36-requests-decline");
    await again.getByRole("button", { name: "Decline request" }).click();
    await expect(mentor.getByText(`You declined ${menteeName}'s request.`)).toBeVisible();
    await expect(incoming(mentor)).toHaveCount(SEEDED_WAITING);
    await expectWaiting(mentor, SEEDED_WAITING);
    // The mentee's profile page shows the answer live, and offers to ask again.
    await expect(requestPanel(mentee)).toContainText(`${MENTOR.displayName} declined your last request.`);
    await expect(requestPanel(mentee).getByRole("button", { name: "Request mentoring" })).toBeVisible();
    await expect(requestPanel(mentee)).toContainText("My calendar is full this month; try Margaret for architecture.");

    // ---- The directory suggests mentors too, above the search ----
    await nav(mentee).getByRole("link", { name: "Mentors", exact: true }).click();
    const strip = mentee.getByTestId("suggested-mentors");
    await expect(strip.getByRole("heading", { name: "Suggested for you" })).toBeVisible();
    await expect(strip.getByTestId("suggestion").first()).toBeVisible();
    await expect(mentee.getByTestId("mentor-card").first()).toBeVisible();
    await shot(mentee, "39-directory-suggested-for-you");
  } finally {
    await mentee.context().close();
    await mentor.context().close();
  }
});

test("a refusal from the server is shown as its sentence", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const email = `refused-${stamp}@example.com`;
  await createMember({ name: `Kim Refused ${stamp}`, email, role: "mentee", title: "Analyst", department: "Finance", learningGoals: ["Build a three-statement model"] });
  const mentorName = `Pat Closing ${stamp}`;
  const mentorEmail = `closing-${stamp}@example.com`;
  const mentorUid = await createMember({ name: mentorName, email: mentorEmail, role: "mentor", title: "Controller", department: "Finance", expertise: ["financial modelling"] });

  const mentee = await signedInPage(browser, email, TEST_PASSWORD);
  try {
    await mentee.goto(`/mentors/${mentorUid}`);
    await requestPanel(mentee).getByRole("button", { name: "Request mentoring" }).click();
    // While the form is open the mentor stops taking requests: the server says so, in its words.
    await getFirestore(adminApp()).doc(paths.user(mentorUid)).update({ acceptingRequests: false });
    await mentee.getByRole("button", { name: "Send request" }).click();
    const refusal = mentee.getByTestId("request-refusal");
    await expect(refusal).toHaveText(`${mentorName} is not taking new mentees right now.`);
    await expect(refusal).toHaveAttribute("role", "alert");
    await shot(mentee, "37-request-refused");
  } finally {
    await mentee.context().close();
  }
});

test("an admin demoting a mentor with a mentee is asked to end the match first, then does", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const mentorName = `Quinn Demoted ${stamp}`;
  const mentorEmail = `demoted-${stamp}@example.com`;
  const menteeEmail = `matched-${stamp}@example.com`;
  const mentorUid = await createMember({ name: mentorName, email: mentorEmail, role: "mentor", title: "Staff Engineer", department: "Engineering", expertise: ["go"] });
  await createMember({ name: `Robin Matched ${stamp}`, email: menteeEmail, role: "mentee", title: "Engineer", department: "Engineering" });
  const requested = (await callAs(menteeEmail, TEST_PASSWORD, "requestMatch", { mentorId: mentorUid, message: "Please mentor me." })) as { matchId: string };
  await callAs(mentorEmail, TEST_PASSWORD, "acceptMatch", { matchId: requested.matchId });

  const admin = await signedInPage(browser, DEMO_LOGINS.admin.email, SEED_PASSWORD);
  try {
    await admin.goto(`/admin/people?q=${stamp}`);
    const row: Locator = admin.getByTestId("person-row").filter({ hasText: mentorName });
    // The name tokens are written by a trigger moments after the profile; a search that ran before them misses.
    await expect(async () => {
      if ((await row.count()) === 0) await admin.reload();
      await expect(row).toHaveCount(1, { timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
    await row.getByRole("combobox", { name: `New role for ${mentorName}` }).selectOption("mentee");
    await row.getByRole("button", { name: "Change role" }).click();
    await row.getByRole("button", { name: "Yes, make mentee" }).click();

    const second = row.getByTestId("end-matches-confirm");
    await expect(second).toContainText("This mentor has 1 active mentee.");
    const endThem = second.getByRole("button", { name: "End their 1 match and change role" });
    await expect(endThem).toBeFocused();
    await expect(row.getByTestId("current-role")).toHaveText("Current role: Mentor");
    await shot(admin, "38-admin-demote-mentor-with-mentee");
    await endThem.click();
    await expect(admin.getByText(`${mentorName} is now a mentee. 1 mentoring ended`, { exact: false })).toBeVisible();
    await expect(row.getByTestId("current-role")).toHaveText("Current role: Mentee");
    const match = await getFirestore(adminApp()).doc(paths.match(requested.matchId)).get();
    expect(match.get("status")).toBe("ended");
  } finally {
    await admin.context().close();
  }
});
