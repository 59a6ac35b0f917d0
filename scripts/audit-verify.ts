// `npm run audit:verify`: checks the audit chain of the database at DATABASE_PATH.
// Exit 0 when intact; 1 naming the first broken record.
import { existsSync } from "node:fs";
import { verifyAuditChain } from "../app/models/audit.server";
import { databasePath, openDatabase } from "../db/client";

const file = databasePath();
if (!existsSync(file)) {
  console.error(`no database at ${file}`);
  process.exit(2);
}
const db = openDatabase(file, { runMigrations: false });
const result = verifyAuditChain(db);
db.$client.close();
if (result.ok) {
  console.log(`audit chain intact: ${result.events} events in ${file}`);
} else {
  console.error(`audit chain BROKEN at audit_events.id = ${result.firstBrokenEventId} (${result.events} events in ${file})`);
  process.exit(1);
}
