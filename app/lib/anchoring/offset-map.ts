/**
 * Maps UTF-16 offsets in an old text to offsets in a new text through the ops of diffTexts(old, new).
 *
 * The ops are read as a sequence of equal runs and *hunks*: a hunk is a maximal run of non-equal ops
 * between two equal runs, i.e. old[a1, a2) was replaced by new[b1, b2) (a pure insertion when
 * a1 = a2, a pure deletion when b1 = b2). Empty ops are ignored, so ops need not be normalized.
 *
 * map(offset, assoc) — `assoc` says which neighbouring character the offset sticks to:
 *   -1 sticks to the character before it (use it for the END of a range),
 *   +1 sticks to the character after it (use it for the START of a range).
 * - An offset strictly inside an equal run moves by the shift accumulated so far (assoc is moot).
 * - At a pure insertion (a1 = a2 = offset): -1 → b1 (before the inserted text), +1 → b2 (after it).
 *   So a range's start does not absorb text inserted right before it, and its end does not absorb
 *   text inserted right after it.
 * - At a hunk that deletes something, its edges are not ambiguous: offset a1 → b1, offset a2 → b2.
 * - Strictly inside deleted text: the offset maps to where the deletion happened. In a pure deletion
 *   that is the single point b1 = b2. In a replacement the character it sticks to was replaced by
 *   new[b1, b2) as a whole: +1 → b1, -1 → b2, so a range that overlaps replaced text covers the
 *   new wording (callers decide whether that is credible, see map-anchor.ts).
 * For a fixed assoc the mapping is monotonic, and a non-empty range never comes out reversed:
 * start < end implies map(start, +1) <= map(end, -1).
 */
import type { DiffOp } from "../diff/text-diff";

export type Assoc = -1 | 1;

export interface OffsetMapper {
  /** Length of the old text the ops describe (equal + delete). */
  readonly oldLength: number;
  /** Length of the new text the ops describe (equal + insert). */
  readonly newLength: number;
  /** The new-text offset of old-text `offset` (clamped to the old text), see the rules above. */
  map(offset: number, assoc: Assoc): number;
  /** How many old-text characters in [start, end) were deleted. */
  deletedLength(start: number, end: number): number;
  /** True when some old-text character in [start, end) was deleted. */
  deletedBetween(start: number, end: number): boolean;
  /**
   * True when an edit touches the range: some character of old [start, end) was deleted, or text
   * was inserted strictly inside it (start < position < end). Insertions exactly at `start` or
   * `end` do not count: they sit outside the range (see `assoc`).
   */
  changedBetween(start: number, end: number): boolean;
  /** How many new-text characters in [start, end) were inserted (are not equal text standing in both versions). */
  insertedLength(start: number, end: number): number;
  /** The mapper of the reverse diff (new text → old text). */
  inverse(): OffsetMapper;
}

/** old[oldStart, oldEnd) was replaced by new[newStart, newEnd). */
interface Hunk {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

export function offsetMapper(ops: readonly DiffOp[]): OffsetMapper {
  const hunks: Hunk[] = [];
  let a = 0;
  let b = 0;
  let hunk: Hunk | null = null;
  for (const { op, text } of ops) {
    if (!text) continue;
    if (op === "equal") {
      if (hunk) hunks.push(hunk);
      hunk = null;
      a += text.length;
      b += text.length;
      continue;
    }
    if (!hunk) hunk = { oldStart: a, oldEnd: a, newStart: b, newEnd: b };
    if (op === "delete") {
      a += text.length;
      hunk.oldEnd = a;
    } else {
      b += text.length;
      hunk.newEnd = b;
    }
  }
  if (hunk) hunks.push(hunk);
  const oldLength = a;
  const newLength = b;
  let inverted: OffsetMapper | undefined;

  /** Index of the last hunk with oldStart <= offset, or -1. */
  function lastStartingAtOrBefore(offset: number): number {
    let lo = 0;
    let hi = hunks.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (hunks[mid].oldStart <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** Index of the first hunk with oldEnd > offset (hunks.length if none). */
  function firstEndingAfter(offset: number): number {
    let lo = 0;
    let hi = hunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hunks[mid].oldEnd > offset) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  function map(offset: number, assoc: Assoc): number {
    const o = Math.min(Math.max(offset, 0), oldLength);
    const i = lastStartingAtOrBefore(o);
    if (i === -1) return o;
    const h = hunks[i];
    if (o > h.oldEnd) return o + (h.newEnd - h.oldEnd);
    if (h.oldStart === h.oldEnd) return assoc < 0 ? h.newStart : h.newEnd;
    if (o === h.oldStart) return h.newStart;
    if (o === h.oldEnd) return h.newEnd;
    return assoc > 0 ? h.newStart : h.newEnd;
  }

  function deletedLength(start: number, end: number): number {
    let total = 0;
    for (let i = firstEndingAfter(start); i < hunks.length && hunks[i].oldStart < end; i++) {
      const h = hunks[i];
      total += Math.max(0, Math.min(end, h.oldEnd) - Math.max(start, h.oldStart));
    }
    return total;
  }

  function changedBetween(start: number, end: number): boolean {
    // Hunks ending after `start` and starting before `end` either delete a character of the range
    // or (pure insertions, whose oldStart = oldEnd > start) insert strictly inside it.
    const i = firstEndingAfter(start);
    return i < hunks.length && hunks[i].oldStart < end;
  }

  /** Index of the first hunk with newEnd > offset (hunks.length if none). */
  function firstEndingAfterNew(offset: number): number {
    let lo = 0;
    let hi = hunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hunks[mid].newEnd > offset) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  function insertedLength(start: number, end: number): number {
    let total = 0;
    for (let i = firstEndingAfterNew(start); i < hunks.length && hunks[i].newStart < end; i++) {
      const h = hunks[i];
      total += Math.max(0, Math.min(end, h.newEnd) - Math.max(start, h.newStart));
    }
    return total;
  }

  return {
    oldLength,
    newLength,
    map,
    deletedLength,
    deletedBetween: (start, end) => deletedLength(start, end) > 0,
    changedBetween,
    insertedLength,
    inverse: () => {
      inverted ??= offsetMapper(ops.map(({ op, text }) => ({ op: op === "insert" ? "delete" : op === "delete" ? "insert" : op, text })));
      return inverted;
    },
  };
}
