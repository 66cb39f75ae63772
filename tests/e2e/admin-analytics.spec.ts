import { expect, test, type Locator, type Page } from "@playwright/test";
import { matchIdOf, paths } from "@mentormatch/shared";
import { Timestamp, getFirestore, type Firestore } from "firebase-admin/firestore";
import { readFile } from "node:fs/promises";
import { DEMO_LOGINS } from "../../scripts/seed-data";
import { miniRequestDoc } from "../mini-request-doc";
import { TEST_PASSWORD, adminApp, callAs, createMember, signInOn } from "./accounts";

// The admins' analytics (issue 9), all-sessions view and mini request table (issue 8 §4), against the emulators and
// the real refreshProgrammeStats. The emulator is shared with every other spec, so programme-wide figures are
// expected from what the collections hold at the moment of the refresh (read here with the admin SDK); figures only
// this spec's people affect (their top-mentor row, their sessions, their request) are expected exactly.
const SHOTS = "artifacts/screenshots";
const DAY = 86_400_000;
const ADMIN = DEMO_LOGINS.admin;

const db = (): Firestore => getFirestore(adminApp());

/** A completed (or otherwise ended) session as completeSession leaves one, in the past. */
function sessionDoc(input: {
  mentor: { uid: string; name: string };
  mentee: { uid: string; name: string };
  startMs: number;
  status: "completed" | "no_show" | "cancelled";
}) {
  const { mentor, mentee, startMs, status } = input;
  const endMs = startMs + 30 * 60_000;
  const ended = status !== "cancelled";
  return {
    kind: "match",
    matchId: matchIdOf(mentor.uid, mentee.uid),
    mentorId: mentor.uid,
    menteeId: mentee.uid,
    participants: [mentor.uid, mentee.uid],
    proposedBy: mentee.uid,
    startAt: Timestamp.fromMillis(startMs),
    endAt: Timestamp.fromMillis(endMs),
    durationMinutes: 30,
    timezone: "Europe/London",
    agenda: "Analytics spec session",
    meetingLink: "",
    status,
    version: 1,
    responseNote: "",
    respondedAt: Timestamp.fromMillis(startMs - DAY),
    cancelledBy: status === "cancelled" ? mentee.uid : null,
    cancelReason: status === "cancelled" ? "Clash" : "",
    cancelledAt: status === "cancelled" ? Timestamp.fromMillis(startMs - 3 * 3_600_000) : null,
    confirmedAt: Timestamp.fromMillis(startMs - DAY),
    remindersSent: {},
    nextReminderAt: null,
    lockIds: [],
    mentorName: mentor.name,
    menteeName: mentee.name,
    completedAt: ended ? Timestamp.fromMillis(endMs + 60_000) : null,
    completedBy: ended ? mentor.uid : null,
    attendance: ended ? { mentor: true, mentee: status === "completed" } : null,
    actualMinutes: status === "completed" ? 30 : null,
    sharedNotes: "",
    topics: status === "completed" ? ["Planning"] : [],
    actionItems: [],
    followUp: false,
    createdAt: Timestamp.fromMillis(startMs - 2 * DAY),
    updatedAt: Timestamp.fromMillis(endMs + 60_000),
  };
}

/** A mini request that nobody claimed within its week: expired (so it never shows on another spec's board). */
function expiredMiniRequest(student: { uid: string; name: string }, title: string, createdMs: number) {
  return miniRequestDoc(
    {
      studentId: student.uid,
      studentName: student.name,
      nowMs: createdMs,
      timestamp: Timestamp.fromDate,
      fields: {
        title,
        sessionType: "resume_review",
        description: "Please look over my resume before the spring applications open.",
        preferredDateStart: new Date(createdMs + DAY).toISOString().slice(0, 10),
        preferredDateEnd: new Date(createdMs + 5 * DAY).toISOString().slice(0, 10),
        timezone: "Europe/London",
      },
    },
    { status: "expired", expiredAt: Timestamp.fromMillis(createdMs + 7 * DAY), updatedAt: Timestamp.fromMillis(createdMs + 7 * DAY) },
  );
}

/** The Monday (UTC) of the week holding `ms`, "YYYY-MM-DD": the stats document's week keys. */
const mondayOf = (ms: number) => {
  const day = Math.floor(ms / DAY);
  return new Date((day - ((day + 3) % 7)) * DAY).toISOString().slice(0, 10);
};

