import { type Db, databasePath, openDatabase } from "../../db/client";
import { isEmpty, seedDemo } from "../../db/seed";
import { config } from "./config.server";

let instance: Db | null = null;

/** The process's one database handle: migrated, and seeded with the demo data when empty. */
export function getDb(): Db {
  if (!instance) {
    instance = openDatabase(databasePath());
    if (config.demoSeed && isEmpty(instance)) seedDemo(instance);
  }
  return instance;
}

export function closeDb(): void {
  instance?.$client.close();
  instance = null;
}
