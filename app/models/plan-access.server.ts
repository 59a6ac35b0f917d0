// Per-record plan scoping (市县两级): every write names the plan it touches and is checked here.
import { eq } from "drizzle-orm";
import type { DbOrTx } from "~db/client";
import { approvals, comments, documents, editions, plans, rounds, sections } from "~db/schema";
import { draftsPlan, seesPlanDrafts } from "../lib/plan-access";
import { conflict, forbidden, notFound } from "../utils/errors";
import type { Ctx } from "../utils/session.server";

export interface PlanRow {
  id: string;
  title: string;
  level: "city" | "county";
  parentPlanId: string | null;
  draftingOrganizationId: string | null;
  stage: (typeof plans.$inferSelect)["stage"];
  approved: boolean;
}

export function planRow(db: DbOrTx, planId: string): PlanRow {
  const p = db
    .select({
      id: plans.id,
      title: plans.title,
      level: plans.level,
      parentPlanId: plans.parentPlanId,
      draftingOrganizationId: plans.draftingOrganizationId,
      stage: plans.stage,
      approvalId: approvals.id,
    })
    .from(plans)
    .leftJoin(approvals, eq(approvals.planId, plans.id))
    .where(eq(plans.id, planId))
    .get();
  if (!p) throw notFound();
  const { approvalId, ...rest } = p;
  return { ...rest, approved: approvalId !== null };
}

export const planIdOfDocument = (db: DbOrTx, documentId: string) =>
  db.select({ planId: documents.planId }).from(documents).where(eq(documents.id, documentId)).get()?.planId ?? null;
export const planIdOfSection = (db: DbOrTx, sectionId: string) =>
  db
    .select({ planId: documents.planId })
    .from(sections)
    .innerJoin(documents, eq(sections.documentId, documents.id))
    .where(eq(sections.id, sectionId))
    .get()?.planId ?? null;
export const planIdOfEdition = (db: DbOrTx, editionId: string) =>
  db
    .select({ planId: documents.planId })
    .from(editions)
    .innerJoin(documents, eq(editions.documentId, documents.id))
    .where(eq(editions.id, editionId))
    .get()?.planId ?? null;
export const planIdOfRound = (db: DbOrTx, roundId: string) =>
  db
    .select({ planId: documents.planId })
    .from(rounds)
    .innerJoin(editions, eq(rounds.editionId, editions.id))
    .innerJoin(documents, eq(editions.documentId, documents.id))
    .where(eq(rounds.id, roundId))
    .get()?.planId ?? null;
export const planIdOfComment = (db: DbOrTx, commentId: string) => {
  const roundId = db.select({ roundId: comments.roundId }).from(comments).where(eq(comments.id, commentId)).get()?.roundId;
  return roundId ? planIdOfRound(db, roundId) : null;
};

/**
 * The plan a drafter is about to change: 404 when there is none, 403 for drafters of another plan,
 * 409 once the plan is approved (its editions, library and indicators are frozen).
 */
export function requirePlanDrafter(ctx: Ctx, planId: string | null, db: DbOrTx = ctx.db, { frozenToo = true } = {}): PlanRow {
  if (!planId) throw notFound();
  const plan = planRow(db, planId);
  if (!draftsPlan(ctx.user, plan)) throw forbidden("plan.notYourPlan");
  if (frozenToo && plan.approved) throw conflict("plan.frozen");
  return plan;
}

/** Does the caller see this plan's working drafts (and every comment of its rounds)? */
export function seesDrafts(ctx: Ctx, planId: string | null, db: DbOrTx = ctx.db): boolean {
  if (!planId) return false;
  return seesPlanDrafts(ctx.user, planRow(db, planId));
}

/** Pages that only the plan's drafters open (the editor, the workbench, new rounds …): 403 otherwise, 409 once frozen. */
export function requireDraftingPage(ctx: Ctx, planId: string | null, { frozenToo = true } = {}) {
  return requirePlanDrafter(ctx, planId, ctx.db, { frozenToo });
}

/** UI hints for one plan: may the caller draft it, see its drafts; is it frozen. */
export function planPermissions(ctx: Ctx, planId: string) {
  const plan = planRow(ctx.db, planId);
  const drafts = draftsPlan(ctx.user, plan);
  return { draft: drafts && !plan.approved, drafts, seesDrafts: seesPlanDrafts(ctx.user, plan), frozen: plan.approved };
}
