import { findBlockedWords } from "@mentormatch/shared";

/** The composer's refusal for a message holding blocked words, naming them, or null when it may be sent. */
export function blockedWordsMessage(text: string, words: readonly string[]): string | null {
  const found = findBlockedWords(text, words);
  if (found.length === 0) return null;
  const quoted = found.map((word) => `“${word}”`);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)}`;
  return `Your message was not sent: ${list} ${found.length === 1 ? "is a word" : "are words"} this programme does not allow in chat. Edit it and send again.`;
}
