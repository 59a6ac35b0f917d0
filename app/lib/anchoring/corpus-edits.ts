// The edits the corpus makes to a section: the primary edit of each kind, distractors elsewhere, seams.
import { FILLERS, type EditKind, int, paragraphSpans, pick, type Random, sentenceSpans, type Span } from "./corpus-text";
import type { TrackedText } from "./tracked-text";

/** Current [start, end) of the passage's surviving characters (it may have been split). */
export function currentSpan(doc: TrackedText, s: number, e: number): Span | null {
  const pos = doc.positionsOf(s, e);
  if (pos.length === 0) return null;
  return { start: pos[0], end: pos[pos.length - 1] + 1 };
}

/** An unrelated edit at least 10 characters away from the passage. */
export function distractor(r: Random, doc: TrackedText, s: number, e: number, pool: readonly string[]): boolean {
  const span = currentSpan(doc, s, e);
  if (!span) return false;
  const away = (a: number, b: number) => b < span.start - 10 || a > span.end + 10;
  for (let tries = 0; tries < 20; tries++) {
    const roll = r();
    if (roll < 0.4) {
      const at = sentenceBoundary(r, doc.text);
      if (at === null || !away(at, at)) continue;
      doc.insert(at, pick(r, pool));
      return true;
    }
    const a = int(r, 0, Math.max(0, doc.text.length - 12));
    const b = Math.min(doc.text.length, a + int(r, 2, 12));
    if (!away(a, b) || doc.text.slice(a, b).includes("\n")) continue;
    doc.remove(a, b);
    if (roll >= 0.7) doc.insert(a, pick(r, FILLERS));
    return true;
  }
  return false;
}

/** A random offset right after a sentence terminator (or at a paragraph start). */
export function sentenceBoundary(r: Random, text: string): number | null {
  const ends = sentenceSpans(text).map((x) => x.end);
  return ends.length ? pick(r, ends) : null;
}

/**
 * Applies the case's edit: false if it cannot be made here, else true, or for deletions the new-text
 * offset of the cut, or for moves the seam the moved block leaves.
 */
/** The original characters on either side of a block about to be moved away (to find the seam it leaves). */
export interface Seam {
  before: number;
  after: number;
}
export function seamOf(doc: TrackedText, from: number, to: number): Seam {
  return { before: doc.origin[from - 1] ?? -1, after: doc.origin[to] ?? -1 };
}
/** Where the seam is now in the new text (null if neither neighbour is an original character). */
export function seamPosition(doc: TrackedText, seam: Seam): number | null {
  if (seam.after >= 0) return doc.origin.indexOf(seam.after);
  if (seam.before >= 0) return doc.origin.indexOf(seam.before) + 1;
  return null;
}

