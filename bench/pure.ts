// In-process figures on the generated plan: the word diff of the two 500,000-character editions against one
// segmentation pass over both, and re-anchoring 5,000 comments onto the new text against one diff.
import { buildAnchor, type TextAnchor } from "../app/lib/anchoring/anchor";
import { mapAnchors } from "../app/lib/anchoring/map-anchor";
import { segmentWords } from "../app/lib/diff/segment";
import { diffTexts } from "../app/lib/diff/text-diff";
import { rng } from "../app/lib/random";

/** Median time of `runs` runs (after one warm-up), in ms. */
export function timeIt(fn: () => void, runs = 5): number {
  fn();
  const times = Array.from({ length: runs }, () => {
    const start = performance.now();
    fn();
    return performance.now() - start;
  }).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

export function diffFigures(oldText: string, newText: string) {
  const ms = timeIt(() => diffTexts(oldText, newText));
  const segmentation_ms = timeIt(() => {
    segmentWords(oldText);
    segmentWords(newText);
  });
  return { ms, segmentation_ms, ratio: ms / segmentation_ms };
}

/**
 * Re-anchoring as the portal does it: every comment belongs to a section, so its anchor is mapped from
 * the section's old revision onto its new one (mapAnchors, one diff per changed section; an unchanged
 * section keeps its anchors as they are). 5,000 anchors spread over the sections in proportion to their
 * length, against one diff of the two whole texts. Also the same 5,000 anchors mapped across the whole
 * document as ONE text (`whole_document`), which the portal never does: the fallback quote search of the
 * few anchors the diff cannot place then scans 500,000 characters each.
 */
export function reanchorFigures(oldSections: string[], newSections: string[], count = 5000) {
  const oldText = oldSections.join("\n");
  const newText = newSections.join("\n");
  const starts: number[] = [];
  let at = 0;
  for (const t of oldSections) {
    starts.push(at);
    at += t.length + 1;
  }
  // 5,000 passages of 6–40 characters at random places, none crossing a section's end
  const r = rng(5);
  const whole: TextAnchor[] = [];
  const bySection = new Map<number, TextAnchor[]>();
  while (whole.length < count) {
    const start = Math.floor(r() * (oldText.length - 50));
    const end = start + 6 + Math.floor(r() * 34);
    let i = starts.length - 1;
    while (starts[i] > start) i--;
    if (end - starts[i] > oldSections[i].length) continue;
    const local = buildAnchor(oldSections[i], start - starts[i], end - starts[i]);
    const global = buildAnchor(oldText, start, end);
    if (!local || !global) continue;
    whole.push(global);
    bySection.set(i, [...(bySection.get(i) ?? []), local]);
  }
  const perSection = () => [...bySection].flatMap(([i, list]) => mapAnchors(oldSections[i], newSections[i], list));
  const ms = timeIt(perSection, 3);
  const diff_ms = timeIt(() => diffTexts(oldText, newText), 3);
  const states = { intact: 0, changed: 0, orphaned: 0 };
  for (const m of perSection()) states[m.state]++;
  const whole_ms = timeIt(() => mapAnchors(oldText, newText, whole), 1);
  return {
    figures: { ms, diff_ms, ratio: ms / diff_ms },
    anchors: whole.length,
    states,
    whole_document: { ms: whole_ms, ratio: whole_ms / diff_ms },
  };
}
