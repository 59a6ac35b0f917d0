// What the signed records of a review (sign-offs, the panel conclusion, the chair's confirmations)
// must hash to, whether a sign-off counts, and audit:verify's check that every signature digest still
// matches its record and was recorded in the audit chain when it was made.
import { asc, inArray } from "drizzle-orm";
import type { DbOrTx } from "~db/client";
import { auditEvents, panelConclusions, reviewConfirmations, signoffs } from "~db/schema";
import { confirmationSignatureHash, signatureHash } from "../lib/hash/signature";
import { browserSignatureChecker } from "./review-signatures.server";

type SignoffRow = typeof signoffs.$inferSelect;
type ConclusionRow = typeof panelConclusions.$inferSelect;

/** The digest an expert's sign-off must carry. */
export const expectedSignoffHash = (s: SignoffRow) =>
  signatureHash({
    reviewId: s.reviewId,
    signerId: s.expertId,
    kind: "expert",
    conclusion: s.conclusion,
    opinion: s.opinion,
    manifestHash: s.manifestHash,
    signedAt: s.signedAt.getTime(),
  });

/** The digest the chair's panel conclusion must carry. */
export const expectedConclusionHash = (c: ConclusionRow) =>
  signatureHash({
    reviewId: c.reviewId,
    signerId: c.chairId,
    kind: "panel",
    conclusion: c.conclusion,
    opinion: c.opinion,
    manifestHash: c.manifestHash,
    signedAt: c.signedAt.getTime(),
  });

/** The digest a chair's confirmation must carry. */
export const expectedConfirmationHash = (c: typeof reviewConfirmations.$inferSelect) => confirmationSignatureHash(c);

/**
 * A sign-off counts when it is on the reviewed edition's hash, its signature digest still matches its
 * content and, when it carries a browser signature, that signature verifies with the expert's key.
 */
export function signoffChecker(db: DbOrTx, reviewId: string, editionId: string, manifestHash: string, rows: SignoffRow[]) {
  const check = browserSignatureChecker(db, reviewId);
  const ids = rows.map((s) => s.signingKeyId);
  return (s: SignoffRow) => {
    const browser = check("signoff", s.expertId, editionId, s, ids);
    return {
      browser,
      valid: s.manifestHash === manifestHash && s.signatureHash === expectedSignoffHash(s) && (browser === null || browser.verifies),
    };
  };
}

/**
 * Every sign-off, panel conclusion and confirmation must still hash to its signature, and its signature must have
 * been recorded in the audit chain when it was made. Returns the first record that fails, or null.
 */
export function firstBrokenSignature(db: DbOrTx): string | null {
  const recorded = new Set(
    db
      .select({ data: auditEvents.data })
      .from(auditEvents)
      .where(inArray(auditEvents.action, ["signoff.create", "review.conclude", "review.confirm"]))
      .all()
      .map((e) => String((JSON.parse(e.data) as { signatureHash?: string }).signatureHash)),
  );
  for (const s of db.select().from(signoffs).orderBy(asc(signoffs.signedAt)).all()) {
    if (s.signatureHash !== expectedSignoffHash(s) || !recorded.has(s.signatureHash)) return s.id;
  }
  for (const c of db.select().from(panelConclusions).all()) {
    if (c.signatureHash !== expectedConclusionHash(c) || !recorded.has(c.signatureHash)) return `conclusion:${c.reviewId}`;
  }
  for (const c of db.select().from(reviewConfirmations).orderBy(asc(reviewConfirmations.signedAt)).all()) {
    if (c.signatureHash !== expectedConfirmationHash(c) || !recorded.has(c.signatureHash)) return `confirmation:${c.id}`;
  }
  return null;
}
