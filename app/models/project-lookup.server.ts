// The key-project lookup ("is this project in an approved plan?", any signed-in user) and the
// coordinator's consolidated library of all plans.
import { and, asc, eq, isNotNull, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { approvals, editions, plans, projects } from "~db/schema";
import { COUNTIES, PROJECT_TYPE_NAMES, projectTypes, readCounty } from "../lib/projects/fields";
import { typeSchema } from "../lib/projects/schema";
import type { LibraryRow, TotalsRow } from "../lib/projects/xlsx";
import { forbidden } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import type { PlanRow } from "./plan-access.server";
import {
  keepsConsolidatedLibrary,
  type ProjectRow,
  projectJson,
  projectsOfPlan,
  readablePlan,
  seesWorkingLibrary,
  totalsOf,
  valuesOf,
} from "./project.server";

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
  const named = wide
    ? ctx.db
        .selectDistinct({ county: projects.county })
        .from(projects)
        .all()
        .map((r) => r.county)
    : [];
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
  all.sort(
    (a, b) =>
      rank.get(a.planId)! - rank.get(b.planId)! || a.createdAt.getTime() - b.createdAt.getTime() || a.name.localeCompare(b.name, "zh"),
  );
  const byPlan = new Map(planRows.map((p) => [p.id, p]));
  return {
    plans: planRows.map((p) => ({
      id: p.id,
      title: p.title,
      region: p.region,
      level: p.level,
      stage: p.stage,
      approved: p.approvalId !== null,
      totals: totalsRow(
        p.title,
        all.filter((r) => r.planId === p.id),
      ),
    })),
    byType: projectTypes.map((t) => ({
      type: t,
      totals: totalsRow(
        PROJECT_TYPE_NAMES[t],
        all.filter((r) => r.type === t),
      ),
    })),
    all: totalsRow("合计", all),
    projects: all.map((p) => ({
      ...projectJson(p),
      plan: { id: p.planId, title: byPlan.get(p.planId)?.title ?? "", region: byPlan.get(p.planId)?.region ?? "" },
    })),
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
  const byId = new Map(
    ctx.db
      .select()
      .from(projects)
      .all()
      .map((p) => [p.id, p]),
  );
  return {
    rows: lib.projects.map((p) => libraryRow(byId.get(p.id)!, p.plan.title)),
    summary: { byPlan: [...lib.plans.map((p) => p.totals), lib.all], byType: [...lib.byType.map((t) => t.totals), lib.all] },
  };
}
