/**
 * Finds a quoted passage (TextAnchor.exact + prefix/suffix) in a text without any diff: the fallback
 * when the diff cannot place a passage, e.g. because it moved to another paragraph.
 *
 * Cheapest first:
 * 1. Exact occurrences of `exact` (indexOf). Each is scored; the best one is returned if accepted.
 *    When there is at least one exact occurrence the approximate search is never run.
 * 2. Otherwise, for quotes of at least MIN_APPROX_LENGTH characters, an approximate search:
 *    windows of the quote's length are slid over the text, scored by the Dice similarity of their
 *    character bigrams with the quote (linear, incremental); the few best windows (Dice >=
 *    MIN_WINDOW_DICE, not overlapping much) are refined by a semi-global edit-distance alignment of
 *    the quote against the window plus some slack, which yields the match's exact bounds and its
 *    quote similarity q = 1 - editDistance / quote.length. (Quotes too long for that alignment's
 *    budget keep the window as found and use its Dice similarity as q.)
 *
 * Score, in [0, 1], 1 for a verbatim quote with intact context at the hinted position:
 *   score = (0.6·q + 0.3·c + 0.1·p) / (sum of the weights used)
 *   q: quote similarity (1 for an exact occurrence);
 *   c: context similarity, the mean over prefix and suffix (whichever the anchor has; NEUTRAL_CONTEXT
 *      when it has neither) of 0.75·(characters equal counting outward from the passage, until the
 *      first difference, over the context's length) + 0.25·(bigram Dice of the context strings);
 *   p: proximity to `hint`, 1 - |start - hint| / text.length; its weight is dropped without a hint.
 *
 * Acceptance (otherwise null):
 *   - a match must be distinctive (isDistinctive): at least SHORT_QUOTE (8) characters long counting
 *     the context characters that match right next to it, or with context score c >=
 *     MIN_SHORT_CONTEXT, since short strings recur by chance ("的", "生态");
 *   - an approximate match needs q >= MIN_QUOTE_SIMILARITY (0.75: at most a quarter of the quote's
 *     characters edited), and the quote must have at least MIN_APPROX_LENGTH characters.
 * Returned bounds never split a surrogate pair. An optional `accept(start, end)` restricts the matches
 * considered (map-anchor.ts accepts only text that is new at its place).
 */
import { splitsSurrogatePair, type TextAnchor } from "./anchor";

export interface QuoteMatch {
  start: number;
  end: number;
  score: number;
}

/** Below this many characters a quote is only looked up verbatim. */
export const MIN_APPROX_LENGTH = 4;
/** Matches shorter than this need their context to confirm them (see isDistinctive). */
export const SHORT_QUOTE = 8;
/** Context similarity a short quote's match needs. */
export const MIN_SHORT_CONTEXT = 0.25;
/** Minimum similarity (1 - edit distance / length) of an approximate match to the quote. */
export const MIN_QUOTE_SIMILARITY = 0.75;
/** Context score used when the anchor carries no context at all. */
export const NEUTRAL_CONTEXT = 0.5;

const WEIGHT_QUOTE = 0.6;
const WEIGHT_CONTEXT = 0.3;
const WEIGHT_POSITION = 0.1;
/** Part of a side's context score given by the run of equal characters next to the passage. */
const RUN_SHARE = 0.75;
/** Windows below this bigram similarity are not worth aligning. */
const MIN_WINDOW_DICE = 0.4;
/** How many windows are refined by alignment. */
const MAX_APPROX_CANDIDATES = 5;
/** Largest quote length × region length aligned by dynamic programming. */
const ALIGN_BUDGET = 4_000_000;
/** Exact occurrences beyond this many are not scored (pathological repeats). */
const MAX_EXACT_CANDIDATES = 10_000;

/** Which matches a caller allows (map-anchor.ts allows only text the diff says is new). */
export type AcceptMatch = (start: number, end: number) => boolean;

export function findQuote(text: string, anchor: TextAnchor, hint?: number, accept?: AcceptMatch): QuoteMatch | null {
  const quote = anchor.exact;
  if (!quote || !text) return null;
  const exact = exactMatch(text, anchor, hint, accept);
  if (exact !== undefined) return exact;
  if (quote.length < MIN_APPROX_LENGTH) return null;
  return approximateMatch(text, anchor, hint, accept);
}

