import { asc, eq, inArray } from "drizzle-orm";
import {
  documents,
  editions,
  planStages,
  plans,
  reviewExperts,
  reviews,
  roundInvitations,
  rounds,
  stageKeys,
  submissions,
} from "~db/schema";
import { canSeeRound, seesWholeRound } from "../lib/comment-visibility";
import { seesPlanDrafts } from "../lib/plan-access";
import { closesAtOf, isRoundOpen } from "../lib/round-deadline";
import { daysBetween, isoShanghai, shanghaiDate } from "../lib/time";
import { notFound } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import { approvalSummary } from "./approval-view.server";
import { editionsOfDocuments } from "./edition.server";
import { orderedPlans } from "./plan-nav.server";
import { visibleSections } from "./section.server";
import { viewerOf } from "./round.server";

/** GET /api/v1/plans: every plan, the city plan first, then the counties (models/plan-nav.server.ts). */
export function listPlans(ctx: Ctx) {
  if (!can(ctx.user, "read:plan:any")) return [];
  return orderedPlans(ctx.db).map((p) => ({
    id: p.id,
    title: p.title,
    level: p.level,
    stage: p.stage,
    parentPlanId: p.parentPlanId,
    region: p.region,
    organization: p.organization,
  }));
}

export type StageState = "done" | "current" | "upcoming";

/**
 * The plan's dashboard, cut to what the caller may see: drafters and admins see every section's
 * working revision; everyone else sees the sections of each document's newest published edition.
 */
