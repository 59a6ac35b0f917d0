// Moving between plans (市县两级): the plans in their one order, the header's plan switcher, the start
// page, and the plan context every plan-scoped page returns for its breadcrumbs.
import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "~db/client";
import { documents, editions, organizations, plans, reviews, rounds, sections } from "~db/schema";
import type { StageKey } from "~db/schema/enums";
import { draftsPlan, seesPlanDrafts, seesRollup } from "../lib/plan-access";
import type { Crumb, PlanContext } from "../lib/plan-context";
import { sortPlans } from "../lib/plan-order";
import { notFound } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import { planDeadlines } from "./plan-deadline.server";

export interface PlanEntry {
  id: string;
  title: string;
  level: "city" | "county";
  region: string;
  stage: StageKey;
  parentPlanId: string | null;
  draftingOrganizationId: string | null;
  /** the organisation that drafts the plan (null when none is set) */
  organization: { id: string; name: string } | null;
  organizationOrder: number | null;
  createdAt: number;
}

/** Every plan: the city plan first, then the counties in their organisations' order (lib/plan-order.ts). */
export function orderedPlans(db: DbOrTx): PlanEntry[] {
  const rows = db
    .select({
      id: plans.id,
      title: plans.title,
      level: plans.level,
      region: plans.region,
      stage: plans.stage,
      parentPlanId: plans.parentPlanId,
      draftingOrganizationId: plans.draftingOrganizationId,
      createdAt: plans.createdAt,
    })
    .from(plans)
    .all();
  const orgs = new Map(
    db
      .select({ id: organizations.id, name: organizations.name, sortOrder: organizations.sortOrder })
      .from(organizations)
      .all()
      .map((o) => [o.id, o]),
  );
  return sortPlans(
    rows.map((r) => {
      const org = r.draftingOrganizationId ? orgs.get(r.draftingOrganizationId) : undefined;
      return {
        id: r.id,
        title: r.title,
        level: r.level,
        region: r.region,
        stage: r.stage,
        parentPlanId: r.parentPlanId,
        draftingOrganizationId: r.draftingOrganizationId,
        organization: org ? { id: org.id, name: org.name } : null,
        organizationOrder: org?.sortOrder ?? null,
        createdAt: r.createdAt.getTime(),
      };
    }),
  );
}

/** The header's plan switcher: every plan the caller can open, their own marked; may they see the roll-up. */
export function planSwitcher(ctx: Ctx) {
  const list = can(ctx.user, "read:plan:any") ? orderedPlans(ctx.db) : [];
  return {
    plans: list.map((p) => ({ id: p.id, title: p.title, level: p.level, region: p.region, mine: draftsPlan(ctx.user, p) })),
    rollup: seesRollup(ctx.user),
  };
}

/**
 * The start page `/`: where the caller's work is — the coordinator's roll-up, a drafter's own plan, for
 * everyone else the city plan (the switcher leads on); with `all` (the switcher's "全部规划"), or when
 * there is no city plan, the plans grouped city / county with their stage and next deadline.
 */
export function startPage(
  ctx: Ctx,
  { all = false } = {},
  now = Date.now(),
): { redirectTo: string | null; city: StartEntry[]; counties: StartEntry[]; rollup: boolean } {
  const list = can(ctx.user, "read:plan:any") ? orderedPlans(ctx.db) : [];
  if (!all) {
    const go = (to: string) => ({ redirectTo: to, city: [], counties: [], rollup: false });
    if (ctx.user.role === "coordinator") return go("/rollup");
    const own = list.find((p) => draftsPlan(ctx.user, p));
    if (own) return go(`/plans/${own.id}`);
    const city = list.find((p) => p.level === "city");
    if (city) return go(`/plans/${city.id}`);
    if (list.length === 1) return go(`/plans/${list[0].id}`);
  }
  const deadlines = new Map(planDeadlines(ctx.db, now).map((d) => [d.planId, d]));
  const entry = (p: PlanEntry): StartEntry => {
    const d = deadlines.get(p.id);
    return {
      id: p.id,
      title: p.title,
      region: p.region,
      stage: p.stage,
      organization: p.organization?.name ?? null,
      mine: draftsPlan(ctx.user, p),
      dueOn: d?.dueOn ?? null,
      daysLeft: d?.daysLeft ?? null,
      overdue: d?.overdue ?? false,
      filed: d?.done ?? false,
    };
  };
  return {
    redirectTo: null,
    city: list.filter((p) => p.level === "city").map(entry),
    counties: list.filter((p) => p.level === "county").map(entry),
    rollup: seesRollup(ctx.user),
  };
}

