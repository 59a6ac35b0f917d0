// The roll-up of every plan (市县两级) for the city bureau's coordinator, admins and the city's drafting
// team: where each plan stands, its next deadline and what is open. Read-only; one aggregate query per
// kind of record (comments are counted in SQL, never loaded one by one).
import { asc, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "~db/client";
import {
  approvalRequests,
  approvals,
  comments,
  documents,
  editions,
  filings,
  panelConclusions,
  projects,
  responses,
  reviews,
  roundInvitations,
  rounds,
  signoffs,
  submissions,
} from "~db/schema";
import { canSeeRound } from "../lib/comment-visibility";
import { draftsPlan, seesPlanDrafts, seesRollup } from "../lib/plan-access";
import { closesAtOf, isRoundOpen } from "../lib/round-deadline";
import {
  type Attention,
  applyQuery,
  attentionOf,
  type OpenRound,
  type RollupQuery,
  type RollupRow,
  type ReviewStatus as RowReviewStatus,
  rollupSummary,
} from "../lib/rollup/table";
import { isoShanghai } from "../lib/time";
import { forbidden } from "../utils/errors";
import type { Ctx } from "../utils/session.server";
import { indicatorMismatchCount } from "./indicator-check.server";
import { planDeadlines } from "./plan-deadline.server";
import { orderedPlans } from "./plan-nav.server";
import type { ReviewStatus } from "./review-view.server";

// the roll-up's review states are the review page's
const sameStatus = (s: ReviewStatus): RowReviewStatus => s;

interface RoundRow {
  id: string;
  planId: string;
  title: string;
  closesAt: Date;
  closedEarlyAt: Date | null;
  invited: number;
  replied: number;
}

interface Collected {
  rows: RollupRow[];
  /** per plan: who drafts it (for the links) */
  scopes: Map<string, { level: "city" | "county"; draftingOrganizationId: string | null }>;
}

function collect(db: DbOrTx, now: number): Collected {
  const plansInOrder = orderedPlans(db);
  const deadlines = new Map(planDeadlines(db, now).map((d) => [d.planId, d]));

  // comments per round: non-withdrawn, and those with no answer
  const commentCounts = new Map(
    db
      .select({
        roundId: comments.roundId,
        total: count(),
        unanswered: sql<number>`sum(case when ${responses.commentId} is null then 1 else 0 end)`,
      })
      .from(comments)
      .leftJoin(responses, eq(responses.commentId, comments.id))
      .where(isNull(comments.withdrawnAt))
      .groupBy(comments.roundId)
      .all()
      .map((c) => [c.roundId, { total: c.total, unanswered: Number(c.unanswered ?? 0) }]),
  );

  const roundRows: RoundRow[] = db
    .select({
      id: rounds.id,
      planId: documents.planId,
      title: rounds.title,
      closesAt: rounds.closesAt,
      closedEarlyAt: rounds.closedEarlyAt,
      invited: sql<number>`(select count(*) from ${roundInvitations} where ${roundInvitations.roundId} = ${rounds.id})`,
      replied: sql<number>`(select count(*) from ${submissions} where ${submissions.roundId} = ${rounds.id})`,
    })
    .from(rounds)
    .innerJoin(editions, eq(rounds.editionId, editions.id))
    .innerJoin(documents, eq(editions.documentId, documents.id))
    .orderBy(asc(rounds.createdAt), asc(rounds.id))
    .all();

  // the latest review of each plan, its valid sign-offs (bound to the edition's current hash) and conclusion
  const reviewRows = db
    .select({
      id: reviews.id,
      planId: documents.planId,
      title: reviews.title,
      quorum: reviews.quorum,
      conclusion: panelConclusions.conclusion,
      signed: sql<number>`(select count(*) from ${signoffs} where ${signoffs.reviewId} = ${reviews.id} and ${signoffs.manifestHash} = ${editions.manifestHash})`,
    })
    .from(reviews)
    .innerJoin(editions, eq(reviews.editionId, editions.id))
    .innerJoin(documents, eq(editions.documentId, documents.id))
    .leftJoin(panelConclusions, eq(panelConclusions.reviewId, reviews.id))
    .orderBy(asc(reviews.createdAt), asc(reviews.id))
    .all();
  const latestReview = new Map(reviewRows.map((r) => [r.planId, r])); // ascending: the last one wins

  const latestRequest = new Map<string, Date>();
  for (const r of db
    .select({ planId: approvalRequests.planId, requestedAt: approvalRequests.requestedAt })
    .from(approvalRequests)
    .where(isNull(approvalRequests.withdrawnAt))
    .orderBy(desc(approvalRequests.requestedAt))
    .all()) {
    if (!latestRequest.has(r.planId)) latestRequest.set(r.planId, r.requestedAt);
  }
  const approvalOf = new Map(
    db
      .select({
        planId: approvals.planId,
        approvedOn: approvals.approvedOn,
        documentNumber: approvals.documentNumber,
        requestedAt: approvalRequests.requestedAt,
      })
      .from(approvals)
      .innerJoin(approvalRequests, eq(approvals.requestId, approvalRequests.id))
      .all()
      .map((a) => [a.planId, a]),
  );
  const filingOf = new Map(
    db
      .select({ planId: filings.planId, filedOn: filings.filedOn })
      .from(filings)
      .all()
      .map((f) => [f.planId, f]),
  );

  const projectCounts = new Map<string, { candidate: number; included: number; excluded: number }>();
  for (const p of db
    .select({ planId: projects.planId, status: projects.status, n: count() })
    .from(projects)
    .groupBy(projects.planId, projects.status)
    .all()) {
    const c = projectCounts.get(p.planId) ?? { candidate: 0, included: 0, excluded: 0 };
    c[p.status] = p.n;
    projectCounts.set(p.planId, c);
  }

  const scopes = new Map<string, { level: "city" | "county"; draftingOrganizationId: string | null }>();
  const rows = plansInOrder.map((p): RollupRow => {
    scopes.set(p.id, { level: p.level, draftingOrganizationId: p.draftingOrganizationId });
    const d = deadlines.get(p.id)!;
    const planRounds = roundRows.filter((r) => r.planId === p.id);
    let total = 0;
    let unanswered = 0;
    let commentsRoundId: string | null = planRounds.at(-1)?.id ?? null;
    for (const r of planRounds) {
      const c = commentCounts.get(r.id);
      if (!c) continue;
      total += c.total;
      unanswered += c.unanswered;
      if (c.unanswered > 0) commentsRoundId = r.id; // the newest round with answers owed
    }
    const openRounds: OpenRound[] = planRounds
      .filter((r) => isRoundOpen(r, now))
      .map((r) => ({
        id: r.id,
        title: r.title,
        closesAt: isoShanghai(closesAtOf(r)),
        invited: Number(r.invited),
        replied: Number(r.replied),
      }));
    const rv = latestReview.get(p.id);
    const signed = rv ? Number(rv.signed) : 0;
    const approval = approvalOf.get(p.id);
    // the approved request, else the latest one not withdrawn
    const requestedAt = approval?.requestedAt ?? latestRequest.get(p.id);
    const filing = filingOf.get(p.id);
    const row: Omit<RollupRow, "attention"> = {
      planId: p.id,
      title: p.title,
      level: p.level,
      region: p.region,
      parentPlanId: p.parentPlanId,
      stage: p.stage,
      dueStage: d.dueStage,
      dueOn: d.dueOn,
      daysLeft: d.daysLeft,
      overdue: d.overdue,
      comments: { total, unanswered },
      review: rv
        ? {
            id: rv.id,
            title: rv.title,
            status: sameStatus(rv.conclusion ? "concluded" : signed >= rv.quorum ? "quorum_reached" : "open"),
            conclusion: rv.conclusion ?? null,
            signed,
            quorum: rv.quorum,
          }
        : null,
      approval: requestedAt
        ? {
            requestedAt: isoShanghai(requestedAt),
            approvedOn: approval?.approvedOn ?? null,
            documentNumber: approval?.documentNumber ?? null,
          }
        : null,
      filing: filing ? { filedOn: filing.filedOn } : null,
      indicatorMismatches: p.level === "city" ? indicatorMismatchCount(db, p.id) : 0,
      projects: projectCounts.get(p.id) ?? { candidate: 0, included: 0, excluded: 0 },
      openRounds,
      commentsRoundId,
    };
    return { ...row, attention: attentionOf(row) };
  });
  return { rows, scopes };
}

function requireRollup(ctx: Ctx) {
  if (!seesRollup(ctx.user)) throw forbidden("rollup.forbidden");
}

/** GET /api/v1/rollup: every plan in order (city first), for the coordinator, admins and the city's drafting team; 403 otherwise. */
export function rollupRows(ctx: Ctx, now = Date.now()): RollupRow[] {
  requireRollup(ctx);
  return collect(ctx.db, now).rows;
}

export interface RollupLinks {
  plan: string;
  deadline: string;
  rounds: Record<string, string>;
  comments: string;
  review: string;
  approval: string;
  filing: string;
  indicators: string;
  projects: string;
}

/**
 * Where each cell's work is, for this caller: the workbench for the plan's own drafters, a round's
 * page for those who may open it, the review for those who see the plan's drafts, else the plan's
 * dashboard (which shows the caller what they may see of it).
 */
function linksFor(
  ctx: Ctx,
  row: RollupRow,
  scope: { level: "city" | "county"; draftingOrganizationId: string | null },
  invited: Map<string, string[]>,
): RollupLinks {
  const plan = `/plans/${row.planId}`;
  const viewer = { role: ctx.user.role, organizationId: ctx.user.organization.id, runsPlan: seesPlanDrafts(ctx.user, scope) };
  const roundHref = (id: string) => (canSeeRound(viewer, invited.get(id) ?? []) ? `/rounds/${id}` : plan);
  const rid = row.commentsRoundId;
  return {
    plan,
    deadline: plan,
    rounds: Object.fromEntries(row.openRounds.map((o) => [o.id, roundHref(o.id)])),
    comments: rid ? (draftsPlan(ctx.user, scope) ? `/rounds/${rid}/workbench?status=pending` : roundHref(rid)) : plan,
    review: row.review && viewer.runsPlan ? `/reviews/${row.review.id}` : plan,
    approval: `${plan}/approval`,
    filing: `${plan}/approval`,
    indicators: `${plan}/indicators`,
    projects: `${plan}/projects`,
  };
}

/** The /rollup page (and its .xlsx): the rows filtered and sorted, with links, and the summary of all. */
export function rollupView(ctx: Ctx, query: RollupQuery, now = Date.now()) {
  requireRollup(ctx);
  const { rows, scopes } = collect(ctx.db, now);
  // which organisations each round invites: only the caller's own matter for the links
  const invited = new Map<string, string[]>();
  for (const i of ctx.db
    .select({ roundId: roundInvitations.roundId })
    .from(roundInvitations)
    .where(eq(roundInvitations.organizationId, ctx.user.organization.id))
    .all()) {
    invited.set(i.roundId, [ctx.user.organization.id]);
  }
  const shown = applyQuery(rows, query);
  const city = rows.find((r) => r.level === "city");
  return {
    rows: shown.map((r) => ({ ...r, links: linksFor(ctx, r, scopes.get(r.planId)!, invited) })),
    summary: rollupSummary(rows),
    total: rows.length,
    query,
    region: city?.region ?? rows[0]?.region ?? "",
    generatedAt: isoShanghai(now),
  };
}

export type RollupViewRow = ReturnType<typeof rollupView>["rows"][number];
export type { Attention };
