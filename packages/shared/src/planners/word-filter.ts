/**
 * The chat's word filter, pure and shared: the sender's app refuses a message that holds a blocked word, and every
 * reader's app masks blocked words on display, so a client that skips the first check still cannot show the word.
 *
 * Matching is on whole words, ignoring case and diacritics ("Café" matches "cafe"), across punctuation ("spam!" and
 * "(spam)" match "spam"), and a blocked entry of several words matches them in sequence ("buy now" in "Buy... now").
 * No regular expression is ever built from a listed word, so a word such as "a+b" or "(.*)" means only itself.
 */

/** A run of letters, combining marks and digits, plus an apostrophe inside a word ("don't" is one word). */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;

interface Token {
  /** The token folded for comparison. */
  key: string;
  start: number;
  end: number;
}

/** Lower case without diacritics: NFD splits "é" into "e" + a combining mark, which is then dropped. */
export function foldWord(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/’/g, "'");
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index ?? 0;
    tokens.push({ key: foldWord(match[0]), start, end: start + match[0].length });
  }
  return tokens;
}

interface Hit {
  /** The listed entry, as written in the list. */
  word: string;
  start: number;
  end: number;
}

function findHits(text: string, words: readonly string[]): Hit[] {
  const tokens = tokenize(text);
  if (tokens.length === 0) return [];
  const entries = words
    .map((word) => ({ word, keys: tokenize(word).map((t) => t.key) }))
    .filter((entry) => entry.keys.length > 0);
  const hits: Hit[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    for (const entry of entries) {
      const n = entry.keys.length;
      if (i + n > tokens.length) continue;
      let same = true;
      for (let k = 0; k < n && same; k += 1) same = tokens[i + k]!.key === entry.keys[k];
      if (same) hits.push({ word: entry.word, start: tokens[i]!.start, end: tokens[i + n - 1]!.end });
    }
  }
  return hits;
}

/** The listed words found in `text`, each once, in the list's order. */
export function findBlockedWords(text: string, words: readonly string[]): string[] {
  const found = new Set(findHits(text, words).map((hit) => hit.word));
  return words.filter((word, index) => found.has(word) && words.indexOf(word) === index);
}

/**
 * `text` with every letter and digit of each blocked word replaced by `•`; spaces and punctuation between the
 * words of a listed phrase stay, so the message keeps its shape and the reader sees that something was masked.
 */
export function maskBlockedWords(text: string, words: readonly string[]): string {
  const hits = findHits(text, words);
  if (hits.length === 0) return text;
  const masked = new Array<boolean>(text.length).fill(false);
  for (const hit of hits) for (let i = hit.start; i < hit.end; i += 1) masked[i] = true;
  let out = "";
  // Step by code point so an astral letter becomes one mask, not two.
  for (let i = 0; i < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    out += masked[i] && /[\p{L}\p{M}\p{N}]/u.test(char) ? "•" : char;
    i += char.length;
  }
  return out;
}
