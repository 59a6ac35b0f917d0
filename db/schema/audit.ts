import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

// Append-only; each row carries the hash of the one before it (see app/lib/hash/audit-chain.ts).
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull(), // epoch ms
    actorId: text("actor_id"), // null for the system (seed, migrations)
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    data: text("data").notNull(), // canonical JSON
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [index("audit_entity_idx").on(t.entityType, t.entityId)],
);
