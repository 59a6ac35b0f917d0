// The bench's report: bench/results.json (the fields README.md lists) and the table in bench/README.md,
// each figure next to its target.
import { readFileSync, writeFileSync } from "node:fs";
import type { AnchoringFigures } from "./anchoring";
import type { ExportFigures } from "./exports";
import type { PhaseMemory } from "./portal";

export interface Results {
  machine: string;
  node: string;
  at: string;
  baseline_rps: number;
  reading_view: {
    comments: number;
    bytes: number;
    content_bytes: number;
    rps: number;
    p99_ms: number;
    static_rps: number;
    ratio_to_static: number;
    ratio_to_bare: number;
  };
  reading_view_large: { chars: number; comments: number; max_page_bytes: number };
  phone_load_ratio: number;
  comment_create: { per_s: number; ratio_to_bare: number; lost_after_kill: number };
  diff_500k: { ms: number; segmentation_ms: number; ratio: number };
  reanchor_5000: { ms: number; diff_ms: number; ratio: number };
  anchoring: AnchoringFigures;
  peak_rss_mb: number;
  /** beyond the fixed fields: what the table's notes are made of */
  details: {
    phone_load_ms: { demo: number; large: number };
    reading_view_large_pages: Record<string, number>;
    comment_create: { acknowledged_before_kill: number; acknowledged_in_burst: number; p99_ms: number; failed: number };
    cpu_ms_per_request: { bare: number; static: number; reading_view: number; comment_create: number };
    reanchor_whole_document: { ms: number; ratio: number };
    exports: ExportFigures;
    /** renders React gave up on (entry.server ABORT_DELAY) while the reading view was under load, and all errors the servers logged */
    server_errors: { aborted_renders: number; errors: number };
    /** the highest memory figures (MB) of the portal servers in each phase of the run (bench/memory-probe.mjs) */
    memory_by_phase: Record<string, PhaseMemory>;
    /** the answers' statuses of each heavy request kind at 32 connections (bench/heavy.ts) */
    heavy_request_statuses: Record<string, Record<number, number>>;
    seconds: number;
  };
}

const f0 = (n: number) => n.toFixed(0);
const f2 = (n: number) => n.toFixed(2);
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const mark = (ok: boolean) => (ok ? "met" : "**missed**");

