// The real portal server for the bench: the built server.mjs on a free port with the bench's database,
// its memory watched the whole time it runs (the bench reports the highest mark of every run).
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SERVER_NODE_FLAGS } from "../scripts/lib/server-flags.mjs";
import { freePort } from "../tests/support/free-port";
import { memoryOf, send } from "./load";

export const PASSWORD = "zhangye-2021";

/** The highest resident set size any portal server reached in this bench, in MB; renders React aborted (ABORT_DELAY) and other errors logged. */
export const peak = { rss_mb: 0, aborted_renders: 0, errors: 0 };

/** Where every portal server of this run writes its memory samples (bench/memory-probe.mjs). */
const memoryLog = path.join(tmpdir(), `portal-bench-memory-${process.pid}.jsonl`);
rmSync(memoryLog, { force: true });
const phases: { name: string; at: number }[] = [];

/** Marks the start of a bench phase: the memory samples from now on are counted to it. */
export function phase(name: string): void {
  phases.push({ name, at: Date.now() });
}

interface Sample {
  t: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  live: number;
  external: number;
  arrayBuffers: number;
  spaces: Record<string, number>;
}
export type PhaseMemory = Omit<Sample, "t"> & { samples: number };

/** The highest of each memory figure (MB) the portal servers reached in each phase. */
export function memoryByPhase(): Record<string, PhaseMemory> {
  if (!existsSync(memoryLog)) return {};
  const samples = readFileSync(memoryLog, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Sample);
  const out: Record<string, PhaseMemory> = {};
  for (const s of samples) {
    const name = [...phases].reverse().find((p) => p.at <= s.t)?.name ?? "start";
    out[name] ??= { rss: 0, heapUsed: 0, heapTotal: 0, live: 0, external: 0, arrayBuffers: 0, spaces: {}, samples: 0 };
    const m = out[name];
    m.samples++;
    for (const k of ["rss", "heapUsed", "heapTotal", "live", "external", "arrayBuffers"] as const) m[k] = Math.max(m[k], s[k]);
    for (const [k, v] of Object.entries(s.spaces)) m.spaces[k] = Math.max(m.spaces[k] ?? 0, v);
  }
  return out;
}

export interface Portal {
  base: string;
  pid: number;
  login: (username: string) => Promise<string>;
  /** SIGTERM, after the last memory reading */
  stop: () => Promise<void>;
  /** SIGKILL: no clean shutdown */
  kill: () => Promise<void>;
}

export async function startPortal(dbFile: string, extraArgs: string[] = []): Promise<Portal> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "./bench/memory-probe.mjs", ...SERVER_NODE_FLAGS, ...extraArgs, "server.mjs"],
    {
      env: {
        ...process.env,
        BENCH_MEMORY_LOG: memoryLog,
        NODE_ENV: "production",
        PORT: String(port),
        HOST: "127.0.0.1",
        ORIGIN: base,
        DATABASE_PATH: dbFile,
        DEMO_SEED: "0",
      },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  const pid = child.pid!;
  // the server's errors are counted, not printed (an overloaded reading view logs one per aborted render)
  child.stderr!.on("data", (d: Buffer) => {
    const text = String(d);
    peak.aborted_renders += text.split("The render was aborted").length - 1;
    peak.errors += text.split(/^Error/m).length - 1;
  });
  const watch = () => {
    const m = memoryOf(pid);
    peak.rss_mb = Math.max(peak.rss_mb, m.hwm, m.rss);
  };
  const timer = setInterval(watch, 200);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  for (let i = 0; i < 200; i++) {
    if ((await send(base, { path: "/healthz" })).status === 200) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const end = async (signal: NodeJS.Signals) => {
    watch();
    clearInterval(timer);
    child.kill(signal);
    await exited;
  };
  return {
    base,
    pid,
    login: async (username) => {
      const res = await send(base, {
        method: "POST",
        path: "/login",
        headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
        body: `username=${username}&password=${PASSWORD}`,
      });
      const cookie = String(res.headers["set-cookie"] ?? "").split(";")[0];
      if (res.status !== 302 || !cookie) throw new Error(`bench: login as ${username} failed (${res.status})`);
      return cookie;
    },
    stop: () => end("SIGTERM"),
    kill: () => end("SIGKILL"),
  };
}
