import { describe, expect, it } from "vitest";
import { blockedWordsMessage } from "./filter-message";

describe("blockedWordsMessage", () => {
  it.each<[string, string[], string | null]>([
    ["nothing blocked", [], null],
    ["hello there", ["spam"], null],
    ["this is SPAM", ["spam"], "Your message was not sent: “spam” is a word this programme does not allow in chat. Edit it and send again."],
    ["spam and scam", ["spam", "scam"], "Your message was not sent: “spam” and “scam” are words this programme does not allow in chat. Edit it and send again."],
    ["a, b: spam scam fraud", ["fraud", "spam", "scam"], "Your message was not sent: “fraud”, “spam” and “scam” are words this programme does not allow in chat. Edit it and send again."],
  ])("%s with %j", (text, words, expected) => {
    expect(blockedWordsMessage(text, words)).toBe(expected);
  });
});
