import { appLinks } from "@mentormatch/shared";
import type { NotifyInput } from "./notify.js";
import { formatSessionTime } from "./session-messages.js";

/**
 * What completing a session and leaving feedback tell the other person. Keys are per session and event (a completed
 * session has no further versions), so a retried callable tells nobody twice.
 */

export function completedMessage(input: {
  sessionId: string;
  actorName: string;
  startMs: number;
  recipientTimeZone: string;
  status: "completed" | "no_show";
}): NotifyInput {
  const when = formatSessionTime(input.startMs, input.recipientTimeZone);
  const completed = input.status === "completed";
  const text = completed
    ? `${input.actorName} marked the session on ${when} as completed. Leave them feedback.`
    : `${input.actorName} recorded that you did not attend the session on ${when}.`;
  return {
    kind: "session_completed",
    text,
    link: appLinks.sessions(),
    dedupeKey: `session:${input.sessionId}:${input.status}`,
    email: {
      subject: completed ? `Completed: your session on ${when}` : `Missed: your session on ${when}`,
      heading: completed ? "Your session was completed" : "A session was recorded as missed",
      paragraphs: completed
        ? [text, "The shared notes, topics and action items are on the session. Your feedback helps both of you."]
        : [text, "If that is not right, write to them or to programme support."],
      action: { label: "Your sessions", path: appLinks.sessions() },
    },
  };
}

export function feedbackReceivedMessage(input: { sessionId: string; fromUid: string; fromName: string }): NotifyInput {
  return {
    kind: "feedback_received",
    text: `${input.fromName} left feedback on your session. You can read it once you have left yours, or after 7 days.`,
    link: appLinks.sessions(),
    dedupeKey: `feedback:${input.sessionId}:${input.fromUid}`,
    email: {
      subject: `${input.fromName} left feedback on your session`,
      heading: "New feedback",
      paragraphs: [
        `${input.fromName} left feedback on your session.`,
        "Both of you can read each other's feedback once both are in, or 7 days after the session was completed.",
      ],
      action: { label: "Your sessions", path: appLinks.sessions() },
    },
  };
}
