// The key-project library (重点项目素材库): per plan, the projects its drafters add, edit, include or
// exclude; Excel import with a preview; the lookup "is this project in an approved plan?"; and the
// coordinator's consolidated library of all plans.
import { and, asc, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { z, ZodError } from "zod";
import type { DbOrTx } from "../../db/client";
import { approvals, editions, plans, projectImports, projects } from "../../db/schema";
import { newId } from "../lib/id";
import { draftsPlan, seesPlanDrafts } from "../lib/plan-access";
import { COUNTIES, PROJECT_TYPE_NAMES, type ProjectStatus, projectStatuses, projectTypes, readCounty } from "../lib/projects/fields";
import { type ExistingProject, type ImportSummary, matchRows, type ValidatedRow, validateRows } from "../lib/projects/import-check";
import { readLibraryWorkbook } from "../lib/projects/parse.server";
import { changedFields, mergePatch, PROJECT_FIELDS, type ProjectValues, projectInput, projectPatch, typeSchema } from "../lib/projects/schema";
import type { LibraryRow, TotalsRow } from "../lib/projects/xlsx";
import { isoShanghai } from "../lib/time";
import { DomainError, forbidden, invalid, notFound } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import { recordAudit } from "./audit.server";
import { type PlanRow, planRow, requirePlanDrafter } from "./plan-access.server";

type ProjectRow = typeof projects.$inferSelect;

/** The working library (candidates and excluded projects too): the plan's drafters, the city's drafting team, admins, the coordinator. */
export function seesWorkingLibrary(ctx: Ctx, plan: PlanRow): boolean {
  return seesPlanDrafts(ctx.user, plan) || ctx.user.role === "coordinator";
}

/** Lookup and the consolidated library across plans: the coordinator (市自然资源局) and admins. */
export function keepsConsolidatedLibrary(ctx: Ctx): boolean {
  return ctx.user.role === "admin" || ctx.user.role === "coordinator";
}

function requireWriter(ctx: Ctx, planId: string | null, db: DbOrTx = ctx.db): PlanRow {
  const plan = requirePlanDrafter(ctx, planId, db);
  if (!can(ctx.user, "create:project:any")) throw forbidden();
  return plan;
}

function readablePlan(ctx: Ctx, planId: string): PlanRow {
  if (!can(ctx.user, "read:project:published")) throw forbidden();
  return planRow(ctx.db, planId);
}

export function valuesOf(p: ProjectRow): ProjectValues {
  return {
    name: p.name,
    type: p.type,
    county: p.county,
    township: p.township,
    areaHa: p.areaHa,
    investmentWan: p.investmentWan,
    investCentral: p.investCentral,
    investProvincial: p.investProvincial,
    investLocal: p.investLocal,
    investSocial: p.investSocial,
    period: p.period,
    keyArea: p.keyArea,
  };
}

/** The API shape (the documented fields, then the funding split, key area and times). */
export function projectJson(p: ProjectRow) {
  return {
    id: p.id,
    name: p.name,
    type: p.type,
    county: p.county,
    township: p.township,
    areaHa: p.areaHa,
    investmentWan: p.investmentWan,
    period: p.period,
    status: p.status,
    reason: p.reason,
    investCentral: p.investCentral,
    investProvincial: p.investProvincial,
    investLocal: p.investLocal,
    investSocial: p.investSocial,
    keyArea: p.keyArea,
    createdAt: isoShanghai(p.createdAt),
    updatedAt: p.updatedAt ? isoShanghai(p.updatedAt) : null,
  };
}
export type ProjectJson = ReturnType<typeof projectJson>;

const ORDER = [asc(projects.createdAt), asc(projects.name)];

function projectsOfPlan(db: DbOrTx, planId: string, includedOnly: boolean): ProjectRow[] {
  const where = includedOnly ? and(eq(projects.planId, planId), eq(projects.status, "included")) : eq(projects.planId, planId);
  return db.select().from(projects).where(where).orderBy(...ORDER).all();
}

/** GET /api/v1/plans/:planId/projects: the working library for those who keep it, the included projects for everyone else. */
export function listPlanProjects(ctx: Ctx, planId: string): ProjectJson[] {
  const plan = readablePlan(ctx, planId);
  return projectsOfPlan(ctx.db, plan.id, !seesWorkingLibrary(ctx, plan)).map(projectJson);
}

/** GET /api/v1/projects/:projectId: one project, for those who see it (404 otherwise, like a missing one). */
export function getProject(ctx: Ctx, projectId: string): ProjectJson {
  const p = ctx.db.select().from(projects).where(eq(projects.id, projectId)).get();
  if (!p) throw notFound();
  const plan = readablePlan(ctx, p.planId);
  if (p.status !== "included" && !seesWorkingLibrary(ctx, plan)) throw notFound();
  return projectJson(p);
}

export interface LibraryTotals {
  count: number;
  areaHa: number;
  investmentWan: number;
}

function totalsOf(rows: { areaHa: number; investmentWan: number }[]): LibraryTotals {
  const round = (n: number) => Math.round(n * 10_000) / 10_000;
  return { count: rows.length, areaHa: round(rows.reduce((s, r) => s + r.areaHa, 0)), investmentWan: round(rows.reduce((s, r) => s + r.investmentWan, 0)) };
}

export const libraryFilters = z.object({
  type: z.enum(projectTypes).optional().catch(undefined),
  period: z.string().max(20).optional().catch(undefined),
  status: z.enum(projectStatuses).optional().catch(undefined),
});
export type LibraryFilters = z.infer<typeof libraryFilters>;

/** The library page: the plan, what the caller may do, the (filtered) projects and their totals. */
export function getPlanLibrary(ctx: Ctx, planId: string, filters: LibraryFilters = {}, { editId }: { editId?: string | null } = {}) {
  const plan = readablePlan(ctx, planId);
  const working = seesWorkingLibrary(ctx, plan);
  const all = projectsOfPlan(ctx.db, plan.id, !working);
  const shown = all.filter((p) => (!filters.type || p.type === filters.type) && (!filters.period || p.period === filters.period) && (!filters.status || p.status === filters.status));
  const region = ctx.db.select({ region: plans.region }).from(plans).where(eq(plans.id, plan.id)).get()?.region ?? "";
  const drafts = can(ctx.user, "create:project:any") && draftsPlan(ctx.user, plan);
  const editing = editId && drafts && !plan.approved ? all.find((p) => p.id === editId) : undefined;
  return {
    plan: { id: plan.id, title: plan.title, level: plan.level, region, approved: plan.approved },
    may: { edit: drafts && !plan.approved, seesWorking: working, drafts },
    projects: shown.map(projectJson),
    editing: editing ? projectJson(editing) : null,
    counts: Object.fromEntries(projectStatuses.map((s) => [s, all.filter((p) => p.status === s).length])) as Record<ProjectStatus, number>,
    totals: { shown: totalsOf(shown), included: totalsOf(all.filter((p) => p.status === "included")) },
    filters,
  };
}

function duplicateName(db: DbOrTx, planId: string, name: string, exceptId?: string): boolean {
  const row = db.select({ id: projects.id }).from(projects).where(and(eq(projects.planId, planId), eq(projects.name, name))).get();
  return !!row && row.id !== exceptId;
}

const duplicateNameError = (name: string) => new DomainError("conflict", "library.duplicateName", { name }, { issues: [{ path: "name", message: "" }] });

/** POST /api/v1/plans/:planId/projects: a candidate project, by the plan's drafters. */
export function createProject(ctx: Ctx, planId: string, input: unknown): { id: string } {
  requireWriter(ctx, planId);
  const values = projectInput.parse(input);
  return ctx.db.transaction((tx) => {
    const plan = requireWriter(ctx, planId, tx);
    if (duplicateName(tx, plan.id, values.name)) throw duplicateNameError(values.name);
    const id = newId("prj");
    tx.insert(projects).values({ id, planId: plan.id, ...values, status: "candidate", reason: "", createdById: ctx.user.id, createdAt: new Date() }).run();
    recordAudit(tx, { actorId: ctx.user.id, action: "project.create", entityType: "project", entityId: id, data: { planId: plan.id, ...values } });
    return { id };
  });
}

const reasonRequired = () => new ZodError([{ code: "custom", path: ["reason"], message: "library.validation.reasonRequired" }]);

/**
 * PATCH /api/v1/projects/:projectId: any of the fields, and/or `{status, reason}` (excluding needs a
 * reason). The whole project is checked again after the change (e.g. the funding split against the total).
 */
export function updateProject(ctx: Ctx, projectId: string, input: unknown): ProjectJson {
  if (typeof input !== "object" || input === null || Array.isArray(input)) throw invalid([{ path: "", message: "error.invalid" }]);
  const raw = input as Record<string, unknown>;
  const current = ctx.db.select().from(projects).where(eq(projects.id, projectId)).get();
  if (!current) throw notFound();
  requireWriter(ctx, current.planId);
  const patch = projectPatch.parse(raw);
  const values = projectInput.parse(mergePatch(valuesOf(current), raw, patch as Record<string, unknown>));
  const status = patch.status ?? current.status;
  const reason = Object.hasOwn(raw, "reason") ? (patch.reason ?? "") : status === current.status ? current.reason : "";
  if (status === "excluded" && !reason) throw reasonRequired();

  return ctx.db.transaction((tx) => {
    const row = tx.select().from(projects).where(eq(projects.id, projectId)).get();
    if (!row) throw notFound();
    requireWriter(ctx, row.planId, tx);
    if (values.name !== row.name && duplicateName(tx, row.planId, values.name, row.id)) throw duplicateNameError(values.name);
    const before = { ...valuesOf(row), status: row.status, reason: row.reason };
    const after = { ...values, status, reason };
    const diff = changedFields(before, after, [...PROJECT_FIELDS, "status", "reason"]);
    if (!Object.keys(diff.to).length) return projectJson(row);
    tx.update(projects).set({ ...values, status, reason, updatedAt: new Date() }).where(eq(projects.id, row.id)).run();
    recordAudit(tx, { actorId: ctx.user.id, action: "project.update", entityType: "project", entityId: row.id, data: { planId: row.planId, ...diff } });
    return projectJson(tx.select().from(projects).where(eq(projects.id, row.id)).get()!);
  });
}

// ---------------------------------------------------------------------------------------------
// Lookup: 项目是否纳入已批准规划？

export const lookupQuery = z.object({
  q: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().max(50, "validation.tooLong|50").optional()),
  county: z.preprocess(readCounty, z.string().max(40, "validation.tooLong|40").optional()),
  type: z.preprocess((v) => (v === "" ? undefined : v), typeSchema.optional()),
});

