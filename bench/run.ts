// `npm run bench` (it builds first): the portal at real size, each figure against a baseline measured in
// the same run, so the ratios mean something on any machine. Writes bench/results.json and the table in
// bench/README.md (which lists the fields and the targets). Parts: fixture.ts (the database: demo data,
// 200 comments on the demo round, the generated 500,000-character plan with 2,000 comments), load.ts (the
// load generator and the bare baselines), portal.ts (the real server, its memory watched), writes.ts,
// phone.ts, pure.ts, exports.ts, anchoring.ts, search.ts, report.ts.
import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import path from "node:path";
import { runAnchoringBench, writeAnchoring } from "./anchoring";
import { runSearchBench, searchTable, writeSearch } from "./search";
import type { ExportFigures } from "./exports";
import { contentBytes, createFixture } from "./fixture";
import { cpuMsOf, load, send, startBare } from "./load";
import { heavyRequests } from "./heavy";
import { phoneLoads } from "./phone";
import { memoryByPhase, peak, phase, startPortal } from "./portal";
import { diffFigures, reanchorFigures } from "./pure";
import { type Results, writeReport } from "./report";
import { commentCreate, killMidBurst } from "./writes";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const began = performance.now();
const step = (what: string) => {
  phase(what);
  console.log(`[bench ${((performance.now() - began) / 1000).toFixed(0)} s] ${what}`);
};
if (!existsSync("build/server/index.js")) throw new Error("run `npm run build` first (`npm run bench` does)");

