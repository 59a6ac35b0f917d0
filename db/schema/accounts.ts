import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { organizationKinds, roles, locales } from "./enums";

const createdAt = () => integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

export const organizations = sqliteTable("organizations", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  fullName: text("full_name").notNull(),
  kind: text("kind", { enum: organizationKinds }).notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
  createdAt: createdAt(),
});

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    username: text("username").notNull().unique(),
    displayName: text("display_name").notNull(),
    title: text("title").notNull().default(""), // job title, e.g. 副局长 / 教授级高工
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: roles }).notNull(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    locale: text("locale", { enum: locales }).notNull().default("zh-CN"),
    disabledAt: integer("disabled_at", { mode: "timestamp_ms" }),
    passwordChangedAt: integer("password_changed_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("users_organization_idx").on(t.organizationId)],
);

// Lucia's session table (expires_at in seconds, as the drizzle adapter writes it) plus our own
// created_at, which carries the absolute lifetime that Lucia does not know about.
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at").notNull(),
    createdAt: integer("created_at").notNull(), // epoch ms
    ip: text("ip").notNull().default(""),
    userAgent: text("user_agent").notNull().default(""),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const loginAttempts = sqliteTable(
  "login_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    username: text("username").notNull(),
    ip: text("ip").notNull(),
    succeeded: integer("succeeded", { mode: "boolean" }).notNull(),
    at: integer("at").notNull(), // epoch ms
  },
  (t) => [index("login_attempts_username_idx").on(t.username, t.at), index("login_attempts_ip_idx").on(t.ip, t.at)],
);
