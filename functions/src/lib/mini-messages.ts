import { MINI, MINI_SESSION_TYPE_LABELS, appLinks, type MiniRequestDoc } from "@mentormatch/shared";
import type { NotifyInput } from "./notify.js";

/**
 * What each mini request transition tells whom, in the product's words (seed 003's templates, rewritten). Every user
 * string goes through the shared email template, which escapes it. One dedupe key per request and event
 * (`mini:{requestId}:{event}`), with the claim's time for the events a request can see more than once (claimed,
 * released: a request given back can be claimed again), so a retried callable or a second job run tells nobody twice.
 */
export type MiniEvent = "posted" | "claimed" | "released" | "cancelled" | "expired";

export function miniDedupeKey(requestId: string, event: MiniEvent, claimedAtMs?: number | null): string {
  return claimedAtMs === undefined || claimedAtMs === null ? `mini:${requestId}:${event}` : `mini:${requestId}:${event}:${claimedAtMs}`;
}

type MiniFacts = Pick<MiniRequestDoc, "title" | "sessionType" | "durationMinutes" | "studentName">;

const quoted = (text: string) => `“${text}”`;
const excerpt = (text: string, max = 80) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);
const kindOf = (request: MiniFacts) => `${MINI_SESSION_TYPE_LABELS[request.sessionType].toLowerCase()}, ${request.durationMinutes} minutes`;

/** To the student: the request is on the board. */
export function postedMessage(requestId: string, request: MiniFacts, expiresAtMs: number): NotifyInput {
  const until = new Date(expiresAtMs).toISOString().slice(0, 10);
  return {
    kind: "mini_posted",
    text: `Your mini mentorship request ${quoted(excerpt(request.title))} is on the board for mentors.`,
    link: appLinks.miniRequest(requestId),
    dedupeKey: miniDedupeKey(requestId, "posted"),
    email: {
      subject: `Your mini mentorship request is posted: ${excerpt(request.title)}`,
      heading: "Your request is on the board",
      paragraphs: [
        `Your request ${quoted(request.title)} (${kindOf(request)}) is now visible to every mentor on MentorMatch.`,
        "When a mentor claims it we will email you, and they will pick a time inside the days and hours you gave.",
        `If nobody claims it within ${MINI.expiryDays} days (by ${until}), it closes and you can post it again.`,
      ],
      action: { label: "See your request", path: appLinks.miniRequest(requestId) },
    },
  };
}

/** To the student: a mentor claimed it and has MINI.scheduleWithinHours to pick a time. */
export function claimedMessage(requestId: string, request: MiniFacts, mentorName: string, claimedAtMs: number): NotifyInput {
  return {
    kind: "mini_claimed",
    text: `${mentorName} claimed your mini mentorship request ${quoted(excerpt(request.title))} and will pick a time soon.`,
    link: appLinks.miniRequest(requestId),
    dedupeKey: miniDedupeKey(requestId, "claimed", claimedAtMs),
    email: {
      subject: `${mentorName} claimed your mini mentorship request`,
      heading: "A mentor claimed your request",
      paragraphs: [
        `Good news: ${mentorName} claimed your request ${quoted(request.title)}.`,
        `They will choose a time inside your preferred days and hours within ${MINI.scheduleWithinHours} hours, and you will get another email with the details and a calendar file.`,
        `If they do not, your request goes back on the board for other mentors.`,
      ],
      action: { label: "See your request", path: appLinks.miniRequest(requestId) },
    },
  };
}

/**
 * To the student: the claim ended without a time, given back by the mentor or lapsed at the deadline. The same key
 * for both (one claim ends once), so a release racing the job tells the student once.
 */
export function releasedMessage(
  requestId: string,
  request: MiniFacts,
  mentorName: string,
  claimedAtMs: number | null,
  lapsed: boolean,
  reason = "",
): NotifyInput {
  const why = lapsed
    ? `${mentorName} did not pick a time within ${MINI.scheduleWithinHours} hours of claiming your request ${quoted(request.title)}.`
    : `${mentorName} gave back your request ${quoted(request.title)}: they cannot take it after all.`;
  return {
    kind: "mini_released",
    text: `${lapsed ? `${mentorName} did not schedule` : `${mentorName} gave back`} your request ${quoted(excerpt(request.title))}. It is on the board again.`,
    link: appLinks.miniRequest(requestId),
    dedupeKey: miniDedupeKey(requestId, "released", claimedAtMs),
    email: {
      subject: `Your mini mentorship request is back on the board`,
      heading: "Your request is open again",
      paragraphs: [
        why,
        ...(reason ? [`Their note: ${quoted(reason)}`] : []),
        "It is back on the board, so another mentor can claim it. You do not need to do anything.",
      ],
      action: { label: "See your request", path: appLinks.miniRequest(requestId) },
    },
  };
}

/** To the claimer: the student cancelled the request (and, when it was scheduled, the session at `when`). */
export function miniCancelledMessage(requestId: string, request: MiniFacts, reason: string, when: string | null): NotifyInput {
  const what = when ? `${request.studentName} cancelled the mini session on ${when} for ${quoted(request.title)}.` : `${request.studentName} cancelled their request ${quoted(request.title)}, which you had claimed.`;
  return {
    kind: "mini_cancelled",
    text: `${what}${reason ? ` ${quoted(excerpt(reason, 120))}` : ""}`,
    link: appLinks.miniRequest(requestId),
    dedupeKey: miniDedupeKey(requestId, "cancelled"),
    email: {
      subject: when ? `Cancelled: the mini session on ${when} with ${request.studentName}` : `${request.studentName} cancelled their mini mentorship request`,
      heading: "A mini mentorship request was cancelled",
      paragraphs: [
        what,
        ...(reason ? [`Their reason: ${quoted(reason)}`] : []),
        ...(when ? ["The time is free again in your calendar."] : []),
        "Other students' requests are waiting on the board.",
      ],
      action: { label: "Browse open requests", path: appLinks.miniBoard() },
    },
  };
}

/** To the student: nobody claimed it within MINI.expiryDays; a link to post it again. */
export function expiredMessage(requestId: string, request: MiniFacts): NotifyInput {
  return {
    kind: "mini_expired",
    text: `Nobody claimed your mini mentorship request ${quoted(excerpt(request.title))} within ${MINI.expiryDays} days, so it closed. You can post it again.`,
    link: appLinks.newMiniRequest(),
    dedupeKey: miniDedupeKey(requestId, "expired"),
    email: {
      subject: `Your mini mentorship request expired: ${excerpt(request.title)}`,
      heading: "Your request expired",
      paragraphs: [
        `No mentor claimed your request ${quoted(request.title)} within ${MINI.expiryDays} days, so it has left the board.`,
        "Posting it again with a wider range of days or hours, or a few tags, helps mentors find it.",
      ],
      action: { label: "Post it again", path: appLinks.newMiniRequest() },
    },
  };
}
