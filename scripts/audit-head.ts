// `npm run audit:head`: prints the audit chain's current head {events, sha256, sm3} as one JSON line,
// to keep outside the database (a later `npm run audit:verify -- --head SHA256` detects truncation).
import { existsSync } from "node:fs";
import { currentAuditHead } from "../app/models/audit.server";
import { databasePath, openDatabase } from "~db/client";

const file = databasePath();
if (!existsSync(file)) {
  console.error(`no database at ${file}`);
  process.exit(2);
}
const db = openDatabase(file, { runMigrations: false });
console.log(JSON.stringify(currentAuditHead(db)));
db.$client.close();
