// 确认修改落实: after a 修改后通过 panel conclusion the chair confirms, edition by edition, that a later
// edition of the reviewed document carries out the panel's conditions; the confirmations as the review
// page and the API list them, and the editions still to confirm.
import { and, asc, desc, eq, gt } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "~db/client";
import { editions, panelConclusions, reviewConfirmations, users } from "~db/schema";
import { confirmationSignatureHash } from "../lib/hash/signature";
import { CONFIRMATION_CONCLUSION } from "../lib/hash/signing-payload";
import { newId } from "../lib/id";
import { isoShanghai } from "../lib/time";
import { conflict, forbidden, invalid } from "../utils/errors";
import type { Ctx } from "../utils/session.server";
import { recordAudit } from "./audit.server";
import { notifyUsers } from "./notification.server";
import { loadReview } from "./review.server";
import { expectedConfirmationHash } from "./review-signature-hashes.server";
import { browserSignatureChecker, confirmationSigned } from "./review-signatures.server";
import { bindRow } from "./row-binding.server";
import { acceptSignature, editionSm3, signedFields } from "./signing-key.server";

/** The chair's confirmations of a review, oldest first; `valid` when the signature and the edition's hash still match. */
export function confirmationsOf(db: DbOrTx, reviewId: string) {
  const check = browserSignatureChecker(db, reviewId);
  return db
    .select({
      c: reviewConfirmations,
      label: editions.label,
      editionHash: editions.manifestHash,
      chairName: users.displayName,
      chairUsername: users.username,
    })
    .from(reviewConfirmations)
    .innerJoin(editions, eq(reviewConfirmations.editionId, editions.id))
    .innerJoin(users, eq(reviewConfirmations.chairId, users.id))
    .where(eq(reviewConfirmations.reviewId, reviewId))
    .orderBy(asc(reviewConfirmations.signedAt))
    .all()
    .map(({ c, label, editionHash, chairName, chairUsername }) => ({
      c,
      label,
      editionHash,
      chairName,
      chairUsername,
      browser: check("confirmation", c.chairId, c.editionId, confirmationSigned(c), [c.signingKeyId]),
    }))
    .map(({ c, label, editionHash, chairName, chairUsername, browser }) => ({
      id: c.id,
      editionId: c.editionId,
      label,
      manifestHash: c.manifestHash,
      chair: { id: c.chairId, username: chairUsername, name: chairName },
      signatureHash: c.signatureHash,
      signedAt: isoShanghai(c.signedAt),
      valid: c.manifestHash === editionHash && c.signatureHash === expectedConfirmationHash(c) && (browser === null || browser.verifies),
      browser,
    }));
}

/** Editions of the reviewed edition's document published after it and not confirmed yet, newest first. */
export function confirmationCandidates(db: DbOrTx, reviewId: string, reviewedEditionId: string) {
  const reviewed = db
    .select({ documentId: editions.documentId, publishedAt: editions.publishedAt })
    .from(editions)
    .where(eq(editions.id, reviewedEditionId))
    .get();
  if (!reviewed) return [];
  const confirmed = new Set(
    db
      .select({ e: reviewConfirmations.editionId })
      .from(reviewConfirmations)
      .where(eq(reviewConfirmations.reviewId, reviewId))
      .all()
      .map((x) => x.e),
  );
  return db
    .select({ id: editions.id, label: editions.label, manifestHash: editions.manifestHash, publishedAt: editions.publishedAt })
    .from(editions)
    .where(and(eq(editions.documentId, reviewed.documentId), gt(editions.publishedAt, reviewed.publishedAt)))
    .orderBy(desc(editions.publishedAt))
    .all()
    .filter((e) => !confirmed.has(e.id))
    .map((e) => ({ ...e, publishedAt: isoShanghai(e.publishedAt) }));
}

export const confirmationInput = z.object({
  editionId: z.string({ required_error: "validation.required" }).trim().min(1, "validation.required"),
});

/**
 * 确认修改落实: after a 修改后通过 panel conclusion the chair confirms that a later edition of the same
 * document carries out the panel's conditions. Signed like a sign-off (kind "confirmation", bound to
 * that edition's manifest hash), once per edition, audited; the drafter who set up the review is told.
 */
export function confirmReviewChanges(ctx: Ctx, reviewId: string, input: unknown, { requireBrowserSignature = false } = {}) {
  const { editionId } = confirmationInput.parse(input);
  const fields = signedFields(input, requireBrowserSignature);
  return ctx.db.transaction((tx) => {
    const r = loadReview(ctx, reviewId, tx);
    if (r.review.chairUserId !== ctx.user.id) throw forbidden("review.notChair");
    const concluded = tx
      .select({ conclusion: panelConclusions.conclusion })
      .from(panelConclusions)
      .where(eq(panelConclusions.reviewId, reviewId))
      .get();
    if (concluded?.conclusion !== "approve_with_changes") throw conflict("confirmation.notAfterChanges");
    const reviewed = tx
      .select({ documentId: editions.documentId, publishedAt: editions.publishedAt })
      .from(editions)
      .where(eq(editions.id, r.review.editionId))
      .get()!;
    const target = tx
      .select({
        documentId: editions.documentId,
        label: editions.label,
        manifestHash: editions.manifestHash,
        publishedAt: editions.publishedAt,
      })
      .from(editions)
      .where(eq(editions.id, editionId))
      .get();
    if (!target || target.documentId !== reviewed.documentId || target.publishedAt.getTime() <= reviewed.publishedAt.getTime()) {
      throw invalid([{ path: "editionId", message: "confirmation.editionInvalid" }], "confirmation.editionInvalid");
    }
    if (
      tx
        .select({ id: reviewConfirmations.id })
        .from(reviewConfirmations)
        .where(and(eq(reviewConfirmations.reviewId, reviewId), eq(reviewConfirmations.editionId, editionId)))
        .get()
    )
      throw conflict("confirmation.already");
    const browser = acceptSignature(
      tx,
      ctx.user,
      {
        reviewId,
        signerId: ctx.user.id,
        kind: "confirmation",
        conclusion: CONFIRMATION_CONCLUSION,
        opinion: "",
        manifestHash: target.manifestHash,
        manifestSm3: editionSm3(tx, editionId),
      },
      fields,
    );
    const signedAt = browser.signedAt;
    const hash = confirmationSignatureHash({ reviewId, chairId: ctx.user.id, manifestHash: target.manifestHash, signedAt });
    const id = newId("cnf");
    tx.insert(reviewConfirmations)
      .values({
        id,
        reviewId,
        editionId,
        chairId: ctx.user.id,
        manifestHash: target.manifestHash,
        signatureHash: hash,
        signingKeyId: browser.signingKeyId,
        signature: browser.signature,
        signedAt,
      })
      .run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "review.confirm",
      entityType: "review",
      entityId: reviewId,
      data: { confirmationId: id, editionId, manifestHash: target.manifestHash, signatureHash: hash, signingKeyId: browser.signingKeyId },
      bound: [bindRow(tx, "review_confirmations", id)],
    });
    notifyUsers(tx, [r.review.createdById], "review_confirmed", { reviewId, review: r.review.title, label: target.label });
    return { id, reviewId, editionId, manifestHash: target.manifestHash, signatureHash: hash, signedAt: isoShanghai(signedAt) };
  });
}
