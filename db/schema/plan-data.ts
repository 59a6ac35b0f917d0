import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { editions, plans, sections } from "./plans";
import { dataBlocks, indicatorDirections, indicatorKinds, indicatorRollups, projectPeriods, projectStatuses, projectTypes } from "./enums";

const createdAt = () => integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

// 重点项目素材库: a plan's key projects. The working library; each edition freezes its included ones.
export const projects = sqliteTable(
  "projects",
  {
    id: text("id").primaryKey(),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id),
    name: text("name").notNull(),
    type: text("type", { enum: projectTypes }).notNull(),
    county: text("county").notNull(),
    township: text("township").notNull().default(""),
    areaHa: real("area_ha").notNull(), // 公顷
    investmentWan: real("investment_wan").notNull(), // 万元
    investCentral: real("invest_central"), // 中央
    investProvincial: real("invest_provincial"), // 省级
    investLocal: real("invest_local"), // 市县
    investSocial: real("invest_social"), // 社会
    period: text("period", { enum: projectPeriods }).notNull(),
    keyArea: text("key_area").notNull().default(""), // 重点区域 it serves
    status: text("status", { enum: projectStatuses }).notNull().default("candidate"),
    reason: text("reason").notNull().default(""), // why excluded
    createdById: text("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("projects_plan_name_uq").on(t.planId, t.name), index("projects_type_idx").on(t.type, t.county)],
);

// An uploaded library workbook, parsed and checked, waiting for the drafter to confirm the preview.
export const projectImports = sqliteTable("project_imports", {
  id: text("id").primaryKey(),
  planId: text("plan_id")
    .notNull()
    .references(() => plans.id),
  userId: text("user_id")
    .notNull()
    .references(() => users.id),
  fileName: text("file_name").notNull(),
  payload: text("payload", { mode: "json" }).notNull(), // parsed rows and their problems
  createdAt: createdAt(),
  confirmedAt: integer("confirmed_at", { mode: "timestamp_ms" }),
});

// 指标表: a plan's working indicator values (drafters edit; each edition freezes a copy).
export const indicators = sqliteTable(
  "indicators",
  {
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    unit: text("unit").notNull(),
    kind: text("kind", { enum: indicatorKinds }).notNull(),
    direction: text("direction", { enum: indicatorDirections }).notNull(),
    rollup: text("rollup", { enum: indicatorRollups }).notNull(),
    baseline: real("baseline"),
    target2025: real("target_2025"),
    target2030: real("target_2030"),
    target2035: real("target_2035"),
    sortOrder: integer("sort_order").notNull().default(0),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  },
  (t) => [primaryKey({ columns: [t.planId, t.code] })],
);

// A plan table frozen into an edition (hashed into its manifest): the indicator table or the
// included key projects, as canonical JSON, shown at the end of `sectionId`.
export const editionTables = sqliteTable(
  "edition_tables",
  {
    editionId: text("edition_id")
      .notNull()
      .references(() => editions.id),
    kind: text("kind", { enum: dataBlocks }).notNull(),
    sectionId: text("section_id").references(() => sections.id),
    content: text("content", { mode: "json" }).notNull(),
    hash: text("hash").notNull(), // sha256 of the canonical JSON of content
  },
  (t) => [primaryKey({ columns: [t.editionId, t.kind] })],
);
