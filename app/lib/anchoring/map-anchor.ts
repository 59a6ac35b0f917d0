/**
 * Follows a comment's passage from the revision it was written on (oldText) to a later revision
 * (newText). Pure: no database, no UI. See docs/ANCHORING.md.
 *
 * The rule: a wrong place is worse than "orphaned". The passage is intact or changed on the later
 * revision only where the diff connects its old place, or where it provably MOVED: the words at the
 * new place are new there (not standing at the same place in both versions) and the old place lost
 * them. Text that stood in both versions (a twin) is never a relocation target, however well its
 * context matches; repeated phrases resolve to the occurrence the diff maps.
 *
 * In order:
 * 0. An anchor that does not fit oldText (offsets out of range, or not selecting `exact`) cannot be
 *    mapped through a diff; it is looked up in newText by quote search alone, else orphaned.
 * 1. oldText === newText → "intact" with the same offsets.
 * 2. Otherwise the diff ops (given, or diffTexts(oldText, newText); given ops that do not describe
 *    the two texts are ignored) map the start with assoc +1 and the end with assoc -1 (see
 *    offset-map.ts). Bounds are widened so they never split a surrogate pair.
 * 3. The passage is "mostly deleted" when the diff deleted more than MOSTLY_DELETED (60 %) of its
 *    characters, or deleted some and left fewer than CHANGED_MIN_KEPT (4).
 * 4. When the mapped range is not empty:
 *    - no edit touched the passage and the mapped text equals `exact` → "intact";
 *    - `exact` occurs verbatim overlapping the mapped range → "intact" there (diffs are ambiguous at
 *      word edges); when mostly deleted, that copy must pass movedHere (below, at its own place);
 *    - not mostly deleted: if the exact words moved verbatim elsewhere (movedHere, with the lighter
 *      MOVED_MIN_SPAN evidence: the old place was rewritten into a look-alike, so the words themselves
 *      count), "intact" there; else "changed", covering the mapped range.
 * 5. Mostly deleted (or nothing left): findQuote (quote-search.ts) over matches that pass movedHere
 *    → "intact" if verbatim, else "changed". Otherwise → "orphaned", collapsed at the mapped start.
 *
 * movedHere(match): a reworded match must be wholly inserted text (look-alike template sentences are
 * rewordings of each other); a verbatim one must not map back (±its length) onto old text that held
 * the same words anywhere but at the passage's own place; and it must carry context: at its own place
 * (the copy maps back onto the passage, or sits next to where the diff put it) the copy and the
 * context right next to it span MOVED_MIN_SPAN characters; elsewhere a copy shorter than MOVED_LONG
 * needs MOVED_CONTEXT characters of matching context on each side.
 * The result's `exact` is always newText.slice(start, end).
 */
import { diffTexts, type DiffOp } from "../diff/text-diff";
import { splitsSurrogatePair, type TextAnchor } from "./anchor";
import { offsetMapper, type OffsetMapper } from "./offset-map";
import { adjacentRuns, contextScore, findQuote, isDistinctive } from "./quote-search";

export type AnchorState = "intact" | "changed" | "orphaned";

export interface MappedAnchor {
  start: number;
  end: number;
  /** newText.slice(start, end): the passage's current wording ("" when orphaned). */
  exact: string;
  state: AnchorState;
}

/** Above this share of deleted characters the passage may have moved (quote search is tried). */
export const MOSTLY_DELETED = 0.6;
/** A verbatim copy found inside a mapped range longer than GROWN_FACTOR × length + GROWN_SLACK must be distinctive. */
export const GROWN_FACTOR = 3;
export const GROWN_SLACK = 10;
/** A relocated passage shorter than this must bring along context to make up this many characters. */
export const MOVED_MIN_SPAN = 8;
/** A passage partly deleted is "changed" only if at least this many of its characters are left. */
export const CHANGED_MIN_KEPT = 4;
/** A relocated verbatim passage shorter than this needs MOVED_CONTEXT characters of context on each side. */
export const MOVED_LONG = 12;
export const MOVED_CONTEXT = 6;

export function mapAnchor(oldText: string, newText: string, anchor: TextAnchor, ops?: readonly DiffOp[]): MappedAnchor {
  if (!fits(oldText, anchor)) return relocate(newText, anchor, anchor.start);
  if (oldText === newText) return { start: anchor.start, end: anchor.end, exact: anchor.exact, state: "intact" };
  return mapThrough(mapperFor(oldText, newText, ops), oldText, newText, anchor);
}

