import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { signingAlgorithms } from "./enums";

// A public key a user registered from one of their devices; the private key never leaves that
// browser (WebCrypto, non-extractable, kept in IndexedDB). Revoked keys stay, so old signatures
// can still be checked and shown as made with a key revoked later.
export const signingKeys = sqliteTable(
  "signing_keys",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    algorithm: text("algorithm", { enum: signingAlgorithms }).notNull(),
    publicKeyJwk: text("public_key_jwk").notNull(), // canonical JSON of the public JWK
    fingerprint: text("fingerprint").notNull(), // SHA-256 (hex) of the canonical JWK
    deviceLabel: text("device_label").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    revokedById: text("revoked_by_id").references(() => users.id),
  },
  (t) => [index("signing_keys_user_idx").on(t.userId), uniqueIndex("signing_keys_fingerprint_uq").on(t.fingerprint)],
);
