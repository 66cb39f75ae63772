import * as z from "zod";
import { ROLES, type Role } from "./constants.js";
import {
  emptyInputSchema,
  createCalendarFeedOutputSchema,
  inviteInputSchema,
  registerAccountInputSchema,
  setUserRoleInputSchema,
  roleChoiceSchema,
  signUpPolicySchema,
} from "./schemas/account.js";
import { acceptMatchInputSchema, endMatchInputSchema, requestMatchInputSchema, resyncChatInputSchema } from "./schemas/match.js";
import {
  bookSessionInputSchema,
  bookSessionOutputSchema,
  cancelSessionInputSchema,
  cancelSessionOutputSchema,
  rescheduleSessionInputSchema,
  rescheduleSessionOutputSchema,
  completeSessionInputSchema,
  completeSessionOutputSchema,
  submitFeedbackInputSchema,
  submitFeedbackOutputSchema,
  getBookableSlotsInputSchema,
  getBookableSlotsOutputSchema,
  respondToSessionInputSchema,
  respondToSessionOutputSchema,
} from "./schemas/session.js";
import {
  cancelMiniRequestInputSchema,
  cancelMiniRequestOutputSchema,
  claimMiniRequestInputSchema,
  claimMiniRequestOutputSchema,
  getMiniSlotsInputSchema,
  getMiniWaitEstimateInputSchema,
  getMiniWaitEstimateOutputSchema,
  miniRequestInputSchema,
  postMiniRequestOutputSchema,
  releaseMiniRequestInputSchema,
  releaseMiniRequestOutputSchema,
  scheduleMiniSessionInputSchema,
  scheduleMiniSessionOutputSchema,
} from "./schemas/mini.js";
import { refreshProgrammeStatsOutputSchema } from "./schemas/stats.js";
import {
  blockUserInputSchema,
  blockUserOutputSchema,
  reportMessageInputSchema,
  reportMessageOutputSchema,
  resolveReportInputSchema,
  resolveReportOutputSchema,
  setBlockedWordsInputSchema,
  setBlockedWordsOutputSchema,
} from "./schemas/moderation.js";
import {
  closeSupportThreadInputSchema,
  openSupportThreadInputSchema,
  postSupportMessageInputSchema,
  reopenSupportThreadInputSchema,
} from "./schemas/support.js";

/**
 * Who may call: anyone (`public`), any signed-in account even before it has a role (`account`), or people whose
 * current role (read on the server, never taken from the token alone) is one of the listed roles.
 */
export type CallableAccess = "public" | "account" | readonly Role[];

