// Writing comments through the real HTTP API at 32 connections, and what survives a SIGKILL mid-burst:
// every comment answered 201 must be in the database after the restart.
import { inArray } from "drizzle-orm";
import { buildAnchor } from "../app/lib/anchoring/anchor";
import { openDatabase } from "../db/client";
import * as s from "../db/schema";
import { rng } from "../app/lib/random";
import { COMMENTERS } from "../tests/support/seed-large-plan";
import type { BenchFixture } from "./fixture";
import { load, type Req } from "./load";
import { startPortal } from "./portal";

/** Comment payloads on passages of the round's edition (one section each). */
function payloads(sections: { id: string; text: string }[], n = 500): string[] {
  const r = rng(11);
  return Array.from({ length: n }, (_, i) => {
    const sec = sections[Math.floor(r() * sections.length)];
    const start = Math.floor(r() * Math.max(1, sec.text.length - 30));
    const a = buildAnchor(sec.text, start, start + 12)!;
    return JSON.stringify({ sectionId: sec.id, anchor: a, body: `基准测试意见 ${i}：建议核实本段表述并补充数据来源。`, category: "revise" });
  });
}

export async function commentCreate(f: BenchFixture, seconds = 6, nodeArgs: string[] = []) {
  const portal = await startPortal(f.file, nodeArgs);
  try {
    const cookies = await Promise.all(COMMENTERS.map((u) => portal.login(u)));
    const bodies = payloads(f.editions[0]);
    let k = 0;
    const next = (i: number): Req => ({ method: "POST", path: `/api/v1/rounds/${f.large.roundId}/comments`, headers: { Origin: portal.base, Cookie: cookies[i % cookies.length], "Content-Type": "application/json" }, body: bodies[k++ % bodies.length] });
    await load(portal.base, next, { seconds: 1 });
    const run = await load(portal.base, next, { seconds });
    return { per_s: run.rps, p99_ms: run.p99_ms, failed: run.failed, statuses: run.statuses };
  } finally {
    await portal.stop();
  }
}

/** A burst of comment POSTs; the server is SIGKILLed after `killAfterMs`; restarted; acknowledged comments counted. */
export async function killMidBurst(f: BenchFixture, killAfterMs = 1500) {
  const portal = await startPortal(f.file);
  const cookies = await Promise.all(COMMENTERS.map((u) => portal.login(u)));
  const bodies = payloads(f.editions[0]);
  let k = 0;
  const acknowledged: string[] = [];
  const killed = new Promise<void>((resolve) => setTimeout(() => portal.kill().then(resolve), killAfterMs));
  await load(portal.base, (i) => ({ method: "POST", path: `/api/v1/rounds/${f.large.roundId}/comments`, headers: { Origin: portal.base, Cookie: cookies[i % cookies.length], "Content-Type": "application/json" }, body: bodies[k++ % bodies.length] }), {
    seconds: killAfterMs / 1000 + 1,
    onAnswer: (status, body) => {
      if (status === 201) acknowledged.push(JSON.parse(body.toString()).id);
    },
  });
  await killed;
  // restart on the same file (the WAL is recovered on open), then look for every acknowledged id
  const again = await startPortal(f.file);
  const up = (await fetch(`${again.base}/healthz`)).ok;
  const db = openDatabase(f.file, { runMigrations: false });
  let found = 0;
  for (let i = 0; i < acknowledged.length; i += 500) found += db.select({ id: s.comments.id }).from(s.comments).where(inArray(s.comments.id, acknowledged.slice(i, i + 500))).all().length;
  db.$client.close();
  await again.stop();
  return { acknowledged: acknowledged.length, lost_after_kill: acknowledged.length - found, restarted: up };
}
