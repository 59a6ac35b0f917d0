// Plan tables frozen into editions (edition_tables): the indicator table and the included key
// projects of the plan, read from the working tables when an edition of the plan's text is published.
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "~db/client";
import { documents, editionSections, editions, editionTables, indicators, projects, sections } from "~db/schema";
import type { DataBlock } from "~db/schema/enums";
import { manifestHash } from "../lib/hash/revision-hash";
import {
  type FrozenTable,
  inTableOrder,
  type IndicatorTableContent,
  type PlacedSection,
  placeTable,
  tableHash,
} from "../lib/plan-tables/frozen";
import type { IndicatorRow } from "../lib/plan-tables/indicator-table";
import { type ProjectTableContent, projectTable } from "../lib/plan-tables/project-table";

/** The columns of one row of a plan's working indicator table (the inverse of `workingIndicators`). */
export function indicatorColumns(planId: string, r: IndicatorRow, sortOrder: number) {
  return {
    planId,
    code: r.code,
    name: r.name,
    unit: r.unit,
    kind: r.kind,
    direction: r.direction,
    rollup: r.rollup,
    baseline: r.baseline,
    target2025: r.targets["2025"],
    target2030: r.targets["2030"],
    target2035: r.targets["2035"],
    sortOrder,
  };
}

/** A plan's working indicator table, in its order. */
export function workingIndicators(db: DbOrTx, planId: string): IndicatorRow[] {
  return db
    .select()
    .from(indicators)
    .where(eq(indicators.planId, planId))
    .orderBy(asc(indicators.sortOrder), asc(indicators.code))
    .all()
    .map((r) => ({
      code: r.code,
      name: r.name,
      unit: r.unit,
      kind: r.kind,
      direction: r.direction,
      rollup: r.rollup,
      baseline: r.baseline,
      targets: { "2025": r.target2025, "2030": r.target2030, "2035": r.target2035 },
    }));
}

/** The table of a plan's included key projects as it would be frozen now. */
function workingProjectTable(db: DbOrTx, planId: string): ProjectTableContent {
  return projectTable(
    db
      .select()
      .from(projects)
      .where(and(eq(projects.planId, planId), eq(projects.status, "included")))
      .all(),
  );
}

/**
 * The tables an edition of `documentId` freezes, placed among the edition's sections (in reading
 * order). Only the plan's text document (规划文本) carries tables. A table is frozen when it has rows,
 * or when a section is marked to show it (then an empty table is shown as such).
 */
export function buildPlanTables(
  db: DbOrTx,
  documentId: string,
  manifest: { sectionId: string; parentSectionId: string | null; title: string }[],
): FrozenTable[] {
  const doc = db.select({ planId: documents.planId, kind: documents.kind }).from(documents).where(eq(documents.id, documentId)).get();
  if (doc?.kind !== "text") return [];
  const marks = new Map(
    db
      .select({ id: sections.id, dataBlock: sections.dataBlock })
      .from(sections)
      .where(eq(sections.documentId, documentId))
      .all()
      .map((s) => [s.id, s.dataBlock]),
  );
  const placed: PlacedSection[] = manifest.map((m) => ({
    sectionId: m.sectionId,
    parentSectionId: m.parentSectionId,
    title: m.title,
    dataBlock: marks.get(m.sectionId) ?? null,
  }));
  const marked = (kind: DataBlock) => placed.some((s) => s.dataBlock === kind);
  const tables: FrozenTable[] = [];
  const indicatorContent: IndicatorTableContent = { indicators: workingIndicators(db, doc.planId) };
  if (indicatorContent.indicators.length || marked("indicators"))
    tables.push({
      kind: "indicators",
      sectionId: placeTable("indicators", placed),
      content: indicatorContent,
      hash: tableHash(indicatorContent),
    });
  const projectContent = workingProjectTable(db, doc.planId);
  if (projectContent.projects.length || marked("projects"))
    tables.push({ kind: "projects", sectionId: placeTable("projects", placed), content: projectContent, hash: tableHash(projectContent) });
  return inTableOrder(tables);
}

/**
 * Freezes the plan's tables into an edition that has just been inserted with its sections (inside
 * the publishing transaction, or by the demo seed), and sets the edition's manifest hash to cover
 * them. Returns the tables and the hash. Nothing is frozen for documents other than the plan text,
 * and the hash then stays the recipe without tables.
 */
export function freezePlanTables(tx: DbOrTx, editionId: string, documentId: string): { tables: FrozenTable[]; manifestHash: string } {
  const edition = tx.select({ label: editions.label }).from(editions).where(eq(editions.id, editionId)).get();
  if (!edition) throw new Error(`freezePlanTables: no edition ${editionId}`);
  const manifest = tx
    .select()
    .from(editionSections)
    .where(eq(editionSections.editionId, editionId))
    .orderBy(asc(editionSections.position))
    .all();
  const tables = buildPlanTables(tx, documentId, manifest);
  tx.delete(editionTables).where(eq(editionTables.editionId, editionId)).run();
  insertEditionTables(tx, editionId, tables);
  const hash = manifestHash(documentId, edition.label, manifest, tables);
  tx.update(editions).set({ manifestHash: hash }).where(eq(editions.id, editionId)).run();
  return { tables, manifestHash: hash };
}

export function insertEditionTables(tx: DbOrTx, editionId: string, tables: FrozenTable[]) {
  for (const t of tables)
    tx.insert(editionTables).values({ editionId, kind: t.kind, sectionId: t.sectionId, content: t.content, hash: t.hash }).run();
}

/** The tables frozen into an edition, in table order. */
export function editionTablesOf(db: DbOrTx, editionId: string): FrozenTable[] {
  return inTableOrder(db.select().from(editionTables).where(eq(editionTables.editionId, editionId)).all() as FrozenTable[]);
}

/** The indicator table frozen into an edition, or null. */
export function editionIndicatorTable(db: DbOrTx, editionId: string): { sectionId: string | null; indicators: IndicatorRow[] } | null {
  const row = db
    .select()
    .from(editionTables)
    .where(and(eq(editionTables.editionId, editionId), eq(editionTables.kind, "indicators")))
    .get();
  return row ? { sectionId: row.sectionId, indicators: (row.content as IndicatorTableContent).indicators } : null;
}