/** The best distinctive exact occurrence; null when occurrences exist but none is distinctive, undefined when there is none. */
function exactMatch(text: string, anchor: TextAnchor, hint?: number, accept?: AcceptMatch): QuoteMatch | null | undefined {
  const quote = anchor.exact;
  let best: QuoteMatch | null = null;
  let seen = 0;
  for (let i = text.indexOf(quote); i !== -1 && seen < MAX_EXACT_CANDIDATES; i = text.indexOf(quote, i + 1), seen++) {
    const end = i + quote.length;
    if (accept && !accept(i, end)) continue;
    const context = contextScore(text, anchor, i, end);
    if (!isDistinctive(text, anchor, i, end, context)) continue;
    const score = combine(1, context, i, text.length, hint);
    if (!best || score > best.score || (score === best.score && closer(i, best.start, hint))) best = { start: i, end, score };
  }
  if (seen === 0) return undefined;
  return best;
}

function approximateMatch(text: string, anchor: TextAnchor, hint?: number, accept?: AcceptMatch): QuoteMatch | null {
  const quote = anchor.exact;
  let best: QuoteMatch | null = null;
  for (const window of candidateWindows(text, quote, hint)) {
    let start: number;
    let end: number;
    let similarity: number;
    const slack = Math.ceil(quote.length * (1 - MIN_QUOTE_SIMILARITY)) + 1;
    const from = Math.max(0, window.start - slack);
    const to = Math.min(text.length, window.end + slack);
    if (quote.length * (to - from) <= ALIGN_BUDGET) {
      const aligned = align(quote, text, from, to);
      start = aligned.start;
      end = aligned.end;
      similarity = Math.max(0, 1 - aligned.distance / quote.length);
    } else {
      start = window.start;
      end = window.end;
      similarity = window.dice;
    }
    if (splitsSurrogatePair(text, start)) start--;
    if (splitsSurrogatePair(text, end)) end++;
    if (end <= start || similarity < MIN_QUOTE_SIMILARITY) continue;
    if (accept && !accept(start, end)) continue;
    const context = contextScore(text, anchor, start, end);
    if (!isDistinctive(text, anchor, start, end, context)) continue;
    const score = combine(similarity, context, start, text.length, hint);
    if (!best || score > best.score || (score === best.score && closer(start, best.start, hint))) best = { start, end, score };
  }
  return best;
}

function combine(quote: number, context: number, start: number, textLength: number, hint?: number): number {
  let total = WEIGHT_QUOTE * quote + WEIGHT_CONTEXT * context;
  let weights = WEIGHT_QUOTE + WEIGHT_CONTEXT;
  if (hint !== undefined && Number.isFinite(hint)) {
    total += WEIGHT_POSITION * (1 - Math.min(1, Math.abs(start - hint) / Math.max(1, textLength)));
    weights += WEIGHT_POSITION;
  }
  return total / weights;
}

function closer(a: number, b: number, hint?: number): boolean {
  return hint !== undefined && Math.abs(a - hint) < Math.abs(b - hint);
}

/** How many characters right before and right after text[start, end) equal the anchor's prefix and suffix. */
export function adjacentRuns(text: string, anchor: Pick<TextAnchor, "prefix" | "suffix">, start: number, end: number) {
  const { prefix, suffix } = anchor;
  let before = 0;
  while (before < prefix.length && before < start && text[start - 1 - before] === prefix[prefix.length - 1 - before]) before++;
  let after = 0;
  while (after < suffix.length && end + after < text.length && text[end + after] === suffix[after]) after++;
  return { before, after };
}

/**
 * How well the text around text[start, end) matches the anchor's prefix and suffix, in [0, 1]
 * (NEUTRAL_CONTEXT when the anchor has no context).
 */
export function contextScore(text: string, anchor: Pick<TextAnchor, "prefix" | "suffix">, start: number, end: number): number {
  const { prefix, suffix } = anchor;
  const runs = adjacentRuns(text, anchor, start, end);
  const scores: number[] = [];
  if (prefix) {
    const before = text.slice(Math.max(0, start - prefix.length), start);
    scores.push(RUN_SHARE * (runs.before / prefix.length) + (1 - RUN_SHARE) * bigramSimilarity(prefix, before));
  }
  if (suffix) {
    const after = text.slice(end, end + suffix.length);
    scores.push(RUN_SHARE * (runs.after / suffix.length) + (1 - RUN_SHARE) * bigramSimilarity(suffix, after));
  }
  if (scores.length === 0) return NEUTRAL_CONTEXT;
  return scores.reduce((x, y) => x + y, 0) / scores.length;
}

/**
 * Whether a match text[start, end) is distinctive enough to trust: together with the context that
 * matches right next to it, it spans at least SHORT_QUOTE characters, or its context score is at
 * least MIN_SHORT_CONTEXT. (Always true for matches of SHORT_QUOTE characters or more.)
 */
