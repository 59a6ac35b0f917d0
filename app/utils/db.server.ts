import { rmSync, writeFileSync } from "node:fs";
import { type Db, databasePath, openDatabase } from "../../db/client";
import { isEmpty, seedDemo } from "../../db/seed";
import { config } from "./config.server";

let instance: Db | null = null;

/** The process's one database handle: migrated, and seeded with the demo data when empty. */
export function getDb(): Db {
  if (!instance) {
    instance = openDatabase(databasePath());
    if (config.demoSeed && isEmpty(instance)) seedDemo(instance);
    // tells `npm run restore` that a server is using this database
    writeFileSync(`${databasePath()}.server-pid`, String(process.pid));
  }
  return instance;
}

export function closeDb(): void {
  if (instance) rmSync(`${databasePath()}.server-pid`, { force: true });
  instance?.$client.close();
  instance = null;
}
