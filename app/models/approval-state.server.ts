// The state of a plan on the road to approval, read by the gate, the records and the pages: its
// editions, the gate's input, the request in force, the approval and the filing, who is notified.
import { and, asc, count, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Translate } from "~/i18n";
import type { DbOrTx } from "~db/client";
import {
  approvalRequests,
  approvals,
  comments,
  documents,
  editions,
  filings,
  organizations,
  panelConclusions,
  plans,
  responses,
  reviewConfirmations,
  reviews,
  rounds,
  signoffs,
  users,
} from "~db/schema";
import type { GateInput, GateResult } from "../lib/approval/gate";
import { closesAtOf, isRoundOpen } from "../lib/round-deadline";
import { isoShanghai } from "../lib/time";
import { invalid, notFound } from "../utils/errors";
import { cityRollupCheck } from "./indicator-check.server";

export function planDetails(db: DbOrTx, planId: string) {
  const p = db
    .select({
      id: plans.id,
      title: plans.title,
      level: plans.level,
      region: plans.region,
      stage: plans.stage,
      parentPlanId: plans.parentPlanId,
      draftingOrganizationId: plans.draftingOrganizationId,
      periodStart: plans.periodStart,
      periodEnd: plans.periodEnd,
      owner: organizations.fullName,
    })
    .from(plans)
    .innerJoin(organizations, eq(plans.ownerOrganizationId, organizations.id))
    .where(eq(plans.id, planId))
    .get();
  if (!p) throw notFound();
  return p;
}

/** Every edition of the plan's documents, plan text first, newest first within a document kind. */
export function planEditions(db: DbOrTx, planId: string) {
  return db
    .select({
      id: editions.id,
      label: editions.label,
      manifestHash: editions.manifestHash,
      publishedAt: editions.publishedAt,
      documentId: documents.id,
      documentTitle: documents.title,
      documentKind: documents.kind,
    })
    .from(editions)
    .innerJoin(documents, eq(editions.documentId, documents.id))
    .where(eq(documents.planId, planId))
    .orderBy(asc(documents.sortOrder), desc(editions.publishedAt))
    .all()
    .sort((a, b) => Number(b.documentKind === "text") - Number(a.documentKind === "text"));
}

/** The edition submitted by default: the newest edition of the plan text (else of any document). */
export function defaultEdition(db: DbOrTx, planId: string) {
  const all = planEditions(db, planId);
  return all.find((e) => e.documentKind === "text") ?? all[0] ?? null;
}

/** The plan's rounds and reviews as the gate reads them. */
export function gateInput(db: DbOrTx, planId: string, editionId: string, now = Date.now()): GateInput {
  const roundRows = db
    .select({ id: rounds.id, title: rounds.title, closesAt: rounds.closesAt, closedEarlyAt: rounds.closedEarlyAt })
    .from(rounds)
    .innerJoin(editions, eq(rounds.editionId, editions.id))
    .innerJoin(documents, eq(editions.documentId, documents.id))
    .where(eq(documents.planId, planId))
    .orderBy(asc(rounds.createdAt))
    .all();
  const counts = new Map(
    roundRows.length
      ? db
          .select({
            roundId: comments.roundId,
            total: count(),
            unanswered: sql<number>`sum(case when ${responses.commentId} is null then 1 else 0 end)`,
          })
          .from(comments)
          .leftJoin(responses, eq(responses.commentId, comments.id))
          .where(
            and(
              inArray(
                comments.roundId,
                roundRows.map((r) => r.id),
              ),
              isNull(comments.withdrawnAt),
            ),
          )
          .groupBy(comments.roundId)
          .all()
          .map((c) => [c.roundId, c])
      : [],
  );
  const reviewRows = db
    .select({
      id: reviews.id,
      title: reviews.title,
      editionId: reviews.editionId,
      quorum: reviews.quorum,
      label: editions.label,
      manifestHash: editions.manifestHash,
      documentId: editions.documentId,
      conclusion: panelConclusions.conclusion,
      concludedAt: panelConclusions.signedAt,
    })
    .from(reviews)
    .innerJoin(editions, eq(reviews.editionId, editions.id))
    .innerJoin(documents, eq(editions.documentId, documents.id))
    .leftJoin(panelConclusions, eq(panelConclusions.reviewId, reviews.id))
    .where(eq(documents.planId, planId))
    .orderBy(asc(reviews.createdAt))
    .all();
  const ids = reviewRows.map((r) => r.id);
  const signed = ids.length
    ? db
        .select({ reviewId: signoffs.reviewId, manifestHash: signoffs.manifestHash })
        .from(signoffs)
        .where(inArray(signoffs.reviewId, ids))
        .all()
    : [];
  const confirmed = ids.length
    ? db
        .select({ reviewId: reviewConfirmations.reviewId, editionId: reviewConfirmations.editionId })
        .from(reviewConfirmations)
        .where(inArray(reviewConfirmations.reviewId, ids))
        .all()
    : [];
  return {
    editionId,
    rounds: roundRows.map((r) => {
      const c = counts.get(r.id);
      return {
        id: r.id,
        title: r.title,
        open: isRoundOpen(r, now),
        closesAt: isoShanghai(closesAtOf(r)),
        comments: c?.total ?? 0,
        unanswered: Number(c?.unanswered ?? 0),
      };
    }),
    reviews: reviewRows.map((r) => ({
      id: r.id,
      title: r.title,
      editionId: r.editionId,
      editionLabel: r.label,
      documentId: r.documentId,
      quorum: r.quorum,
      signed: signed.filter((s) => s.reviewId === r.id && s.manifestHash === r.manifestHash).length,
      conclusion: r.conclusion,
      concludedAt: r.concludedAt ? r.concludedAt.getTime() : null,
      confirmedEditionIds: confirmed.filter((c) => c.reviewId === r.id).map((c) => c.editionId),
    })),
  };
}

