import { describe, expect, it } from "vitest";
import { isSearchableQuery, matchText, queryWords, searchMessages, snippet, type HighlightRange } from "./chat-search";

/** The highlighted substrings, to read the expectations at a glance. */
const marked = (text: string, ranges: HighlightRange[] | null) => ranges?.map(({ start, end }) => text.slice(start, end)) ?? null;

describe("matchText", () => {
  it.each<[string, string, string, string[] | null]>([
    ["one word", "See you on Thursday", "thursday", ["Thursday"]],
    ["case-insensitive both ways", "see you on thursday", "THURSDAY", ["thursday"]],
    ["accents in the text", "Rendez-vous au café", "cafe", ["café"]],
    ["accents in the query", "Meet at the cafe", "CAFÉ", ["cafe"]],
    ["decomposed accents in the text", "Cafe\u0301 at noon", "café", ["Cafe\u0301"]],
    ["every word must match, any order", "Thursday works for the review", "review thursday", ["Thursday", "review"]],
    ["a missing word means no match", "Thursday works", "thursday friday", null],
    ["every occurrence is highlighted", "plan the plan", "plan", ["plan", "plan"]],
    ["overlapping words merge", "mentorship", "mentor ment", ["mentor"]],
    ["adjacent words merge into one range", "abcdef", "abc def", ["abcdef"]],
    ["repeated query words count once", "hello", "hello HELLO", ["hello"]],
    ["extra spaces are ignored", "one two", "  one   two  ", ["one", "two"]],
    ["part of a word matches", "Scheduling", "sched", ["Sched"]],
    ["an empty query matches nothing", "anything", "   ", null],
    ["regex characters are literal", "Costs (approx.) $5+", "(approx.) $5+", ["(approx.)", "$5+"]],
    ["a regex-looking query does not match everything", "hello", ".*", null],
    ["a backslash is literal", "C:\\path", "c:\\", ["C:\\"]],
    ["emoji stay whole", "Great 🎉 news", "🎉", ["🎉"]],
    ["ranges index the original text after an emoji", "🎉 Café", "cafe", ["Café"]],
    ["dotted capital I folds to i", "İstanbul trip", "istanbul", ["İstanbul"]],
  ])("%s", (_label, text, query, expected) => {
    expect(marked(text, matchText(text, query))).toEqual(expected);
  });

  it("returns sorted, non-overlapping ranges", () => {
    const ranges = matchText("b a b a", "a b")!;
    expect(ranges).toEqual([
      { start: 0, end: 1 },
      { start: 2, end: 3 },
      { start: 4, end: 5 },
      { start: 6, end: 7 },
    ]);
  });
});

describe("queryWords / isSearchableQuery", () => {
  it.each<[string, string[]]>([
    ["Café  Plan", ["cafe", "plan"]],
    ["", []],
    ["  \n\t ", []],
    ["a A á", ["a"]],
  ])("%j → %j", (query, words) => {
    expect(queryWords(query)).toEqual(words);
    expect(isSearchableQuery(query)).toBe(words.length > 0);
  });
});

describe("snippet", () => {
  const render = (parts: { text: string; hit: boolean }[]) => parts.map((part) => (part.hit ? `[${part.text}]` : part.text)).join("");

  it.each<[string, string, string, number, number, string]>([
    ["short text kept whole", "See you Thursday", "thursday", 120, 30, "See you [Thursday]"],
    ["long text cut before and after", `${"x".repeat(50)} needle ${"y".repeat(50)}`, "needle", 20, 5, `…xxxx [needle] yyyyyyyy…`],
    ["no cut at the start when the match is early", `needle ${"y".repeat(50)}`, "needle", 10, 30, "[needle] yyy…"],
    ["several hits inside the excerpt", "one and one", "one", 120, 30, "[one] and [one]"],
    ["a hit cut by the end stays highlighted up to the cut", "aaaa needle", "needle", 7, 0, "…[needle]"],
  ])("%s", (_label, text, query, length, radius, expected) => {
    expect(render(snippet(text, matchText(text, query)!, length, radius))).toBe(expected);
  });

  it("does not split an emoji at the start of the excerpt", () => {
    const text = `${"a".repeat(9)}🎉bc needle`;
    const parts = snippet(text, matchText(text, "needle")!, 40, 4);
    expect(render(parts)).toBe("…🎉bc [needle]");
  });

  it("without ranges, is the start of the text", () => {
    expect(render(snippet("hello world", [], 5, 0))).toBe("hello…");
  });
});

describe("searchMessages", () => {
  const messages = [
    { id: "1", text: "Plan for Thursday" },
    { id: "2", text: "Lunch?" },
    { id: "3", text: "The plan is ready" },
  ];
  it("returns the matching messages newest first, with their ranges", () => {
    const hits = searchMessages(messages, "plan");
    expect(hits.map((hit) => hit.item.id)).toEqual(["3", "1"]);
    expect(hits[0]!.ranges).toEqual([{ start: 4, end: 8 }]);
  });
  it("is empty when nothing matches or the query is blank", () => {
    expect(searchMessages(messages, "dinner")).toEqual([]);
    expect(searchMessages(messages, " ")).toEqual([]);
  });
});