export function primary(
  r: Random,
  doc: TrackedText,
  kind: EditKind,
  s: number,
  e: number,
  pool: readonly string[],
): boolean | number | Seam {
  const span = currentSpan(doc, s, e);
  if (!span || span.end - span.start !== e - s) return false;
  const { start, end } = span;
  const len = end - start;
  const text = doc.text;
  const paras = paragraphSpans(text);
  const pi = paras.findIndex((p) => p.start <= start && end <= p.end);
  if (pi < 0) return false;
  const para = paras[pi];
  const sentence = sentenceSpans(text).find((x) => x.start <= start && end <= x.end);
  switch (kind) {
    case "insert_elsewhere":
    case "delete_elsewhere":
    case "replace_elsewhere": {
      for (let tries = 0; tries < 30; tries++) {
        if (kind === "insert_elsewhere") {
          const at = sentenceBoundary(r, text);
          if (at === null || (at >= start - 1 && at <= end + 1)) continue;
          doc.insert(at, pick(r, pool));
          return true;
        }
        const a = int(r, 0, text.length - 20);
        const b = a + int(r, 4, 20);
        if (!(b < start - 6 || a > end + 6) || text.slice(a, b).includes("\n")) continue;
        doc.remove(a, b);
        if (kind === "replace_elsewhere") doc.insert(a, pick(r, pool).slice(0, int(r, 3, 20)));
        return true;
      }
      return false;
    }
    case "insert_adjacent": {
      const before = r() < 0.5;
      const words = sentence && (before ? start === sentence.start : end === sentence.end) ? pick(r, pool) : pick(r, FILLERS);
      doc.insert(before ? start : end, words);
      return true;
    }
    case "move_paragraph":
    case "move_other_paragraph":
    case "duplicate_paragraph": {
      if (paras.length < 3) return false;
      const src =
        kind === "move_other_paragraph"
          ? pick(
              r,
              paras.filter((_, i) => i !== pi),
            )
          : kind === "move_paragraph"
            ? para
            : pick(
                r,
                paras.filter((_, i) => i !== pi),
              );
      const boundaries = paras
        .map((p) => p.start)
        .concat(text.length + 1)
        .filter((b) => b < src.start || b > src.end + 1);
      if (boundaries.length === 0) return false;
      const dest = pick(r, boundaries);
      const piece = text.slice(src.start, src.end);
      if (kind === "duplicate_paragraph") {
        if (dest > text.length) doc.insert(text.length, `\n${piece}`);
        else doc.insert(dest, `${piece}\n`);
        return true;
      }
      // move the paragraph: cut it with one neighbouring "\n", put it back at another paragraph's start (or the end)
      const seam = seamOf(doc, src.start, src.end);
      const cut = src.end < text.length ? doc.remove(src.start, src.end + 1) : doc.remove(src.start - 1, src.end);
      const body =
        src.end < text.length
          ? { text: cut.text.slice(0, -1), origin: cut.origin.slice(0, -1) }
          : { text: cut.text.slice(1), origin: cut.origin.slice(1) };
      const removed = cut.text.length;
      const at = dest > text.length ? doc.text.length : dest > src.start ? dest - removed : dest;
      if (at >= doc.text.length) doc.insert(doc.text.length, `\n${body.text}`, [-1, ...body.origin]);
      else doc.insert(at, `${body.text}\n`, [...body.origin, -1]);
      return seam;
    }
    case "move_sentence": {
      if (!sentence || paras.length < 2) return false;
      const others = paras.filter((_, i) => i !== pi && i > 0);
      if (others.length === 0) return false;
      const target = pick(r, others);
      const dest = r() < 0.5 ? target.end : target.start;
      const seam = seamOf(doc, sentence.start, sentence.end);
      doc.move(sentence.start, sentence.end, dest);
      return seam;
    }
    case "edit_passage": {
      if (len < 5) return false;
      if (r() < 0.4) {
        // insert a word strictly inside
        doc.insert(start + int(r, 1, len - 1), pick(r, FILLERS));
        return true;
      }
      const cut = Math.max(1, Math.floor(len * (0.1 + 0.15 * r())));
      const a = start + int(r, 1, Math.max(1, len - cut - 1));
      doc.remove(a, a + cut);
      doc.insert(a, replacementFor(r, text.slice(a, a + cut), pool, cut));
      return true;
    }
    case "delete_passage":
      doc.remove(start, end);
      return start;
    case "delete_sentence":
      if (!sentence) return false;
      doc.remove(sentence.start, sentence.end);
      return sentence.start;
    case "replace_passage":
      doc.remove(start, end);
      doc.insert(start, replacementFor(r, text.slice(start, end), pool, Math.max(2, len + int(r, -2, 4))));
      return true;
    case "delete_most": {
      if (len < 4) return false;
      const cut = Math.ceil(len * (0.75 + 0.2 * r()));
      if (cut >= len) return false;
      const a = start + int(r, 0, len - cut);
      doc.remove(a, a + cut);
      return a;
    }
    case "delete_paragraph":
      if (pi === 0 && paras.length === 1) return false;
      if (pi === paras.length - 1) doc.remove(para.start - 1, para.end);
      else doc.remove(para.start, para.end + 1);
      return para.start;
  }
}

/** New wording of about `length` characters sharing few characters with `old`. */
export function replacementFor(r: Random, old: string, pool: readonly string[], length: number): string {
  const oldChars = new Set(old);
  for (let tries = 0; tries < 40; tries++) {
    const src = pick(r, pool);
    if (src.length < length) continue;
    const a = int(r, 0, src.length - length);
    const cand = src.slice(a, a + length);
    if (cand.includes("\n")) continue;
    const shared = Array.from(cand).filter((c) => oldChars.has(c)).length;
    if (shared <= Math.floor(length * 0.2)) return cand;
  }
  return "〇".repeat(length);
}