export const LOOKUP_LIMIT = 200;

/** `%` and `_` match themselves; `\` escapes. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * GET /api/v1/projects: included projects of approved plans (those with an approval), with the approved
 * edition; the coordinator and admins see every project, of plans not yet approved too (edition null).
 */
export function lookupProjects(ctx: Ctx, input: unknown) {
  if (!can(ctx.user, "read:project:published")) throw forbidden();
  const query = lookupQuery.parse(input ?? {});
  const wide = keepsConsolidatedLibrary(ctx);
  const conditions: (SQL | undefined)[] = [wide ? undefined : and(isNotNull(approvals.id), eq(projects.status, "included"))];
  if (query.q) conditions.push(sql`${projects.name} LIKE ${likeContains(query.q)} ESCAPE '\\'`);
  if (query.county) conditions.push(eq(projects.county, query.county));
  if (query.type) conditions.push(eq(projects.type, query.type));
  const rows = ctx.db
    .select({
      project: projects,
      planTitle: plans.title,
      planLevel: plans.level,
      approvalId: approvals.id,
      approvedOn: approvals.approvedOn,
      documentNumber: approvals.documentNumber,
      authority: approvals.authority,
      editionId: editions.id,
      editionLabel: editions.label,
      manifestHash: editions.manifestHash,
    })
    .from(projects)
    .innerJoin(plans, eq(projects.planId, plans.id))
    .leftJoin(approvals, eq(approvals.planId, plans.id))
    .leftJoin(editions, eq(editions.id, approvals.editionId))
    .where(and(...conditions))
    .orderBy(sql`${approvals.id} IS NULL`, asc(plans.createdAt), asc(projects.name))
    .limit(LOOKUP_LIMIT + 1)
    .all();
  return {
    query,
    wide,
    truncated: rows.length > LOOKUP_LIMIT,
    results: rows.slice(0, LOOKUP_LIMIT).map((r) => ({
      id: r.project.id,
      name: r.project.name,
      type: r.project.type,
      county: r.project.county,
      township: r.project.township,
      areaHa: r.project.areaHa,
      investmentWan: r.project.investmentWan,
      period: r.project.period,
      plan: { id: r.project.planId, title: r.planTitle, level: r.planLevel },
      status: r.project.status,
      edition: r.editionId ? { id: r.editionId, label: r.editionLabel!, manifestHash: r.manifestHash! } : null,
      approval: r.approvalId ? { approvedOn: r.approvedOn!, documentNumber: r.documentNumber!, authority: r.authority! } : null,
    })),
  };
}

