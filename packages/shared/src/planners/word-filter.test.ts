import { describe, expect, it } from "vitest";
import { findBlockedWords, foldWord, maskBlockedWords } from "./word-filter.js";

const LIST = ["spam", "buy now", "café", "a+b", "(.*)", "don't"];

describe("findBlockedWords", () => {
  it.each<[string, string, readonly string[], string[]]>([
    ["nothing listed", "hello spam", [], []],
    ["a plain hit", "this is spam", LIST, ["spam"]],
    ["case-insensitive", "SPAM and Spam", LIST, ["spam"]],
    ["whole words only: a longer word does not match", "spammer spamming antispam", LIST, []],
    ["punctuation around the word", "(spam)! spam, 'spam'.", LIST, ["spam"]],
    ["diacritics in the text", "Spâm here", LIST, ["spam"]],
    ["diacritics in the list", "a cafe visit", LIST, ["café"]],
    ["a decomposed accent in the text", "cafe\u0301 au lait", LIST, ["café"]],
    ["a phrase across punctuation and spaces", "Buy... NOW!", LIST, ["buy now"]],
    ["a phrase split by another word does not match", "buy it now", LIST, []],
    ["a listed word with regex characters means only itself", "a b c", LIST, ["a+b"]],
    ["a regex-like entry matches nothing but its words", "anything at all", ["(.*)"], []],
    ["an apostrophe inside a word", "I don’t know", LIST, ["don't"]],
    ["each word once, in list order", "now buy now spam buy now", LIST, ["spam", "buy now"]],
    ["digits are word characters", "spam2 2spam", LIST, []],
    ["empty text", "", LIST, []],
  ])("%s", (_name, text, words, expected) => {
    expect(findBlockedWords(text, words)).toEqual(expected);
  });
});

describe("maskBlockedWords", () => {
  it.each<[string, string, readonly string[], string]>([
    ["no hit leaves the text as it is", "hello there", LIST, "hello there"],
    ["masks a word, keeping the punctuation", "that is (spam)!", LIST, "that is (••••)!"],
    ["masks every occurrence, whatever the case", "Spam SPAM", LIST, "•••• ••••"],
    ["masks a phrase but keeps what is between its words", "Buy... now!", LIST, "•••... •••!"],
    ["masks an accented spelling letter for letter", "Café time", LIST, "•••• time"],
    ["a decomposed accent is masked with its letter", "cafe\u0301!", LIST, "•••••!"],
    ["leaves words that only contain a listed word", "spammer", LIST, "spammer"],
  ])("%s", (_name, text, words, expected) => {
    expect(maskBlockedWords(text, words)).toBe(expected);
  });

  it("a masked message no longer holds the word", () => {
    const masked = maskBlockedWords("buy now, spam café", LIST);
    expect(findBlockedWords(masked, LIST)).toEqual([]);
  });
});

describe("foldWord", () => {
  it("drops case and diacritics", () => {
    expect(foldWord("ÉCOLE")).toBe("ecole");
    expect(foldWord("Ångström")).toBe("angstrom");
  });
});
