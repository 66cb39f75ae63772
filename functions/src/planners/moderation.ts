import {
  REPORT_REASON_LABELS,
  type MatchDoc,
  type ReportAction,
  type ReportDoc,
  type ReportReason,
} from "@mentormatch/shared";
import { closedByRoleChangeUpdate, planEnd, type MatchMentor, type MatchWrite } from "./match.js";

/**
 * Moderation decisions, pure: reporting a chat message, resolving a report, blocking someone, and replacing the
 * blocked-word list. The callables read in a transaction, ask here with `now`, and write what comes back.
 */

export type ModerationRefusal = {
  action: "refuse";
  code: "not-found" | "permission-denied" | "failed-precondition" | "invalid-argument";
  message: string;
};

const refuse = (code: ModerationRefusal["code"], message: string): ModerationRefusal => ({ action: "refuse", code, message });

// ---- reportMessage ----------------------------------------------------------------------------------------------

/** A chat message as the Realtime Database holds it (read with the Admin SDK). */
export interface ChatMessageFacts {
  from: string;
  text: string;
  sentAt: number;
  removed?: boolean;
}

export interface ReportPlanInput {
  reporterUid: string;
  /** `chats/{chatId}/members`, or null when the chat does not exist. */
  members: Record<string, unknown> | null;
  message: ChatMessageFacts | null;
  /** The report this reporter already filed on this message, if any. */
  existing: ReportDoc | null;
  reporterName: string;
  authorName: string;
  chatId: string;
  messageId: string;
  reason: ReportReason;
  details: string;
  now: Date;
}

/** A report document as written: the timestamps may be Dates. */
export type ReportWrite = Omit<ReportDoc, "messageSentAt" | "createdAt" | "resolvedAt"> & {
  messageSentAt: Date;
  createdAt: Date;
  resolvedAt: Date | null;
};

export type ReportPlan = ModerationRefusal | { action: "noop" } | { action: "create"; doc: ReportWrite };

/**
 * A member reports a message the other member sent. Only someone in the chat can, and only a message that is there
 * and not their own (nothing to report in one's own words). Reporting the same message again answers ok and writes
 * nothing. Not finding the chat and not being in it read the same, so the answer does not reveal which chats exist.
 */
export function planReport(input: ReportPlanInput): ReportPlan {
  const { members, message } = input;
  if (!members || members[input.reporterUid] !== true) return refuse("not-found", "We could not find that conversation.");
  if (input.existing) return { action: "noop" };
  if (!message) return refuse("not-found", "We could not find that message. It may have been removed.");
  if (message.from === input.reporterUid) return refuse("failed-precondition", "You cannot report your own message.");
  if (members[message.from] !== true) return refuse("not-found", "We could not find that message.");
  if (message.removed) return refuse("failed-precondition", "A moderator already removed this message.");
  return {
    action: "create",
    doc: {
      chatId: input.chatId,
      messageId: input.messageId,
      reporterUid: input.reporterUid,
      reporterName: input.reporterName,
      authorUid: message.from,
      authorName: input.authorName,
      messageText: message.text,
      messageSentAt: new Date(message.sentAt),
      reason: input.reason,
      details: input.details,
      status: "open",
      createdAt: input.now,
      resolvedAt: null,
      resolvedBy: null,
      resolvedByName: null,
      action: null,
      note: "",
    },
  };
}

/** The admins' notification text: who reported whom and why, never the message itself (it is on the page). */
export function reportFiledText(report: Pick<ReportDoc, "reporterName" | "authorName" | "reason">): string {
  return `${report.reporterName} reported a message from ${report.authorName}: ${REPORT_REASON_LABELS[report.reason].toLowerCase()}.`;
}

// ---- resolveReport ----------------------------------------------------------------------------------------------

export interface ResolvePlanInput {
  report: ReportDoc | null;
  action: ReportAction;
  note: string;
  adminUid: string;
  adminName: string;
  now: Date;
}

export type ResolvePlan =
  | ModerationRefusal
  /** Already resolved: `action` is what was decided then (a retry re-applies a removal, which is idempotent). */
  | { action: "noop"; decided: ReportAction }
  | {
      action: "resolve";
      decided: ReportAction;
      reportUpdate: Pick<ReportWrite, "status" | "resolvedAt" | "resolvedBy" | "resolvedByName" | "action" | "note">;
      audit: "report_dismissed" | "message_removed";
    };

