// The anchoring part of `npm run bench`: the mapper against the revision corpus with exact truth
// (app/lib/anchoring/corpus.ts), next to a plain Hypothesis-style matcher (position, then quote) run
// on the same cases. `npx tsx bench/anchoring.ts` runs this part alone and updates its field of
// bench/results.json and its table in bench/README.md.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { TextAnchor } from "../app/lib/anchoring/anchor";
import { type CorpusCase, generateCorpus, sectionTexts } from "../app/lib/anchoring/corpus";
import { score } from "../app/lib/anchoring/corpus-score";
import { type MappedAnchor, mapAnchor } from "../app/lib/anchoring/map-anchor";
import { findQuote } from "../app/lib/anchoring/quote-search";
import { countyPlans } from "~db/seed/county-plans";
import { planText } from "~db/seed/plan-text";

export interface MatcherFigures {
  state_accuracy: number;
  wrong_confident: number;
  ms_per_anchor: number;
}
export interface AnchoringFigures extends MatcherFigures {
  cases: number;
  quote_search: MatcherFigures;
}

/** Hypothesis-style: the old offsets if they still select the quote, else a fuzzy quote search near them. */
export function positionThenQuote(_oldText: string, newText: string, anchor: TextAnchor): MappedAnchor {
  if (newText.slice(anchor.start, anchor.end) === anchor.exact)
    return { start: anchor.start, end: anchor.end, exact: anchor.exact, state: "intact" };
  const m = findQuote(newText, anchor, anchor.start);
  if (!m) return { start: 0, end: 0, exact: "", state: "orphaned" };
  const exact = newText.slice(m.start, m.end);
  return { start: m.start, end: m.end, exact, state: exact === anchor.exact ? "intact" : "changed" };
}

function measure(cases: CorpusCase[], matcher: (o: string, n: string, a: TextAnchor) => MappedAnchor): MatcherFigures {
  for (const c of cases.slice(0, 200)) matcher(c.oldText, c.newText, c.anchor); // warm up
  const start = performance.now();
  const answers = cases.map((c) => matcher(c.oldText, c.newText, c.anchor));
  const ms = (performance.now() - start) / cases.length;
  const s = score(cases, answers);
  return { state_accuracy: s.stateAccuracy, wrong_confident: s.wrongConfident, ms_per_anchor: ms };
}

export function runAnchoringBench(): AnchoringFigures {
  const cases = generateCorpus([planText, ...countyPlans.map((c) => c.text)].flatMap(sectionTexts));
  const mapper = measure(cases, mapAnchor);
  return { cases: cases.length, ...mapper, quote_search: measure(cases, positionThenQuote) };
}

export function anchoringTable(a: AnchoringFigures): string {
  const row = (name: string, m: MatcherFigures) =>
    `| ${name} | ${(m.state_accuracy * 100).toFixed(1)} % | ${m.wrong_confident} | ${m.ms_per_anchor.toFixed(3)} ms |`;
  return [
    `Last anchoring run ${new Date().toISOString()} (Node ${process.version}), ${a.cases} revision cases of the demo plan text (one anchor and one diff per case):`,
    "",
    "| matcher | state accuracy | confident wrong places | time per anchor |",
    "|---|---|---|---|",
    row("mapAnchor (diff, then moves only to new text)", a),
    row("position, then quote search (Hypothesis-style)", a.quote_search),
  ].join("\n");
}

/** Writes the figures into bench/results.json (field `anchoring`) and bench/README.md. */
export function writeAnchoring(a: AnchoringFigures): void {
  const results = JSON.parse(readFileSync("bench/results.json", "utf8"));
  writeFileSync("bench/results.json", `${JSON.stringify({ ...results, anchoring: a }, null, 2)}\n`);
  const readme = readFileSync("bench/README.md", "utf8");
  const marker = /<!-- anchoring -->[\s\S]*<!-- \/anchoring -->/;
  writeFileSync("bench/README.md", readme.replace(marker, `<!-- anchoring -->\n${anchoringTable(a)}\n<!-- /anchoring -->`));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const a = runAnchoringBench();
  writeAnchoring(a);
  console.log(anchoringTable(a));
}
