// The bench's load generator: `connections` keep-alive connections, each sending its next request as soon
// as the last answer is read, for `seconds`; requests per second and the 99th percentile latency.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";

export interface LoadResult {
  rps: number;
  p99_ms: number;
  ok: number;
  failed: number;
  statuses: Record<number, number>;
  bytes: number;
}

export interface Req {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** One request; resolves with status, body and time taken (an error → status 0). */
export function send(
  base: string,
  r: Req,
  agent?: Agent,
): Promise<{ status: number; body: Buffer; headers: Record<string, string | string[] | undefined>; ms: number }> {
  const url = new URL(r.path, base);
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: r.method ?? "GET",
        agent,
        headers: {
          "Accept-Encoding": "identity",
          ...(r.body ? { "Content-Length": String(Buffer.byteLength(r.body)) } : {}),
          ...r.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers, ms: performance.now() - started }),
        );
        res.on("error", () => resolve({ status: 0, body: Buffer.alloc(0), headers: {}, ms: performance.now() - started }));
      },
    );
    req.on("error", () => resolve({ status: 0, body: Buffer.alloc(0), headers: {}, ms: performance.now() - started }));
    req.end(r.body);
  });
}

export function percentile(xs: number[], p: number): number {
  if (!xs.length) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * `connections` clients in a loop for `seconds`. `next(i)` makes connection i's next request (so each
 * connection can post as its own user); `onAnswer` sees every answer; `stop` ends the run early.
 */
export async function load(
  base: string,
  next: (i: number) => Req,
  {
    seconds = 5,
    connections = 32,
    onAnswer,
    stop,
  }: { seconds?: number; connections?: number; onAnswer?: (status: number, body: Buffer) => void; stop?: () => boolean } = {},
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let ok = 0;
  let failed = 0;
  let bytes = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, i) => {
      while (performance.now() < until && !stop?.()) {
        const res = await send(base, next(i), agent);
        latencies.push(res.ms);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        bytes += res.body.length;
        if (res.status >= 200 && res.status < 300) ok++;
        else failed++;
        onAnswer?.(res.status, res.body);
        if (res.status === 0) await new Promise((r) => setTimeout(r, 5));
      }
    }),
  );
  agent.destroy();
  const elapsed = (performance.now() - started) / 1000;
  return { rps: ok / elapsed, p99_ms: percentile(latencies, 99), ok, failed, statuses, bytes };
}

/** A bare node:http baseline in its own process (bench/bare-server.mjs): "ok", or the bytes of `bodyFile`. */
export async function startBare(bodyFile?: string): Promise<{ base: string; stop: () => void; pid: number }> {
  const child: ChildProcess = spawn(process.execPath, ["bench/bare-server.mjs"], {
    env: { ...process.env, BODY_FILE: bodyFile ?? "" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve) => child.stdout!.once("data", (d) => resolve(Number(String(d).trim()))));
  return { base: `http://127.0.0.1:${port}`, pid: child.pid!, stop: () => child.kill("SIGTERM") };
}

/** Resident set size and its high-water mark of a process, in MB (Linux /proc). */
export function memoryOf(pid: number): { rss: number; hwm: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rss: kb("VmRSS") / 1024, hwm: kb("VmHWM") / 1024 };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc, clock ticks of 10 ms). */
export function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}
