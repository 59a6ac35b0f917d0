// Judging a mapper's answers against the corpus's exact truth: state accuracy and confident wrong places. Pure.
import type { CorpusCase } from "./corpus";
import type { AnchorState } from "./map-anchor";

/** How a mapper's answer compares with the truth. */
export interface Verdict {
  /** State right, and the place too (intact: the same offsets; changed: overlapping the truth). */
  correct: boolean;
  /** Claims intact/changed for a passage that is gone, or at a place that does not overlap the truth. */
  wrongConfident: boolean;
}

export function judge(c: CorpusCase, got: { state: AnchorState; start: number; end: number }): Verdict {
  const confident = got.state !== "orphaned";
  const { truth } = c;
  if (truth.state === "orphaned") return { correct: !confident, wrongConfident: confident };
  if (!confident) return { correct: false, wrongConfident: false };
  const overlaps = got.start < truth.end && truth.start < got.end;
  const samePlace = truth.state === "intact" ? got.start === truth.start && got.end === truth.end : overlaps;
  return { correct: got.state === truth.state && samePlace, wrongConfident: !overlaps };
}

export interface CorpusScore {
  cases: number;
  stateAccuracy: number;
  wrongConfident: number;
  /** Wrong-confident and incorrect counts per edit kind. */
  byKind: Record<string, { cases: number; correct: number; wrongConfident: number }>;
}

export function score(cases: readonly CorpusCase[], answers: readonly { state: AnchorState; start: number; end: number }[]): CorpusScore {
  const byKind: CorpusScore["byKind"] = {};
  let correct = 0;
  let wrong = 0;
  cases.forEach((c, i) => {
    const v = judge(c, answers[i]);
    byKind[c.kind] ??= { cases: 0, correct: 0, wrongConfident: 0 };
    const k = byKind[c.kind];
    k.cases++;
    if (v.correct) {
      correct++;
      k.correct++;
    }
    if (v.wrongConfident) {
      wrong++;
      k.wrongConfident++;
    }
  });
  return { cases: cases.length, stateAccuracy: cases.length ? correct / cases.length : 0, wrongConfident: wrong, byKind };
}
