/** Longest prefix indexed per name word or for the whole name; longer queries are cut to it. */
export const MAX_WORD_PREFIX = 12;
export const MAX_NAME_PREFIX = 24;

/** Lower-case, accents stripped, punctuation to spaces: what both indexing and querying compare. */
export function normalizeSearchText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function prefixes(word: string, min: number, max: number): string[] {
  const out: string[] = [];
  for (let length = min; length <= Math.min(word.length, max); length++) out.push(word.slice(0, length));
  return out;
}

/** Prefixes a name can be found by: each word's, and the whole name's (so "alice jo" finds Alice Johnson). */
export function namePrefixes(displayName: string): string[] {
  const name = normalizeSearchText(displayName);
  if (!name) return [];
  const words = name.split(" ");
  const set = new Set<string>();
  for (const word of words) for (const prefix of prefixes(word, 1, MAX_WORD_PREFIX)) set.add(prefix);
  if (words.length > 1) for (const prefix of prefixes(name, words[0]!.length + 1, MAX_NAME_PREFIX)) set.add(prefix);
  return [...set];
}

export const nameToken = (prefix: string) => `n:${prefix}`;
export const expertiseToken = (tag: string) => `x:${tag}`;
export const nameExpertiseToken = (prefix: string, tag: string) => `n:${prefix}|x:${tag}`;

/**
 * Firestore allows one array-contains per query, so name search and the expertise filter share one array:
 * name prefixes, expertise tags, and every (prefix, tag) pair.
 */
export function buildSearchTokens(profile: { displayName: string; expertise: readonly string[] }): string[] {
  const names = namePrefixes(profile.displayName);
  const tags = [...new Set(profile.expertise)];
  const tokens = [...names.map(nameToken), ...tags.map(expertiseToken)];
  for (const prefix of names) for (const tag of tags) tokens.push(nameExpertiseToken(prefix, tag));
  return tokens;
}

export function sameTokens(a: readonly string[] | undefined, b: readonly string[]): boolean {
  if (!a || a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((token) => set.has(token));
}
