import { describe, expect, it } from "vitest";
import { chatMessageSchema } from "../../data/chat-schemas";

// A message a moderator removed (resolveReport) must still parse, or the chat would drop it and the reader would
// never see "Message removed by a moderator"; an empty message that is not marked removed is still refused.
describe("chatMessageSchema and removed messages", () => {
  it.each<[string, unknown, boolean]>([
    ["an ordinary message", { from: "a", text: "hi", sentAt: 1 }, true],
    ["a removed message: empty text and the marker", { from: "a", text: "", sentAt: 1, removed: true }, true],
    ["empty text without the marker", { from: "a", text: "", sentAt: 1 }, false],
    ["a marker that is not true", { from: "a", text: "", sentAt: 1, removed: false }, false],
    ["text over the limit", { from: "a", text: "x".repeat(2001), sentAt: 1 }, false],
  ])("%s", (_name, value, ok) => {
    expect(chatMessageSchema.safeParse(value).success).toBe(ok);
  });
});