/** The callable contract: every callable's name, who may call it, its input schema and output schema. */
export const callables = {
  getSignUpPolicy: {
    access: "public",
    input: emptyInputSchema,
    output: signUpPolicySchema,
  },
  registerAccount: {
    access: "account",
    input: registerAccountInputSchema,
    output: z.discriminatedUnion("status", [
      z.object({ status: z.literal("registered"), role: roleChoiceSchema, created: z.boolean() }),
      z.object({ status: z.literal("verify_email"), email: z.string(), sent: z.boolean(), retryAfterSeconds: z.number() }),
    ]),
  },
  sendVerificationEmail: {
    access: "account",
    input: emptyInputSchema,
    output: z.object({ email: z.string(), sent: z.boolean(), retryAfterSeconds: z.number() }),
  },
  setUserRole: {
    access: ["admin"],
    input: setUserRoleInputSchema,
    output: z.object({
      uid: z.string(),
      role: z.enum(ROLES),
      changed: z.boolean(),
      /** With endActiveMatches: how many accepted matches ended and pending requests were closed. */
      endedMatches: z.number().optional(),
      closedRequests: z.number().optional(),
    }),
  },
  inviteUser: {
    access: ["admin"],
    input: inviteInputSchema,
    output: z.object({ email: z.string(), inviteId: z.string(), created: z.boolean() }),
  },
  revokeInvite: {
    access: ["admin"],
    input: inviteInputSchema,
    output: z.object({ email: z.string(), revoked: z.boolean() }),
  },
  // The private calendar feed (docs/ARCHITECTURE.md, calendarFeeds/): a new token (the old one, if any, stops working),
  // or none. Functions only, because only the token's hash is stored and the token must come from a CSPRNG.
  createCalendarFeed: {
    access: ["mentor", "mentee"],
    input: emptyInputSchema,
    output: createCalendarFeedOutputSchema,
  },
  deleteCalendarFeed: {
    access: ["mentor", "mentee"],
    input: emptyInputSchema,
    output: z.object({ deleted: z.boolean() }),
  },
  // Match requests (docs/ARCHITECTURE.md, matches/). Declining and cancelling are client writes under the rules.
  requestMatch: {
    access: ["mentee"],
    input: requestMatchInputSchema,
    output: z.object({ matchId: z.string(), status: z.literal("pending"), round: z.number(), expiresAt: z.string() }),
  },
  acceptMatch: {
    access: ["mentor"],
    input: acceptMatchInputSchema,
    output: z.object({
      matchId: z.string(),
      status: z.literal("accepted"),
      /** False when it was already accepted (a retry). */
      changed: z.boolean(),
      activeMenteeCount: z.number(),
      capacity: z.number(),
    }),
  },
  endMatch: {
    access: ["mentor", "mentee", "admin"],
    input: endMatchInputSchema,
    output: z.object({ matchId: z.string(), status: z.literal("ended"), changed: z.boolean() }),
  },
  /** Support: re-writes a match's chat membership (open while accepted, closed otherwise) from the match itself. */
  resyncChat: {
    access: ["admin"],
    input: resyncChatInputSchema,
    output: z.object({ matchId: z.string(), closed: z.boolean(), members: z.array(z.string()) }),
  },
  // Sessions (docs/ARCHITECTURE.md, sessions/ and sessionLocks/): callables, because a booking must create lock
  // documents for both people in one transaction, more documents than a rule may check.
  getBookableSlots: {
    access: ["mentor", "mentee"],
    input: getBookableSlotsInputSchema,
    output: getBookableSlotsOutputSchema,
  },
  bookSession: {
    access: ["mentor", "mentee"],
    input: bookSessionInputSchema,
    output: bookSessionOutputSchema,
  },
  respondToSession: {
    access: ["mentor", "mentee"],
    input: respondToSessionInputSchema,
    output: respondToSessionOutputSchema,
  },
  cancelSession: {
    access: ["mentor", "mentee"],
    input: cancelSessionInputSchema,
    output: cancelSessionOutputSchema,
  },
  rescheduleSession: {
    access: ["mentor", "mentee"],
    input: rescheduleSessionInputSchema,
    output: rescheduleSessionOutputSchema,
  },
  // Completion and feedback (docs/ARCHITECTURE.md, sessions/ and feedback/): callables, because each also changes
  // fn-only profile counters (sessionCount, ratingAvg/ratingCount/ratingScore) in the same transaction, exactly once.
  completeSession: {
    access: ["mentor", "mentee"],
    input: completeSessionInputSchema,
    output: completeSessionOutputSchema,
  },
  submitFeedback: {
    access: ["mentor", "mentee"],
    input: submitFeedbackInputSchema,
    output: submitFeedbackOutputSchema,
  },
  // Support conversations with the programme admins (docs/ARCHITECTURE.md, supportThreads/). Every message goes
  // through a callable because it must notify the other side; clients only read and clear their own unread flag.
  openSupportThread: {
    access: ["mentor", "mentee", "admin"],
    input: openSupportThreadInputSchema,
    output: z.object({ threadId: z.string() }),
  },
  postSupportMessage: {
    access: ["mentor", "mentee", "admin"],
    input: postSupportMessageInputSchema,
    output: z.object({ threadId: z.string(), messageId: z.string() }),
  },
  closeSupportThread: {
    access: ["admin"],
    input: closeSupportThreadInputSchema,
    output: z.object({ threadId: z.string(), status: z.literal("closed"), changed: z.boolean() }),
  },
  reopenSupportThread: {
    access: ["mentor", "mentee", "admin"],
    input: reopenSupportThreadInputSchema,
    output: z.object({ threadId: z.string(), status: z.literal("open"), changed: z.boolean() }),
  },
  // Chat moderation (docs/ARCHITECTURE.md, reports/, blocks/, config/moderation).
  reportMessage: {
    access: ["mentor", "mentee", "admin"],
    input: reportMessageInputSchema,
    output: reportMessageOutputSchema,
  },
  resolveReport: {
    access: ["admin"],
    input: resolveReportInputSchema,
    output: resolveReportOutputSchema,
  },
  blockUser: {
    access: ["mentor", "mentee", "admin"],
    input: blockUserInputSchema,
    output: blockUserOutputSchema,
  },
  unblockUser: {
    access: ["mentor", "mentee", "admin"],
    input: blockUserInputSchema,
    output: blockUserOutputSchema,
  },
  setBlockedWords: {
    access: ["admin"],
    input: setBlockedWordsInputSchema,
    output: setBlockedWordsOutputSchema,
  },
  // Mini mentorship (docs/ARCHITECTURE.md, miniRequests/): every transition is a callable, because each one checks
  // other documents (a claim, the claimer's open claims, the session's locks) and notifies in the same transaction.
  postMiniRequest: {
    access: ["mentee"],
    input: miniRequestInputSchema,
    output: postMiniRequestOutputSchema,
  },
  getMiniWaitEstimate: {
    access: ["mentee"],
    input: getMiniWaitEstimateInputSchema,
    output: getMiniWaitEstimateOutputSchema,
  },
  cancelMiniRequest: {
    access: ["mentee"],
    input: cancelMiniRequestInputSchema,
    output: cancelMiniRequestOutputSchema,
  },
  claimMiniRequest: {
    access: ["mentor"],
    input: claimMiniRequestInputSchema,
    output: claimMiniRequestOutputSchema,
  },
  releaseMiniRequest: {
    access: ["mentor"],
    input: releaseMiniRequestInputSchema,
    output: releaseMiniRequestOutputSchema,
  },
  /** The same answer as getBookableSlots, with `matchId` carrying the request id (a mini session's `matchId`). */
  getMiniSlots: {
    access: ["mentor"],
    input: getMiniSlotsInputSchema,
    output: getBookableSlotsOutputSchema,
  },
  scheduleMiniSession: {
    access: ["mentor"],
    input: scheduleMiniSessionInputSchema,
    output: scheduleMiniSessionOutputSchema,
  },
  // Analytics (docs/ARCHITECTURE.md, stats/): the scheduled recompute, on demand.
  refreshProgrammeStats: {
    access: ["admin"],
    input: z.strictObject({}),
    output: refreshProgrammeStatsOutputSchema,
  },
} as const satisfies Record<string, { access: CallableAccess; input: z.ZodType; output: z.ZodType }>;

