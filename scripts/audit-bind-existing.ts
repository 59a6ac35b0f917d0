// `npm run audit:bind-existing`: once, after upgrading a database written before rows of users' content
// were bound into the audit chain (docs/INTEGRITY.md): binds every row no event has bound yet, in one
// audited event. Refuses (exit 1, naming them) while anything is already broken. Stop the server first.
import { existsSync } from "node:fs";
import { bindExistingRows } from "../app/models/row-binding.server";
import { databasePath, openDatabase } from "~db/client";

const file = databasePath();
if (!existsSync(file)) {
  console.error(`no database at ${file}`);
  process.exit(2);
}
const db = openDatabase(file, { runMigrations: false });
const result = bindExistingRows(db, null);
db.$client.close();
if (result.refused.length) {
  for (const b of result.refused.slice(0, 200)) console.error(`${b.reason.toUpperCase()}: ${b.table} ${b.id}`);
  console.error(`nothing bound: ${result.refused.length} broken record(s) in ${file} must be looked into first (npm run audit:verify)`);
  process.exit(1);
}
console.log(
  result.bound
    ? `${result.bound} existing rows bound into the audit chain of ${file}; keep the new head: npm run audit:head`
    : `every row of ${file} is already bound`,
);
