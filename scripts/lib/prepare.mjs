// Shared by `npm start` and `npm test`: install when needed, build when stale. Node built-ins only,
// because this runs before node_modules exists.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function run(command, args, options = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  return { ok: result.status === 0, status: result.status ?? 1, seconds: (Date.now() - started) / 1000 };
}

const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

function newestIn(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** `npm ci` when node_modules is missing or older than package-lock.json. */
export function ensureInstalled() {
  const lock = path.join(root, "package-lock.json");
  const marker = path.join(root, "node_modules/.package-lock.json");
  if (existsSync(marker) && mtime(marker) >= mtime(lock)) return true;
  console.log("› installing dependencies (npm ci; better-sqlite3 compiles from source, about 2 minutes the first time) …");
  const r = run("npm", ["ci", "--no-audit", "--no-fund"]);
  if (!r.ok) console.error("npm ci failed; see the messages above.");
  return r.ok;
}

/** Builds when build/ is missing or older than any source it is made from. */
export function ensureBuilt({ force = false } = {}) {
  const output = path.join(root, "build/server/index.js");
  const sources = Math.max(
    newestIn(path.join(root, "app")),
    newestIn(path.join(root, "db")),
    newestIn(path.join(root, "public")),
    mtime(path.join(root, "vite.config.ts")),
    mtime(path.join(root, "package-lock.json")),
  );
  if (!force && existsSync(output) && mtime(output) >= sources) return true;
  console.log("› building …");
  const r = run(process.execPath, [path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"]);
  if (!r.ok) console.error("build failed; see the messages above.");
  return r.ok;
}
