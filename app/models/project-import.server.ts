// Importing a plan's library from Excel: upload → preview (kept in project_imports, for the uploader
// only) → confirm (one transaction). Nothing reaches `projects` before the confirmation.
import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "~db/client";
import { projectImports, projects } from "~db/schema";
import { newId } from "../lib/id";
import { type ExistingProject, type ImportSummary, matchRows, type ValidatedRow, validateRows } from "../lib/projects/import-check";
import { readLibraryWorkbook } from "../lib/projects/parse.server";
import { isoShanghai } from "../lib/time";
import { DomainError } from "../utils/errors";
import type { Ctx } from "../utils/session.server";
import { recordAudit } from "./audit.server";
import { bindRows } from "./row-binding.server";
import { requireWriter, valuesOf } from "./project.server";

/** What waits in project_imports: every row checked by the rules (the library is matched again on reading). */
interface ImportPayload {
  sheetName: string;
  rows: ValidatedRow[];
  /** At upload time. */
  summary: ImportSummary;
}

function existingProjects(db: DbOrTx, planId: string): ExistingProject[] {
  return db
    .select()
    .from(projects)
    .where(eq(projects.planId, planId))
    .all()
    .map((p) => ({ id: p.id, values: valuesOf(p), status: p.status, reason: p.reason }));
}

/** Reads and checks an uploaded workbook and keeps the result as a preview; writes no project. */
export async function previewProjectImport(ctx: Ctx, planId: string, file: { name: string; bytes: Uint8Array }) {
  const plan = requireWriter(ctx, planId);
  const read = await readLibraryWorkbook(file.bytes);
  if (!read.ok) {
    const { status, key, params } = read.problem;
    throw new DomainError(status === 413 ? "too_large" : "invalid", key, params ?? {}, { issues: [{ path: "file", message: "" }] });
  }
  const validated = validateRows(read.workbook.rows);
  const check = matchRows(validated, existingProjects(ctx.db, plan.id));
  const payload: ImportPayload = { sheetName: read.workbook.sheetName, rows: validated, summary: check.summary };
  const id = newId("pim");
  ctx.db.transaction((tx) => {
    requireWriter(ctx, plan.id, tx);
    // an earlier preview of the same uploader and plan that was never confirmed is replaced
    tx.delete(projectImports)
      .where(and(eq(projectImports.planId, plan.id), eq(projectImports.userId, ctx.user.id), isNull(projectImports.confirmedAt)))
      .run();
    tx.insert(projectImports)
      .values({ id, planId: plan.id, userId: ctx.user.id, fileName: file.name.slice(0, 200) || "upload.xlsx", payload })
      .run();
  });
  return { id, summary: check.summary };
}

function pendingImport(db: DbOrTx, ctx: Ctx, planId: string, importId: string) {
  const row = db
    .select()
    .from(projectImports)
    .where(
      and(
        eq(projectImports.id, importId),
        eq(projectImports.planId, planId),
        eq(projectImports.userId, ctx.user.id),
        isNull(projectImports.confirmedAt),
      ),
    )
    .get();
  if (!row) throw new DomainError("not_found", "library.import.expired");
  return { ...row, payload: row.payload as ImportPayload };
}

/** A pending preview, only for the user who uploaded it, matched against the library as it is now. */
export function getProjectImport(ctx: Ctx, planId: string, importId: string) {
  requireWriter(ctx, planId);
  const row = pendingImport(ctx.db, ctx, planId, importId);
  const check = matchRows(row.payload.rows, existingProjects(ctx.db, planId));
  return {
    id: row.id,
    fileName: row.fileName,
    createdAt: isoShanghai(row.createdAt),
    sheetName: row.payload.sheetName,
    summary: check.summary,
    rows: check.rows.map(({ values: _, ...r }) => r),
  };
}

/** The import page: the plan (its drafters only) and, after an upload, the pending preview. */
export function projectImportPage(ctx: Ctx, planId: string, importId: string | null) {
  const plan = requireWriter(ctx, planId);
  return { plan: { id: plan.id, title: plan.title }, preview: importId ? getProjectImport(ctx, plan.id, importId) : null };
}