/** The number a figure card shows. */
const figure = (page: Page, testId: string): Locator => page.getByTestId(testId).locator("dd").first();

/** A table row by its first (header) cell, and that row's cells. */
const row = (table: Locator, name: string | RegExp) => table.locator("tbody tr").filter({ has: table.page().locator("th", { hasText: name }) });

test("admins see programme figures that match the data, filter and export them, and find any session or mini request", async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const mentor = { name: `Imogen Statler ${stamp}`, email: `analytics-mentor-${stamp}@example.com`, uid: "" };
  mentor.uid = await createMember({ name: mentor.name, email: mentor.email, role: "mentor", department: "Engineering" });
  const mentees = await Promise.all(
    ["Ari", "Bea"].map(async (first) => {
      const name = `${first} Counter ${stamp}`;
      const email = `analytics-${first.toLowerCase()}-${stamp}@example.com`;
      const uid = await createMember({ name, email, role: "mentee", department: "Design" });
      return { name, email, uid };
    }),
  );
  // Real matches, through the callables: two active mentees for this mentor.
  for (const mentee of mentees) {
    await callAs(mentee.email, TEST_PASSWORD, "requestMatch", { mentorId: mentor.uid, message: `Analytics spec (${stamp})` });
    await callAs(mentor.email, TEST_PASSWORD, "acceptMatch", { matchId: matchIdOf(mentor.uid, mentee.uid) });
  }

  // Twelve completed sessions over the last three weeks, one missed, one cancelled: past sessions cannot be booked,
  // so they are written as completeSession leaves them. Each completed one is rated 5 by its mentee through
  // submitFeedback, and the mentor rates two of the mentees' (4), so the ratings come from the real callable.
  const now = Date.now();
  const sessions = Array.from({ length: 14 }, (_, i) => ({
    id: `analytics-${stamp}-${i}`,
    mentee: mentees[i % 2]!,
    startMs: now - (i + 1) * 36 * 3_600_000,
    status: i < 12 ? ("completed" as const) : i === 12 ? ("no_show" as const) : ("cancelled" as const),
  }));
  const batch = db().batch();
  for (const session of sessions)
    batch.create(db().doc(paths.session(session.id)), sessionDoc({ mentor, mentee: session.mentee, startMs: session.startMs, status: session.status }));
  const miniTitle = `Resume check before spring ${stamp}`;
  const miniId = `analytics-mini-${stamp}`;
  batch.create(db().doc(paths.miniRequest(miniId)), expiredMiniRequest(mentees[0]!, miniTitle, now - 9 * DAY));
  await batch.commit();
  for (const session of sessions.filter((s) => s.status === "completed"))
    await callAs(session.mentee.email, TEST_PASSWORD, "submitFeedback", { sessionId: session.id, rating: 5, comment: "Very useful." });
  for (const session of sessions.slice(0, 2)) await callAs(mentor.email, TEST_PASSWORD, "submitFeedback", { sessionId: session.id, rating: 4 });

  // No figures yet: the page must say so and offer the refresh. The stats triggers count every write above a moment
  // later: let them finish first, so none recreates the document after it is gone.
  for (let last = -1, quietSince = Date.now(); Date.now() - quietSince < 3_000; await new Promise((resolve) => setTimeout(resolve, 500))) {
    const events = Number((await db().doc(paths.programmeStats()).get()).get("events") ?? 0);
    if (events !== last) [last, quietSince] = [events, Date.now()];
  }
  await db().doc(paths.programmeStats()).delete();

  // ---- A mentee is kept out ----
  const menteePage = await (await browser.newContext()).newPage();
  await signInOn(menteePage, mentees[0]!.email, TEST_PASSWORD);
  await menteePage.goto("/admin/analytics");
  await expect(menteePage.getByRole("heading", { name: "Not available", level: 1 })).toBeVisible();
  await expect(menteePage.getByText("This page is only for programme administrators.")).toBeVisible();
  await expect(menteePage.getByTestId("overview")).toHaveCount(0);
  await expect(menteePage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Analytics" })).toHaveCount(0);
  await menteePage.context().close();

  // ---- The admin computes the figures from the empty state ----
  const context = await browser.newContext({ acceptDownloads: true });
  const admin = await context.newPage();
  await signInOn(admin, ADMIN.email, ADMIN.password);
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Analytics" }).click();
  await expect(admin).toHaveURL(/\/admin\/analytics$/);
  await expect(admin.getByRole("heading", { name: "No figures yet — Refresh to compute them" })).toBeVisible();

  // What the refresh must find, read now (no other spec runs alongside: one worker).
  const users = db().collection(paths.users());
  const expectedMentors = (await users.where("role", "==", "mentor").count().get()).data().count;
  const expectedMentees = (await users.where("role", "==", "mentee").count().get()).data().count;
  const expectedCompleted = (await db().collection(paths.sessions()).where("status", "==", "completed").count().get()).data().count;
  const engineeringMentors = (await users.where("role", "==", "mentor").where("department", "==", "Engineering").count().get()).data().count;
  const expiredMini = (await db().collection(paths.miniRequests()).where("status", "==", "expired").count().get()).data().count;
  const monday = mondayOf(Date.now());
  const thisWeek = (
    await db()
      .collection(paths.sessions())
      .where("startAt", ">=", Timestamp.fromMillis(Date.parse(`${monday}T00:00:00Z`)))
      .where("startAt", "<", Timestamp.fromMillis(Date.parse(`${monday}T00:00:00Z`) + 7 * DAY))
      .get()
  ).docs.map((doc) => doc.get("status") as string);
  const weekSessions = thisWeek.filter((status) => status !== "declined").length;
  const weekCompleted = thisWeek.filter((status) => status === "completed").length;

  await admin.getByRole("button", { name: "Refresh" }).click();
  // With no document, the check builds it from history first (then checks it), and the page follows live.
  await expect(admin.getByText(/^Figures checked against history \([\d,]+ reads\)\.$/)).toBeVisible();
  await expect(admin.getByTestId("stats-updated")).toHaveText(/^Live: last change .+\. Checked against history .+: .+\.$/);

  // ---- The overview matches the collections ----
  await expect(figure(admin, "figure-mentors")).toHaveText(String(expectedMentors));
  await expect(figure(admin, "figure-mentees")).toHaveText(String(expectedMentees));
  await expect(figure(admin, "figure-completed")).toHaveText(String(expectedCompleted));

  // ---- This mentor tops the completed-sessions list with exactly their 12, and is rated 5.00 from 12 ratings ----
  const topSessions = admin.getByTestId("top-sessions");
  await expect(row(topSessions, mentor.name).locator("td")).toHaveText(["Engineering", "12", "5.00"]);
  const topRating = admin.getByTestId("top-rating");
  await expect(row(topRating, mentor.name).locator("td")).toHaveText(["Engineering", "5.00", "12", "4.71"]);
  // Their utilisation bar: two active mentees of the default capacity.
  const bar = admin.getByRole("progressbar", { name: `${mentor.name} utilisation` });
  await expect(bar).toHaveAttribute("aria-valuetext", /^2 of \d+ mentees?, \d+%$/);

  // ---- A chart's table: this week's row of "Sessions per week" ----
  const chart = admin.getByTestId("chart-sessions");
  await chart.getByRole("button", { name: "Show table" }).click();
  await expect(chart.getByRole("button", { name: "Hide table" })).toHaveAttribute("aria-expanded", "true");
  const label = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short" }).format(new Date(`${monday}T00:00:00Z`));
  await expect(row(chart, new RegExp(`^${label}$`)).locator("td")).toHaveText([String(weekSessions), String(weekCompleted)]);
  await admin.screenshot({ path: `${SHOTS}/admin-analytics.png`, fullPage: true });

  // ---- CSV export of a table: the header, and this mentor's row ----
  const [download] = await Promise.all([
    admin.waitForEvent("download"),
    admin.getByRole("button", { name: "Export CSV: Top mentors by completed sessions" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^mentormatch-top-mentors-by-completed-sessions-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  const lines = csv.split("\r\n");
  expect(lines[0]).toBe("Mentor,Department,Completed sessions,Average rating");
  expect(lines).toContain(`${mentor.name},Engineering,12,5`);

  // ---- Filters live in the address: a department narrows the figures; a bad address value is refused ----
  await admin.getByLabel("Department", { exact: true }).selectOption("Engineering");
  await expect(admin).toHaveURL(/[?&]dept=Engineering/);
  await expect(figure(admin, "figure-mentors")).toHaveText(String(engineeringMentors));
  await admin.getByLabel("Weeks", { exact: true }).selectOption("4");
  await expect(admin).toHaveURL(/weeks=4/);
  await expect(chart.locator("tbody tr")).toHaveCount(4);
  await admin.goto("/admin/analytics?weeks=7&dept=Engineering");
  await expect(admin.getByText("Choose 4, 12, 26 or 52 weeks.")).toBeVisible();
  await expect(admin.getByLabel("Weeks", { exact: true })).toHaveValue("12");
  await expect(admin.getByLabel("Department", { exact: true })).toHaveValue("Engineering");

  // ---- At phone width the page does not scroll sideways (wide tables scroll inside their own box) ----
  await admin.setViewportSize({ width: 390, height: 844 });
  await expect(figure(admin, "figure-mentors")).toBeVisible();
  expect(await admin.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await admin.screenshot({ path: `${SHOTS}/admin-analytics-phone.png`, fullPage: true });
  await admin.setViewportSize({ width: 1280, height: 720 });

  // ---- Mini metrics come from the same document ----
  await expect(admin.getByTestId("mini-by-status").locator(".stat", { hasText: "Expired" }).locator("dd")).toHaveText(String(expiredMini));

  // ---- All sessions: filter, find this mentor's, open one read-only ----
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "All sessions" }).click();
  await expect(admin.getByRole("heading", { name: "All sessions", level: 1 })).toBeVisible();
  await admin.getByLabel("Status", { exact: true }).selectOption("completed");
  await admin.getByLabel("Kind", { exact: true }).selectOption("match");
  await admin.getByLabel("Search by name", { exact: true }).fill(`Statler ${stamp}`);
  await expect(admin).toHaveURL(/status=completed/);
  const sessionsTable = admin.getByTestId("admin-sessions");
  await expect(admin.getByTestId("admin-sessions-summary")).toContainText("match");
  // Other specs' newer sessions may push some of these to a later page: load until the list ends.
  const loadMore = admin.getByRole("button", { name: "Load more" });
  while (await loadMore.isVisible()) {
    await loadMore.click();
    await expect(admin.getByRole("button", { name: "Loading…" })).toHaveCount(0);
  }
  await expect(sessionsTable.locator("tbody tr")).toHaveCount(12);
  for (const text of await sessionsTable.locator("tbody tr td:nth-child(5)").allTextContents()) expect(text).toBe("Completed");
  await sessionsTable.locator("tbody tr").first().getByRole("link").click();
  await expect(admin).toHaveURL(new RegExp(`/sessions/analytics-${stamp}-0$`));
  await expect(admin.getByRole("heading", { name: `Session: ${mentor.name} with ${mentees[0]!.name}`, level: 1 })).toBeVisible();
  await expect(admin.getByTestId("session-status")).toHaveText("Completed");
  await expect(admin.getByText("You are viewing this as a programme admin.")).toBeVisible();
  await expect(admin.getByTestId("session-actions")).toHaveCount(0);

  // ---- Mini requests: the table finds the student's request; the row opens its page ----
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Mini requests" }).click();
  await expect(admin.getByRole("heading", { name: "Mini requests", level: 1 })).toBeVisible();
  await admin.getByLabel("Status", { exact: true }).selectOption("expired");
  await expect(admin).toHaveURL(/status=expired/);
  await admin.getByLabel("Student or mentor", { exact: true }).fill(`Ari Counter ${stamp}`);
  await admin.getByRole("button", { name: "Apply" }).click();
  const miniTable = admin.getByTestId("admin-mini");
  await expect(miniTable.locator("tbody tr")).toHaveCount(1);
  await expect(miniTable.locator("tbody tr td").nth(0)).toHaveText("Resume review");
  await expect(miniTable.locator("tbody tr td").nth(1)).toHaveText("Expired");
  await expect(miniTable.getByRole("link", { name: miniTitle })).toHaveAttribute("href", `/mini-sessions/${miniId}`);
  await admin.screenshot({ path: `${SHOTS}/admin-mini.png`, fullPage: true });

  // ---- The admin landing page reads the same document ----
  await admin.goto("/admin");
  await expect(admin.getByRole("heading", { name: "Programme overview" })).toBeVisible();
  await expect(admin.locator(".stats .stat", { hasText: "Mentors" }).locator("dd").first()).toHaveText(String(expectedMentors));
  await expect(admin.getByRole("link", { name: "Open analytics" })).toHaveAttribute("href", "/admin/analytics");
  await context.close();
});