export function isDistinctive(
  text: string,
  anchor: Pick<TextAnchor, "prefix" | "suffix">,
  start: number,
  end: number,
  context?: number,
): boolean {
  if (end - start >= SHORT_QUOTE) return true;
  const runs = adjacentRuns(text, anchor, start, end);
  if (runs.before + (end - start) + runs.after >= SHORT_QUOTE) return true;
  return (context ?? contextScore(text, anchor, start, end)) >= MIN_SHORT_CONTEXT;
}

/** Dice coefficient of the two strings' UTF-16 bigram multisets, in [0, 1]. */
export function bigramSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(g, n - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}

interface Window {
  start: number;
  end: number;
  dice: number;
}

/** The best quote-length windows by bigram similarity, at most MAX_APPROX_CANDIDATES, spread apart. */
function candidateWindows(text: string, quote: string, hint?: number): Window[] {
  const width = Math.min(quote.length, text.length);
  if (width < 2) return [];
  const wanted = new Map<string, number>();
  for (let i = 0; i < quote.length - 1; i++) {
    const g = quote.slice(i, i + 2);
    wanted.set(g, (wanted.get(g) ?? 0) + 1);
  }
  // Counts of the window's bigrams that the quote has too; `shared` is their multiset intersection.
  const have = new Map<string, number>();
  let shared = 0;
  const add = (g: string) => {
    const want = wanted.get(g);
    if (want === undefined) return;
    const n = have.get(g) ?? 0;
    if (n < want) shared++;
    have.set(g, n + 1);
  };
  const remove = (g: string) => {
    const want = wanted.get(g);
    if (want === undefined) return;
    const n = (have.get(g) ?? 0) - 1;
    have.set(g, n);
    if (n < want) shared--;
  };
  for (let i = 0; i < width - 1; i++) add(text.slice(i, i + 2));
  const denominator = quote.length - 1 + (width - 1);
  const windows: Window[] = [];
  for (let start = 0; ; start++) {
    const dice = (2 * shared) / denominator;
    if (dice >= MIN_WINDOW_DICE) windows.push({ start, end: start + width, dice });
    if (start + width >= text.length) break;
    remove(text.slice(start, start + 2));
    add(text.slice(start + width - 1, start + width + 1));
  }
  windows.sort((x, y) => y.dice - x.dice || (hint === undefined ? x.start - y.start : Math.abs(x.start - hint) - Math.abs(y.start - hint)));
  const chosen: Window[] = [];
  const spacing = Math.max(1, Math.floor(width / 2));
  for (const w of windows) {
    if (chosen.length >= MAX_APPROX_CANDIDATES) break;
    if (chosen.every((c) => Math.abs(c.start - w.start) >= spacing)) chosen.push(w);
  }
  return chosen;
}

/**
 * Semi-global alignment: the substring of text[from, to) with the smallest edit distance to
 * `quote` (leading and trailing text is free). Ties go to the match whose length is nearest the
 * quote's, then to the earliest.
 */
function align(quote: string, text: string, from: number, to: number): { start: number; end: number; distance: number } {
  const width = to - from;
  let prev = new Int32Array(width + 1);
  let prevStart = new Int32Array(width + 1);
  let cur = new Int32Array(width + 1);
  let curStart = new Int32Array(width + 1);
  for (let j = 0; j <= width; j++) prevStart[j] = j;
  for (let i = 1; i <= quote.length; i++) {
    const q = quote.charCodeAt(i - 1);
    cur[0] = i;
    curStart[0] = 0;
    for (let j = 1; j <= width; j++) {
      let best = prev[j - 1] + (q === text.charCodeAt(from + j - 1) ? 0 : 1);
      let start = prevStart[j - 1];
      if (prev[j] + 1 < best) {
        best = prev[j] + 1;
        start = prevStart[j];
      }
      if (cur[j - 1] + 1 < best) {
        best = cur[j - 1] + 1;
        start = curStart[j - 1];
      }
      cur[j] = best;
      curStart[j] = start;
    }
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  let bestEnd = 0;
  for (let j = 1; j <= width; j++) {
    const d = prev[j];
    const b = prev[bestEnd];
    if (d < b || (d === b && Math.abs(j - prevStart[j] - quote.length) < Math.abs(bestEnd - prevStart[bestEnd] - quote.length)))
      bestEnd = j;
  }
  return { start: from + prevStart[bestEnd], end: from + bestEnd, distance: prev[bestEnd] };
}
