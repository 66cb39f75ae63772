import { planSuggestions, type MentorSuggestion, type SuggestionMentor } from "@mentormatch/shared";

/** What a suggestion card needs of a mentor: the directory profile fields the shared planner scores. */
export type SuggestableMentor = SuggestionMentor;

export interface Suggested<M extends SuggestableMentor> {
  mentor: M;
  suggestion: MentorSuggestion;
  /** The reasons as one sentence: "Matches your goal: sql · Same department · 2 open spots". */
  reasonText: string;
}

/** How many mentors the dashboard suggests. */
export const SUGGESTION_COUNT = 3;

/**
 * The best mentors for a mentee among `mentors` (a bounded directory page), leaving out the mentors they already asked
 * or are matched with, joined back to the profiles so the cards can show them.
 */
export function pickSuggestions<M extends SuggestableMentor>(
  mentee: { uid: string; learningGoals: readonly string[]; department: string },
  mentors: readonly M[],
  excludeMentorIds: Iterable<string>,
  limit = SUGGESTION_COUNT,
): Suggested<M>[] {
  const byId = new Map(mentors.map((mentor) => [mentor.uid, mentor]));
  return planSuggestions(mentee, mentors, { limit, excludeMentorIds }).flatMap((suggestion) => {
    const mentor = byId.get(suggestion.mentorId);
    return mentor ? [{ mentor, suggestion, reasonText: reasonSentence(suggestion.reasons) }] : [];
  });
}

/** The planner's reasons, each capitalised, joined with " · ". */
export function reasonSentence(reasons: readonly string[]): string {
  return reasons.map((reason) => reason.charAt(0).toUpperCase() + reason.slice(1)).join(" · ");
}
