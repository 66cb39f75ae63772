import * as z from "zod";
import { LIMITS } from "../constants.js";
import { matchIdSchema, text, timestampSchema, uidSchema } from "./common.js";
import { departmentSchema } from "./profile.js";

/**
 * A match's life: `pending` → `accepted` | `declined` | `cancelled` | `expired`; `accepted` → `ended`. A new request
 * for the same pair after any of the closed states re-opens the same document (`round` + 1).
 */
export const MATCH_STATUSES = ["pending", "accepted", "declined", "cancelled", "expired", "ended"] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

/** The chat-membership outbox on a match (`chatSync`): written with the transition, cleared once the chat follows. */
export const CHAT_SYNC_STATES = ["pending", "done"] as const;
export type ChatSyncState = (typeof CHAT_SYNC_STATES)[number];

/** Statuses that block a new request for the pair (and that count toward a mentor's mentees or a mentee's waiting requests). */
export const OPEN_MATCH_STATUSES = ["pending", "accepted"] as const satisfies readonly MatchStatus[];

export const isOpenMatchStatus = (status: MatchStatus): boolean => (OPEN_MATCH_STATUSES as readonly string[]).includes(status);

const noteSchema = (label: string, max: number) =>
  text(label).trim().max(max, `${label} can be at most ${max} characters.`);

/** The mentee's goals for this request: prefilled from their profile's learning goals, edited in the request form. */
const goalsSchema = z
  .array(
    z
      .string({ message: "Each goal must be text." })
      .trim()
      .min(1, "Goals cannot be empty.")
      .max(LIMITS.learningGoal, `Each goal must be at most ${LIMITS.learningGoal} characters.`),
    { message: "Goals must be a list." },
  )
  .max(LIMITS.learningGoalsCount, `List at most ${LIMITS.learningGoalsCount} goals.`);

/** `requestMatch`: a mentee asks a mentor, from the mentor's profile. */
export const requestMatchInputSchema = z.strictObject({
  mentorId: uidSchema,
  message: noteSchema("Your note", LIMITS.matchMessage).min(1, "Write a short note: what would you like help with?"),
  /** Leave out to use the learning goals on the mentee's profile. */
  goals: goalsSchema.optional(),
});
export type RequestMatchInput = z.input<typeof requestMatchInputSchema>;

/** `acceptMatch`: the mentor accepts, with an optional message to the mentee. */
export const acceptMatchInputSchema = z.strictObject({
  matchId: matchIdSchema,
  message: noteSchema("The message", LIMITS.matchMessage).optional(),
});
export type AcceptMatchInput = z.input<typeof acceptMatchInputSchema>;

/** `endMatch`: either person ends an accepted match, with an optional note to the other. */
export const endMatchInputSchema = z.strictObject({
  matchId: matchIdSchema,
  message: noteSchema("The message", LIMITS.matchMessage).optional(),
});
export type EndMatchInput = z.input<typeof endMatchInputSchema>;

/**
 * What the client writes to decline (the mentor) or cancel (the mentee) a pending request, besides `respondedAt` and
 * `updatedAt` (both `serverTimestamp()`, which the rules require to equal the request time). The rules hold the same
 * limits; the web form validates with this before writing.
 */
export const declineMatchFormSchema = z.strictObject({
  responseMessage: noteSchema("The message", LIMITS.matchMessage),
});
export type DeclineMatchForm = z.input<typeof declineMatchFormSchema>;

/** `matches/{mentorId}_{menteeId}` as stored. Names, title and department are copied from the profiles at request time. */
export const matchDocSchema = z.object({
  mentorId: uidSchema,
  menteeId: uidSchema,
  participants: z.tuple([uidSchema, uidSchema]),
  status: z.enum(MATCH_STATUSES),
  /** 1 for the pair's first request, + 1 each time a closed match is requested again; part of every dedupe key. */
  round: z.number().int().min(1),
  /** The mentee's note. */
  message: z.string().max(LIMITS.matchMessage),
  goals: z.array(z.string().max(LIMITS.learningGoal)).max(LIMITS.learningGoalsCount),
  mentorName: z.string(),
  mentorTitle: z.string(),
  menteeName: z.string(),
  menteeTitle: z.string(),
  menteeDepartment: departmentSchema,
  /** The mentor's message with an accept or decline; "" when none. */
  responseMessage: z.string().max(LIMITS.matchMessage),
  /** When this round was requested; `expiresAt` is MATCHING.requestDays later. */
  requestedAt: timestampSchema,
  expiresAt: timestampSchema,
  /** When the mentor accepted or declined (null while pending, and for cancelled or expired requests). */
  respondedAt: timestampSchema.nullable(),
  endedAt: timestampSchema.nullable(),
  /** Who ended an accepted match: a participant, or the admin whose role change ended it. */
  endedBy: z.string().nullable(),
  endMessage: z.string().max(LIMITS.matchMessage),
  /** Functions only: this round's answer time is already in the mentor's responsiveness (counted exactly once). */
  responseCounted: z.boolean(),
  /**
   * Functions only, the chat-membership outbox: `pending` from the transaction that accepts or ends the match until
   * the Realtime Database holds what the match says (open while accepted, closed otherwise); then `done`. Absent on a
   * match that never had a chat.
   */
  chatSync: z.enum(CHAT_SYNC_STATES).optional(),
  /** Functions only: when the pending sync was asked for; the retry sweep takes those older than a minute, oldest first. */
  chatSyncAt: timestampSchema.optional(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type MatchDoc = z.output<typeof matchDocSchema>;

/** `resyncChat`: an admin re-writes a match's chat membership from the match (support). */
export const resyncChatInputSchema = z.strictObject({ matchId: matchIdSchema });
export type ResyncChatInput = z.input<typeof resyncChatInputSchema>;

/** The fields a client may change when declining (mentor) or cancelling (mentee); firestore.rules lists the same. */
export const MATCH_CLIENT_DECLINE_FIELDS = ["status", "responseMessage", "respondedAt", "updatedAt"] as const;
export const MATCH_CLIENT_CANCEL_FIELDS = ["status", "updatedAt"] as const;
