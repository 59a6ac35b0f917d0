// The key-project library (重点项目素材库): per plan, the projects its drafters add, edit, include or
// exclude. The lookup and the consolidated library are in project-lookup.server.ts, the Excel import
// in project-import.server.ts.
import { and, asc, eq } from "drizzle-orm";
import { ZodError, z } from "zod";
import type { DbOrTx } from "~db/client";
import { plans, projects } from "~db/schema";
import { newId } from "../lib/id";
import { draftsPlan, seesPlanDrafts } from "../lib/plan-access";
import { type ProjectStatus, projectStatuses, projectTypes } from "../lib/projects/fields";
import { changedFields, mergePatch, PROJECT_FIELDS, type ProjectValues, projectInput, projectPatch } from "../lib/projects/schema";
import { isoShanghai } from "../lib/time";
import { DomainError, forbidden, invalid, notFound } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import { recordAudit } from "./audit.server";
import { bindRow } from "./row-binding.server";
import { type PlanRow, planRow, requirePlanDrafter } from "./plan-access.server";

export type ProjectRow = typeof projects.$inferSelect;

/** The working library (candidates and excluded projects too): the plan's drafters, the city's drafting team, admins, the coordinator. */
export function seesWorkingLibrary(ctx: Ctx, plan: PlanRow): boolean {
  return seesPlanDrafts(ctx.user, plan) || ctx.user.role === "coordinator";
}

/** Lookup and the consolidated library across plans: the coordinator (市自然资源局) and admins. */
export function keepsConsolidatedLibrary(ctx: Ctx): boolean {
  return ctx.user.role === "admin" || ctx.user.role === "coordinator";
}

export function requireWriter(ctx: Ctx, planId: string | null, db: DbOrTx = ctx.db): PlanRow {
  const plan = requirePlanDrafter(ctx, planId, db);
  if (!can(ctx.user, "create:project:any")) throw forbidden();
  return plan;
}

export function readablePlan(ctx: Ctx, planId: string): PlanRow {
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

export function projectsOfPlan(db: DbOrTx, planId: string, includedOnly: boolean): ProjectRow[] {
  const where = includedOnly ? and(eq(projects.planId, planId), eq(projects.status, "included")) : eq(projects.planId, planId);
  return db
    .select()
    .from(projects)
    .where(where)
    .orderBy(...ORDER)
    .all();
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

export function totalsOf(rows: { areaHa: number; investmentWan: number }[]): LibraryTotals {
  const round = (n: number) => Math.round(n * 10_000) / 10_000;
  return {
    count: rows.length,
    areaHa: round(rows.reduce((s, r) => s + r.areaHa, 0)),
    investmentWan: round(rows.reduce((s, r) => s + r.investmentWan, 0)),
  };
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
  const shown = all.filter(
    (p) =>
      (!filters.type || p.type === filters.type) &&
      (!filters.period || p.period === filters.period) &&
      (!filters.status || p.status === filters.status),
  );
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
  const row = db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.planId, planId), eq(projects.name, name)))
    .get();
  return !!row && row.id !== exceptId;
}

const duplicateNameError = (name: string) =>
  new DomainError("conflict", "library.duplicateName", { name }, { issues: [{ path: "name", message: "" }] });

/** POST /api/v1/plans/:planId/projects: a candidate project, by the plan's drafters. */
export function createProject(ctx: Ctx, planId: string, input: unknown): { id: string } {
  requireWriter(ctx, planId);
  const values = projectInput.parse(input);
  return ctx.db.transaction((tx) => {
    const plan = requireWriter(ctx, planId, tx);
    if (duplicateName(tx, plan.id, values.name)) throw duplicateNameError(values.name);
    const id = newId("prj");
    tx.insert(projects)
      .values({ id, planId: plan.id, ...values, status: "candidate", reason: "", createdById: ctx.user.id, createdAt: new Date() })
      .run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "project.create",
      entityType: "project",
      entityId: id,
      data: { planId: plan.id, ...values },
      bound: [bindRow(tx, "projects", id)],
    });
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
    tx.update(projects)
      .set({ ...values, status, reason, updatedAt: new Date() })
      .where(eq(projects.id, row.id))
      .run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "project.update",
      entityType: "project",
      entityId: row.id,
      data: { planId: row.planId, ...diff },
      bound: [bindRow(tx, "projects", row.id)],
    });
    return projectJson(tx.select().from(projects).where(eq(projects.id, row.id)).get()!);
  });
}
