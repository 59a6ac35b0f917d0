// The chair's panel conclusion: signed once as many valid sign-offs as the quorum are in; 修改后通过
// lists the conditions the chair later confirms (review-confirmation).
import { eq } from "drizzle-orm";
import { z } from "zod";
import { panelConclusions, signoffs } from "~db/schema";
import { signatureHash } from "../lib/hash/signature";
import { isoShanghai } from "../lib/time";
import { conflict, DomainError, forbidden, invalid } from "../utils/errors";
import type { Ctx } from "../utils/session.server";
import { recordAudit } from "./audit.server";
import { loadReview } from "./review.server";
import { signoffChecker } from "./review-signature-hashes.server";
import { opinionInput } from "./review-signoff.server";
import { bindRow } from "./row-binding.server";
import { acceptSignature, editionSm3, signedFields } from "./signing-key.server";

/** 修改后通过 lists its conditions: an array of strings, or (from the page) one per line. */
export const conclusionInput = opinionInput.extend({
  conditions: z.preprocess(
    (v) => (typeof v === "string" ? v.split(/\r?\n/) : v),
    z
      .array(z.string().max(1000, "validation.tooLong|1000"))
      .max(50)
      .transform((list) => list.map((c) => c.trim()).filter(Boolean))
      .optional(),
  ),
});

/** The chair's panel conclusion, once as many valid signatures as the quorum are in. */
export function concludeReview(ctx: Ctx, reviewId: string, input: unknown, { requireBrowserSignature = false } = {}) {
  const values = conclusionInput.parse(input);
  const conditions = values.conclusion === "approve_with_changes" ? (values.conditions ?? []) : [];
  const fields = signedFields(input, requireBrowserSignature);
  return ctx.db.transaction((tx) => {
    const r = loadReview(ctx, reviewId, tx);
    if (r.review.chairUserId !== ctx.user.id) throw forbidden("review.notChair");
    if (tx.select({ r: panelConclusions.reviewId }).from(panelConclusions).where(eq(panelConclusions.reviewId, reviewId)).get())
      throw conflict("review.alreadyConcluded");
    // the same rule as `valid` in getReview: a signature whose row was changed does not count
    const rows = tx.select().from(signoffs).where(eq(signoffs.reviewId, reviewId)).all();
    const check = signoffChecker(tx, reviewId, r.review.editionId, r.manifestHash, rows);
    const valid = rows.filter((s) => check(s).valid).length;
    if (valid < r.review.quorum) throw new DomainError("conflict", "review.quorumNotReached", { quorum: r.review.quorum });
    if (values.conclusion === "approve_with_changes" && conditions.length === 0)
      throw invalid([{ path: "conditions", message: "review.conditionsRequired" }], "review.conditionsRequired");
    const browser = acceptSignature(
      tx,
      ctx.user,
      {
        reviewId,
        signerId: ctx.user.id,
        kind: "conclusion",
        conclusion: values.conclusion,
        opinion: values.opinion,
        manifestHash: r.manifestHash,
        manifestSm3: editionSm3(tx, r.review.editionId),
      },
      fields,
    );
    const signedAt = browser.signedAt;
    const hash = signatureHash({
      reviewId,
      signerId: ctx.user.id,
      kind: "panel",
      conclusion: values.conclusion,
      opinion: values.opinion,
      manifestHash: r.manifestHash,
      signedAt: signedAt.getTime(),
    });
    tx.insert(panelConclusions)
      .values({
        reviewId,
        chairId: ctx.user.id,
        conclusion: values.conclusion,
        opinion: values.opinion,
        manifestHash: r.manifestHash,
        conditions: JSON.stringify(conditions),
        signatureHash: hash,
        signingKeyId: browser.signingKeyId,
        signature: browser.signature,
        signedAt,
      })
      .run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "review.conclude",
      entityType: "review",
      entityId: reviewId,
      data: {
        conclusion: values.conclusion,
        conditions,
        manifestHash: r.manifestHash,
        signatureHash: hash,
        signingKeyId: browser.signingKeyId,
      },
      bound: [bindRow(tx, "panel_conclusions", reviewId)],
    });
    return { reviewId, signatureHash: hash, signedAt: isoShanghai(signedAt) };
  });
}
