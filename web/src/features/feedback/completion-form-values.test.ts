import { describe, expect, it } from "vitest";
import { completeFieldFor, completeFormDefaults, completeFormSchema, completionOpenness, toCompleteInput } from "./completion-form-values";

describe("completion form values", () => {
  it("turns one-per-line text into the callable's lists and the attendance answer into a boolean", () => {
    const values = { ...completeFormDefaults(45), otherAttended: "no" as const, topicsText: " CV \n\n Interviews ", actionItemsText: "Send CV\n" };
    expect(toCompleteInput("s1", values)).toEqual({
      sessionId: "s1",
      otherAttended: false,
      actualMinutes: 45,
      sharedNotes: "",
      topics: ["CV", "Interviews"],
      actionItems: ["Send CV"],
      followUp: false,
    });
  });

  it.each([
    ["11 topics", { topicsText: Array.from({ length: 11 }, (_, i) => `t${i}`).join("\n") }, "topicsText", "At most 10 topics."],
    ["notes over the limit", { sharedNotes: "x".repeat(5001) }, "sharedNotes", "The shared notes can be at most 5000 characters."],
    ["0 minutes", { actualMinutes: 0 }, "actualMinutes", "The actual duration must be at least 1 minute."],
  ])("refuses %s next to the field", (_what, change, field, message) => {
    const result = completeFormSchema.safeParse({ ...completeFormDefaults(30), ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: [field], message });
  });

  it.each([
    ["topics.3", "topicsText"],
    ["actionItems", "actionItemsText"],
    ["sharedNotes", "sharedNotes"],
    ["sessionId", undefined],
  ])("maps the server field %s to %s", (server, form) => {
    expect(completeFieldFor(server)).toBe(form);
  });

  it.each([
    ["mentor", "mark", 0, "not-ended"],
    ["mentor", "mark", 1, "open"],
    ["mentee", "mia", 1, "mentor-first"],
    ["mentee", "mia", 25, "open"],
  ] as const)("%s %i hours after the end: %s", (_who, uid, hoursAfter, expected) => {
    const endMs = 1_000_000_000_000;
    expect(completionOpenness({ uid, mentorId: "mark", endMs: endMs + (hoursAfter === 0 ? 60_000 : 0), nowMs: endMs + hoursAfter * 3_600_000 })).toBe(expected);
  });
});