/** mapAnchor for many anchors on the same pair of texts: the diff is computed (at most) once. */
export function mapAnchors(oldText: string, newText: string, anchors: readonly TextAnchor[], ops?: readonly DiffOp[]): MappedAnchor[] {
  let mapper: OffsetMapper | undefined;
  return anchors.map((anchor) => {
    if (!fits(oldText, anchor)) return relocate(newText, anchor, anchor.start);
    if (oldText === newText) return { start: anchor.start, end: anchor.end, exact: anchor.exact, state: "intact" };
    mapper ??= mapperFor(oldText, newText, ops);
    return mapThrough(mapper, oldText, newText, anchor);
  });
}

function fits(text: string, a: TextAnchor): boolean {
  return (
    Number.isInteger(a.start) &&
    Number.isInteger(a.end) &&
    a.start >= 0 &&
    a.start < a.end &&
    a.end <= text.length &&
    text.slice(a.start, a.end) === a.exact
  );
}

/** A mapper for the given ops if they describe oldText → newText, else for a fresh diff. */
function mapperFor(oldText: string, newText: string, ops?: readonly DiffOp[]): OffsetMapper {
  if (ops && describes(ops, oldText, newText)) return offsetMapper(ops);
  return offsetMapper(diffTexts(oldText, newText));
}

function describes(ops: readonly DiffOp[], oldText: string, newText: string): boolean {
  let a = "";
  let b = "";
  for (const { op, text } of ops) {
    if (op !== "insert") a += text;
    if (op !== "delete") b += text;
  }
  return a === oldText && b === newText;
}

function mapThrough(mapper: OffsetMapper, oldText: string, newText: string, anchor: TextAnchor): MappedAnchor {
  const { start, end, exact } = anchor;
  const length = end - start;
  let s = mapper.map(start, 1);
  let e = Math.max(s, mapper.map(end, -1));
  if (splitsSurrogatePair(newText, s)) s--;
  if (splitsSurrogatePair(newText, e)) e++;
  const mapped = e - s;

  if (mapped > 0) {
    const slice = newText.slice(s, e);
    if (slice === exact && !mapper.changedBetween(start, end)) return { start: s, end: e, exact, state: "intact" };
    // a short quote found inside a large rewrite needs context to confirm it (it may recur by chance)
    const deleted = mapper.deletedLength(start, end);
    // a few characters left of a short passage are no passage: they recur by chance next to the cut
    const mostlyDeleted = deleted > MOSTLY_DELETED * length || (deleted > 0 && length - deleted < CHANGED_MIN_KEPT);
    const verbatim = verbatimOverlapping(newText, anchor, s, e, mapped > GROWN_FACTOR * length + GROWN_SLACK);
    // when the diff deleted most of the passage, a copy in the rewritten text is a relocation (see movedHere)
    if (verbatim !== null && (!mostlyDeleted || movedHere(mapper, oldText, newText, anchor, s, verbatim, verbatim + length, true)))
      return { start: verbatim, end: verbatim + exact.length, exact, state: "intact" };
    if (!mostlyDeleted) {
      // the diff may pair a moved paragraph's old place with a look-alike: the words themselves, moved
      // verbatim with their context, win over a partial rewrite of the look-alike
      const moved = findQuote(
        newText,
        anchor,
        s,
        (a, b) => b - a === length && newText.slice(a, b) === exact && movedHere(mapper, oldText, newText, anchor, s, a, b, true),
      );
      if (moved) return located(newText, moved.start, moved.end, exact);
      return { start: s, end: e, exact: slice, state: "changed" };
    }
  }

  // Most of the passage was deleted here. It moved only if the same words were inserted elsewhere:
  // text standing in both versions (a twin) is never a target.
  const found = findQuote(newText, anchor, s, (a, b) => movedHere(mapper, oldText, newText, anchor, s, a, b));
  if (found) return located(newText, found.start, found.end, exact);
  return { start: s, end: s, exact: "", state: "orphaned" };
}