export function getPlanOverview(ctx: Ctx, planId: string, now = Date.now()) {
  const plan = ctx.db.select().from(plans).where(eq(plans.id, planId)).get();
  if (!plan || !can(ctx.user, "read:plan:any")) throw notFound();
  const today = shanghaiDate(now);
  const currentIndex = stageKeys.indexOf(plan.stage);
  const stageRows = new Map(
    ctx.db
      .select()
      .from(planStages)
      .where(eq(planStages.planId, planId))
      .all()
      .map((s) => [s.stage, s]),
  );
  const stages = stageKeys.map((key, i) => {
    const row = stageRows.get(key);
    const state: StageState = i < currentIndex ? "done" : i === currentIndex ? "current" : "upcoming";
    return {
      stage: key,
      startsOn: row?.startsOn ?? null,
      dueOn: row?.dueOn ?? null,
      note: row?.note ?? "",
      state,
      daysLeft: row ? daysBetween(today, row.dueOn) : null,
    };
  });

  const docs = ctx.db.select().from(documents).where(eq(documents.planId, planId)).orderBy(asc(documents.sortOrder)).all();
  const docIds = docs.map((d) => d.id);
  const allEditions = editionsOfDocuments(ctx.db, docIds);
  const seesDrafts = can(ctx.user, "read:revision:any") && seesPlanDrafts(ctx.user, plan);
  const viewer = viewerOf(ctx, plan);
  const visible = visibleSections(ctx, planId, docIds);
  const documentList = docs.map((d) => ({
    id: d.id,
    kind: d.kind,
    title: d.title,
    sections: visible.get(d.id) ?? [],
    editions: allEditions.filter((e) => e.documentId === d.id),
  }));

  // Rounds: drafters, admins and experts see all; a reviewer sees those their organisation is invited to.
  const editionIds = allEditions.map((e) => e.id);
  let roundRows = editionIds.length
    ? ctx.db.select().from(rounds).where(inArray(rounds.editionId, editionIds)).orderBy(asc(rounds.createdAt)).all()
    : [];
  const roundIds = roundRows.map((r) => r.id);
  const invitations = roundIds.length
    ? ctx.db.select().from(roundInvitations).where(inArray(roundInvitations.roundId, roundIds)).all()
    : [];
  const submitted = roundIds.length
    ? ctx.db
        .select({ roundId: submissions.roundId, organizationId: submissions.organizationId, submittedAt: submissions.submittedAt })
        .from(submissions)
        .where(inArray(submissions.roundId, roundIds))
        .all()
    : [];
  if (!seesWholeRound(viewer)) {
    const mine = new Set(invitations.filter((i) => i.organizationId === ctx.user.organization.id).map((i) => i.roundId));
    roundRows = roundRows.filter((r) => mine.has(r.id) && canSeeRound(viewer, [ctx.user.organization.id]));
  }
  const roundList = roundRows.map((r) => {
    const invited = invitations.filter((i) => i.roundId === r.id);
    const mySubmission = submitted.find((x) => x.roundId === r.id && x.organizationId === ctx.user.organization.id);
    const closesAt = closesAtOf(r);
    return {
      id: r.id,
      editionId: r.editionId,
      title: r.title,
      visibility: r.visibility,
      closesAt: isoShanghai(closesAt),
      open: isRoundOpen(r, now),
      daysLeft: daysBetween(today, shanghaiDate(closesAt)),
      invitedCount: invited.length,
      submittedCount: submitted.filter((x) => x.roundId === r.id).length,
      myOrganizationInvited: invited.some((i) => i.organizationId === ctx.user.organization.id),
      mySubmittedAt: mySubmission ? isoShanghai(mySubmission.submittedAt) : null,
    };
  });

  // Reviews: drafters and admins see all; an expert sees those they sit on.
  let reviewRows = editionIds.length
    ? ctx.db.select().from(reviews).where(inArray(reviews.editionId, editionIds)).orderBy(asc(reviews.createdAt)).all()
    : [];
  const panel = reviewRows.length
    ? ctx.db
        .select()
        .from(reviewExperts)
        .where(
          inArray(
            reviewExperts.reviewId,
            reviewRows.map((r) => r.id),
          ),
        )
        .all()
    : [];
  if (!(can(ctx.user, "read:review:any") && seesDrafts)) {
    reviewRows = can(ctx.user, "read:review:own")
      ? reviewRows.filter((r) => panel.some((p) => p.reviewId === r.id && p.userId === ctx.user.id))
      : [];
  }
  const reviewList = reviewRows.map((r) => ({
    id: r.id,
    editionId: r.editionId,
    title: r.title,
    quorum: r.quorum,
    meetingDate: r.meetingDate,
    expertCount: panel.filter((p) => p.reviewId === r.id).length,
  }));

  return {
    id: plan.id,
    title: plan.title,
    level: plan.level,
    region: plan.region,
    stage: plan.stage,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    stages,
    documents: documentList,
    editions: allEditions.map((e) => ({
      id: e.id,
      documentId: e.documentId,
      label: e.label,
      manifestHash: e.manifestHash,
      publishedAt: isoShanghai(e.publishedAt),
    })),
    rounds: roundList,
    reviews: reviewList,
    seesDrafts,
    // 报批与备案: where the plan stands (its 报批稿 is marked in the edition lists)
    approval: { ...approvalSummary(ctx.db, plan.id), canOpen: seesPlanDrafts(ctx.user, plan) || ctx.user.role === "coordinator" },
  };
}

/** GET /api/v1/plans/:id: the documented shape (docs/API.md) plus stages. */
export function planJson(ctx: Ctx, planId: string) {
  const p = getPlanOverview(ctx, planId);
  return {
    id: p.id,
    title: p.title,
    level: p.level,
    stage: p.stage,
    stages: p.stages.map(({ stage, startsOn, dueOn }) => ({ stage, startsOn, dueOn })),
    documents: p.documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      sections: d.sections.map(({ id, number, title, currentRevisionId }) => ({ id, number, title, currentRevisionId })),
    })),
    editions: p.editions,
    rounds: p.rounds.map(({ id, editionId, title, closesAt, visibility }) => ({ id, editionId, title, closesAt, visibility })),
    reviews: p.reviews.map(({ id, editionId, title, quorum }) => ({ id, editionId, title, quorum })),
  };
}

export function planIdOfEdition(ctx: Ctx, editionId: string) {
  return (
    ctx.db
      .select({ planId: documents.planId })
      .from(editions)
      .innerJoin(documents, eq(editions.documentId, documents.id))
      .where(eq(editions.id, editionId))
      .get()?.planId ?? null
  );
}
