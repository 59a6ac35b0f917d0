// The mapper against 2,400 revision cases of the demo plan text with exact truth (see corpus.ts):
// never a confident wrong place, and the state right in at least 95 % of cases.
import { describe, expect, it } from "vitest";
import { countyPlans } from "~db/seed/county-plans";
import { planText } from "~db/seed/plan-text";
import { type CorpusCase, EDIT_KINDS, generateCorpus, sectionTexts } from "./corpus";
import { judge, score } from "./corpus-score";
import { mapAnchor } from "./map-anchor";

const sections = [planText, ...countyPlans.map((c) => c.text)].flatMap(sectionTexts);
const cases = generateCorpus(sections);

describe("the anchoring corpus", () => {
  it("has 2,000+ cases of every edit kind, twins, deleted passages with a twin left, and short passages", () => {
    const n = cases.length;
    expect(n).toBeGreaterThanOrEqual(2000);
    for (const kind of EDIT_KINDS) expect(cases.filter((c) => c.kind === kind).length, kind).toBeGreaterThanOrEqual(100);
    expect(cases.filter((c) => c.twinInOld).length / n).toBeGreaterThanOrEqual(0.15);
    expect(cases.filter((c) => c.truth.state === "orphaned" && c.inNew).length / n).toBeGreaterThanOrEqual(0.1);
    expect(cases.filter((c) => c.anchor.exact.length <= 6).length / n).toBeGreaterThanOrEqual(0.2);
    expect(cases.filter((c) => c.size === "sentence").length / n).toBeGreaterThanOrEqual(0.2);
  });

  it("never puts a comment in a confident wrong place, and gets the state right in 95 % of cases", () => {
    const answers = cases.map((c) => mapAnchor(c.oldText, c.newText, c.anchor));
    const wrong = cases
      .map((c, i) => ({ c, got: answers[i] }))
      .filter(({ c, got }) => judge(c, got).wrongConfident)
      .map(({ c, got }) => describeCase(c, got));
    expect(wrong).toEqual([]);
    const result = score(cases, answers);
    expect(result.stateAccuracy, JSON.stringify(result.byKind)).toBeGreaterThanOrEqual(0.95);
  });
});

function describeCase(c: CorpusCase, got: { state: string; start: number; end: number; exact: string }) {
  return `#${c.id} ${c.kind} ${JSON.stringify(c.anchor.exact)} truth ${c.truth.state}@${c.truth.start} got ${got.state}@${got.start} ${JSON.stringify(got.exact)}`;
}
