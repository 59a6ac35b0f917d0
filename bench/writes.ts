// Writing comments through the real HTTP API at 32 connections, and what survives a SIGKILL mid-burst:
// every comment answered 201 must be in the database after the restart.
import { inArray } from "drizzle-orm";
import { buildAnchor } from "../app/lib/anchoring/anchor";
import { openDatabase } from "~db/client";
import * as s from "~db/schema";
import { rng } from "../app/lib/random";
import { COMMENTERS } from "../tests/support/seed-large-plan";
import type { BenchFixture } from "./fixture";
import { cpuMsOf, load, type Req } from "./load";
import { startPortal } from "./portal";

/** Comment payloads on passages of the round's edition (one section each). */
function payloads(sections: { id: string; text: string }[], n = 500): string[] {
  const r = rng(11);
  return Array.from({ length: n }, (_, i) => {
    const sec = sections[Math.floor(r() * sections.length)];
    const start = Math.floor(r() * Math.max(1, sec.text.length - 30));
    const a = buildAnchor(sec.text, start, start + 12)!;
    return JSON.stringify({
      sectionId: sec.id,
      anchor: a,
      body: `基准测试意见 ${i}：建议核实本段表述并补充数据来源。`,
      category: "revise",
    });
  });
}

export async function commentCreate(f: BenchFixture, seconds = 6, nodeArgs: string[] = []) {
  const portal = await startPortal(f.file, nodeArgs);
  try {
    const cookies = await Promise.all(COMMENTERS.map((u) => portal.login(u)));
    const bodies = payloads(f.editions[0]);
    let k = 0;
    const next = (i: number): Req => ({
      method: "POST",
      path: `/api/v1/rounds/${f.large.roundId}/comments`,
      headers: { Origin: portal.base, Cookie: cookies[i % cookies.length], "Content-Type": "application/json" },
      body: bodies[k++ % bodies.length],
    });
    await load(portal.base, next, { seconds: 1 });
    const cpu0 = cpuMsOf(portal.pid);
    const run = await load(portal.base, next, { seconds });
    // the server's own CPU per comment: what the rate would be if the CPU were the server's alone
    const cpu_ms = (cpuMsOf(portal.pid) - cpu0) / Math.max(1, run.ok + run.failed);
    return { per_s: run.rps, p99_ms: run.p99_ms, failed: run.failed, statuses: run.statuses, cpu_ms };
  } finally {
    await portal.stop();
  }
}

/**
 * A burst of comment POSTs on a warmed-up server, SIGKILLed once `acks` comments of the burst were answered
 * 201 (or after `maxMs`); then restarted on the same file, and every acknowledged comment looked up.
 */
export async function killMidBurst(f: BenchFixture, { acks = 40, maxMs = 8000 } = {}) {
  const portal = await startPortal(f.file);
  const cookies = await Promise.all(COMMENTERS.map((u) => portal.login(u)));
  const bodies = payloads(f.editions[0]);
  let k = 0;
  const next = (i: number): Req => ({
    method: "POST",
    path: `/api/v1/rounds/${f.large.roundId}/comments`,
    headers: { Origin: portal.base, Cookie: cookies[i % cookies.length], "Content-Type": "application/json" },
    body: bodies[k++ % bodies.length],
  });
  const acknowledged: string[] = [];
  const onAnswer = (status: number, body: Buffer) => {
    if (status === 201) acknowledged.push(JSON.parse(body.toString()).id);
  };
  await load(portal.base, next, { seconds: 1, connections: 4, onAnswer });
  const warm = acknowledged.length;
  let killed: Promise<void> | null = null;
  const started = Date.now();
  let gone = false;
  await load(portal.base, next, {
    seconds: maxMs / 1000 + 1,
    onAnswer: (status, body) => {
      onAnswer(status, body);
      if (!killed && (acknowledged.length - warm >= acks || Date.now() - started > maxMs)) killed = portal.kill();
      // once the server is gone every connection fails: the burst is over
      if (status === 0 && killed) gone = true;
    },
    stop: () => gone,
  });
  killed ??= portal.kill();
  await killed;
  // restart on the same file (the WAL is recovered on open), then look for every acknowledged id
  const again = await startPortal(f.file);
  const up = (await fetch(`${again.base}/healthz`)).ok;
  const db = openDatabase(f.file, { runMigrations: false });
  let found = 0;
  for (let i = 0; i < acknowledged.length; i += 500)
    found += db
      .select({ id: s.comments.id })
      .from(s.comments)
      .where(inArray(s.comments.id, acknowledged.slice(i, i + 500)))
      .all().length;
  db.$client.close();
  await again.stop();
  return {
    acknowledged: acknowledged.length,
    in_burst: acknowledged.length - warm,
    lost_after_kill: acknowledged.length - found,
    restarted: up,
  };
}
