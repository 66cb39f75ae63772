import { describe, expect, it } from "vitest";
import { completenessPercent, profileChecklist } from "./profile-completeness";

const empty = { title: "", department: "" as const, bio: "", expertise: [], learningGoals: [] };
const full = {
  title: "Engineer",
  department: "Engineering" as const,
  bio: "I build reliable systems and like teaching.",
  expertise: ["go"],
  learningGoals: ["Lead a project"],
};

describe("profileChecklist", () => {
  it.each<[string, Parameters<typeof profileChecklist>[0], Parameters<typeof profileChecklist>[1], string[], number]>([
    ["empty mentee", empty, "mentee", [], 0],
    ["empty mentor", empty, "mentor", [], 0],
    ["full mentee", full, "mentee", ["title", "department", "bio", "learningGoals"], 100],
    ["full mentor", full, "mentor", ["title", "department", "bio", "expertise"], 100],
    ["admin needs only the basics", full, "admin", ["title", "department", "bio"], 100],
    ["whitespace title does not count", { ...full, title: "   " }, "mentor", ["department", "bio", "expertise"], 75],
    ["a one-word bio is not a bio", { ...full, bio: "Hi" }, "mentee", ["title", "department", "learningGoals"], 75],
    ["mentor without expertise", { ...full, expertise: [] }, "mentor", ["title", "department", "bio"], 75],
    ["mentee half done", { ...empty, title: "Analyst", learningGoals: ["SQL"] }, "mentee", ["title", "learningGoals"], 50],
  ])("%s", (_name, profile, role, done, percent) => {
    const items = profileChecklist(profile, role);
    expect(items.filter((item) => item.done).map((item) => item.key)).toEqual(done);
    expect(completenessPercent(items)).toBe(percent);
  });

  it("counts an empty checklist as complete", () => expect(completenessPercent([])).toBe(100));
});