export function table(r: Results): string {
  const rv = r.reading_view;
  const ex = r.details.exports;
  const rows: [string, string, string, string][] = [
    ['bare `node:http` "ok", 32 connections (baseline)', `${f0(r.baseline_rps)} req/s`, "—", "—"],
    [
      `demo reading view, ${rv.comments} comments, 32 connections`,
      `${f0(rv.rps)} req/s, p99 ${f0(rv.p99_ms)} ms`,
      "≥ 25 % of its bytes from memory",
      `${(rv.ratio_to_static * 100).toFixed(1)} % of ${f0(rv.static_rps)} req/s (${(rv.ratio_to_bare * 100).toFixed(2)} % of bare; ${r.details.server_errors.aborted_renders} renders aborted): ${mark(rv.ratio_to_static >= 0.25)}`,
    ],
    [
      "demo reading view: bytes ÷ text and comments shown",
      `${kb(rv.bytes)} ÷ ${kb(rv.content_bytes)}`,
      "≤ 2.5×",
      `${f2(rv.bytes / rv.content_bytes)}×: ${mark(rv.bytes <= 2.5 * rv.content_bytes)}`,
    ],
    [
      `largest reading-view page, ${r.reading_view_large.chars} characters, ${r.reading_view_large.comments} comments`,
      kb(r.reading_view_large.max_page_bytes),
      "≤ 400 KB",
      mark(r.reading_view_large.max_page_bytes <= 400 * 1024),
    ],
    [
      "phone (390 px, CPU 4×): `load` large ÷ demo",
      `${f0(r.details.phone_load_ms.large)} ms ÷ ${f0(r.details.phone_load_ms.demo)} ms`,
      "≤ 2×",
      `${f2(r.phone_load_ratio)}×: ${mark(r.phone_load_ratio <= 2)}`,
    ],
    [
      "comments created via the API, 32 connections",
      `${f0(r.comment_create.per_s)} /s`,
      "≥ 1 % of bare",
      `${(r.comment_create.ratio_to_bare * 100).toFixed(2)} %: ${mark(r.comment_create.ratio_to_bare >= 0.01)}`,
    ],
    [
      "server CPU per answer: bare ÷ reading view, bare ÷ comment POST (independent of the machine's other load)",
      `${f2(r.details.cpu_ms_per_request.bare)} ms; ${f0(r.details.cpu_ms_per_request.reading_view)} ms; ${f2(r.details.cpu_ms_per_request.comment_create)} ms`,
      "—",
      `${((r.details.cpu_ms_per_request.bare / r.details.cpu_ms_per_request.reading_view) * 100).toFixed(2)} %; ${((r.details.cpu_ms_per_request.bare / r.details.cpu_ms_per_request.comment_create) * 100).toFixed(2)} %`,
    ],
    [
      "comments answered 201 but lost after SIGKILL mid-burst",
      `${r.comment_create.lost_after_kill} of ${r.details.comment_create.acknowledged_before_kill}`,
      "0",
      mark(r.comment_create.lost_after_kill === 0),
    ],
    [
      "word diff of the two 500k editions ÷ one segmentation pass over both",
      `${f0(r.diff_500k.ms)} ms ÷ ${f0(r.diff_500k.segmentation_ms)} ms`,
      "≤ 3×",
      `${f2(r.diff_500k.ratio)}×: ${mark(r.diff_500k.ratio <= 3)}`,
    ],
    [
      "re-anchor 5,000 comments (per section) ÷ one diff of the two texts",
      `${f0(r.reanchor_5000.ms)} ms ÷ ${f0(r.reanchor_5000.diff_ms)} ms`,
      "≤ 2×",
      `${f2(r.reanchor_5000.ratio)}×: ${mark(r.reanchor_5000.ratio <= 2)}`,
    ],
    [
      "… the same 5,000 across the whole text as one string",
      `${f0(r.details.reanchor_whole_document.ms)} ms`,
      "(not a target)",
      `${f2(r.details.reanchor_whole_document.ratio)}×`,
    ],
    [
      `adoption table, ${ex.adoption.comments} rows: .docx ÷ .xlsx`,
      `${f0(ex.adoption.docx_ms)} ms ÷ ${f0(ex.adoption.xlsx_ms)} ms`,
      "≤ 2×",
      `${f2(ex.adoption.ratio)}×: ${mark(ex.adoption.ratio <= 2)}`,
    ],
    [
      `edition .docx, ${ex.edition_docx.chars} characters`,
      `${f0(ex.edition_docx.ms)} ms, ${kb(ex.edition_docx.bytes)}`,
      "no several copies in memory",
      `RSS +${f0(ex.edition_docx.rss_delta_mb)} MB, heap +${f0(ex.edition_docx.heap_delta_mb)} MB (the text itself: ${f2(ex.edition_docx.text_mb)} MB)`,
    ],
    ["peak RSS of the portal server through the bench", `${f0(r.peak_rss_mb)} MB`, "≤ 400 MB", mark(r.peak_rss_mb <= 400)],
    [
      "anchoring corpus (mapAnchor): state accuracy, confident wrong",
      `${(r.anchoring.state_accuracy * 100).toFixed(1)} %, ${r.anchoring.wrong_confident}`,
      "0 confident wrong",
      mark(r.anchoring.wrong_confident === 0),
    ],
  ];
  return [
    `Last run ${r.at} on ${r.machine}, Node ${r.node} (${f0(r.details.seconds)} s):`,
    "",
    "| figure | measured | target | ratio |",
    "|---|---|---|---|",
    ...rows.map((x) => `| ${x.join(" | ")} |`),
  ].join("\n");
}

export function writeReport(r: Results): string {
  const { details, ...fixed } = r;
  writeFileSync("bench/results.json", `${JSON.stringify({ ...fixed, details }, null, 2)}\n`);
  const t = table(r);
  const readme = readFileSync("bench/README.md", "utf8");
  writeFileSync(
    "bench/README.md",
    readme.replace(/<!-- results -->[\s\S]*<!-- \/results -->/, `<!-- results -->\n${t}\n<!-- /results -->`),
  );
  return t;
}