/**
 * Whether newText[a, b) can be where the passage moved to:
 * - it is new at that place: the old text the diff maps there (give or take the passage's length)
 *   did not already hold the passage's words, except at the passage's own old place (a twin that
 *   stood in both versions is never a target);
 * - together with the context that moved along with it (characters right before and after equal to
 *   the anchor's prefix and suffix) it spans at least MOVED_MIN_SPAN characters, so a short phrase
 *   in an unrelated new sentence is not taken for it.
 */
function movedHere(
  mapper: OffsetMapper,
  oldText: string,
  newText: string,
  anchor: TextAnchor,
  at: number,
  a: number,
  b: number,
  inRewrite = false,
): boolean {
  const { exact } = anchor;
  // a reworded match must be wholly inserted text: look-alike sentences (the same template with other
  // figures) are reworded versions of each other
  if (newText.slice(a, b) !== exact) return mapper.insertedLength(a, b) === b - a && spansEnough(newText, anchor, a, b);
  const back = mapper.inverse();
  const from = Math.max(0, back.map(a, 1) - exact.length);
  const to = Math.min(oldText.length, back.map(b, -1) + exact.length);
  for (let i = oldText.indexOf(exact, from); i !== -1 && i + exact.length <= to; i = oldText.indexOf(exact, i + 1)) {
    if (i !== anchor.start) return false;
  }
  // at the passage's own place (the diff maps it to `at`, or maps the copy back onto it), the words
  // themselves are the evidence
  const near = exact.length + MOVED_CONTEXT;
  const ownPlace = (from < anchor.end && anchor.start < to) || (a >= at - near && a <= at + near);
  return inRewrite || ownPlace ? spansEnough(newText, anchor, a, b) : contextConfirms(newText, anchor, a, b);
}

/**
 * A verbatim copy of a passage shorter than MOVED_LONG is taken for the passage only with the context
 * that moved along: on each side, MOVED_CONTEXT characters (or all the anchor has) equal to its prefix
 * and suffix. Plan prose repeats short phrases in look-alike sentences that differ only in figures.
 */
function contextConfirms(newText: string, anchor: TextAnchor, a: number, b: number): boolean {
  if (b - a >= MOVED_LONG) return true;
  const runs = adjacentRuns(newText, anchor, a, b);
  return runs.before >= Math.min(anchor.prefix.length, MOVED_CONTEXT) && runs.after >= Math.min(anchor.suffix.length, MOVED_CONTEXT);
}

function spansEnough(newText: string, anchor: TextAnchor, a: number, b: number): boolean {
  if (b - a >= MOVED_MIN_SPAN) return true;
  const runs = adjacentRuns(newText, anchor, a, b);
  return runs.before + (b - a) + runs.after >= MOVED_MIN_SPAN;
}

/** Quote search only (no usable diff): a match, else orphaned at `at` (clamped, never inside a pair). */
function relocate(newText: string, anchor: TextAnchor, at: number): MappedAnchor {
  const found = anchor.exact ? findQuote(newText, anchor, at) : null;
  if (found) return located(newText, found.start, found.end, anchor.exact);
  let p = Number.isFinite(at) ? Math.min(Math.max(Math.trunc(at), 0), newText.length) : 0;
  if (splitsSurrogatePair(newText, p)) p--;
  return { start: p, end: p, exact: "", state: "orphaned" };
}

function located(newText: string, start: number, end: number, exact: string): MappedAnchor {
  const slice = newText.slice(start, end);
  return { start, end, exact: slice, state: slice === exact ? "intact" : "changed" };
}

/**
 * The occurrence of `exact` overlapping newText[s, e) with the best context (nearest `s` on ties)
 * (only distinctive ones, see quote-search.ts, when `mustBeDistinctive`), or null.
 */
function verbatimOverlapping(newText: string, anchor: TextAnchor, s: number, e: number, mustBeDistinctive: boolean): number | null {
  const { exact } = anchor;
  let best: number | null = null;
  let bestScore = -1;
  for (let i = newText.indexOf(exact, Math.max(0, s - exact.length + 1)); i !== -1 && i < e; i = newText.indexOf(exact, i + 1)) {
    const score = contextScore(newText, anchor, i, i + exact.length);
    if (mustBeDistinctive && !isDistinctive(newText, anchor, i, i + exact.length, score)) continue;
    if (score > bestScore || (score === bestScore && best !== null && Math.abs(i - s) < Math.abs(best - s))) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}
