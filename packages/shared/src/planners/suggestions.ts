import { describeResponsiveness } from "./responsiveness.js";

/** What the scorer needs of the mentee: their profile's learning goals and department. */
export interface SuggestionMentee {
  uid: string;
  learningGoals: readonly string[];
  department: string;
}

/** What the scorer needs of a mentor: a directory profile. */
export interface SuggestionMentor {
  uid: string;
  role: string;
  displayName: string;
  expertise: readonly string[];
  department: string;
  capacity: number;
  activeMenteeCount: number;
  acceptingRequests: boolean;
  medianResponseHours?: number | null;
}

export interface MentorSuggestion {
  mentorId: string;
  score: number;
  /** Why, in the order they weigh: "matches 3 of your goals: system design, sql, …", "same department", … */
  reasons: string[];
  /** The mentee's goals that one of the mentor's areas matches, and those areas. */
  matchedGoals: string[];
  matchedExpertise: string[];
  openSpots: number;
}

/** The weights, in one place so a suggestion's score can be explained from its reasons. */
export const SUGGESTION_WEIGHTS = {
  /** Per learning goal one of the mentor's areas matches. */
  goal: 10,
  /** All of the mentee's goals matched. */
  allGoals: 5,
  department: 6,
  /** Per open spot, up to `maxSpots`: a mentor with room is likelier to say yes. */
  spot: 2,
  maxSpots: 3,
  /** By the mentor's median answer time. */
  withinDay: 4,
  withinThreeDays: 2,
  withinWeek: 1,
} as const;

/** Lower case, punctuation to spaces (keeping + and # for c++ and c#), single spaces, a plural `s` dropped per word. */
export function normalizeForMatching(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#]+/gu, " ")
    .trim()
    .split(" ")
    .filter(Boolean)
    .map((word) => (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word))
    .join(" ");
}

/** A goal matches an area when either holds the other as whole words: "get better at system design" ~ "system design". */
export function goalMatchesTag(goal: string, tag: string): boolean {
  const g = normalizeForMatching(goal);
  const t = normalizeForMatching(tag);
  if (!g || !t) return false;
  return ` ${g} `.includes(` ${t} `) || ` ${t} `.includes(` ${g} `);
}

function listWithEllipsis(items: readonly string[], max = 3): string {
  return items.length > max ? `${items.slice(0, max).join(", ")}, …` : items.join(", ");
}

function responsivenessPoints(medianHours: number | null | undefined): number {
  if (medianHours === null || medianHours === undefined) return 0;
  if (medianHours <= 24) return SUGGESTION_WEIGHTS.withinDay;
  if (medianHours <= 72) return SUGGESTION_WEIGHTS.withinThreeDays;
  if (medianHours <= 168) return SUGGESTION_WEIGHTS.withinWeek;
  return 0;
}

/**
 * How well `mentor` suits `mentee`, and why; null when the mentor cannot be suggested at all (not a mentor, the
 * mentee themselves, not accepting requests, or full). Pure and explainable: the score is the sum of the weights
 * behind the reasons it lists.
 */
export function scoreMentorSuggestion(mentee: SuggestionMentee, mentor: SuggestionMentor): MentorSuggestion | null {
  const openSpots = Math.max(0, mentor.capacity - mentor.activeMenteeCount);
  if (mentor.role !== "mentor" || mentor.uid === mentee.uid || !mentor.acceptingRequests || openSpots === 0) return null;

  const goals = [...new Set(mentee.learningGoals.map((goal) => goal.trim()).filter(Boolean))];
  const matchedGoals: string[] = [];
  const matchedExpertise: string[] = [];
  for (const goal of goals) {
    const tags = mentor.expertise.filter((tag) => goalMatchesTag(goal, tag));
    if (tags.length === 0) continue;
    matchedGoals.push(goal);
    for (const tag of tags) if (!matchedExpertise.includes(tag)) matchedExpertise.push(tag);
  }

  let score = 0;
  const reasons: string[] = [];
  if (matchedGoals.length > 0) {
    score += matchedGoals.length * SUGGESTION_WEIGHTS.goal;
    if (matchedGoals.length === goals.length) score += SUGGESTION_WEIGHTS.allGoals;
    reasons.push(
      goals.length === 1
        ? `matches your goal: ${listWithEllipsis(matchedExpertise)}`
        : `matches ${matchedGoals.length} of your goals: ${listWithEllipsis(matchedExpertise)}`,
    );
  }
  if (mentee.department && mentee.department === mentor.department) {
    score += SUGGESTION_WEIGHTS.department;
    reasons.push("same department");
  }
  score += Math.min(openSpots, SUGGESTION_WEIGHTS.maxSpots) * SUGGESTION_WEIGHTS.spot;
  reasons.push(`${openSpots} open spot${openSpots === 1 ? "" : "s"}`);
  // Only a quick answer is a reason to suggest someone; "often does not answer requests" is not.
  const responds = describeResponsiveness(mentor.medianResponseHours);
  const respondsPoints = responsivenessPoints(mentor.medianResponseHours);
  if (responds && respondsPoints > 0) {
    score += respondsPoints;
    reasons.push(responds);
  }
  return { mentorId: mentor.uid, score, reasons, matchedGoals, matchedExpertise, openSpots };
}

/**
 * The best `limit` mentors for a mentee among `mentors` (a bounded directory query), leaving out those the mentee
 * already has a pending or accepted match with (`excludeMentorIds`) and any that scoreMentorSuggestion refuses.
 * Mentors that match no goal and no department are only suggested when `relevantOnly` is false. Ties: more open
 * spots, then name.
 */
export function planSuggestions(
  mentee: SuggestionMentee,
  mentors: readonly SuggestionMentor[],
  options: { limit: number; excludeMentorIds?: Iterable<string>; relevantOnly?: boolean },
): MentorSuggestion[] {
  const exclude = new Set(options.excludeMentorIds ?? []);
  const names = new Map(mentors.map((mentor) => [mentor.uid, mentor.displayName]));
  const seen = new Set<string>();
  const scored: MentorSuggestion[] = [];
  for (const mentor of mentors) {
    if (exclude.has(mentor.uid) || seen.has(mentor.uid)) continue;
    seen.add(mentor.uid);
    const suggestion = scoreMentorSuggestion(mentee, mentor);
    if (!suggestion) continue;
    const relevant = suggestion.matchedGoals.length > 0 || (!!mentee.department && mentee.department === mentor.department);
    if (options.relevantOnly !== false && !relevant) continue;
    scored.push(suggestion);
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      b.openSpots - a.openSpots ||
      (names.get(a.mentorId) ?? "").localeCompare(names.get(b.mentorId) ?? "") ||
      a.mentorId.localeCompare(b.mentorId),
  );
  return scored.slice(0, Math.max(0, options.limit));
}
