import { describe, expect, it } from "vitest";
import { pickSuggestions, reasonSentence, type SuggestableMentor } from "./suggestions";

function mentor(uid: string, overrides: Partial<SuggestableMentor> = {}): SuggestableMentor {
  return {
    uid,
    role: "mentor",
    displayName: uid,
    expertise: [],
    department: "Engineering",
    capacity: 3,
    activeMenteeCount: 0,
    acceptingRequests: true,
    medianResponseHours: null,
    ...overrides,
  };
}

const mentee = { uid: "mentee-1", learningGoals: ["Improve my SQL", "Learn machine learning"], department: "Data Science" };

describe("pickSuggestions", () => {
  const mentors = [
    mentor("tom", { expertise: ["sql", "dbt"], department: "Data Science" }),
    mentor("mei", { expertise: ["machine learning", "python"], department: "Data Science", capacity: 2 }),
    mentor("ada", { expertise: ["typescript"] }),
    mentor("full", { expertise: ["sql"], capacity: 1, activeMenteeCount: 1 }),
    mentor("closed", { expertise: ["sql"], acceptingRequests: false }),
    mentor("fatima", { expertise: ["machine learning", "sql"], department: "Data Science", medianResponseHours: 2 }),
  ];

  it("returns the best three with their profiles and reasons, leaving out full, closed and unrelated mentors", () => {
    const picked = pickSuggestions(mentee, mentors, []);
    expect(picked.map((p) => p.mentor.uid)).toEqual(["fatima", "tom", "mei"]);
    // The planner's own wording is tested in the shared package; here, that its reasons read as one sentence.
    expect(picked[0]!.reasonText).toMatch(/^Matches 2 of your goals: .+ · Same department · 3 open spots · Usually responds within a few hours$/);
  });

  it("leaves out mentors already asked or matched", () => {
    expect(pickSuggestions(mentee, mentors, ["fatima", "tom"]).map((p) => p.mentor.uid)).toEqual(["mei"]);
  });

  it("suggests nobody to a mentee without goals or department matches", () => {
    expect(pickSuggestions({ uid: "x", learningGoals: [], department: "" }, mentors, [])).toEqual([]);
  });

  it("joins reasons into one sentence", () => expect(reasonSentence(["same department", "1 open spot"])).toBe("Same department · 1 open spot"));
});