/** An admin decides an open report: dismiss it, or remove the message. The first decision stands. */
export function planResolve(input: ResolvePlanInput): ResolvePlan {
  const { report } = input;
  if (!report) return refuse("not-found", "We could not find that report.");
  if (report.status === "resolved") return { action: "noop", decided: report.action ?? input.action };
  return {
    action: "resolve",
    decided: input.action,
    reportUpdate: {
      status: "resolved",
      resolvedAt: input.now,
      resolvedBy: input.adminUid,
      resolvedByName: input.adminName,
      action: input.action,
      note: input.note,
    },
    audit: input.action === "remove_message" ? "message_removed" : "report_dismissed",
  };
}

/** What the reporter reads: the outcome, not the admin's name or note (those are for the audit log). */
export function reportResolvedText(action: ReportAction, authorName: string): string {
  return action === "remove_message"
    ? `Thanks for your report. A moderator removed the message from ${authorName}.`
    : `Thanks for your report. A moderator reviewed the message from ${authorName} and left it in place.`;
}

// ---- blockUser --------------------------------------------------------------------------------------------------

export interface BlockPlanInput {
  blockerUid: string;
  blockedUid: string;
  /** Whether the blocked person has a profile. */
  blockedExists: boolean;
  alreadyBlocked: boolean;
  /** The pair's match documents (as mentor of the other, and as mentee), those that exist. */
  matches: MatchDoc[];
  /** Profiles of the two people, for the mentor's count when an accepted match ends. */
  profiles: Record<string, Pick<MatchMentor, "activeMenteeCount"> | null>;
  now: Date;
}

export type MatchChange =
  | { kind: "end"; match: MatchDoc; matchUpdate: Partial<MatchWrite>; mentorUpdate: { activeMenteeCount: number; lastActiveAt?: Date } | null }
  | { kind: "decline" | "cancel"; match: MatchDoc; matchUpdate: Partial<MatchWrite> };

export type BlockPlan = ModerationRefusal | { action: "block"; createBlock: boolean; matchChanges: MatchChange[] };

/**
 * Someone blocks another member. The block is new or already there (a retry: answered ok); either way an accepted
 * mentoring between them ends exactly as endMatch ends it (the mentor's count − 1, reusing planEnd) and a waiting
 * request closes: declined when the blocker is the mentor (not counted as an answer), cancelled when the blocker is
 * the mentee. The other person is told only what endMatch, a decline or a cancel would tell them.
 */
export function planBlock(input: BlockPlanInput): BlockPlan {
  if (input.blockerUid === input.blockedUid) return refuse("invalid-argument", "You cannot block yourself.");
  if (!input.blockedExists) return refuse("not-found", "There is no one with that id on MentorMatch.");
  const matchChanges: MatchChange[] = [];
  for (const match of input.matches) {
    if (match.status === "accepted") {
      const plan = planEnd({
        callerUid: input.blockerUid,
        match,
        mentor: input.profiles[match.mentorId] ?? null,
        message: "",
        now: input.now,
      });
      if (plan.action === "end")
        matchChanges.push({
          kind: "end",
          match,
          matchUpdate: plan.matchUpdate,
          mentorUpdate: plan.mentorUpdate ? { activeMenteeCount: plan.mentorUpdate.activeMenteeCount ?? 0, ...(plan.mentorUpdate.lastActiveAt ? { lastActiveAt: plan.mentorUpdate.lastActiveAt } : {}) } : null,
        });
    } else if (match.status === "pending") {
      matchChanges.push(
        input.blockerUid === match.mentorId
          ? { kind: "decline", match, matchUpdate: closedByRoleChangeUpdate(input.now) }
          : { kind: "cancel", match, matchUpdate: { status: "cancelled", updatedAt: input.now } },
      );
    }
  }
  return { action: "block", createBlock: !input.alreadyBlocked, matchChanges };
}




// ---- setBlockedWords --------------------------------------------------------------------------------------------

/** The new list replaces the old; the audit entry records how many words each held. Same list: nothing written. */
export function planBlockedWords(before: readonly string[] | null, after: readonly string[]) {
  const countBefore = before?.length ?? 0;
  const same = before !== null && before.length === after.length && before.every((word, i) => word === after[i]);
  return { changed: !same, countBefore, countAfter: after.length };
}
