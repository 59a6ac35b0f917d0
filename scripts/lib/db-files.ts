// File steps shared by backup and restore: owner-only files, fsync, and a consistent copy of a live
// SQLite database (the online backup API, so the WAL's committed pages are included).
import { chmodSync, closeSync, fsyncSync, openSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export const OWNER_ONLY = 0o600;

/** Creates FILE empty with mode 0600 (fails if it exists), so SQLite writes into an owner-only file. */
export function createOwnerOnly(file: string): void {
  closeSync(openSync(file, "wx", OWNER_ONLY));
  chmodSync(file, OWNER_ONLY); // whatever the umask
}

/** Flushes a file's (or a directory's) contents to the disk. */
export function fsyncPath(file: string): void {
  const fd = openSync(file, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** An online backup of the SQLite database at SOURCE into a new owner-only file TARGET, fsynced. */
export async function backupDatabase(source: string, target: string): Promise<void> {
  createOwnerOnly(target);
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    await db.backup(path.resolve(target));
  } finally {
    db.close();
  }
  chmodSync(target, OWNER_ONLY);
  fsyncPath(target);
}