/** The lookup page: nothing is searched until a name, a county or a type is given; the counties to offer. */
export function lookupPage(ctx: Ctx, input: Record<string, string>) {
  const asked = !!(input.q?.trim() || input.county?.trim() || input.type?.trim());
  const wide = keepsConsolidatedLibrary(ctx);
  // other places than the six counties are offered only to those who see every project
  const named = wide ? ctx.db.selectDistinct({ county: projects.county }).from(projects).all().map((r) => r.county) : [];
  return {
    wide,
    answer: asked ? lookupProjects(ctx, input) : null,
    counties: [...COUNTIES, ...named.filter((c) => !(COUNTIES as readonly string[]).includes(c)).sort()],
  };
}

// ---------------------------------------------------------------------------------------------
// The consolidated library (coordinator, admins)

function requireConsolidated(ctx: Ctx) {
  if (!keepsConsolidatedLibrary(ctx) || !can(ctx.user, "read:project:any")) throw forbidden("library.consolidatedOnly");
}

function totalsRow(label: string, rows: ProjectRow[]): TotalsRow {
  const included = rows.filter((r) => r.status === "included");
  const t = totalsOf(included);
  return {
    label,
    total: rows.length,
    candidate: rows.filter((r) => r.status === "candidate").length,
    included: included.length,
    excluded: rows.filter((r) => r.status === "excluded").length,
    includedAreaHa: t.areaHa,
    includedInvestmentWan: t.investmentWan,
  };
}

