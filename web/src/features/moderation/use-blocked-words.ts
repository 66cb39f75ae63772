import { useEffect, useState } from "react";
import { watchBlockedWords } from "../../data/moderation";

/**
 * The blocked-word list, live. Until it loads (or if it cannot be read) the list is empty: the filter is a courtesy
 * of the app, never a reason to stop someone reading or writing, and reports cover what it misses.
 */
export function useBlockedWords(): string[] {
  const [words, setWords] = useState<string[]>([]);
  useEffect(() => watchBlockedWords(setWords, (error) => console.warn("blocked words unavailable", error)), []);
  return words;
}
