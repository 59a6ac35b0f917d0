// The browser signatures on a review's records, as the review page, the API, the sheet and
// audit:verify see them: which key (fingerprint, JWK, revoked when) and whether the signature verifies.
import { asc } from "drizzle-orm";
import type { DbOrTx } from "~db/client";
import { panelConclusions, reviewConfirmations, reviews, signoffs } from "~db/schema";
import { CONFIRMATION_CONCLUSION, type SignedKind } from "../lib/hash/signing-payload";
import { editionSm3, type KeyInfo, keysById, storedSignatureVerifies } from "./signing-key.server";

type Signed = {
  signingKeyId: string | null;
  signature: string | null;
  signedAt: Date;
  conclusion: string;
  opinion: string;
  manifestHash: string;
};

export type BrowserSignatureView = {
  signature: string;
  publicKey: KeyInfo["jwk"] | null;
  algorithm: string | null;
  fingerprint: string | null;
  keyRevokedAt: string | null;
  verifies: boolean;
} | null;

/** Checks records of one review against their keys; `sm3` is the signed edition's SM3 digest. */
export function browserSignatureChecker(db: DbOrTx, reviewId: string) {
  const sm3ByEdition = new Map<string, string>();
  const sm3 = (editionId: string) => {
    if (!sm3ByEdition.has(editionId)) sm3ByEdition.set(editionId, editionSm3(db, editionId));
    return sm3ByEdition.get(editionId)!;
  };
  let keys: Map<string, KeyInfo> | null = null;
  return (kind: SignedKind, signerId: string, editionId: string, row: Signed, allKeyIds: (string | null)[]): BrowserSignatureView => {
    if (!row.signature) return null;
    keys ??= keysById(db, allKeyIds);
    const key = row.signingKeyId ? keys.get(row.signingKeyId) : undefined;
    const verifies = storedSignatureVerifies(
      key,
      signerId,
      {
        reviewId,
        signerId,
        kind,
        conclusion: row.conclusion,
        opinion: row.opinion,
        manifestHash: row.manifestHash,
        manifestSm3: sm3(editionId),
      },
      row.signedAt,
      row.signature,
    );
    return {
      signature: row.signature,
      publicKey: key?.jwk ?? null,
      algorithm: key?.algorithm ?? null,
      fingerprint: key?.fingerprint ?? null,
      keyRevokedAt: key?.revokedAt ?? null,
      verifies,
    };
  };
}

/** A confirmation's record in the shape the checker takes (it confirms 修改后通过 and has no opinion). */
export const confirmationSigned = (c: typeof reviewConfirmations.$inferSelect): Signed => ({
  ...c,
  conclusion: CONFIRMATION_CONCLUSION,
  opinion: "",
});

/**
 * audit:verify: every stored browser signature (sign-offs, conclusions, confirmations) must verify with
 * the key it names, registered to its signer. Returns the first that does not, as "table:id", or null.
 */
export function firstBrokenBrowserSignature(db: DbOrTx): string | null {
  const editionOf = new Map(
    db
      .select({ id: reviews.id, editionId: reviews.editionId })
      .from(reviews)
      .all()
      .map((r) => [r.id, r.editionId]),
  );
  const signedSignoffs = db
    .select()
    .from(signoffs)
    .orderBy(asc(signoffs.signedAt))
    .all()
    .filter((s) => s.signature);
  const signedConclusions = db
    .select()
    .from(panelConclusions)
    .all()
    .filter((c) => c.signature);
  const signedConfirmations = db
    .select()
    .from(reviewConfirmations)
    .orderBy(asc(reviewConfirmations.signedAt))
    .all()
    .filter((c) => c.signature);
  const ids = [...signedSignoffs, ...signedConclusions, ...signedConfirmations].map((r) => r.signingKeyId);
  for (const s of signedSignoffs) {
    const view = browserSignatureChecker(db, s.reviewId)("signoff", s.expertId, editionOf.get(s.reviewId) ?? "", s, ids);
    if (!view?.verifies) return `signoffs:${s.id}`;
  }
  for (const c of signedConclusions) {
    const view = browserSignatureChecker(db, c.reviewId)("conclusion", c.chairId, editionOf.get(c.reviewId) ?? "", c, ids);
    if (!view?.verifies) return `panel_conclusions:${c.reviewId}`;
  }
  for (const c of signedConfirmations) {
    const view = browserSignatureChecker(db, c.reviewId)("confirmation", c.chairId, c.editionId, confirmationSigned(c), ids);
    if (!view?.verifies) return `review_confirmations:${c.id}`;
  }
  return null;
}