/** Every plan's library with per-plan and per-type totals (of all plans, also those without projects). */
export function consolidatedLibrary(ctx: Ctx) {
  requireConsolidated(ctx);
  const planRows = ctx.db
    .select({ id: plans.id, title: plans.title, region: plans.region, level: plans.level, stage: plans.stage, approvalId: approvals.id })
    .from(plans)
    .leftJoin(approvals, eq(approvals.planId, plans.id))
    .orderBy(sql`${plans.level} <> 'city'`, asc(plans.createdAt))
    .all();
  const rank = new Map(planRows.map((p, i) => [p.id, i]));
  const all = ctx.db.select().from(projects).all();
  all.sort((a, b) => rank.get(a.planId)! - rank.get(b.planId)! || a.createdAt.getTime() - b.createdAt.getTime() || a.name.localeCompare(b.name, "zh"));
  const byPlan = new Map(planRows.map((p) => [p.id, p]));
  return {
    plans: planRows.map((p) => ({ id: p.id, title: p.title, region: p.region, level: p.level, stage: p.stage, approved: p.approvalId !== null, totals: totalsRow(p.title, all.filter((r) => r.planId === p.id)) })),
    byType: projectTypes.map((t) => ({ type: t, totals: totalsRow(PROJECT_TYPE_NAMES[t], all.filter((r) => r.type === t)) })),
    all: totalsRow("合计", all),
    projects: all.map((p) => ({ ...projectJson(p), plan: { id: p.planId, title: byPlan.get(p.planId)?.title ?? "", region: byPlan.get(p.planId)?.region ?? "" } })),
  };
}

