import { describe, expect, it } from "vitest";
import {
  goalMatchesTag,
  planSuggestions,
  scoreMentorSuggestion,
  type MentorSuggestion,
  type SuggestionMentee,
  type SuggestionMentor,
} from "./suggestions.js";

const mentee: SuggestionMentee = {
  uid: "sam",
  learningGoals: ["Get better at system design", "Learn SQL", "Public speaking", "Grow into a tech lead role"],
  department: "Engineering",
};

const mentor = (uid: string, overrides: Partial<SuggestionMentor> = {}): SuggestionMentor => ({
  uid,
  role: "mentor",
  displayName: uid,
  expertise: [],
  department: "",
  capacity: 3,
  activeMenteeCount: 0,
  acceptingRequests: true,
  medianResponseHours: null,
  ...overrides,
});

describe("goalMatchesTag", () => {
  it.each<[string, string, boolean]>([
    ["Get better at system design", "system design", true],
    ["Learn SQL", "sql", true],
    ["sql", "sql databases", true],
    ["Understand distributed systems", "distributed system", true],
    ["Learn C++ templates", "c++", true],
    ["Learn SQL", "nosql", false],
    ["Design reviews", "system design", false],
    ["", "sql", false],
  ])("%j ~ %j: %s", (goal, tag, matches) => expect(goalMatchesTag(goal, tag)).toBe(matches));
});

describe("scoreMentorSuggestion", () => {
  it.each<[string, SuggestionMentee, SuggestionMentor, MentorSuggestion | null]>([
    [
      "three goals, same department, one spot, answers within a day",
      mentee,
      mentor("ada", {
        expertise: ["system design", "sql", "public speaking", "react"],
        department: "Engineering",
        capacity: 2,
        activeMenteeCount: 1,
        medianResponseHours: 6,
      }),
      {
        mentorId: "ada",
        score: 30 + 6 + 2 + 4,
        reasons: ["matches 3 of your goals: system design, sql, public speaking", "same department", "1 open spot", "usually responds within a day"],
        matchedGoals: ["Get better at system design", "Learn SQL", "Public speaking"],
        matchedExpertise: ["system design", "sql", "public speaking"],
        openSpots: 1,
      },
    ],
    [
      "a mentor who often does not answer earns no points and no reason for it",
      { uid: "bo", learningGoals: ["sql"], department: "" },
      mentor("kim", { expertise: ["sql"], capacity: 1, medianResponseHours: 336 }),
      {
        mentorId: "kim",
        score: 10 + 5 + 2,
        reasons: ["matches your goal: sql", "1 open spot"],
        matchedGoals: ["sql"],
        matchedExpertise: ["sql"],
        openSpots: 1,
      },
    ],
    [
      "every goal matched earns the bonus, and more than three areas end in …",
      { uid: "bo", learningGoals: ["sql", "go", "rust", "kotlin"], department: "" },
      mentor("grace", { expertise: ["sql", "go", "rust", "kotlin"], capacity: 5 }),
      {
        mentorId: "grace",
        score: 40 + 5 + 6,
        reasons: ["matches 4 of your goals: sql, go, rust, …", "5 open spots"],
        matchedGoals: ["sql", "go", "rust", "kotlin"],
        matchedExpertise: ["sql", "go", "rust", "kotlin"],
        openSpots: 5,
      },
    ],
    [
      "a single goal reads 'your goal'",
      { uid: "bo", learningGoals: ["Learn SQL"], department: "" },
      mentor("lin", { expertise: ["sql"], capacity: 1, medianResponseHours: 50 }),
      {
        mentorId: "lin",
        score: 10 + 5 + 2 + 2,
        reasons: ["matches your goal: sql", "1 open spot", "usually responds within 3 days"],
        matchedGoals: ["Learn SQL"],
        matchedExpertise: ["sql"],
        openSpots: 1,
      },
    ],
    [
      "only the department in common",
      mentee,
      mentor("kay", { expertise: ["marketing"], department: "Engineering", capacity: 1 }),
      { mentorId: "kay", score: 6 + 2, reasons: ["same department", "1 open spot"], matchedGoals: [], matchedExpertise: [], openSpots: 1 },
    ],
    ["a full mentor is not suggested", mentee, mentor("full", { expertise: ["sql"], capacity: 2, activeMenteeCount: 2 }), null],
    ["a mentor not accepting requests is not suggested", mentee, mentor("off", { expertise: ["sql"], acceptingRequests: false }), null],
    ["someone who is not a mentor is not suggested", mentee, mentor("mo", { role: "mentee", expertise: ["sql"] }), null],
    ["the mentee is never their own suggestion", mentee, mentor("sam", { expertise: ["sql"] }), null],
  ])("%s", (_name, who, candidate, expected) => expect(scoreMentorSuggestion(who, candidate)).toEqual(expected));
});

describe("planSuggestions", () => {
  const mentors = [
    mentor("zed", { displayName: "Zed", expertise: ["sql"], capacity: 1 }),
    mentor("amy", { displayName: "Amy", expertise: ["sql"], capacity: 1 }),
    mentor("big", { displayName: "Big", expertise: ["sql", "system design"], capacity: 1 }),
    mentor("roomy", { displayName: "Roomy", expertise: ["sql"], capacity: 3 }),
    mentor("asked", { displayName: "Asked", expertise: ["sql", "system design", "public speaking"] }),
    mentor("nothing", { displayName: "Nothing", expertise: ["cooking"] }),
    mentor("full", { displayName: "Full", expertise: ["sql"], capacity: 1, activeMenteeCount: 1 }),
  ];

  it.each<[string, Parameters<typeof planSuggestions>[2], string[]]>([
    ["best first; ties by open spots, then name; pending or accepted matches and irrelevant or full mentors left out", { limit: 10, excludeMentorIds: ["asked"] }, ["big", "roomy", "amy", "zed"]],
    ["the limit keeps the best", { limit: 2, excludeMentorIds: ["asked"] }, ["big", "roomy"]],
    ["a mentor already asked would rank first if not excluded", { limit: 1 }, ["asked"]],
    ["relevantOnly: false also offers mentors with nothing in common", { limit: 10, excludeMentorIds: ["asked"], relevantOnly: false }, ["big", "roomy", "amy", "zed", "nothing"]],
    ["a limit of 0 suggests nobody", { limit: 0 }, []],
  ])("%s", (_name, options, ids) => {
    expect(planSuggestions({ ...mentee, department: "" }, mentors, options).map((s) => s.mentorId)).toEqual(ids);
  });

  it("a mentor listed twice is suggested once", () => {
    expect(planSuggestions(mentee, [mentors[0]!, mentors[0]!], { limit: 5 }).map((s) => s.mentorId)).toEqual(["zed"]);
  });

  it("a mentee with no goals and no department gets no suggestions until they add some", () => {
    expect(planSuggestions({ uid: "new", learningGoals: [], department: "" }, mentors, { limit: 5 })).toEqual([]);
  });
});
