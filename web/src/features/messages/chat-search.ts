/**
 * Pure chat search: case- and diacritic-insensitive, every query word must occur, with highlight ranges in the
 * original text. No regular expression is built from the query: words are found with indexOf on folded text.
 */

/** A half-open range [start, end) of UTF-16 indices into the original text. */
export interface HighlightRange {
  start: number;
  end: number;
}

interface Folded {
  text: string;
  /** For each UTF-16 index of `text`: the original text's [start, end) it came from. */
  origin: HighlightRange[];
}

const COMBINING_MARKS = /\p{M}/gu;
const IS_MARK = /^\p{M}$/u;

/** One character folded for comparison: decomposed, marks dropped, lower case ("É" → "e", "ß" stays "ß"). */
function foldChar(char: string): string {
  return char.normalize("NFD").replace(COMBINING_MARKS, "").toLowerCase();
}

/** Folds text for matching, remembering where each folded unit came from, so ranges map back exactly. */
function fold(text: string): Folded {
  let folded = "";
  const origin: HighlightRange[] = [];
  let index = 0;
  for (const char of text) {
    const range = { start: index, end: index + char.length };
    const part = foldChar(char);
    folded += part;
    for (let i = 0; i < part.length; i += 1) origin.push(range);
    index += char.length;
  }
  return { text: folded, origin };
}

/** The distinct folded words of a query; empty when it has none (only spaces, or only marks). */
export function queryWords(query: string): string[] {
  const words = fold(query.trim()).text.split(/\s+/).filter(Boolean);
  return [...new Set(words)];
}

/** Whether the query has anything to look for. */
export function isSearchableQuery(query: string): boolean {
  return queryWords(query).length > 0;
}

/**
 * Where `query` matches `text`: the merged, sorted highlight ranges of every occurrence of every query word, or null
 * when a word does not occur (or the query is empty).
 */
export function matchText(text: string, query: string): HighlightRange[] | null {
  const words = queryWords(query);
  if (words.length === 0) return null;
  const folded = fold(text);
  const ranges: HighlightRange[] = [];
  for (const word of words) {
    let from = folded.text.indexOf(word);
    if (from === -1) return null;
    while (from !== -1) {
      const last = from + word.length - 1;
      let end = folded.origin[last]!.end;
      // A decomposed accent after the match belongs to its last letter: highlight it too.
      while (end < text.length && IS_MARK.test(text[end]!)) end += 1;
      ranges.push({ start: folded.origin[from]!.start, end });
      from = folded.text.indexOf(word, from + 1);
    }
  }
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: HighlightRange[] = [];
  for (const range of ranges) {
    const previous = merged.at(-1);
    if (previous && range.start <= previous.end) previous.end = Math.max(previous.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

export interface SnippetPart {
  text: string;
  hit: boolean;
}

/**
 * A short excerpt around the first match, split into highlighted and plain parts, with "…" where text was cut.
 * `radius` is how many characters of context to keep before the first match; the excerpt is at most `length` long.
 */
export function snippet(text: string, ranges: readonly HighlightRange[], length = 120, radius = 30): SnippetPart[] {
  const first = ranges[0];
  let start = first ? Math.max(0, first.start - radius) : 0;
  // Do not cut a surrogate pair in half.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start] ?? "")) start -= 1;
  let end = Math.min(text.length, start + length);
  if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end] ?? "")) end += 1;
  const parts: SnippetPart[] = [];
  const push = (part: string, hit: boolean) => {
    if (!part) return;
    const previous = parts.at(-1);
    if (previous && previous.hit === hit) previous.text += part;
    else parts.push({ text: part, hit });
  };
  if (start > 0) push("…", false);
  let cursor = start;
  for (const range of ranges) {
    if (range.end <= start || range.start >= end) continue;
    const from = Math.max(range.start, start);
    const to = Math.min(range.end, end);
    push(text.slice(cursor, from), false);
    push(text.slice(from, to), true);
    cursor = to;
  }
  push(text.slice(cursor, end), false);
  if (end < text.length) push("…", false);
  return parts;
}

export interface SearchHit<T> {
  item: T;
  ranges: HighlightRange[];
}

/** The items whose text matches, newest first (items come oldest first, as messages are kept). */
export function searchMessages<T extends { text: string }>(items: readonly T[], query: string): SearchHit<T>[] {
  const hits: SearchHit<T>[] = [];
  for (let i = items.length - 1; i >= 0; i -= 1) {
    const item = items[i]!;
    const ranges = matchText(item.text, query);
    if (ranges) hits.push({ item, ranges });
  }
  return hits;
}
