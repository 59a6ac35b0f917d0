// `npm run replicate`: continuous replication of DATABASE_PATH with Litestream (npm @flydotio/litestream-linux-x64,
// v0.3.13) to LITESTREAM_REPLICA_URL: a directory (the default, data/replica: mount another disk or a
// network share there) or any replica URL Litestream takes (file:///…, s3://bucket/path with the usual
// AWS_* / LITESTREAM_* credentials in the environment). Runs beside the server until stopped (SIGTERM).
//
// `npm run replicate -- restore TARGET`: the latest state of the replica into TARGET (a new .db file, or
// a directory that gets portal.db), then SQLite's integrity check and the audit chain verification on it.
// `npm run replicate -- config` prints the generated Litestream configuration.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { verifyIntegrity } from "../app/models/integrity.server";
import { databasePath, openDatabase } from "~db/client";

/**
 * The Litestream binary: npm's @flydotio/litestream-<platform>-<arch> (an optional dependency; only the
 * linux-x64 build is installed by default), else `litestream` on the PATH.
 */
const bundled = path.resolve(`node_modules/@flydotio/litestream-${process.platform}-${process.arch}/litestream`);
const LITESTREAM = existsSync(bundled) ? bundled : "litestream";

/** The replica as Litestream's config wants it: a file replica by path, anything else by URL. */
export function replicaOf(value = process.env.LITESTREAM_REPLICA_URL ?? "data/replica"): { url: string } | { path: string } {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return value.startsWith("file://") ? { path: new URL(value).pathname } : { url: value };
  return { path: path.resolve(value) };
}

/** Litestream's YAML config for one database and one replica (JSON is valid YAML). */
export function litestreamConfig(db = databasePath(), replica = replicaOf()) {
  return JSON.stringify({ dbs: [{ path: path.resolve(db), replicas: [{ ...replica, "sync-interval": "1s" }] }] }, null, 2);
}

function writeConfig(): string {
  const file = path.join(tmpdir(), `litestream-${process.pid}.yml`);
  writeFileSync(file, litestreamConfig());
  return file;
}

function restore(target: string): number {
  const out = existsSync(target) && statSync(target).isDirectory() ? path.join(target, "portal.db") : target;
  if (existsSync(out)) {
    console.error(`${out} exists; restore never overwrites (choose a new file, then \`npm run restore -- ${out}\` to put it in place)`);
    return 2;
  }
  mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const replica = replicaOf();
  const source = "url" in replica ? replica.url : `file://${replica.path}`;
  const r = spawnSync(LITESTREAM, ["restore", "-o", out, source], { stdio: "inherit" });
  if (r.status !== 0) return r.status ?? 1;
  const copy = openDatabase(out, { runMigrations: false });
  const integrity = copy.$client.pragma("integrity_check", { simple: true });
  const audit = verifyIntegrity(copy);
  copy.$client.close();
  if (integrity !== "ok" || !audit.ok) {
    console.error(`restored to ${out} but it does not check out: integrity=${integrity}, audit=${JSON.stringify(audit)}`);
    return 1;
  }
  console.log(`restored ${source} to ${out} (integrity ok, ${audit.events} audit events verified)`);
  return 0;
}

const [command, arg] = process.argv.slice(2);
if (command === "config") {
  console.log(litestreamConfig());
} else if (command === "restore") {
  if (!arg) {
    console.error("usage: npm run replicate -- restore TARGET (a new .db file or a directory)");
    process.exit(2);
  }
  process.exit(restore(arg));
} else if (command === undefined) {
  if (!existsSync(databasePath())) {
    console.error(`no database at ${databasePath()}: start the server once first`);
    process.exit(2);
  }
  const config = writeConfig();
  const replica = replicaOf();
  if ("path" in replica) mkdirSync(replica.path, { recursive: true });
  console.log(`replicating ${path.resolve(databasePath())} to ${"url" in replica ? replica.url : replica.path} (Litestream, every second)`);
  const child = spawn(LITESTREAM, ["replicate", "-config", config], { stdio: "inherit" });
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
} else {
  console.error("usage: npm run replicate [-- restore TARGET | config]");
  process.exit(2);
}
