// 指标表: a plan's indicator table (working values the plan's drafters edit; each published edition of
// the plan text freezes a copy), and the city plan's roll-up check against its counties (上下衔接校核).
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "~db/client";
import { documents, indicators } from "~db/schema";
import { draftsPlan, seesRollup } from "../lib/plan-access";
import { type IndicatorRow, asTableInput, indicatorChanges, indicatorTableInput, orderChanged } from "../lib/plan-tables/indicator-table";
import { shortfall } from "../lib/plan-tables/rollup";
import { DomainError, forbidden } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import { recordAudit } from "./audit.server";
import { bindDeleted, bindRow } from "./row-binding.server";
import { editionsOfDocuments } from "./edition.server";
import { cityRollupCheck } from "./indicator-check.server";
import { planRow, requirePlanDrafter, seesDrafts } from "./plan-access.server";
import { editionIndicatorTable, indicatorColumns, workingIndicators } from "./plan-tables.server";

/** The plan's text document (规划文本): the document whose editions freeze the plan's tables. */
function textDocumentOf(db: DbOrTx, planId: string) {
  return (
    db
      .select({ id: documents.id, title: documents.title })
      .from(documents)
      .where(and(eq(documents.planId, planId), eq(documents.kind, "text")))
      .orderBy(asc(documents.sortOrder), asc(documents.createdAt))
      .get() ?? null
  );
}

/** The newest published edition of the plan text and its frozen indicator table (null: none published). */
function publishedIndicators(db: DbOrTx, planId: string) {
  const doc = textDocumentOf(db, planId);
  const edition = doc ? editionsOfDocuments(db, [doc.id])[0] : undefined;
  if (!edition) return null;
  return {
    edition: { id: edition.id, label: edition.label, manifestHash: edition.manifestHash, publishedAt: edition.publishedAt },
    indicators: editionIndicatorTable(db, edition.id)?.indicators ?? [],
  };
}

/**
 * The indicator table as the caller may see it: the plan's drafters (and those who see its drafts:
 * the city's drafting team, admins) get the working values; everyone else the table frozen into the
 * newest published edition of the plan text, or nothing when none is published.
 */
export function indicatorsForCaller(ctx: Ctx, planId: string) {
  const plan = planRow(ctx.db, planId); // 404 for no such plan
  if (seesDrafts(ctx, plan.id)) return { plan, source: "working" as const, edition: null, indicators: workingIndicators(ctx.db, plan.id) };
  const published = publishedIndicators(ctx.db, plan.id);
  return {
    plan,
    source: published ? ("published" as const) : ("none" as const),
    edition: published?.edition ?? null,
    indicators: published?.indicators ?? [],
  };
}

/** GET /api/v1/plans/:planId/indicators (docs/INDICATORS.md). */
export function indicatorsJson(ctx: Ctx, planId: string): IndicatorRow[] {
  return indicatorsForCaller(ctx, planId).indicators.map(({ code, name, unit, kind, direction, rollup, baseline, targets }) => ({
    code,
    name,
    unit,
    kind,
    direction,
    rollup,
    baseline,
    targets: { "2025": targets["2025"], "2030": targets["2030"], "2035": targets["2035"] },
  }));
}

/**
 * Saves the whole table of a plan in one transaction (the editor's one save, or PUT for scripts):
 * the plan's drafters only (403 others, 409 once approved). Numbers are ≥ 0 or empty; a bad cell is a
 * 400 naming it (`indicators.3.targets.2030`); codes are unique in the plan. Audited with every
 * changed cell from → to. Returns the saved table and how many rows changed.
 */
