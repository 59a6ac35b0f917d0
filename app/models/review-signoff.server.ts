// An expert's sign-off: an opinion on the review's edition, bound to the manifest hash the expert saw
// and signed in the browser when the page asks for it. One per expert; it cannot be changed.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { conclusions, panelConclusions, signoffs } from "~db/schema";
import { signatureHash } from "../lib/hash/signature";
import { newId } from "../lib/id";
import { isoShanghai } from "../lib/time";
import { conflict, forbidden } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import { recordAudit } from "./audit.server";
import { loadReviewRow } from "./review.server";
import { bindRow } from "./row-binding.server";
import { acceptSignature, editionSm3, signedFields } from "./signing-key.server";

/** An opinion with its conclusion, as an expert signs it and as the chair concludes. */
export const opinionInput = z.object({
  conclusion: z.enum(conclusions, { errorMap: () => ({ message: "validation.choice" }) }),
  opinion: z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(10000, "validation.tooLong|10000"),
});
export const signoffInput = opinionInput.extend({ manifestHash: z.string().regex(/^[0-9a-f]{64}$/, "review.hashMismatch") });

/**
 * An expert on the panel signs an opinion for the manifest hash they saw. If the edition's hash is
 * not that one, nothing is signed (409). One signature per expert; it cannot be changed.
 */
export function signOff(ctx: Ctx, reviewId: string, input: unknown, { requireBrowserSignature = false } = {}) {
  if (!can(ctx.user, "create:signoff:own")) throw forbidden("review.notOnPanel");
  const values = signoffInput.parse(input);
  const fields = signedFields(input, requireBrowserSignature);
  return ctx.db.transaction((tx) => {
    // an expert who is not on this panel is told so (403), not "not found"
    const r = loadReviewRow(tx, reviewId);
    if (!r.panel.includes(ctx.user.id)) throw forbidden("review.notOnPanel");
    if (values.manifestHash !== r.manifestHash) throw conflict("review.hashMismatch", { manifestHash: r.manifestHash });
    if (
      tx
        .select({ id: signoffs.id })
        .from(signoffs)
        .where(and(eq(signoffs.reviewId, reviewId), eq(signoffs.expertId, ctx.user.id)))
        .get()
    )
      throw conflict("review.alreadySigned");
    // once the chair has concluded, the record is closed: a late opinion would not be part of it
    if (tx.select({ r: panelConclusions.reviewId }).from(panelConclusions).where(eq(panelConclusions.reviewId, reviewId)).get())
      throw conflict("review.alreadyConcluded");
    const browser = acceptSignature(
      tx,
      ctx.user,
      {
        reviewId,
        signerId: ctx.user.id,
        kind: "signoff",
        conclusion: values.conclusion,
        opinion: values.opinion,
        manifestHash: values.manifestHash,
        manifestSm3: editionSm3(tx, r.review.editionId),
      },
      fields,
    );
    const signedAt = browser.signedAt;
    const hash = signatureHash({
      reviewId,
      signerId: ctx.user.id,
      kind: "expert",
      conclusion: values.conclusion,
      opinion: values.opinion,
      manifestHash: values.manifestHash,
      signedAt: signedAt.getTime(),
    });
    const id = newId("sgn");
    tx.insert(signoffs)
      .values({
        id,
        reviewId,
        expertId: ctx.user.id,
        conclusion: values.conclusion,
        opinion: values.opinion,
        manifestHash: values.manifestHash,
        signatureHash: hash,
        signingKeyId: browser.signingKeyId,
        signature: browser.signature,
        signedAt,
      })
      .run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "signoff.create",
      entityType: "review",
      entityId: reviewId,
      data: {
        signoffId: id,
        conclusion: values.conclusion,
        manifestHash: values.manifestHash,
        signatureHash: hash,
        signingKeyId: browser.signingKeyId,
      },
      bound: [bindRow(tx, "signoffs", id)],
    });
    return { id, signatureHash: hash, signedAt: isoShanghai(signedAt) };
  });
}
