import { MATCHING, appLinks, matchIdOf, type MatchDoc } from "@mentormatch/shared";
import type { NotifyInput } from "./notify.js";

/**
 * What each match transition tells each person, in the product's words. One dedupe key per transition and round
 * (`match:{matchId}:{round}:{event}`), the same for both recipients (the notification lives under each person, the
 * mail id includes the recipient), so a retried trigger, a retried callable or the sweep running twice tells
 * nobody twice.
 */
export type MatchEvent = "requested" | "accepted" | "declined" | "cancelled" | "expired" | "ended";

type MatchFacts = Pick<
  MatchDoc,
  "mentorId" | "menteeId" | "round" | "mentorName" | "menteeName" | "menteeTitle" | "menteeDepartment" | "message" | "goals" | "responseMessage" | "endMessage"
>;

export function matchDedupeKey(match: Pick<MatchDoc, "mentorId" | "menteeId" | "round">, event: MatchEvent): string {
  return `match:${matchIdOf(match.mentorId, match.menteeId)}:${match.round}:${event}`;
}

const quoted = (text: string) => `“${text}”`;
const excerpt = (text: string, max = 120) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/** To the mentor: a new request. */
export function requestedMessage(match: MatchFacts): NotifyInput {
  const who = [match.menteeTitle, match.menteeDepartment].filter(Boolean).join(", ");
  return {
    kind: "match_requested",
    text: `${match.menteeName} asked you to be their mentor: ${quoted(excerpt(match.message))}`,
    link: appLinks.requests(),
    dedupeKey: matchDedupeKey(match, "requested"),
    email: {
      subject: `${match.menteeName} would like you as their mentor`,
      heading: "A new mentoring request",
      paragraphs: [
        `${match.menteeName}${who ? ` (${who})` : ""} asked you to be their mentor.`,
        ...(match.goals.length ? [`What they want to work on: ${match.goals.join("; ")}.`] : []),
        `Their note: ${quoted(match.message)}`,
        `Accept or decline it on your Requests page. If nobody answers, the request closes after ${MATCHING.requestDays} days.`,
      ],
      action: { label: "Answer the request", path: appLinks.requests() },
    },
  };
}

/** To the mentee: the mentor accepted. */
export function acceptedMessageToMentee(match: MatchFacts): NotifyInput {
  const matchId = matchIdOf(match.mentorId, match.menteeId);
  return {
    kind: "match_accepted",
    text: `${match.mentorName} accepted your mentoring request. Say hello in your chat.`,
    link: appLinks.chat(matchId),
    dedupeKey: matchDedupeKey(match, "accepted"),
    email: {
      subject: `${match.mentorName} accepted your mentoring request`,
      heading: `${match.mentorName} is your mentor`,
      paragraphs: [
        `${match.mentorName} accepted your request.`,
        ...(match.responseMessage ? [`Their message: ${quoted(match.responseMessage)}`] : []),
        "Your chat with them is open: say hello and plan your first session.",
      ],
      action: { label: "Open the chat", path: appLinks.chat(matchId) },
    },
  };
}

/** To the mentor: their acceptance, with the places now taken. */
export function acceptedMessageToMentor(match: MatchFacts, taken: number, capacity: number): NotifyInput {
  const matchId = matchIdOf(match.mentorId, match.menteeId);
  const places = `You now mentor ${taken} of ${capacity}.`;
  return {
    kind: "match_accepted",
    text: `You are now mentoring ${match.menteeName}. ${places}`,
    link: appLinks.chat(matchId),
    dedupeKey: matchDedupeKey(match, "accepted"),
    email: {
      subject: `You are now mentoring ${match.menteeName}`,
      heading: `You are now mentoring ${match.menteeName}`,
      paragraphs: [`You accepted ${match.menteeName}'s request. ${places}`, "Your chat with them is open."],
      action: { label: "Open the chat", path: appLinks.chat(matchId) },
    },
  };
}

/** To the mentee: the mentor declined (a client write; on-match-written sends it). */
export function declinedMessage(match: MatchFacts): NotifyInput {
  return {
    kind: "match_declined",
    text: `${match.mentorName} declined your mentoring request.${match.responseMessage ? ` ${quoted(excerpt(match.responseMessage))}` : ""}`,
    link: appLinks.directory(),
    dedupeKey: matchDedupeKey(match, "declined"),
    email: {
      subject: `${match.mentorName} can't take your mentoring request`,
      heading: "Your mentoring request was declined",
      paragraphs: [
        `${match.mentorName} declined your request.`,
        ...(match.responseMessage ? [`Their message: ${quoted(match.responseMessage)}`] : []),
        "Other mentors may be a good fit: the directory suggests some from your learning goals.",
      ],
      action: { label: "Find another mentor", path: appLinks.directory() },
    },
  };
}