export interface StartEntry {
  id: string;
  title: string;
  region: string;
  stage: StageKey;
  organization: string | null;
  mine: boolean;
  dueOn: string | null;
  daysLeft: number | null;
  overdue: boolean;
  filed: boolean;
}

// ---- breadcrumbs ----

export type { PlanContext };
export type PlanRef =
  | { planId: string }
  | { documentId: string }
  | { sectionId: string }
  | { editionId: string }
  | { roundId: string }
  | { reviewId: string };

/**
 * The plan a page is in and the way there. Call it after the loader's own domain call, which has
 * already decided that the caller may see the record (it names only what that page shows anyway).
 */
export function planContext(ctx: Ctx, ref: PlanRef): PlanContext {
  const db = ctx.db;
  const trail: Crumb[] = [];
  let documentId: string | null = null;
  let editionId: string | null = null;
  let planId: string | null = null;
  const tail: Crumb[] = [];
  if ("planId" in ref) planId = ref.planId;
  else if ("documentId" in ref) documentId = ref.documentId;
  else if ("sectionId" in ref) {
    const s = db
      .select({ documentId: sections.documentId, number: sections.number, title: sections.title })
      .from(sections)
      .where(eq(sections.id, ref.sectionId))
      .get();
    if (!s) throw notFound();
    documentId = s.documentId;
    tail.push({ label: `${s.number} ${s.title}`, to: `/sections/${ref.sectionId}` });
  } else if ("editionId" in ref) editionId = ref.editionId;
  else if ("roundId" in ref) {
    const r = db.select({ editionId: rounds.editionId, title: rounds.title }).from(rounds).where(eq(rounds.id, ref.roundId)).get();
    if (!r) throw notFound();
    editionId = r.editionId;
    tail.push({ label: r.title, to: `/rounds/${ref.roundId}` });
  } else {
    const r = db.select({ editionId: reviews.editionId, title: reviews.title }).from(reviews).where(eq(reviews.id, ref.reviewId)).get();
    if (!r) throw notFound();
    editionId = r.editionId;
    tail.push({ label: r.title, to: `/reviews/${ref.reviewId}` });
  }
  if (editionId) {
    const e = db.select({ documentId: editions.documentId, label: editions.label }).from(editions).where(eq(editions.id, editionId)).get();
    if (!e) throw notFound();
    documentId = e.documentId;
    tail.unshift({ label: e.label, to: `/editions/${editionId}` });
  }
  if (documentId) {
    const d = db.select({ planId: documents.planId, title: documents.title }).from(documents).where(eq(documents.id, documentId)).get();
    if (!d) throw notFound();
    planId = d.planId;
    trail.push({ label: d.title, to: documentHref(ctx, documentId, d.planId) });
  }
  trail.push(...tail);
  const p = planId ? db.select().from(plans).where(eq(plans.id, planId)).get() : undefined;
  if (!p) throw notFound();
  const parent = p.parentPlanId
    ? (db.select({ id: plans.id, title: plans.title, region: plans.region }).from(plans).where(eq(plans.id, p.parentPlanId)).get() ?? null)
    : null;
  const drafting = p.draftingOrganizationId
    ? db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, p.draftingOrganizationId)).get()
    : undefined;
  return { planId: p.id, title: p.title, level: p.level, region: p.region, parent, draftingOrganization: drafting?.name ?? null, trail };
}

/** A document: its outline for those who see the drafts, else its newest edition, else no link. */
function documentHref(ctx: Ctx, documentId: string, planId: string): string | null {
  const plan = ctx.db
    .select({ level: plans.level, draftingOrganizationId: plans.draftingOrganizationId })
    .from(plans)
    .where(eq(plans.id, planId))
    .get();
  if (plan && can(ctx.user, "read:revision:any") && seesPlanDrafts(ctx.user, plan)) return `/documents/${documentId}`;
  const latest = ctx.db
    .select({ id: editions.id })
    .from(editions)
    .where(eq(editions.documentId, documentId))
    .orderBy(desc(editions.publishedAt))
    .get();
  return latest ? `/editions/${latest.id}` : null;
}
