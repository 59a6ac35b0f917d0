// `npx tsx bench/reading.ts [--prof] [--large] [seconds]` (after a build): the demo reading view alone — the demo data
// with its city round topped up to 200 comments, the built server, 32 connections as the city's drafter —
// reporting the page's bytes ÷ the content it shows and the server's CPU ms per render (which does not
// depend on the machine's other load). `--prof` runs the server with `node --cpu-prof` into bench/.prof/.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "~db/client";
import { seedDemo } from "~db/seed";
import { seedLargePlan, topUpDemoRound } from "../tests/support/seed-large-plan";
import { contentBytes } from "./fixture";
import { cpuMsOf, load, send } from "./load";
import { startPortal } from "./portal";

const prof = process.argv.includes("--prof");
const seconds = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 6);
const dir = mkdtempSync(path.join(tmpdir(), "portal-reading-"));
const file = path.join(dir, "portal.db");
try {
  const db = openDatabase(file);
  seedDemo(db);
  const demo = topUpDemoRound(db, 200);
  // `--large`: the generated 500,000-character plan too, as in `npm run bench` (the plan switcher lists it)
  if (process.argv.includes("--large")) seedLargePlan(db, { comments: 2000 });
  db.$client.close();
  if (prof) mkdirSync("bench/.prof", { recursive: true });
  const portal = await startPortal(file, prof ? ["--cpu-prof", "--cpu-prof-dir=bench/.prof"] : []);
  try {
    const cookie = await portal.login("drafter");
    const p = `/editions/${demo.editionId}?round=${demo.roundId}`;
    const page = await send(portal.base, { path: p, headers: { Cookie: cookie } });
    if (page.status !== 200) throw new Error(`reading view answered ${page.status}`);
    const shown = contentBytes(file, demo.editionId, demo.roundId);
    const warm = await load(portal.base, () => ({ path: p, headers: { Cookie: cookie } }), { seconds: 1 });
    const cpu0 = cpuMsOf(portal.pid);
    const run = await load(portal.base, () => ({ path: p, headers: { Cookie: cookie } }), { seconds });
    const cpuMs = (cpuMsOf(portal.pid) - cpu0) / Math.max(1, run.ok + run.failed);
    console.log(
      JSON.stringify({
        bytes: page.body.length,
        content_bytes: shown,
        ratio: +(page.body.length / shown).toFixed(2),
        rps: +run.rps.toFixed(1),
        p99_ms: Math.round(run.p99_ms),
        failed: run.failed,
        cpu_ms_per_render: +cpuMs.toFixed(2),
        // every render the server made, warm-up included (what a --prof profile divides by)
        renders: 1 + warm.ok + warm.failed + run.ok + run.failed,
      }),
    );
  } finally {
    await portal.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
