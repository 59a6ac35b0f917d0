import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

/** The migrations folder, resolved from the project root (the working directory of every command). */
export function migrationsFolder(): string {
  return process.env.MIGRATIONS_DIR ?? path.resolve(process.cwd(), "db/migrations");
}

/**
 * Opens a SQLite file with the settings the portal relies on: WAL (readers never block the writer),
 * foreign keys, a busy timeout, and synchronous=FULL so a committed sign-off survives power loss.
 */
export function openDatabase(file: string, { runMigrations = true } = {}): Db {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = FULL");
  reusePreparedStatements(sqlite);
  const db = drizzle(sqlite, { schema }) as Db;
  if (runMigrations) migrate(db, { migrationsFolder: migrationsFolder() });
  return db;
}

/** How many prepared statements a connection keeps for reuse (least recently used ones are dropped). */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * drizzle prepares every query anew (SQLite parses and plans it each time): a third of a comment POST's
 * time went there. The connection keeps its statements by SQL text instead and hands them out again,
 * reset to row objects (drizzle switches a statement to raw rows itself when it wants them). A statement
 * still iterating is never handed out twice.
 */
function reusePreparedStatements(sqlite: Database.Database, max = STATEMENT_CACHE_SIZE): void {
  const cache = new Map<string, Database.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached && !cached.busy) {
      cache.delete(source);
      cache.set(source, cached);
      return cached.reader ? cached.raw(false) : cached;
    }
    const statement = prepare(source);
    cache.set(source, statement);
    if (cache.size > max) cache.delete(cache.keys().next().value!);
    return statement;
  }) as typeof sqlite.prepare;
}

export function databasePath(): string {
  return process.env.DATABASE_PATH ?? "data/portal.db";
}
