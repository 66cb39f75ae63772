import { describe, expect, it } from "vitest";
import { DEFAULT_BOARD_STATE, boardStateFromParams, hasBoardFilters, paramsFromBoardState, type MiniBoardUrlState } from "./mini-board-url";

describe("boardStateFromParams", () => {
  it.each<[string, string, Partial<MiniBoardUrlState>]>([
    ["empty", "", {}],
    ["search", "q=mock+interview", { search: "mock interview" }],
    ["known type", "type=resume_review", { sessionType: "resume_review" }],
    ["unknown type falls back", "type=astrology", { sessionType: "" }],
    ["a session length", "duration=45", { durationMinutes: 45 }],
    ["an odd length falls back", "duration=50", { durationMinutes: null }],
    ["urgency", "urgency=urgent", { urgency: "urgent" }],
    ["unknown urgency falls back", "urgency=yesterday", { urgency: "" }],
    ["tag normalised", "tag=%20System%20%20Design%20", { tag: "system design" }],
    ["most urgent", "sort=urgent", { sort: "urgent" }],
    ["unknown sort falls back", "sort=random", { sort: "newest" }],
    ["overlong search cut", `q=${"a".repeat(150)}`, { search: "a".repeat(100) }],
  ])("%s", (_name, query, expected) => {
    expect(boardStateFromParams(new URLSearchParams(query))).toEqual({ ...DEFAULT_BOARD_STATE, ...expected });
  });
});

describe("paramsFromBoardState", () => {
  it.each<[string, Partial<MiniBoardUrlState>, string]>([
    ["defaults give a clean URL", {}, ""],
    ["blank search dropped", { search: "  " }, ""],
    ["a typed # is not part of the tag", { tag: "#React " }, "tag=react"],
    ["everything", { search: "cv", sessionType: "career_advice", durationMinutes: 30, urgency: "high", tag: "go", sort: "urgent" }, "q=cv&type=career_advice&duration=30&urgency=high&tag=go&sort=urgent"],
  ])("%s", (_name, patch, expected) => {
    expect(paramsFromBoardState({ ...DEFAULT_BOARD_STATE, ...patch }).toString()).toBe(expected);
  });

  it("round-trips through the address bar", () => {
    const state: MiniBoardUrlState = { search: "mock", sessionType: "interview_prep", durationMinutes: 60, urgency: "low", tag: "faang", sort: "urgent" };
    expect(boardStateFromParams(paramsFromBoardState(state))).toEqual(state);
  });
});

describe("hasBoardFilters", () => {
  it("is false for the defaults and a sort alone, true for any filter", () => {
    expect(hasBoardFilters(DEFAULT_BOARD_STATE)).toBe(false);
    expect(hasBoardFilters({ ...DEFAULT_BOARD_STATE, sort: "urgent" })).toBe(false);
    expect(hasBoardFilters({ ...DEFAULT_BOARD_STATE, durationMinutes: 30 })).toBe(true);
  });
});