/** To the mentee: the mentor stopped mentoring (setUserRole), so the request closed. Same key as a decline. */
export function closedByRoleChangeMessage(match: MatchFacts): NotifyInput {
  return {
    kind: "match_declined",
    text: `${match.mentorName} is no longer mentoring, so your request was closed. You can ask another mentor.`,
    link: appLinks.directory(),
    dedupeKey: matchDedupeKey(match, "declined"),
    email: {
      subject: `Your request to ${match.mentorName} was closed`,
      heading: "Your mentoring request was closed",
      paragraphs: [`${match.mentorName} is no longer a mentor on MentorMatch, so your request to them was closed.`, "You can ask another mentor."],
      action: { label: "Find another mentor", path: appLinks.directory() },
    },
  };
}

/** To the mentor: the mentee withdrew a request (a client write; on-match-written sends it). */
export function cancelledMessage(match: MatchFacts): NotifyInput {
  return {
    kind: "match_cancelled",
    text: `${match.menteeName} withdrew their mentoring request.`,
    link: appLinks.requests(),
    dedupeKey: matchDedupeKey(match, "cancelled"),
    email: {
      subject: `${match.menteeName} withdrew their mentoring request`,
      heading: "A mentoring request was withdrawn",
      paragraphs: [`${match.menteeName} withdrew their request, so there is nothing to answer.`],
      action: { label: "Your requests", path: appLinks.requests() },
    },
  };
}

/** To both: nobody answered in MATCHING.requestDays. */
export function expiredMessages(match: MatchFacts): { mentee: NotifyInput; mentor: NotifyInput } {
  const dedupeKey = matchDedupeKey(match, "expired");
  return {
    mentee: {
      kind: "match_expired",
      text: `Your request to ${match.mentorName} expired after ${MATCHING.requestDays} days without an answer. You can ask another mentor.`,
      link: appLinks.directory(),
      dedupeKey,
      email: {
        subject: `Your request to ${match.mentorName} expired`,
        heading: "Your mentoring request expired",
        paragraphs: [
          `${match.mentorName} did not answer your request within ${MATCHING.requestDays} days, so it has closed.`,
          "You can ask another mentor, or ask again later.",
        ],
        action: { label: "Find a mentor", path: appLinks.directory() },
      },
    },
    mentor: {
      kind: "match_expired",
      text: `${match.menteeName}'s mentoring request expired before you answered it.`,
      link: appLinks.requests(),
      dedupeKey,
      email: {
        subject: `${match.menteeName}'s request expired`,
        heading: "A mentoring request expired",
        paragraphs: [
          `${match.menteeName}'s request waited ${MATCHING.requestDays} days without an answer, so it has closed.`,
          "Switch off “accepting requests” on your profile when you can't take more mentees.",
        ],
        action: { label: "Your requests", path: appLinks.requests() },
      },
    },
  };
}

/** To both: one of them ended the mentoring. The chat stays readable. */
export function endedMessages(match: MatchFacts, endedBy: string): { mentee: NotifyInput; mentor: NotifyInput } {
  const matchId = matchIdOf(match.mentorId, match.menteeId);
  const dedupeKey = matchDedupeKey(match, "ended");
  const note = match.endMessage ? [`Their note: ${quoted(match.endMessage)}`] : [];
  const toOther = (otherName: string): NotifyInput => ({
    kind: "match_ended",
    text: `${otherName} ended your mentoring. Your chat history stays readable.`,
    link: appLinks.chat(matchId),
    dedupeKey,
    email: {
      subject: `${otherName} ended your mentoring`,
      heading: "Your mentoring has ended",
      paragraphs: [`${otherName} ended your mentoring on MentorMatch.`, ...note, "Your chat history stays readable; no new messages can be sent."],
      action: { label: "Open the chat", path: appLinks.chat(matchId) },
    },
  });
  const toSelf = (otherName: string): NotifyInput => ({
    kind: "match_ended",
    text: `You ended your mentoring with ${otherName}. The chat history stays readable.`,
    link: appLinks.chat(matchId),
    dedupeKey,
    email: {
      subject: `Your mentoring with ${otherName} has ended`,
      heading: "Your mentoring has ended",
      paragraphs: [`You ended your mentoring with ${otherName}.`, "Your chat history stays readable; no new messages can be sent."],
    },
  });
  return endedBy === match.mentorId
    ? { mentee: toOther(match.mentorName), mentor: toSelf(match.menteeName) }
    : { mentee: toSelf(match.mentorName), mentor: toOther(match.menteeName) };
}

/** To the mentee: an admin took the mentor role away, which ended the mentoring (same key as an ordinary end). */
export function endedByRoleChangeMessage(match: MatchFacts): NotifyInput {
  return {
    kind: "match_ended",
    text: `Your mentoring with ${match.mentorName} has ended: they are no longer a mentor. Your chat history stays readable.`,
    link: appLinks.directory(),
    dedupeKey: matchDedupeKey(match, "ended"),
    email: {
      subject: `Your mentoring with ${match.mentorName} has ended`,
      heading: "Your mentoring has ended",
      paragraphs: [
        `A programme admin changed ${match.mentorName}'s role, so they no longer mentor on MentorMatch and your mentoring has ended.`,
        "Your chat history stays readable. You can find another mentor in the directory.",
      ],
      action: { label: "Find a mentor", path: appLinks.directory() },
    },
  };
}
