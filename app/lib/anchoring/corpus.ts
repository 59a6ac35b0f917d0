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
import { distractor, primary, seamPosition } from "./corpus-edits";
import { count, EDIT_KINDS, type EditKind, int, pick, PUNCTUATION, type Random, sentenceSpans, type Span } from "./corpus-text";
import { TrackedText } from "./tracked-text";

export { EDIT_KINDS, type EditKind } from "./corpus-text";

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
    return sentenceSpans(t)
      .map((x) => t.slice(x.start, x.end))
      .filter((x) => x.length >= 8 && x.length <= 80);
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
  const clean = (a: number, b: number) =>
    b > a && !PUNCTUATION.test(text[a]) && !PUNCTUATION.test(text[b - 1]) && !text.slice(a, b).includes("\n");
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
