/**
 * A deterministic corpus of revision cases for the anchor mapper, with exact truth.
 *
 * Each case is a section of plan text (consecutive paragraphs joined with "\n", as the revision
 * text is derived), a passage selected in it (2–6 characters, a phrase, or a whole sentence; often
 * words that recur elsewhere in the section), and a later revision made by an edit script: one
 * edit of a named kind plus up to two unrelated edits elsewhere. The truth is not guessed from the
 * texts: every character of the new text remembers the old offset it was copied from (or none,
 * when the edit wrote it), so we know where each character of the passage went.
 *
 * Truth, from the surviving passage characters:
 * - all survive, contiguous and nothing inserted between them → "intact" at their place;
 * - at most CHANGED_MAX_LOSS of them were lost → "changed", spanning the survivors;
 * - more were lost → "orphaned" (the generator never cuts between the two thresholds).
 * Text copied by a "duplicate" edit is new text: a twin, not the passage. (The passage's own
 * paragraph is never the one duplicated: inside two identical paragraphs no text tells which copy
 * is the original, and any shortest diff may take either.)
 *
 * Pure and seeded: the same paragraphs, seed and count give the same cases.
 */
import { rng } from "../random";
import { buildAnchor, type TextAnchor } from "./anchor";
import type { AnchorState } from "./map-anchor";
import { TrackedText } from "./tracked-text";

export const EDIT_KINDS = [
  "insert_elsewhere",
  "insert_adjacent",
  "delete_elsewhere",
  "replace_elsewhere",
  "move_paragraph",
  "move_other_paragraph",
  "duplicate_paragraph",
  "move_sentence",
  "edit_passage",
  "delete_passage",
  "delete_sentence",
  "replace_passage",
  "delete_most",
  "delete_paragraph",
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

/** Kinds whose truth is "orphaned" (the passage's words are gone from where it stood). */
/**
 * Kinds that move or copy text: a section that repeats a sentence has several equally short edit
 * scripts for these (either copy may be the one that moved), so their truth would not be exact;
 * they are made only on sections without repeated sentences.
 */
const MOVING: readonly EditKind[] = ["move_paragraph", "move_other_paragraph", "duplicate_paragraph", "move_sentence"];
const ORPHANING: readonly EditKind[] = ["delete_passage", "delete_sentence", "replace_passage", "delete_most", "delete_paragraph"];

export type PassageSize = "short" | "phrase" | "sentence";

export interface CorpusCase {
  id: number;
  kind: EditKind;
  size: PassageSize;
  oldText: string;
  newText: string;
  anchor: TextAnchor;
  /** Where the passage is in newText; start = end = -1 when orphaned. */
  truth: { state: AnchorState; start: number; end: number };
  /** The passage's words occur elsewhere in oldText too. */
  twinInOld: boolean;
  /** The passage's words occur in newText (for an orphaned truth: a twin remains). */
  inNew: boolean;
}

/** Above this share of lost characters the truth is "orphaned"; edits of kind edit_passage lose at most 25 %. */
export const CHANGED_MAX_LOSS = 0.4;

type Random = () => number;

interface Span {
  start: number;
  end: number;
}

/** Paragraph spans (without their "\n"). */
function paragraphSpans(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const line of text.split("\n")) {
    out.push({ start, end: start + line.length });
    start += line.length + 1;
  }
  return out;
}

const SENTENCE_END = /[。；！？]/;

/** Sentence spans (terminator included) of the whole text, never crossing a paragraph. */
function sentenceSpans(text: string): Span[] {
  const out: Span[] = [];
  for (const p of paragraphSpans(text)) {
    let start = p.start;
    for (let i = p.start; i < p.end; i++) {
      if (SENTENCE_END.test(text[i])) {
        out.push({ start, end: i + 1 });
        start = i + 1;
      }
    }
    if (start < p.end) out.push({ start, end: p.end });
  }
  return out.filter((s) => s.end - s.start >= 4);
}

const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Random, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

function count(text: string, s: string): number {
  let n = 0;
  for (let i = text.indexOf(s); i !== -1; i = text.indexOf(s, i + 1)) n++;
  return n;
}

const PUNCTUATION = /[，。；、：！？“”（）《》\n\s]/;
const FILLERS = ["进一步", "全面", "系统", "重点", "有序", "切实", "统筹", "持续", "（试行）", "等", "和", "及相关"];

/** The paragraphs of a demo document (paragraphs and list items, chapter by chapter with their subsections). */
export interface DemoLikeSection {
  title: string;
  blocks: readonly ({ p: string } | { ul: string[] } | { ol: string[] } | object)[];
  children?: readonly DemoLikeSection[];
}
export function sectionTexts(doc: { sections: readonly DemoLikeSection[] }): string[][] {
  const out: string[][] = [];
  const visit = (s: DemoLikeSection) => {
    const paras = [s.title];
    for (const b of s.blocks) {
      if ("p" in b) paras.push(b.p);
      else if ("ul" in b) paras.push(...b.ul);
      else if ("ol" in b) paras.push(...b.ol);
    }
    if (paras.length >= 3) out.push(paras);
    for (const c of s.children ?? []) visit(c);
  };
  for (const s of doc.sections) visit(s);
  return out;
}

