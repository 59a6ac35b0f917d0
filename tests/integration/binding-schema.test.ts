// The bound list (app/lib/hash/row-hash.ts) against db/schema: a table or a column added to the schema
// fails here until it is bound (and hashed) or explicitly set aside, so no content escapes the chain.
import { is } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as schema from "~db/schema";
import { BOUND_TABLES, NOT_CONTENT_TABLES } from "../../app/lib/hash/row-hash";

const tables = Object.values(schema as Record<string, unknown>)
  .filter((v): v is SQLiteTable => is(v, SQLiteTable))
  .map((t) => getTableConfig(t));

describe("every table of db/schema is bound or set aside", () => {
  it("finds the schema's tables", () => {
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(["comments", "signing_keys", "comment_groups", "audit_events"]));
  });

  it.each(tables.map((t) => [t.name, t] as const))("%s is in the bound list or the not-content list", (name) => {
    const bound = Object.hasOwn(BOUND_TABLES, name);
    const setAside = Object.hasOwn(NOT_CONTENT_TABLES, name);
    expect(bound !== setAside, `${name}: add it to BOUND_TABLES or NOT_CONTENT_TABLES in app/lib/hash/row-hash.ts`).toBe(true);
  });

  it("lists no table the schema does not have", () => {
    const names = new Set(tables.map((t) => t.name));
    for (const name of [...Object.keys(BOUND_TABLES), ...Object.keys(NOT_CONTENT_TABLES)]) expect(names.has(name), name).toBe(true);
  });

  it.each(Object.entries(BOUND_TABLES))("every column of %s is hashed or deliberately excluded", (name, spec) => {
    const config = tables.find((t) => t.name === name)!;
    const columns = config.columns.map((c) => c.name).sort();
    const excluded: readonly string[] = "excluded" in spec ? spec.excluded : [];
    expect([...spec.columns, ...excluded].sort()).toEqual(columns);
    const primary = config.primaryKeys.length
      ? config.primaryKeys[0].columns.map((c) => c.name)
      : config.columns.filter((c) => c.primary).map((c) => c.name);
    expect([...spec.key]).toEqual(primary);
  });
});
