import { sql } from "drizzle-orm";
import { type AnySQLiteColumn, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { organizations, users } from "./accounts";
import { dataBlocks, documentKinds, planLevels, stageKeys } from "./enums";

const createdAt = () => integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

export const plans = sqliteTable("plans", {
  id: text("id").primaryKey(),
  title: text("title").notNull(),
  level: text("level", { enum: planLevels }).notNull(),
  // A county plan's parent is the city plan (市县两级).
  parentPlanId: text("parent_plan_id").references((): AnySQLiteColumn => plans.id),
  region: text("region").notNull(),
  periodStart: integer("period_start").notNull(),
  periodEnd: integer("period_end").notNull(),
  ownerOrganizationId: text("owner_organization_id")
    .notNull()
    .references(() => organizations.id),
  // Whose drafters write this plan (the city's 编制专班, a county's 自然资源局). Drafters of other
  // organisations may not write it.
  draftingOrganizationId: text("drafting_organization_id").references(() => organizations.id),
  stage: text("stage", { enum: stageKeys }).notNull(),
  createdAt: createdAt(),
});

// Dates are calendar dates in Asia/Shanghai, stored as YYYY-MM-DD.
export const planStages = sqliteTable(
  "plan_stages",
  {
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    stage: text("stage", { enum: stageKeys }).notNull(),
    startsOn: text("starts_on").notNull(),
    dueOn: text("due_on").notNull(),
    note: text("note").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.planId, t.stage] })],
);

export const documents = sqliteTable(
  "documents",
  {
    id: text("id").primaryKey(),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id),
    kind: text("kind", { enum: documentKinds }).notNull(),
    title: text("title").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("documents_plan_idx").on(t.planId)],
);

export const sections = sqliteTable(
  "sections",
  {
    id: text("id").primaryKey(),
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id),
    parentId: text("parent_id").references((): AnySQLiteColumn => sections.id),
    number: text("number").notNull(), // shown number, e.g. 第三章 or 3.2
    title: text("title").notNull(),
    sortOrder: integer("sort_order").notNull(),
    currentRevisionId: text("current_revision_id"),
    // The plan's generated table shown at the end of this section (indicators or included projects).
    dataBlock: text("data_block", { enum: dataBlocks }),
    retiredAt: integer("retired_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("sections_document_idx").on(t.documentId, t.sortOrder)],
);

// Immutable: rows are only ever inserted.
export const revisions = sqliteTable(
  "revisions",
  {
    id: text("id").primaryKey(),
    sectionId: text("section_id")
      .notNull()
      .references(() => sections.id),
    parentRevisionId: text("parent_revision_id").references((): AnySQLiteColumn => revisions.id),
    content: text("content", { mode: "json" }).notNull(), // Tiptap/ProseMirror doc JSON
    text: text("text").notNull(), // derived plain text (see app/lib/editor/text.ts)
    hash: text("hash").notNull(), // sha256(text + canonical JSON), hex
    note: text("note").notNull().default(""),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("revisions_section_idx").on(t.sectionId, t.createdAt)],
);

export const editions = sqliteTable(
  "editions",
  {
    id: text("id").primaryKey(),
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id),
    label: text("label").notNull(), // 征求意见稿, 送审稿, 报批稿 …
    changelog: text("changelog").notNull().default(""),
    manifestHash: text("manifest_hash").notNull(),
    publishedById: text("published_by_id")
      .notNull()
      .references(() => users.id),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("editions_document_idx").on(t.documentId, t.publishedAt)],
);

// The ordered manifest of an edition: which revision of which section, as published.
export const editionSections = sqliteTable(
  "edition_sections",
  {
    editionId: text("edition_id")
      .notNull()
      .references(() => editions.id),
    position: integer("position").notNull(),
    sectionId: text("section_id")
      .notNull()
      .references(() => sections.id),
    revisionId: text("revision_id")
      .notNull()
      .references(() => revisions.id),
    parentSectionId: text("parent_section_id"),
    number: text("number").notNull(),
    title: text("title").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [primaryKey({ columns: [t.editionId, t.position] }), uniqueIndex("edition_sections_section_uq").on(t.editionId, t.sectionId)],
);

// A Word file read and split into sections, waiting for the drafter to confirm the preview.
// Nothing reaches `sections` or `revisions` before the confirmation.
export const documentImports = sqliteTable("document_imports", {
  id: text("id").primaryKey(),
  documentId: text("document_id")
    .notNull()
    .references(() => documents.id),
  userId: text("user_id")
    .notNull()
    .references(() => users.id),
  fileName: text("file_name").notNull(),
  payload: text("payload", { mode: "json" }).notNull(), // ImportResult of app/lib/docx/import.server.ts
  createdAt: createdAt(),
  confirmedAt: integer("confirmed_at", { mode: "timestamp_ms" }),
});