export interface CorpusOptions {
  seed?: number;
  count?: number;
}

/**
 * `count` cases (default 2,400) from the given sections (each a list of paragraphs), kinds in
 * rotation so every kind is equally represented.
 */
export function generateCorpus(sections: readonly (readonly string[])[], options: CorpusOptions = {}): CorpusCase[] {
  const r = rng(options.seed ?? 9);
  const total = options.count ?? 2400;
  const usable = sections.filter((s) => s.join("\n").length >= 200);
  if (usable.length === 0) throw new Error("generateCorpus: no section long enough");
  const allSentences = usable.flatMap((s) => {
    const t = s.join("\n");
    return sentenceSpans(t).map((x) => t.slice(x.start, x.end)).filter((x) => x.length >= 8 && x.length <= 80);
  });
  const cases: CorpusCase[] = [];
  for (let attempt = 0; cases.length < total && attempt < total * 20; attempt++) {
    const kind = EDIT_KINDS[cases.length % EDIT_KINDS.length];
    const made = makeCase(r, cases.length, kind, pick(r, usable), allSentences);
    if (made) cases.push(made);
  }
  if (cases.length < total) throw new Error("generateCorpus: could not make enough cases");
  return cases;
}

function makeCase(r: Random, id: number, kind: EditKind, paragraphs: readonly string[], pool: readonly string[]): CorpusCase | null {
  // a window of 3–8 consecutive paragraphs
  const n = Math.min(paragraphs.length, int(r, 3, 8));
  const from = int(r, 0, paragraphs.length - n);
  const paras = paragraphs.slice(from, from + n).slice();
  // sometimes plan prose repeats a whole sentence: copy one into another paragraph
  let twinSentence: string | null = null;
  const moving = MOVING.includes(kind);
  if (moving && repeatsASentence(paragraphs.slice(from, from + n).join("\n"))) return null;
  if (!moving && r() < 0.2 && paras.length >= 3) {
    const src = int(r, 1, paras.length - 1);
    const ss = sentenceSpans(paras[src]).filter((s) => s.end - s.start >= 8 && s.end - s.start <= 60);
    if (ss.length) {
      const s = pick(r, ss);
      twinSentence = paras[src].slice(s.start, s.end);
      let dst = int(r, 1, paras.length - 1);
      if (dst === src) dst = dst === paras.length - 1 ? 1 : dst + 1;
      if (dst !== src) paras[dst] = paras[dst] + twinSentence;
    }
  }
  const oldText = paras.join("\n");
  const sizeRoll = r();
  const size: PassageSize = sizeRoll < 0.33 ? "short" : sizeRoll < 0.66 ? "phrase" : "sentence";
  const passage = choosePassage(r, oldText, size, twinSentence, kind);
  if (!passage) return null;
  const anchor = buildAnchor(oldText, passage.start, passage.end);
  if (!anchor) return null;
  const doc = new TrackedText(oldText);
  const { start: s, end: e } = passage;

  // up to two unrelated edits away from the passage (in old offsets, applied from the end backwards)
  // new wording never contains the passage's words: a sentence re-inserted elsewhere would be a move
  const fresh = pool.filter((x) => !x.includes(anchor.exact));
  const distractors = int(r, 0, 2);
  for (let k = 0; k < distractors; k++) if (!distractor(r, doc, s, e, fresh)) return null;
  const cut = primary(r, doc, kind, s, e, fresh);
  if (cut === false) return null;

  const newText = doc.text;
  if (newText === oldText) return null;
  const truth = truthOf(doc, s, e, anchor.exact);
  if (!truth) return null;
  if (ORPHANING.includes(kind) !== (truth.state === "orphaned")) return null;
  // Deleting words next to the same words is ambiguous ("2020" minus one "20"): either copy may be the
  // one that went. Such cases have no exact truth and are not made.
  // Moving a sentence away from the same words is ambiguous the same way ("该区域…。区域内…").
  const seam = typeof cut === "number" ? cut : typeof cut === "object" ? seamPosition(doc, cut) : null;
  if (seam !== null && (truth.state === "orphaned" || typeof cut === "object")) {
    const near = newText.slice(Math.max(0, seam - anchor.exact.length), seam + anchor.exact.length);
    if (near.includes(anchor.exact)) return null;
  }
  return {
    id,
    kind,
    size,
    oldText,
    newText,
    anchor,
    truth,
    twinInOld: count(oldText, anchor.exact) > 1,
    inNew: newText.includes(anchor.exact),
  };
}