export interface Warning {
  code: "no_rounds" | "indicator_mismatch";
  message: string;
  figures?: Record<string, unknown>;
}

/** What does not block the request but should be read first: no consultation held, indicator roll-up mismatches. */
export function warningsOf(db: DbOrTx, planId: string, gate: GateResult, t: Translate): Warning[] {
  const out: Warning[] = [];
  if (gate.rounds.total === 0) out.push({ code: "no_rounds", message: t("approval.warning.noRounds") });
  for (const r of cityRollupCheck(db, planId).filter((x) => !x.ok)) {
    const comparison = t(r.direction === "up" ? "approval.warning.below" : "approval.warning.above");
    out.push({
      code: "indicator_mismatch",
      message: t("approval.warning.indicator", {
        name: r.name,
        year: r.year,
        countySum: r.countySum,
        city: r.city,
        unit: r.unit,
        comparison,
      }),
      figures: { indicator: r.code, year: r.year, city: r.city, countySum: r.countySum },
    });
  }
  return out;
}

/** The request in force: the newest one not withdrawn (pending until approved). */
export function activeRequest(db: DbOrTx, planId: string) {
  return db
    .select()
    .from(approvalRequests)
    .where(and(eq(approvalRequests.planId, planId), isNull(approvalRequests.withdrawnAt)))
    .orderBy(desc(approvalRequests.requestedAt))
    .get();
}

export const approvalOf = (db: DbOrTx, planId: string) => db.select().from(approvals).where(eq(approvals.planId, planId)).get();
export const filingOf = (db: DbOrTx, planId: string) => db.select().from(filings).where(eq(filings.planId, planId)).get();

/** The edition of this plan the caller names, or 400 (an unknown edition, or another plan's). */
export function editionOfPlan(db: DbOrTx, planId: string, editionId: string) {
  const e = db
    .select({
      id: editions.id,
      label: editions.label,
      manifestHash: editions.manifestHash,
      planId: documents.planId,
      documentTitle: documents.title,
    })
    .from(editions)
    .innerJoin(documents, eq(editions.documentId, documents.id))
    .where(eq(editions.id, editionId))
    .get();
  if (!e || e.planId !== planId) throw invalid([{ path: "editionId", message: "approval.editionNotInPlan" }], "approval.editionNotInPlan");
  return e;
}

const activeUsers = (db: DbOrTx, ...where: SQL[]) =>
  db
    .select({ id: users.id })
    .from(users)
    .where(and(isNull(users.disabledAt), ...where))
    .all()
    .map((u) => u.id);
/** Every coordinator of 市自然资源局 (they watch approvals and record filings). */
export const coordinators = (db: DbOrTx) => activeUsers(db, eq(users.role, "coordinator"));
/** The drafters of the organisation that drafts a plan. */
export const draftersOf = (db: DbOrTx, organizationId: string | null) =>
  organizationId ? activeUsers(db, eq(users.role, "drafter"), eq(users.organizationId, organizationId)) : [];
