// Starts the built server (build/server) on a free port with a fresh demo database, for HTTP tests.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { freePort } from "../support/free-port";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "vitest";

export interface TestServer {
  base: string;
  dbFile: string;
  stop: () => void;
  loginAs: (username: string, password?: string) => Promise<string>;
  get: (p: string, cookie?: string) => Promise<Response>;
  send: (method: string, p: string, cookie: string, body?: unknown) => Promise<Response>;
}

export async function startServer(options: { origin?: string } = {}): Promise<TestServer> {
  if (!existsSync("build/server/index.js")) throw new Error("build/ is missing: run `npm run build` first");
  const dir = mkdtempSync(path.join(tmpdir(), "portal-http-"));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dbFile = path.join(dir, "portal.db");
  const logs: string[] = [];
  const server: ChildProcess = spawn(process.execPath, ["server.mjs"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", ORIGIN: options.origin ?? base, DATABASE_PATH: dbFile, DEMO_SEED: "1" },
    stdio: "pipe",
  });
  server.stdout?.on("data", (d) => logs.push(String(d)));
  server.stderr?.on("data", (d) => logs.push(String(d)));
  let up = false;
  for (let i = 0; i < 100 && !up; i++) {
    try {
      up = (await fetch(`${base}/healthz`)).ok;
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  if (!up) throw new Error(`server did not start:\n${logs.join("")}`);

  const loginAs = async (username: string, password = "zhangye-2021") => {
    const res = await fetch(`${base}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: options.origin ?? base, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ username, password }),
    });
    expect(res.status).toBe(302);
    return (res.headers.get("set-cookie") ?? "").split(";")[0];
  };
  const get = (p: string, cookie?: string) => fetch(`${base}${p}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
  const send = (method: string, p: string, cookie: string, body?: unknown) =>
    fetch(`${base}${p}`, {
      method,
      redirect: "manual",
      headers: { Origin: options.origin ?? base, Cookie: cookie, "Content-Type": "application/json" },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
  return {
    base,
    dbFile,
    loginAs,
    get,
    send,
    stop: () => {
      server.kill("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