function choosePassage(r: Random, text: string, size: PassageSize, twinSentence: string | null, kind: EditKind): Span | null {
  const sentences = sentenceSpans(text).filter((s) => text.slice(s.start, s.end).length >= 6);
  if (sentences.length === 0) return null;
  const clean = (a: number, b: number) => b > a && !PUNCTUATION.test(text[a]) && !PUNCTUATION.test(text[b - 1]) && !text.slice(a, b).includes("\n");
  const needsLong = kind === "edit_passage";
  if (twinSentence && size === "sentence") {
    const at = text.indexOf(twinSentence);
    if (at >= 0 && r() < 0.5) return { start: at, end: at + twinSentence.length };
    const last = text.lastIndexOf(twinSentence);
    if (last >= 0) return { start: last, end: last + twinSentence.length };
  }
  const preferTwin = r() < (ORPHANING.includes(kind) ? 0.8 : 0.4);
  for (let tries = 0; tries < 60; tries++) {
    const sen = pick(r, sentences);
    let a: number;
    let b: number;
    if (size === "sentence") {
      a = sen.start;
      b = sen.end;
      if (b - a > 120) continue;
    } else {
      const len = size === "short" ? int(r, needsLong ? 5 : 2, 6) : int(r, 7, 30);
      if (sen.end - sen.start < len + 1) continue;
      a = int(r, sen.start, sen.end - len);
      b = a + len;
      if (!clean(a, b)) continue;
    }
    if (needsLong && b - a < 5) continue;
    if (preferTwin && tries < 50 && count(text, text.slice(a, b)) < 2) continue;
    return { start: a, end: b };
  }
  return null;
}

function repeatsASentence(text: string): boolean {
  const seen = new Set<string>();
  for (const x of sentenceSpans(text)) {
    const sentence = text.slice(x.start, x.end);
    if (sentence.length < 8) continue;
    if (seen.has(sentence)) return true;
    seen.add(sentence);
  }
  return false;
}

/** Current [start, end) of the passage's surviving characters (it may have been split). */
function currentSpan(doc: TrackedText, s: number, e: number): Span | null {
  const pos = doc.positionsOf(s, e);
  if (pos.length === 0) return null;
  return { start: pos[0], end: pos[pos.length - 1] + 1 };
}

/** An unrelated edit at least 10 characters away from the passage. */
function distractor(r: Random, doc: TrackedText, s: number, e: number, pool: readonly string[]): boolean {
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
function sentenceBoundary(r: Random, text: string): number | null {
  const ends = sentenceSpans(text).map((x) => x.end);
  return ends.length ? pick(r, ends) : null;
}

/**
 * Applies the case's edit: false if it cannot be made here, else true, or for deletions the new-text
 * offset of the cut, or for moves the seam the moved block leaves.
 */
/** The original characters on either side of a block about to be moved away (to find the seam it leaves). */
interface Seam {
  before: number;
  after: number;
}
function seamOf(doc: TrackedText, from: number, to: number): Seam {
  return { before: doc.origin[from - 1] ?? -1, after: doc.origin[to] ?? -1 };
}
/** Where the seam is now in the new text (null if neither neighbour is an original character). */
function seamPosition(doc: TrackedText, seam: Seam): number | null {
  if (seam.after >= 0) return doc.origin.indexOf(seam.after);
  if (seam.before >= 0) return doc.origin.indexOf(seam.before) + 1;
  return null;
}

function primary(r: Random, doc: TrackedText, kind: EditKind, s: number, e: number, pool: readonly string[]): boolean | number | Seam {
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
      const src = kind === "move_other_paragraph" ? pick(r, paras.filter((_, i) => i !== pi)) : kind === "move_paragraph" ? para : pick(r, paras.filter((_, i) => i !== pi));
      const boundaries = paras.map((p) => p.start).concat(text.length + 1).filter((b) => b < src.start || b > src.end + 1);
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
      const body = src.end < text.length ? { text: cut.text.slice(0, -1), origin: cut.origin.slice(0, -1) } : { text: cut.text.slice(1), origin: cut.origin.slice(1) };
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
function replacementFor(r: Random, old: string, pool: readonly string[], length: number): string {
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

function truthOf(doc: TrackedText, s: number, e: number, exact: string): CorpusCase["truth"] | null {
  const pos = doc.positionsOf(s, e);
  const length = e - s;
  const lost = (length - pos.length) / length;
  if (pos.length === 0 || lost > CHANGED_MAX_LOSS) {
    // between the thresholds the truth would be a judgement call: the generator avoids it
    if (pos.length > 0 && lost < 0.7) return null;
    return { state: "orphaned", start: -1, end: -1 };
  }
  const start = pos[0];
  const end = pos[pos.length - 1] + 1;
  if (pos.length === length && end - start === length && doc.text.slice(start, end) === exact) return { state: "intact", start, end };
  return { state: "changed", start, end };
}
