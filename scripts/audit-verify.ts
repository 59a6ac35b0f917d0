// `npm run audit:verify [-- --head SHA256]`: checks the audit chain and every sign-off of the database
// at DATABASE_PATH; with --head, also that the chain still contains that earlier head (no truncation).
// Also every row of users' content against its binding in the chain (docs/INTEGRITY.md).
// Exit 0 when intact; 1 naming each broken record (table and id).
import { existsSync } from "node:fs";
import { verifyIntegrity } from "../app/models/integrity.server";
import { databasePath, openDatabase } from "~db/client";

const file = databasePath();
if (!existsSync(file)) {
  console.error(`no database at ${file}`);
  process.exit(2);
}
const headArg = process.argv.indexOf("--head");
const earlierHead = headArg >= 0 ? process.argv[headArg + 1] : undefined;
if (headArg >= 0 && !/^[0-9a-f]{64}$/.test(earlierHead ?? "")) {
  console.error("--head wants the sha256 of an earlier head (64 hex characters), as `npm run audit:head` prints it");
  process.exit(2);
}
const db = openDatabase(file, { runMigrations: false });
const result = verifyIntegrity(db, earlierHead);
db.$client.close();
const head = `head: ${result.head.events} events, sha256 ${result.head.sha256}, sm3 ${result.head.sm3}`;
if (result.ok) {
  console.log(
    `audit chain intact: ${result.events} events, every sign-off matches its signature, every bound row matches its hash${earlierHead ? ", the earlier head is still in the chain" : ""}, in ${file}\n${head}`,
  );
  process.exit(0);
}
if (result.firstBrokenEventId !== null)
  console.error(`audit chain BROKEN at audit_events.id = ${result.firstBrokenEventId} (${result.events} events in ${file})`);
if (result.earlierHeadFound === false)
  console.error(
    `audit chain TRUNCATED: the earlier head ${earlierHead} is no longer in the chain (${result.events} events in ${file})\n${head}`,
  );
if (result.firstBrokenSignoffId !== null)
  console.error(`sign-off BROKEN: ${result.firstBrokenSignoffId} does not match its signature or the audit chain (${file})`);
for (const b of result.broken) console.error(`${b.reason.toUpperCase()}: ${b.table} ${b.id}`);
if (result.brokenCount > result.broken.length) console.error(`… and ${result.brokenCount - result.broken.length} more`);
process.exit(1);
