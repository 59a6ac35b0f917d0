// `npm run restore -- FILE`: replaces DATABASE_PATH with a backup. Refuses while a server uses the
// database (it holds DATABASE_PATH.server-pid), and refuses a file that is not a sound portal database.
// The database it replaces is kept first (DATABASE_PATH.before-restore-<time>, owner-only); the backup
// is copied to a temporary file in the same directory, every session in it is ended, it is fsynced and
// renamed over the database in one step, so a crash leaves either the old database or the new one.
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { verifyIntegrity } from "../app/models/integrity.server";
import { databasePath, openDatabase } from "~db/client";
import { backupDatabase, createOwnerOnly, fsyncPath } from "./lib/db-files";
import { processIsRunning } from "./lib/process-alive";

const backup = process.argv[2];
if (!backup || !existsSync(backup)) {
  console.error("usage: npm run restore -- FILE   (FILE: a backup made by npm run backup)");
  process.exit(2);
}
const target = databasePath();
const pidFile = `${target}.server-pid`;
if (existsSync(pidFile)) {
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  if (processIsRunning(pid)) {
    console.error(`a server (pid ${pid}) is using ${target}; stop it before restoring`);
    process.exit(1);
  }
}

let check: ReturnType<typeof verifyIntegrity>;
try {
  const candidate = openDatabase(backup, { runMigrations: false });
  const integrity = candidate.$client.pragma("integrity_check", { simple: true });
  if (integrity !== "ok") throw new Error(`integrity check: ${integrity}`);
  check = verifyIntegrity(candidate);
  candidate.$client.close();
} catch (e) {
  console.error(`${backup} is not a usable portal database: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
if (!check.ok) {
  console.error(`${backup} fails the audit verification: ${JSON.stringify(check)}`);
  process.exit(1);
}

// 1. the safety copy of the database being replaced (its WAL included)
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
let safety: string | null = null;
if (existsSync(target)) {
  safety = `${target}.before-restore-${stamp}`;
  await backupDatabase(target, safety);
}

// 2. the backup copied to a temporary file beside the database, sessions ended, flushed to the disk
const temporary = `${target}.restoring-${process.pid}`;
let ended = 0;
try {
  createOwnerOnly(temporary);
  copyFileSync(backup, temporary);
  const restored = openDatabase(temporary, { runMigrations: false });
  // sessions made before the backup must not come back to life, and those made since must end
  ended = restored.$client.prepare("delete from sessions").run().changes;
  restored.$client.pragma("wal_checkpoint(TRUNCATE)");
  restored.$client.pragma("journal_mode = DELETE");
  restored.$client.close();
  for (const f of [`${temporary}-wal`, `${temporary}-shm`]) rmSync(f, { force: true });
  fsyncPath(temporary);
} catch (e) {
  rmSync(temporary, { force: true });
  for (const f of [`${temporary}-wal`, `${temporary}-shm`]) rmSync(f, { force: true });
  console.error(`could not prepare the restore: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}

// 3. the old WAL must not be replayed onto the new file; then one atomic rename, made durable
for (const f of [`${target}-wal`, `${target}-shm`]) rmSync(f, { force: true });
renameSync(temporary, target);
fsyncPath(path.dirname(path.resolve(target)));

console.log(
  `${target} restored from ${backup} (${check.events} audit events verified; ${ended} sessions ended, everyone logs in again)` +
    (safety ? `; the replaced database is kept in ${safety}` : "") +
    "; start the server to apply any newer migrations",
);