function libraryRow(p: ProjectRow, planTitle?: string): LibraryRow {
  return { ...valuesOf(p), id: p.id, status: p.status, reason: p.reason, ...(planTitle ? { planTitle } : {}) };
}

/** The plan's library as workbook rows: what the caller may see of it. */
export function planLibraryRows(ctx: Ctx, planId: string): { plan: PlanRow; rows: LibraryRow[] } {
  const plan = readablePlan(ctx, planId);
  return { plan, rows: projectsOfPlan(ctx.db, plan.id, !seesWorkingLibrary(ctx, plan)).map((p) => libraryRow(p)) };
}

/** GET /api/v1/projects.xlsx: every plan's projects with the plan column, and the totals. */
export function consolidatedLibraryRows(ctx: Ctx) {
  const lib = consolidatedLibrary(ctx);
  const byId = new Map(ctx.db.select().from(projects).all().map((p) => [p.id, p]));
  return {
    rows: lib.projects.map((p) => libraryRow(byId.get(p.id)!, p.plan.title)),
    summary: { byPlan: [...lib.plans.map((p) => p.totals), lib.all], byType: [...lib.byType.map((t) => t.totals), lib.all] },
  };
}

// ---------------------------------------------------------------------------------------------
// Import: upload → preview (stored in project_imports, for the uploader) → confirm (one transaction)

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
    tx.delete(projectImports).where(and(eq(projectImports.planId, plan.id), eq(projectImports.userId, ctx.user.id), isNull(projectImports.confirmedAt))).run();
    tx.insert(projectImports).values({ id, planId: plan.id, userId: ctx.user.id, fileName: file.name.slice(0, 200) || "upload.xlsx", payload }).run();
  });
  return { id, summary: check.summary };
}

function pendingImport(db: DbOrTx, ctx: Ctx, planId: string, importId: string) {
  const row = db
    .select()
    .from(projectImports)
    .where(and(eq(projectImports.id, importId), eq(projectImports.planId, planId), eq(projectImports.userId, ctx.user.id), isNull(projectImports.confirmedAt)))
    .get();
  if (!row) throw new DomainError("not_found", "library.import.expired");
  return { ...row, payload: row.payload as ImportPayload };
}

/** A pending preview, only for the user who uploaded it, matched against the library as it is now. */
export function getProjectImport(ctx: Ctx, planId: string, importId: string) {
  requireWriter(ctx, planId);
  const row = pendingImport(ctx.db, ctx, planId, importId);
  const check = matchRows(row.payload.rows, existingProjects(ctx.db, planId));
  return { id: row.id, fileName: row.fileName, createdAt: isoShanghai(row.createdAt), sheetName: row.payload.sheetName, summary: check.summary, rows: check.rows.map(({ values: _, ...r }) => r) };
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
    if (pending.payload.summary.bad > 0) throw new DomainError("conflict", "library.import.hasProblems", { count: pending.payload.summary.bad });
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
    for (const r of check.rows) {
      if (r.action === "create") {
        insert.run({ id: newId("prj"), ...r.values!, status: r.status!, reason: r.reason ?? "" });
        created++;
      } else if (r.action === "update") {
        update.run({ id: r.projectId!, ...r.values!, status: r.status!, reason: r.reason ?? "" });
      }
    }
    tx.update(projectImports).set({ confirmedAt: now }).where(eq(projectImports.id, pending.id)).run();
    const summary = { created, updated: updates.length, unchanged: check.summary.unchanged };
    recordAudit(tx, { actorId: ctx.user.id, action: "project.import", entityType: "plan", entityId: plan.id, data: { importId: pending.id, fileName: pending.fileName, ...summary } });
    return summary;
  });
}
