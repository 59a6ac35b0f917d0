// Search queries: normalising what was typed and turning it into what the FTS5 index understands.
// Pure: the domain module (models/search.server.ts) runs the SQL. See docs/decisions/0006-search.md.

/** The longest query taken, in characters. */
export const MAX_QUERY_CHARS = 100;

/** The highest code point: `term < q + TERM_END` bounds every term that starts with q. */
export const TERM_END = "\u{10FFFF}";

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/g;

/**
 * What was typed, made safe to search for: control characters (the index pads texts with U+0001)
 * become spaces, runs of white space become one space, both ends are trimmed, and the length is capped.
 */
export function normalizeQuery(raw: string): string {
  const clean = raw.replace(CONTROL, " ").replace(/\s+/g, " ").trim();
  return Array.from(clean).slice(0, MAX_QUERY_CHARS).join("").trim();
}

/**
 * Case folding that keeps every UTF-16 offset: a character is lowered only when its lower-case form has
 * the same length, so offsets found in the folded text are offsets in the original.
 */
export function foldCase(s: string): string {
  let out = "";
  for (const ch of s) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

export type SearchPlan =
  /** Nothing to search for. */
  | { mode: "none" }
  /** Three characters or more: an FTS5 phrase over the trigram index. */
  | { mode: "phrase"; match: string }
  /** One or two characters: every indexed trigram that starts with them (a range of the term list). */
  | { mode: "prefix"; from: string; to: string };

/** Counts characters as SQLite does (code points), not UTF-16 units. */
export const charCount = (s: string) => Array.from(s).length;

/**
 * How to look a normalised query up. A phrase is one FTS5 string literal (`"` doubled inside), so
 * operators and punctuation typed by the user (`OR`, `*`, `(`, `"` …) are only characters to find.
 */
export function planQuery(q: string): SearchPlan {
  const n = charCount(q);
  if (n === 0) return { mode: "none" };
  if (n >= 3) return { mode: "phrase", match: `"${q.replace(/"/g, '""')}"` };
  const folded = foldCase(q);
  return { mode: "prefix", from: folded, to: folded + TERM_END };
}
