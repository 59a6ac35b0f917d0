// `npm run backup -- FILE`: an online backup of DATABASE_PATH (safe while the server runs), then a
// check that the copy opens and passes SQLite's integrity check and the audit chain verification.
import { existsSync } from "node:fs";
import { verifyIntegrity } from "../app/models/integrity.server";
import { databasePath, openDatabase } from "~db/client";
import { backupDatabase, OWNER_ONLY } from "./lib/db-files";

const target = process.argv[2];
if (!target) {
  console.error("usage: npm run backup -- FILE");
  process.exit(2);
}
const source = databasePath();
if (!existsSync(source)) {
  console.error(`no database at ${source}`);
  process.exit(2);
}
if (existsSync(target)) {
  console.error(`${target} exists; choose a new file name (a backup never overwrites)`);
  process.exit(2);
}
// written owner-only (0600): a backup holds every account's password hash and every session
await backupDatabase(source, target);

const copy = openDatabase(target, { runMigrations: false });
const integrity = copy.$client.pragma("integrity_check", { simple: true });
const audit = verifyIntegrity(copy);
copy.$client.close();
if (integrity !== "ok" || !audit.ok) {
  console.error(`backup written to ${target} but it does not check out: integrity=${integrity}, audit=${JSON.stringify(audit)}`);
  process.exit(1);
}
console.log(
  `backup of ${source} written to ${target} (mode ${OWNER_ONLY.toString(8)}, integrity ok, ${audit.events} audit events verified)`,
);