export function saveIndicators(ctx: Ctx, planId: string, input: unknown) {
  if (!can(ctx.user, "update:indicator:any")) throw forbidden();
  return ctx.db.transaction((tx) => {
    requirePlanDrafter(ctx, planId, tx);
    const { indicators: rows } = indicatorTableInput.parse(asTableInput(input));
    const stored = tx.select().from(indicators).where(eq(indicators.planId, planId)).all();
    const before = workingIndicators(tx, planId);
    const changes = indicatorChanges(before, rows);
    const reordered = orderChanged(before, rows);
    if (!changes.length && !reordered) return { indicators: rows, changed: 0 };
    const now = new Date();
    const touched = new Set(changes.map((c) => c.code));
    tx.delete(indicators).where(eq(indicators.planId, planId)).run();
    rows.forEach((r, sortOrder) => {
      const updatedAt = touched.has(r.code) ? now : (stored.find((s) => s.code === r.code)?.updatedAt ?? now);
      tx.insert(indicators)
        .values({ ...indicatorColumns(planId, r, sortOrder), updatedAt })
        .run();
    });
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "indicator.update",
      entityType: "plan",
      entityId: planId,
      data: {
        rows: changes.map(({ code, status, changes: cells }) => ({
          code,
          status,
          cells: cells.map(({ field, from, to }) => ({ field, from, to })),
        })),
        reordered,
        count: rows.length,
      },
      // every row is written again; codes no longer in the table are bound as deleted
      bound: [
        ...rows.map((r) => bindRow(tx, "indicators", `${planId}/${r.code}`)),
        ...stored.filter((s) => !rows.some((r) => r.code === s.code)).map((s) => bindDeleted("indicators", `${planId}/${s.code}`)),
      ],
    });
    return { indicators: rows, changed: changes.length };
  });
}

/**
 * 上下衔接校核 of a city plan (working values of the city and its county plans): every `sum` indicator ×
 * target year with the city's target, each county's and their sum. For the coordinator, admins and the
 * city's drafting team (403 others); a county plan has no check (404).
 */
export function indicatorCheck(ctx: Ctx, planId: string) {
  const plan = planRow(ctx.db, planId);
  if (plan.level !== "city") throw new DomainError("not_found", "indicators.check.cityOnly");
  if (!seesRollup(ctx.user)) throw forbidden("indicators.check.forbidden");
  return cityRollupCheck(ctx.db, planId).map((r) => ({ ...r, shortfall: shortfall(r.direction, r.city, r.countySum) }));
}

/** GET /api/v1/plans/:cityPlanId/indicator-check: the documented fields (docs/INDICATORS.md), with name, unit, direction and the counties beside. */
export function indicatorCheckJson(ctx: Ctx, planId: string) {
  return indicatorCheck(ctx, planId).map((r) => ({
    code: r.code,
    year: r.year,
    city: r.city,
    countySum: r.countySum,
    ok: r.ok,
    name: r.name,
    unit: r.unit,
    direction: r.direction,
    shortfall: r.shortfall,
    counties: r.counties,
  }));
}

/** The dashboard's line: how many (indicator, year) pairs of a city plan fail the check; null when not shown to the caller. */
export function indicatorSummary(ctx: Ctx, planId: string): { mismatches: number | null } {
  const plan = planRow(ctx.db, planId);
  if (plan.level !== "city" || !seesRollup(ctx.user)) return { mismatches: null };
  return { mismatches: cityRollupCheck(ctx.db, planId).filter((r) => !r.ok).length };
}

/** The indicator page: the table as the caller may see (or edit) it, and, on a city plan, the check. */
export function indicatorPage(ctx: Ctx, planId: string) {
  const view = indicatorsForCaller(ctx, planId);
  const editable = can(ctx.user, "update:indicator:any") && draftsPlan(ctx.user, view.plan);
  const check = view.plan.level === "city" && seesRollup(ctx.user) ? indicatorCheck(ctx, planId) : null;
  const published = view.source === "working" ? publishedIndicators(ctx.db, planId) : null;
  return {
    plan: { id: view.plan.id, title: view.plan.title, level: view.plan.level, frozen: view.plan.approved },
    canEdit: editable && !view.plan.approved,
    source: view.source,
    edition: view.edition ?? published?.edition ?? null,
    indicators: view.indicators,
    check,
    counties: check?.[0]?.counties.map((c) => ({ planId: c.planId, region: c.region })) ?? [],
  };
}
