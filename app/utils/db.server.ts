import { rmSync, writeFileSync } from "node:fs";
import { type Db, databasePath, openDatabase } from "~db/client";

let instance: Db | null = null;

/** The process's one database handle, migrated (entry.server.tsx seeds the demo into an empty one at start). */
export function getDb(): Db {
  if (!instance) {
    instance = openDatabase(databasePath());
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
