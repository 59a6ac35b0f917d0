// Binding rows of users' content into the audit chain (docs/INTEGRITY.md): the write's audit event
// carries `bound: [{table, id, rowHash}]`; `audit:verify` recomputes every bound row's hash.
import { type SQL, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "~db/client";
import { BOUND_TABLES, type BoundTableName, type BrokenRecord, keyValues, type RowBinding, rowHash, rowId } from "../lib/hash/row-hash";
import { recordAudit, verifyAuditChain } from "./audit.server";
import { brokenContentHashes } from "./content-check.server";

export type { BrokenRecord, RowBinding };

function selectColumns(table: BoundTableName): SQL {
  return sql.join(
    BOUND_TABLES[table].columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
}

/** The stored row of `table` with that id (key values joined with "/"), its hashed columns only. */
function storedRow(tx: DbOrTx, table: BoundTableName, id: string): Record<string, unknown> | undefined {
  const values = keyValues(table, id);
  const where = sql.join(
    BOUND_TABLES[table].key.map((k, i) => sql`${sql.identifier(k)} = ${k === "position" ? Number(values[i]) : values[i]}`),
    sql` AND `,
  );
  return tx.all<Record<string, unknown>>(sql`SELECT ${selectColumns(table)} FROM ${sql.identifier(table)} WHERE ${where}`)[0];
}

/**
 * The binding of one row as it is stored now (call it after the write, inside the same transaction,
 * and pass it to `recordAudit` as `bound`). `id` is the row's key (composite keys joined with "/").
 * Throws when the row is not there: binding a row before writing it is a programming error.
 */
export function bindRow(tx: DbOrTx, table: BoundTableName, id: string): RowBinding {
  const row = storedRow(tx, table, id);
  if (!row) throw new Error(`bindRow: no ${table} row ${id}`);
  return { table, id, rowHash: rowHash(table, row) };
}

/** `bindRow` for many rows of one table at once (a bulk import): one query per 500 rows. */
export function bindRows(tx: DbOrTx, table: BoundTableName, ids: string[]): RowBinding[] {
  const key = BOUND_TABLES[table].key;
  if (key.length !== 1) return ids.map((id) => bindRow(tx, table, id));
  const found = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = tx.all<Record<string, unknown>>(
      sql`SELECT ${selectColumns(table)} FROM ${sql.identifier(table)} WHERE ${sql.identifier(key[0])} IN (${sql.join(
        chunk.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
    for (const row of rows) found.set(rowId(table, row), rowHash(table, row));
  }
  return ids.map((id) => {
    const hash = found.get(id);
    if (hash === undefined) throw new Error(`bindRows: no ${table} row ${id}`);
    return { table, id, rowHash: hash };
  });
}

/** The binding of a row the portal has just deleted (indicators removed from a plan's table). */
export function bindDeleted(table: BoundTableName, id: string): RowBinding {
  return { table, id, rowHash: null };
}

/** Every row of a bound table, its hashed columns only. */
function allRows(db: DbOrTx, table: BoundTableName): Record<string, unknown>[] {
  return db.all<Record<string, unknown>>(sql`SELECT ${selectColumns(table)} FROM ${sql.identifier(table)}`);
}

/**
 * Bindings of every row of every bound table. Only for a database written whole in one transaction
 * by the demo seed (`seed.demo` carries them): nothing existed before, so nothing is laundered.
 */
export function bindEveryRow(tx: DbOrTx): RowBinding[] {
  const out: RowBinding[] = [];
  for (const table of Object.keys(BOUND_TABLES) as BoundTableName[]) {
    for (const row of allRows(tx, table)) out.push({ table, id: rowId(table, row), rowHash: rowHash(table, row) });
  }
  return out;
}

/** The latest binding of every row, from the events' `bound` lists in id order. */
function latestBindings(db: DbOrTx): Map<string, string | null> {
  const latest = new Map<string, string | null>();
  const events = db.all<{ data: string }>(sql`SELECT data FROM audit_events WHERE instr(data, '"bound":') > 0 ORDER BY id`);
  for (const e of events) {
    const bound = (JSON.parse(e.data) as { bound?: RowBinding[] }).bound;
    if (!Array.isArray(bound)) continue;
    for (const b of bound) latest.set(`${b.table}\u0000${b.id}`, b.rowHash);
  }
  return latest;
}

/**
 * Every bound table against the chain's latest bindings: a row whose hash differs (changed), a bound
 * row that is gone (deleted), a row never bound (unbound: written behind the portal's back).
 */
export function brokenRows(db: DbOrTx): BrokenRecord[] {
  const latest = latestBindings(db);
  const broken: BrokenRecord[] = [];
  for (const table of Object.keys(BOUND_TABLES) as BoundTableName[]) {
    const seen = new Set<string>();
    for (const row of allRows(db, table)) {
      const id = rowId(table, row);
      const key = `${table}\u0000${id}`;
      seen.add(key);
      const bound = latest.get(key);
      // never bound, or bound as deleted by the portal and back again behind its back
      if (bound === undefined || bound === null) broken.push({ table, id, reason: "unbound" });
      else if (bound !== rowHash(table, row)) broken.push({ table, id, reason: "changed" });
    }
    for (const [key, hash] of latest) {
      if (hash === null || seen.has(key)) continue;
      const [t, id] = key.split("\u0000");
      if (t === table) broken.push({ table, id, reason: "deleted" });
    }
  }
  return broken;
}

/**
 * Once, for a database written before rows were bound (`npm run audit:bind-existing`): binds every row
 * that no event has ever bound, in one `audit.bind_existing` event. Refuses (writing nothing) while the
 * chain, a bound row or a recomputed hash is broken, so it adopts only rows never seen by the chain; a row
 * the portal deleted and that is back is never adopted. Returns what it bound, or what stands in the way.
 */
export function bindExistingRows(db: Db, actorId: string | null): { bound: number; refused: BrokenRecord[] } {
  return db.transaction((tx) => {
    const chain = verifyAuditChain(tx);
    if (!chain.ok)
      return {
        bound: 0,
        refused: [
          {
            table: "audit_events",
            id: String(chain.firstBrokenEventId ?? chain.missingEventIds[0]),
            reason: chain.firstBrokenEventId !== null ? ("changed" as const) : ("missing" as const),
          },
        ],
      };
    const latest = latestBindings(tx);
    const refused = [
      ...brokenContentHashes(tx),
      ...brokenRows(tx).filter((b) => b.reason !== "unbound" || latest.has(`${b.table}\u0000${b.id}`)),
    ];
    if (refused.length) return { bound: 0, refused };
    const bound = brokenRows(tx).map((b) => bindRow(tx, b.table as BoundTableName, b.id));
    if (bound.length)
      recordAudit(tx, {
        actorId,
        action: "audit.bind_existing",
        entityType: "database",
        entityId: "rows",
        data: { rows: bound.length },
        bound,
      });
    return { bound: bound.length, refused: [] };
  });
}
