import * as z from "zod";
import { DEPARTMENTS, LIMITS, ROLES } from "../constants.js";
import {
  SINGLE_LINE_PATTERN,
  httpsUrlSchema,
  normalizeTag,
  storedTagSchema,
  tagSchema,
  text,
  timestampSchema,
  timezoneSchema,
  uidSchema,
} from "./common.js";

const NAME_SHAPE = "Names are one line of text, without control characters.";

export const displayNameSchema = text("Name")
  .trim()
  .min(1, "Enter your name.")
  .max(LIMITS.displayName, `Names must be at most ${LIMITS.displayName} characters.`)
  .regex(SINGLE_LINE_PATTERN, NAME_SHAPE);

/** A name as stored: what displayNameSchema outputs; a stored name with outer spaces or only spaces is refused. */
export const storedDisplayNameSchema = z
  .string()
  .min(1, "Enter your name.")
  .max(LIMITS.displayName, `Names must be at most ${LIMITS.displayName} characters.`)
  .regex(SINGLE_LINE_PATTERN, NAME_SHAPE);

const isTrimmed = (value: string) => value.length > 0 && value === value.trim();

export const departmentSchema = z.enum(["", ...DEPARTMENTS], { message: "Choose a department from the list." });

/** The fields a profile's owner may edit. The rules in firestore.rules enforce the same limits. */
export const profileFieldsSchema = z.object({
  displayName: displayNameSchema,
  title: text("Title").trim().max(LIMITS.title, `Titles must be at most ${LIMITS.title} characters.`),
  department: departmentSchema,
  expertise: z
    .array(tagSchema)
    .max(LIMITS.expertiseCount, `List at most ${LIMITS.expertiseCount} areas of expertise.`)
    .transform((tags) => [...new Set(tags)]),
  learningGoals: z
    .array(
      z
        .string()
        .trim()
        .min(1, "Learning goals cannot be empty.")
        .max(LIMITS.learningGoal, `Each learning goal must be at most ${LIMITS.learningGoal} characters.`),
    )
    .max(LIMITS.learningGoalsCount, `List at most ${LIMITS.learningGoalsCount} learning goals.`),
  bio: text("Bio").trim().max(LIMITS.bio, `Bios must be at most ${LIMITS.bio} characters.`),
  avatarUrl: httpsUrlSchema,
  timezone: timezoneSchema,
  capacity: z
    .number({ message: "Capacity must be a number." })
    .int("Capacity must be a whole number.")
    .min(0, "Capacity cannot be negative.")
    .max(LIMITS.capacityMax, `Capacity can be at most ${LIMITS.capacityMax} mentees.`),
  acceptingRequests: z.boolean({ message: "Say whether you are accepting requests (yes or no)." }),
});
export type ProfileFields = z.output<typeof profileFieldsSchema>;
export type ProfileFieldsInput = z.input<typeof profileFieldsSchema>;
export const PROFILE_EDITABLE_FIELDS = Object.keys(profileFieldsSchema.shape) as (keyof ProfileFields)[];

/** Fields only functions write; rules refuse any client change to them. */
export const PROFILE_SERVER_FIELDS = [
  "uid",
  "role",
  "activeMenteeCount",
  "ratingAvg",
  "ratingCount",
  "ratingScore",
  "sessionCount",
  "searchTokens",
  "responseHoursRecent",
  "medianResponseHours",
  "lastActiveAt",
  "createdAt",
] as const;

/**
 * A profile as stored. Where the form schema normalises (trims names, lower-cases tags), this one refuses what is not
 * already normal, as firestore.rules does. Timestamps are either SDK's Timestamp.
 */
export const profileDocSchema = profileFieldsSchema.extend({
  displayName: storedDisplayNameSchema,
  expertise: z.array(storedTagSchema).max(LIMITS.expertiseCount),
  learningGoals: z
    .array(z.string().max(LIMITS.learningGoal).refine(isTrimmed, "Learning goals are stored without outer spaces."))
    .max(LIMITS.learningGoalsCount),
  title: z.string().max(LIMITS.title),
  bio: z.string().max(LIMITS.bio),
  avatarUrl: z.string().max(LIMITS.avatarUrl),
  uid: uidSchema,
  role: z.enum(ROLES),
  activeMenteeCount: z.number().int().min(0),
  ratingAvg: z.number().min(0).max(5),
  ratingCount: z.number().int().min(0),
  /** ratingScore(ratingAvg, ratingCount): the directory's "Highest rated" order. 0 on profiles from before it. */
  ratingScore: z.number().min(0).max(5).default(0),
  sessionCount: z.number().int().min(0),
  searchTokens: z.array(z.string()),
  /**
   * Mentors' responsiveness (functions write them when a mentor answers a request): the last MATCHING.responseSamples
   * answer times in hours, oldest first; their median once there are MATCHING.minAnswersForMedian; when the mentor
   * last answered or ended a match. Absent on profiles that have never answered: they read as no data.
   */
  responseHoursRecent: z.array(z.number().min(0)).default([]),
  medianResponseHours: z.number().min(0).nullable().default(null),
  lastActiveAt: timestampSchema.nullable().default(null),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type ProfileDoc = z.output<typeof profileDocSchema>;

/** A new profile's fields before the owner fills it in. */
export function defaultProfileFields(input: { displayName: string; timezone: string; role: string }): ProfileFields {
  return {
    displayName: input.displayName,
    title: "",
    department: "",
    expertise: [],
    learningGoals: [],
    bio: "",
    avatarUrl: "",
    timezone: input.timezone,
    capacity: input.role === "mentor" ? 3 : 0,
    acceptingRequests: input.role === "mentor",
  };
}

/** Splits free text ("React, system design") into normalised, de-duplicated tags. */
export function parseTagList(text: string): string[] {
  return [...new Set(text.split(",").map(normalizeTag).filter(Boolean))];
}

/** Two-letter initials for the avatar fallback. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "?";
  const first = words[0]!.charAt(0);
  const last = words.length > 1 ? words[words.length - 1]!.charAt(0) : "";
  return (first + last).toUpperCase();
}
