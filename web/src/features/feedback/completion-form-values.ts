import { SESSIONS, type CompleteSessionInput } from "@mentormatch/shared";
import * as z from "zod";

/**
 * The completion form as typed: topics and action items are one per line in a text box, which becomes the callable's
 * lists. The limits are the shared ones, so the form says what the server would, next to the field.
 */
const lines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");

export const completeFormSchema = z.object({
  otherAttended: z.enum(["yes", "no"], { message: "Say whether the other person attended." }),
  actualMinutes: z
    .number({ message: "Say how long the session actually took, in minutes." })
    .int("The actual duration is a whole number of minutes.")
    .min(1, "The actual duration must be at least 1 minute.")
    .max(SESSIONS.actualMinutesMax, `The actual duration can be at most ${SESSIONS.actualMinutesMax} minutes.`),
  sharedNotes: z.string().max(SESSIONS.notesMax, `The shared notes can be at most ${SESSIONS.notesMax} characters.`),
  topicsText: z
    .string()
    .refine((text) => lines(text).length <= SESSIONS.topicsMax, `At most ${SESSIONS.topicsMax} topics.`)
    .refine((text) => lines(text).every((line) => line.length <= SESSIONS.topicMax), `A topic can be at most ${SESSIONS.topicMax} characters.`),
  actionItemsText: z
    .string()
    .refine((text) => lines(text).length <= SESSIONS.actionItemsMax, `At most ${SESSIONS.actionItemsMax} action items.`)
    .refine((text) => lines(text).every((line) => line.length <= SESSIONS.actionItemMax), `An action item can be at most ${SESSIONS.actionItemMax} characters.`),
  followUp: z.boolean(),
});
export type CompleteFormValues = z.infer<typeof completeFormSchema>;

export function completeFormDefaults(durationMinutes: number): CompleteFormValues {
  return { otherAttended: "yes", actualMinutes: durationMinutes, sharedNotes: "", topicsText: "", actionItemsText: "", followUp: false };
}

/** The callable's input from the form. */
export function toCompleteInput(sessionId: string, values: CompleteFormValues): CompleteSessionInput {
  return {
    sessionId,
    otherAttended: values.otherAttended === "yes",
    actualMinutes: values.actualMinutes,
    sharedNotes: values.sharedNotes,
    topics: lines(values.topicsText),
    actionItems: lines(values.actionItemsText),
    followUp: values.followUp,
  };
}

/** Server field names (`topics.3`) → the form's fields. */
export function completeFieldFor(serverField: string): keyof CompleteFormValues | undefined {
  const head = serverField.split(".")[0];
  if (head === "topics") return "topicsText";
  if (head === "actionItems") return "actionItemsText";
  if (head === "otherAttended" || head === "actualMinutes" || head === "sharedNotes" || head === "followUp") return head;
  return undefined;
}

/** Who may complete now (the same rule as planComplete), for showing the form or a sentence instead. */
export function completionOpenness(input: { uid: string; mentorId: string; endMs: number; nowMs: number }): "open" | "not-ended" | "mentor-first" {
  if (input.nowMs < input.endMs) return "not-ended";
  if (input.uid !== input.mentorId && input.nowMs < input.endMs + SESSIONS.completeByMentorHours * 3_600_000) return "mentor-first";
  return "open";
}
