// Technical review: an expert panel signs opinions bound to the edition's manifest hash as they saw
// it; the chair signs the panel conclusion once the quorum has signed. Nothing signed can change.
// This module sets a review up and loads it for whoever may see it; the panel's records are signed in
// review-signoff, review-conclusion and review-confirmation, read in review-view and checked in
// review-signature-hashes.
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "~db/client";
import { documents, editions, reviewExperts, reviews, users } from "~db/schema";
import { newId } from "../lib/id";
import { forbidden, invalid, notFound } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import { recordAudit } from "./audit.server";
import { planIdOfEdition, requirePlanDrafter, seesDrafts } from "./plan-access.server";

export const reviewInput = z.object({
  title: z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(200, "validation.tooLong|200"),
  expertUserIds: z.preprocess((v) => (typeof v === "string" ? [v] : v), z.array(z.string().min(1)).min(1, "review.invalidPanel").max(50)),
  chairUserId: z.string().min(1, "review.invalidPanel"),
  quorum: z.coerce.number().int().min(1, "review.invalidPanel"),
  meetingDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .nullable()
    .or(z.literal("").transform(() => null)),
});

/** Sets up a review of an edition (drafters and admins). */
export function createReview(ctx: Ctx, editionId: string, input: unknown) {
  if (!can(ctx.user, "create:review:any")) throw forbidden();
  const values = reviewInput.parse(input);
  const experts = [...new Set(values.expertUserIds)];
  if (!experts.includes(values.chairUserId) || values.quorum > experts.length)
    throw invalid([{ path: "quorum", message: "review.invalidPanel" }], "review.invalidPanel");
  return ctx.db.transaction((tx) => {
    const planId = planIdOfEdition(tx, editionId);
    if (!planId) throw notFound();
    // admins may set up any plan's review; drafters only their own plan's
    if (ctx.user.role !== "admin") requirePlanDrafter(ctx, planId, tx);
    const found = tx
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, experts), eq(users.role, "expert")))
      .all();
    if (found.length !== experts.length) throw invalid([{ path: "expertUserIds", message: "review.invalidPanel" }], "review.invalidPanel");
    const id = newId("rvw");
    tx.insert(reviews)
      .values({
        id,
        editionId,
        title: values.title,
        chairUserId: values.chairUserId,
        quorum: values.quorum,
        meetingDate: values.meetingDate ?? null,
        createdById: ctx.user.id,
      })
      .run();
    for (const userId of experts) tx.insert(reviewExperts).values({ reviewId: id, userId }).run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "review.create",
      entityType: "review",
      entityId: id,
      data: { editionId, experts, chairUserId: values.chairUserId, quorum: values.quorum },
    });
    return { id };
  });
}

/** A review the caller may see: drafters and admins all, experts those they sit on. */
export function loadReview(ctx: Ctx, reviewId: string, db: DbOrTx = ctx.db) {
  const r = loadReviewRow(db, reviewId);
  const runsPlan = can(ctx.user, "read:review:any") && seesDrafts(ctx, r.planId, db);
  if (!runsPlan && !(can(ctx.user, "read:review:own") && r.panel.includes(ctx.user.id))) throw notFound();
  return r;
}

/** A review with its edition's hash, document and plan, and the panel's user ids (no permission check). */
export function loadReviewRow(db: DbOrTx, reviewId: string) {
  const row = db
    .select({
      review: reviews,
      manifestHash: editions.manifestHash,
      editionLabel: editions.label,
      documentTitle: documents.title,
      planId: documents.planId,
    })
    .from(reviews)
    .innerJoin(editions, eq(reviews.editionId, editions.id))
    .innerJoin(documents, eq(editions.documentId, documents.id))
    .where(eq(reviews.id, reviewId))
    .get();
  if (!row) throw notFound();
  const panel = db
    .select({ userId: reviewExperts.userId })
    .from(reviewExperts)
    .where(eq(reviewExperts.reviewId, reviewId))
    .all()
    .map((p) => p.userId);
  return { ...row, panel };
}
