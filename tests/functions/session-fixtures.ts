// Fixtures shared by the session functions tests (booking, reschedule): members written as registerAccount leaves
// them, an accepted match, the mentor's hours, and the clock helpers the cases are written in.
import { buildSearchTokens, defaultEmailPrefs, defaultProfileFields, matchIdOf, paths } from "@mentormatch/shared";
import { Timestamp } from "firebase-admin/firestore";
import { signInWithEmailAndPassword } from "firebase/auth";
import { PASSWORD, adminAuth, adminDb, newClient, uniqueId, type SignedInClient } from "./helpers.js";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const TAKEN = "That time was just taken — pick another.";

// ---- fixtures ---------------------------------------------------------------------------------------------------

/**
 * A member as registerAccount leaves one (verified account, role claim, profile, settings), written with the Admin
 * SDK so twenty mentees for the race cost no twenty sign-ups; then signed in as the web app would be.
 */
export async function member(role: "mentor" | "mentee", displayName: string, timezone = "Europe/Berlin"): Promise<SignedInClient> {
  const email = `${uniqueId(role)}@example.com`.toLowerCase();
  const user = await adminAuth.createUser({ email, password: PASSWORD, emailVerified: true, displayName });
  await adminAuth.setCustomUserClaims(user.uid, { role });
  const now = Timestamp.now();
  await adminDb.doc(paths.user(user.uid)).set({
    ...defaultProfileFields({ displayName, timezone, role }),
    uid: user.uid,
    role,
    capacity: role === "mentor" ? 20 : 0,
    activeMenteeCount: 0,
    ratingAvg: 0,
    ratingCount: 0,
    sessionCount: 0,
    searchTokens: buildSearchTokens({ displayName, expertise: [] }),
    createdAt: now,
    updatedAt: now,
  });
  await adminDb.doc(paths.userSettings(user.uid)).set({ email, emailPrefs: defaultEmailPrefs(), createdAt: now });
  const client = newClient();
  const { user: signedIn } = await signInWithEmailAndPassword(client.auth, email, PASSWORD);
  return { ...client, user: signedIn, uid: signedIn.uid, email };
}

/** A match between the two, as acceptMatch leaves it (or in another status). */
export async function match(mentor: SignedInClient, mentee: SignedInClient, status: "accepted" | "pending" | "ended" = "accepted") {
  const now = Timestamp.now();
  const matchId = matchIdOf(mentor.uid, mentee.uid);
  await adminDb.doc(paths.match(matchId)).set({
    mentorId: mentor.uid,
    menteeId: mentee.uid,
    participants: [mentor.uid, mentee.uid],
    status,
    round: 1,
    message: "Could you mentor me?",
    goals: [],
    mentorName: (await adminDb.doc(paths.user(mentor.uid)).get()).get("displayName"),
    mentorTitle: "",
    menteeName: (await adminDb.doc(paths.user(mentee.uid)).get()).get("displayName"),
    menteeTitle: "",
    menteeDepartment: "",
    responseMessage: "",
    requestedAt: now,
    expiresAt: Timestamp.fromMillis(now.toMillis() + 14 * DAY),
    respondedAt: status === "pending" ? null : now,
    endedAt: null,
    endedBy: null,
    endMessage: "",
    responseCounted: false,
    createdAt: now,
    updatedAt: now,
  });
  return matchId;
}

export const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The start of the UTC day `days` from today, plus `hours`. */
export const dayAt = (days: number, hours: number) => Math.floor(Date.now() / DAY) * DAY + days * DAY + hours * HOUR;
export const DAY_OFF = dayAt(3, 0);

/** The mentor's hours as the Schedule page writes them: every day, all day (UTC), except a day off three days ahead. */
export async function availability(mentor: SignedInClient, overrides: Record<string, unknown> = {}) {
  const allDay = [{ start: "00:00", end: "24:00" }];
  await adminDb.doc(paths.availability(mentor.uid)).set({
    timeZone: "UTC",
    weekly: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    overrides: { [dateOf(DAY_OFF)]: [] },
    minimumNoticeMinutes: 60,
    horizonDays: 14,
    bufferMinutes: 15,
    updatedAt: Timestamp.now(),
    ...overrides,
  });
}

/** A mentor with hours and a mentee in an accepted match with them. */
export async function pair(label: string) {
  const mentor = await member("mentor", `Ada ${label}`);
  const mentee = await member("mentee", `Sam ${label}`, "America/New_York");
  await availability(mentor);
  const matchId = await match(mentor, mentee);
  return { mentor, mentee, matchId };
}
