// `npm run bench`: the portal's hot paths, each against a baseline measured in the same run, so the
// ratios mean something on any machine. Writes bench/results.json and the table in bench/README.md.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { diffArrays } from "diff";
import { buildAnchor } from "../app/lib/anchoring/anchor";
import { mapAnchor, mapAnchors } from "../app/lib/anchoring/map-anchor";
import { diffTexts } from "../app/lib/diff/text-diff";
import { openDatabase } from "../db/client";
import { seedDemo } from "../db/seed";
import { planText } from "../db/seed/plan-text";
import { anchoringTable, runAnchoringBench, writeAnchoring } from "./anchoring";
import { runSearchBench, searchTable, writeSearch } from "./search";

interface Result {
  name: string;
  unit: string;
  value: number;
  baselineName: string;
  baseline: number;
  ratio: number; // value / baseline
  note: string;
}
const results: Result[] = [];

function time(fn: () => void, minMs = 400): number {
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < minMs || n < 3) {
    fn();
    n++;
  }
  return (performance.now() - start) / n;
}

// --- pure: the whole plan text, a few edits -------------------------------------------------------
const allText = planText.sections.flatMap((c) => [c.title, ...(c.children ?? []).map((s) => s.title)]).join("\n");
const paragraphs = JSON.stringify(planText).match(/"p":"([^"]+)"/g)!.map((m) => m.slice(5, -1));
const oldText = [allText, ...paragraphs].join("\n");
const newText = oldText.replace("森林覆盖率", "森林覆盖率（含灌木林）").replace("黑河", "黑河干流").replace("祁连山", "祁连山北麓");
const wordDiff = time(() => diffTexts(oldText, newText));
// baseline: a plain character-array diff of the same texts (what a naive implementation would run)
const charDiff = time(() => diffArrays([...oldText], [...newText], { maxEditLength: 5000 }));
results.push({ name: "word diff of the plan text (paragraph-aligned, segmented)", unit: "ms", value: wordDiff, baselineName: "character diff of the same texts", baseline: charDiff, ratio: wordDiff / charDiff, note: `${oldText.length} characters, 3 edits` });

const anchors = Array.from({ length: 200 }, (_, i) => {
  const start = Math.floor((i * oldText.length) / 210);
  return buildAnchor(oldText, start, start + 12)!;
}).filter(Boolean);
const batched = time(() => mapAnchors(oldText, newText, anchors));
const oneByOne = time(() => {
  for (const a of anchors) mapAnchor(oldText, newText, a);
}, 800);
results.push({ name: `map ${anchors.length} comment anchors onto a new revision (one diff)`, unit: "ms", value: batched, baselineName: "the same, one diff per anchor", baseline: oneByOne, ratio: batched / oneByOne, note: "anchors follow the text" });

// --- anchors on the revision corpus: accuracy, confident wrong places, time (bench/anchoring.ts) --------
const anchoring = runAnchoringBench();

// --- search over a 500,000-character plan with 2,000 comments (bench/search.ts) ---------------------------
const searchFigures = runSearchBench();

// --- HTTP: the reading view with highlights and threads, against /healthz ----------------------------
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function load(url: string, cookie: string, seconds: number, concurrency = 8) {
  let done = 0;
  let failed = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        const res = await fetch(url, { headers: { Cookie: cookie } });
        await res.arrayBuffer();
        if (res.ok) done++;
        else failed++;
      }
    }),
  );
  return { perSecond: done / seconds, failed };
}

if (!existsSync("build/server/index.js")) throw new Error("run `npm run build` first");
const dir = mkdtempSync(path.join(tmpdir(), "portal-bench-"));
const file = path.join(dir, "portal.db");
const db = openDatabase(file);
seedDemo(db);
db.$client.close();
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server: ChildProcess = spawn(process.execPath, ["server.mjs"], { env: { ...process.env, PORT: String(port), ORIGIN: base, DATABASE_PATH: file }, stdio: "ignore" });
try {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  const login = await fetch(`${base}/login`, { method: "POST", redirect: "manual", headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" }, body: "username=drafter&password=zhangye-2021" });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
  const plan = await (await fetch(`${base}/api/v1/plans/${(await (await fetch(`${base}/api/v1/plans`, { headers: { Cookie: cookie } })).json())[0].id}`, { headers: { Cookie: cookie } })).json();
  const reading = `${base}/editions/${plan.editions[0].id}?round=${plan.rounds[0].id}`;
  await load(reading, cookie, 1); // warm up
  const healthz = await load(`${base}/healthz`, cookie, 3);
  const page = await load(reading, cookie, 5);
  results.push({ name: "reading view: 32 sections with highlights and threads (HTML)", unit: "req/s", value: page.perSecond, baselineName: "GET /healthz", baseline: healthz.perSecond, ratio: page.perSecond / healthz.perSecond, note: `8 concurrent clients, ${page.failed + healthz.failed} failed` });
  const api = await load(`${base}/api/v1/rounds/${plan.rounds[0].id}/comments`, cookie, 3);
  results.push({ name: "GET /api/v1/rounds/:id/comments", unit: "req/s", value: api.perSecond, baselineName: "GET /healthz", baseline: healthz.perSecond, ratio: api.perSecond / healthz.perSecond, note: "8 concurrent clients" });
} finally {
  server.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}

// --- report ----------------------------------------------------------------------------------------------
const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}`;
const at = new Date().toISOString();
writeFileSync("bench/results.json", `${JSON.stringify({ at, machine, results }, null, 2)}\n`);
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(2));
const table = [
  "| benchmark | value | baseline (same run) | ratio |",
  "|---|---|---|---|",
  ...results.map((r) => `| ${r.name} (${r.note}) | ${fmt(r.value)} ${r.unit} | ${r.baselineName}: ${fmt(r.baseline)} ${r.unit} | ${r.ratio.toFixed(2)} |`),
].join("\n");
const readme = readFileSync("bench/README.md", "utf8");
const marker = /<!-- results -->[\s\S]*<!-- \/results -->/;
writeFileSync("bench/README.md", readme.replace(marker, `<!-- results -->\nLast run ${at} on ${machine}:\n\n${table}\n<!-- /results -->`));
writeAnchoring(anchoring);
writeSearch(searchFigures);
console.log(table);
console.log(anchoringTable(anchoring));
console.log(searchTable(searchFigures));