step("generating the database (demo data, 200 comments on the demo round, the 500,000-character plan with 2,000 comments)");
const f = createFixture();
try {
  step("baseline: bare node:http");
  const bare = await startBare();
  const bareCpu0 = cpuMsOf(bare.pid);
  const bareRun = await load(bare.base, () => ({ path: "/" }), { seconds: SECONDS });
  const baseline_rps = bareRun.rps;
  const bareCpuMs = (cpuMsOf(bare.pid) - bareCpu0) / Math.max(1, bareRun.ok);
  bare.stop();

  const portal = await startPortal(f.file);
  const drafter = await portal.login("drafter");
  const reviewer = await portal.login("gaotai");
  const demoPath = `/editions/${f.demo.editionId}?round=${f.demo.roundId}`;
  const largePath = `/editions/${f.large.editionIds[0]}?round=${f.large.roundId}`;

  step("demo reading view with 200 comments");
  const page = await send(portal.base, { path: demoPath, headers: { Cookie: drafter } });
  if (page.status !== 200) throw new Error(`reading view answered ${page.status}`);
  const pageFile = path.join(f.dir, "reading-view.html");
  writeFileSync(pageFile, page.body);
  await load(portal.base, () => ({ path: demoPath, headers: { Cookie: drafter } }), { seconds: 1 });
  const readingCpu0 = cpuMsOf(portal.pid);
  const reading = await load(portal.base, () => ({ path: demoPath, headers: { Cookie: drafter } }), { seconds: SECONDS });
  const readingCpuMs = (cpuMsOf(portal.pid) - readingCpu0) / Math.max(1, reading.ok + reading.failed);
  const fromMemory = await startBare(pageFile);
  const staticCpu0 = cpuMsOf(fromMemory.pid);
  const staticRun = await load(fromMemory.base, () => ({ path: "/" }), { seconds: SECONDS });
  const static_rps = staticRun.rps;
  const staticCpuMs = (cpuMsOf(fromMemory.pid) - staticCpu0) / Math.max(1, staticRun.ok);
  fromMemory.stop();

  step("reading-view pages of the large edition");
  const largePages: Record<string, number> = {};
  for (const [name, p, cookie] of [
    ["drafter, with the round", largePath, drafter],
    ["reviewer, with the round", largePath, reviewer],
    ["drafter, no round", `/editions/${f.large.editionIds[0]}`, drafter],
    ["drafter, second edition", `/editions/${f.large.editionIds[1]}`, drafter],
  ] as const) {
    const res = await send(portal.base, { path: p, headers: { Cookie: cookie } });
    if (res.status !== 200) throw new Error(`${p} answered ${res.status}`);
    largePages[name] = res.body.length;
  }

  step("heavy requests, each kind at 32 connections");
  const heavy = await heavyRequests(portal, f, { drafter, reviewer });

  step("phone profile (390 px, CPU 4×): demo and large reading views");
  const [demoLoad, largeLoad] = await phoneLoads(portal.base, drafter, [demoPath, largePath]);
  await portal.stop();

  step("exports (child process)");
  const exportsOut = execFileSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", "bench/exports.ts", f.file, f.large.roundId, f.large.editionIds[0]],
    { encoding: "utf8", maxBuffer: 1 << 20 },
  );
  const exports = JSON.parse(exportsOut.trim().split("\n").at(-1)!) as ExportFigures;

  step("diff and re-anchoring on the two 500k editions");
  const [oldSections, newSections] = f.editions.map((e) => e.map((x) => x.text));
  const diff = diffFigures(oldSections.join("\n"), newSections.join("\n"));
  const reanchor = reanchorFigures(oldSections, newSections);

  step("creating comments through the API, 32 connections");
  const created = await commentCreate(f, SECONDS);
  step("SIGKILL mid-burst");
  const kill = await killMidBurst(f);

  const memory = memoryByPhase();
  console.table(
    Object.fromEntries(
      Object.entries(memory).map(([k, { spaces, ...v }]) => [
        k.slice(0, 48),
        { ...v, old: spaces.old, new: spaces.new, lo: spaces.large_object },
      ]),
    ),
  );

  step("anchoring corpus");
  const anchoring = runAnchoringBench();
  step("search over a 500,000-character plan with 2,000 comments");
  const searchFigures = runSearchBench();

  const results: Results = {
    machine: `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}`,
    node: process.version,
    at: new Date().toISOString(),
    baseline_rps,
    reading_view: {
      comments: 200,
      bytes: page.body.length,
      content_bytes: contentBytes(f.file, f.demo.editionId, f.demo.roundId),
      rps: reading.rps,
      p99_ms: reading.p99_ms,
      static_rps,
      ratio_to_static: reading.rps / static_rps,
      ratio_to_bare: reading.rps / baseline_rps,
    },
    reading_view_large: { chars: f.large.chars, comments: 2000, max_page_bytes: Math.max(...Object.values(largePages)) },
    phone_load_ratio: largeLoad / demoLoad,
    comment_create: { per_s: created.per_s, ratio_to_bare: created.per_s / baseline_rps, lost_after_kill: kill.lost_after_kill },
    diff_500k: diff,
    reanchor_5000: reanchor.figures,
    anchoring,
    peak_rss_mb: peak.rss_mb,
    details: {
      phone_load_ms: { demo: demoLoad, large: largeLoad },
      reading_view_large_pages: largePages,
      comment_create: {
        acknowledged_before_kill: kill.acknowledged,
        acknowledged_in_burst: kill.in_burst,
        p99_ms: created.p99_ms,
        failed: created.failed,
      },
      reanchor_whole_document: reanchor.whole_document,
      exports,
      // the serving process's own CPU per answer: ratios that do not depend on what else the machine runs
      cpu_ms_per_request: { bare: bareCpuMs, static: staticCpuMs, reading_view: readingCpuMs, comment_create: created.cpu_ms },
      server_errors: { aborted_renders: peak.aborted_renders, errors: peak.errors },
      memory_by_phase: memory,
      heavy_request_statuses: heavy,
      seconds: (performance.now() - began) / 1000,
    },
  };
  const t = writeReport(results);
  writeAnchoring(anchoring);
  writeSearch(searchFigures);
  console.log(t);
  console.log(searchTable(searchFigures));
  if (reading.failed || created.failed)
    console.log(`failed requests: reading view ${reading.failed}, comments ${JSON.stringify(created.statuses)}`);
} finally {
  f.cleanup();
}