/** The API's view of a pending preview: counts and every row with a problem (field, key, message parameters). */
export function projectImportJson(ctx: Ctx, planId: string, importId: string) {
  const p = getProjectImport(ctx, planId, importId);
  return {
    id: p.id,
    fileName: p.fileName,
    createdAt: p.createdAt,
    summary: p.summary,
    problems: p.rows.filter((r) => r.problems.length).map((r) => ({ row: r.row, name: r.display.name ?? null, problems: r.problems })),
  };
}

/**
 * Writes a previewed import in one transaction with prepared statements. The rows are checked again
 * against the library as it is now; a preview with problems (or one the library has moved past) is refused.
 */
export function confirmProjectImport(ctx: Ctx, planId: string, importId: string) {
  requireWriter(ctx, planId);
  return ctx.db.transaction((tx) => {
    const plan = requireWriter(ctx, planId, tx);
    const pending = pendingImport(tx, ctx, plan.id, importId);
    if (pending.payload.summary.bad > 0)
      throw new DomainError("conflict", "library.import.hasProblems", { count: pending.payload.summary.bad });
    const check = matchRows(pending.payload.rows, existingProjects(tx, plan.id));
    if (check.summary.bad > 0) throw new DomainError("conflict", "library.import.stale");
    const now = new Date();
    const insert = tx
      .insert(projects)
      .values({
        id: sql.placeholder("id"),
        planId: plan.id,
        name: sql.placeholder("name"),
        type: sql.placeholder("type"),
        county: sql.placeholder("county"),
        township: sql.placeholder("township"),
        areaHa: sql.placeholder("areaHa"),
        investmentWan: sql.placeholder("investmentWan"),
        investCentral: sql.placeholder("investCentral"),
        investProvincial: sql.placeholder("investProvincial"),
        investLocal: sql.placeholder("investLocal"),
        investSocial: sql.placeholder("investSocial"),
        period: sql.placeholder("period"),
        keyArea: sql.placeholder("keyArea"),
        status: sql.placeholder("status"),
        reason: sql.placeholder("reason"),
        createdById: ctx.user.id,
        createdAt: now,
      })
      .prepare();
    // (drizzle's update types take SQL, not bare placeholders)
    const update = tx
      .update(projects)
      .set({
        name: sql`${sql.placeholder("name")}`,
        type: sql`${sql.placeholder("type")}`,
        county: sql`${sql.placeholder("county")}`,
        township: sql`${sql.placeholder("township")}`,
        areaHa: sql`${sql.placeholder("areaHa")}`,
        investmentWan: sql`${sql.placeholder("investmentWan")}`,
        investCentral: sql`${sql.placeholder("investCentral")}`,
        investProvincial: sql`${sql.placeholder("investProvincial")}`,
        investLocal: sql`${sql.placeholder("investLocal")}`,
        investSocial: sql`${sql.placeholder("investSocial")}`,
        period: sql`${sql.placeholder("period")}`,
        keyArea: sql`${sql.placeholder("keyArea")}`,
        status: sql`${sql.placeholder("status")}`,
        reason: sql`${sql.placeholder("reason")}`,
        updatedAt: now,
      })
      .where(and(eq(projects.id, sql.placeholder("id")), eq(projects.planId, plan.id)))
      .prepare();
    // (the check refuses a name held by another project, so no rename can trip the unique index)
    const updates = check.rows.filter((r) => r.action === "update");
    let created = 0;
    const written: string[] = [];
    for (const r of check.rows) {
      if (r.action === "create") {
        const id = newId("prj");
        insert.run({ id, ...r.values!, status: r.status!, reason: r.reason ?? "" });
        written.push(id);
        created++;
      } else if (r.action === "update") {
        update.run({ id: r.projectId!, ...r.values!, status: r.status!, reason: r.reason ?? "" });
        written.push(r.projectId!);
      }
    }
    tx.update(projectImports).set({ confirmedAt: now }).where(eq(projectImports.id, pending.id)).run();
    const summary = { created, updated: updates.length, unchanged: check.summary.unchanged };
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "project.import",
      entityType: "plan",
      entityId: plan.id,
      data: { importId: pending.id, fileName: pending.fileName, ...summary },
      bound: bindRows(tx, "projects", written),
    });
    return summary;
  });
}
