// Group commit for the busiest small writes (a comment): the transaction commits without its own fsync
// (synchronous=NORMAL for that one transaction), and the answer waits until the WAL file has been
// fsynced — one fsync, run off the event loop, for every commit made before it started. What was
// acknowledged is on disk exactly as with synchronous=FULL (which every other write keeps), but 32
// commenters no longer queue behind 32 fsyncs on the one thread that serves everybody.
import { type FileHandle, open } from "node:fs/promises";
import type { Db } from "~db/client";

interface WalSync {
  handle: Promise<FileHandle>;
  inFlight: Promise<void> | null;
  queued: Promise<void> | null;
}
const syncs = new WeakMap<Db, WalSync>();

function walOf(db: Db): WalSync {
  let s = syncs.get(db);
  if (!s) {
    s = { handle: open(`${db.$client.name}-wal`, "r"), inFlight: null, queued: null };
    syncs.set(db, s);
  }
  return s;
}

/** Resolves once an fsync of the WAL that started after this call has finished. */
export function walSynced(db: Db): Promise<void> {
  const s = walOf(db);
  const start = (): Promise<void> => {
    const p = s.handle
      .then((h) => h.sync())
      .finally(() => {
        if (s.inFlight === p) s.inFlight = null;
      });
    s.inFlight = p;
    return p;
  };
  if (!s.inFlight) return start();
  // an fsync already running may have started before our commit: wait for the next one (shared by all who wait)
  s.queued ??= s.inFlight.then(() => {
    s.queued = null;
    return s.inFlight ?? start();
  });
  return s.queued;
}

/**
 * Runs `operation` (one synchronous domain call with its one transaction) committing without an fsync of
 * its own, then waits for the shared fsync. In-memory databases have no WAL: the operation just runs.
 */
export async function groupCommit<T>(db: Db, operation: () => T): Promise<T> {
  if (db.$client.memory || db.$client.inTransaction) return operation();
  db.$client.pragma("synchronous = NORMAL");
  let result: T;
  try {
    result = operation();
  } finally {
    db.$client.pragma("synchronous = FULL");
  }
  await walSynced(db);
  return result;
}
