// `npm run db:seed`: seeds the demo data into an empty database at DATABASE_PATH.
// `npm run db:seed -- --reset` deletes the database file first (stop the server before).
import { existsSync, rmSync } from "node:fs";
import { databasePath, openDatabase } from "../client";
import { isEmpty, seedDemo } from "./index";

const file = databasePath();
if (process.argv.includes("--reset")) {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) rmSync(f);
}
const db = openDatabase(file);
if (!isEmpty(db)) {
  console.error(
    `${file} already holds data; seeding fills an empty database only.\nTo start again from a fresh demo database: stop the server, then run  npm run db:seed -- --reset`,
  );
  process.exit(1);
}
const { planId } = seedDemo(db);
db.$client.close();
console.log(`demo data seeded into ${file} (plan ${planId})`);
