// `npm run restore -- FILE`: replaces DATABASE_PATH with a backup. Refuses while a server uses the
// database (it holds DATABASE_PATH.server-pid), and refuses a file that is not a sound portal database.
import { copyFileSync, existsSync, readFileSync, rmSync } from "node:fs";
import { verifyIntegrity } from "../app/models/integrity.server";
import { databasePath, openDatabase } from "../db/client";

const backup = process.argv[2];
if (!backup || !existsSync(backup)) {
  console.error("usage: npm run restore -- FILE   (FILE: a backup made by npm run backup)");
  process.exit(2);
}
const target = databasePath();
const pidFile = `${target}.server-pid`;
if (existsSync(pidFile)) {
  const pid = Number(readFileSync(pidFile, "utf8"));
  let alive = false;
  try {
    process.kill(pid, 0);
    alive = true;
  } catch {}
  if (alive) {
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
for (const f of [`${target}-wal`, `${target}-shm`]) rmSync(f, { force: true });
copyFileSync(backup, target);
console.log(`${target} restored from ${backup} (${check.events} audit events verified); start the server to apply any newer migrations`);