export type CallableName = keyof typeof callables;
export type CallableInput<N extends CallableName> = z.input<(typeof callables)[N]["input"]>;
export type CallableOutput<N extends CallableName> = z.output<(typeof callables)[N]["output"]>;
export const CALLABLE_NAMES = Object.keys(callables) as CallableName[];

/**
 * The `details` of every error a callable sends on purpose: `message` is written for the person (the web app
 * shows it as is), `fields` maps an input field to its problem so a form can show it next to the field.
 */
export interface CallableErrorDetails {
  message: string;
  fields?: Record<string, string>;
}

export function isCallableErrorDetails(value: unknown): value is CallableErrorDetails {
  if (typeof value !== "object" || value === null) return false;
  const { message, fields } = value as { message?: unknown; fields?: unknown };
  return (
    typeof message === "string" &&
    message.length > 0 &&
    (fields === undefined ||
      (typeof fields === "object" && fields !== null && Object.values(fields).every((text) => typeof text === "string")))
  );
}

/** Keys that could reach an object's prototype if copied naively; callables refuse input that carries them. */
export const FORBIDDEN_KEYS = ["__proto__", "constructor", "prototype"] as const;

/** The path of the first forbidden key in a JSON-like value, or null. Plain objects and arrays are walked. */
export function findForbiddenKey(value: unknown, path: string[] = [], depth = 0): string | null {
  if (depth > 20 || value === null || typeof value !== "object") return null;
  // A decoded "__proto__" key leaves no own property behind, only a changed prototype.
  if (!Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null)
    return [...path, "__proto__"].join(".");
  for (const key of Object.keys(value)) {
    if ((FORBIDDEN_KEYS as readonly string[]).includes(key)) return [...path, key].join(".");
    const found = findForbiddenKey((value as Record<string, unknown>)[key], [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

