// `npm run audit:verify`: checks the audit chain and every sign-off of the database at DATABASE_PATH.
// Exit 0 when intact; 1 naming the first broken record.
import { existsSync } from "node:fs";
import { verifyIntegrity } from "../app/models/integrity.server";
import { databasePath, openDatabase } from "../db/client";

const file = databasePath();
if (!existsSync(file)) {
  console.error(`no database at ${file}`);
  process.exit(2);
}
const db = openDatabase(file, { runMigrations: false });
const result = verifyIntegrity(db);
db.$client.close();
if (result.ok) {
  console.log(`audit chain intact: ${result.events} events, every sign-off matches its signature, in ${file}`);
} else if (result.firstBrokenEventId !== null) {
  console.error(`audit chain BROKEN at audit_events.id = ${result.firstBrokenEventId} (${result.events} events in ${file})`);
  process.exit(1);
} else {
  console.error(`sign-off BROKEN: ${result.firstBrokenSignoffId} does not match its signature or the audit chain (${file})`);
  process.exit(1);
}
